import KonventDomain

/// `/daten`: what the platform publishes as data, under which licence, and how to fetch it, for
/// journalists, researchers and administrations; the interfaces describe themselves in detail.
public enum OpenDataPage {
    public struct Model: Sendable {
        /// The installation's address, for the examples ("https://konvent.example").
        public var baseURL: String
        public var licenceURI: String
        public var attribution: String
        public var publisher: String?
        public var contact: String?

        public init(baseURL: String, licenceURI: String, attribution: String, publisher: String?, contact: String?) {
            self.baseURL = baseURL
            self.licenceURI = licenceURI
            self.attribution = attribution
            self.publisher = publisher
            self.contact = contact
        }
    }

    /// A dataset and where it comes out: (label, path) pairs; a label is a format's name or a catalog key.
    struct Dataset {
        var key: String
        var links: [(String, String)]
    }

    static var datasets: [Dataset] {
        [
            Dataset(key: "contributions", links: [("JSON", Site.API.contributions()), ("Atom", Site.Feeds.contributions())]),
            Dataset(key: "formats", links: [("JSON", Site.API.formats()), ("iCalendar", Site.Formats.feed())]),
            Dataset(key: "measures", links: [("JSON", Site.API.measures())]),
            Dataset(key: "adopted", links: ["measures.json", "measures.csv", "financing.csv", "indicators.csv", "trace.csv"].map {
                ($0, Site.Masterplan.data($0)())
            }),
            Dataset(key: "sessions", links: [("JSON", Site.API.sessions()), ("OParl 1.1", Site.oparl()), ("Atom", Site.Feeds.decisions()),
                                                 ("iCalendar", Site.Sessions.feed())]),
            Dataset(key: "masterplan", links: [("JSON", Site.API.masterplanVersions()), ("Atom", Site.Feeds.masterplan())]),
            Dataset(key: "figures", links: [("JSON", Site.API.figures())]),
            Dataset(key: "maps", links: [("opendata.maps.districts", Site.API.geoDistricts()),
                                         ("opendata.maps.municipalities", Site.API.geoMunicipalities()), ("opendata.maps.formats", Site.API.geoFormats())]),
            Dataset(key: "announcements", links: [("Atom", Site.Feeds.announcements())]),
        ]
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        let api = model.baseURL + Site.API.index()
        return Layout.page(title: t("opendata.title"), context) {
            el("h1") { t("opendata.title") }
            el("p", .class("lead")) { t("opendata.intro") }
            el("section", .ariaLabelledBy("licence-title")) {
                el("h2", .id("licence-title")) { t("opendata.licence.title") }
                el("p") {
                    t("opendata.licence.before")
                    el("a", .href(model.licenceURI == RegionConfiguration.OpenData.defaultLicence ? "https://www.govdata.de/dl-de/by-2-0" : model.licenceURI)) {
                        model.licenceURI == RegionConfiguration.OpenData.defaultLicence ? t("opendata.licence.dlde") : model.licenceURI
                    }
                    t("opendata.licence.after")
                }
                el("p") { t("opendata.attribution", ["source": model.attribution]) }
                if let publisher = model.publisher { el("p") { t("opendata.publisher", ["publisher": publisher]) } }
                if let contact = model.contact {
                    el("p") { t("opendata.contact"); " "; el("a", .href("mailto:" + contact)) { contact } }
                }
            }
            el("section", .ariaLabelledBy("datasets-title")) {
                el("h2", .id("datasets-title")) { t("opendata.datasets.title") }
                el("ul", .class("result-list")) {
                    for dataset in datasets {
                        el("li") {
                            el("h3", .class("result-title")) { t("opendata.dataset.\(dataset.key)") }
                            el("p") { t("opendata.dataset.\(dataset.key).text") }
                            el("p", .class("meta")) {
                                for (index, link) in dataset.links.enumerated() {
                                    if index > 0 { " · " }
                                    // A format's name as it is, or a label from the catalog.
                                    el("a", .href(link.1)) { link.0.hasPrefix("opendata.") ? t(link.0) : link.0 }
                                }
                            }
                        }
                    }
                }
            }
            el("section", .class("long-addresses"), .ariaLabelledBy("api-title")) {
                el("h2", .id("api-title")) { t("opendata.api.title") }
                el("p") {
                    t("opendata.api.intro", ["address": api]); " "
                    el("a", .href(Site.API.openAPI())) { t("opendata.api.openapi") }
                }
                el("p") { t("opendata.api.rules") }
                el("p") {
                    t("opendata.oparl", ["address": model.baseURL + Site.oparl()])
                }
                el("p") {
                    t("opendata.dcat"); " "
                    el("a", .href(Site.DCAT.turtle())) { "Turtle" }; " · "
                    el("a", .href(Site.DCAT.jsonLD())) { "JSON-LD" }
                }
                el("h3") { t("opendata.api.examples") }
                example(t("opendata.api.example.ideas"), "curl '\(model.baseURL)\(Site.API.contributions())?kind=idea&limit=5'")
                example(t("opendata.api.example.next"), "curl '\(model.baseURL)\(Site.API.contributions())?kind=idea&limit=5&cursor=…'")
                example(t("opendata.api.example.etag"), "curl -i -H 'If-None-Match: \"…\"' '\(model.baseURL)\(Site.API.measures())'")
                example(t("opendata.api.example.english"), "curl -H 'Accept-Language: en' '\(model.baseURL)\(Site.API.contributions())?kind=wish'")
                example(t("opendata.api.example.jq"), "curl -s '\(model.baseURL)\(Site.API.measures())?state=adopted' | jq '.items[] | {code, title, estimatedCost}'")
            }
        }
    }

    static func example(_ text: String, _ command: String) -> Node {
        el("div", .class("example-block")) {
            el("p") { text }
            el("pre", .class("example example--wrap")) { el("code") { command } }
        }
    }
}
