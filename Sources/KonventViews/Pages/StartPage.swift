import KonventDomain

/// The start page: what the masterplan process is and how to take part, the next formats and the
/// latest decisions, its timeline, the fields of action (each leading to its contributions and
/// measures) and the districts with their population.
public enum StartPage {
    public struct Model: Sendable {
        public var configuration: RegionConfiguration
        /// Today as an ISO date, to mark which milestones are past.
        public var today: String
        public var nextFormats: [(format: Format, times: FormatTimes)] = []
        /// Sessions whose decisions were released, newest first.
        public var decisions: [SessionListPage.Entry] = []

        public init(configuration: RegionConfiguration, today: String) {
            self.configuration = configuration
            self.today = today
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, config = model.configuration, language = context.language
        return Layout.page(title: t("start.title"), context) {
            el("div", .class("intro")) {
                el("h1") { Layout.breakable(config.process.title[language]) }
                SafeMarkup.render(config.process.summary[language])
                if context.user == nil {
                    el("p", .class("actions")) {
                        el("a", .class("button"), .href(Site.Accounts.register())) { t("start.cta.register") }
                        " "
                        el("a", .class("button button--secondary"), .href(Site.Accounts.login())) { t("start.cta.login") }
                    }
                }
            }
            takePart(t)
            news(model, t)
            timeline(model, t)
            fields(config, t)
            districts(config, t)
        }
    }

    static func timeline(_ model: Model, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("timeline-title")) {
            el("h2", .id("timeline-title")) { t("start.timeline") }
            el("ol", .class("timeline")) {
                for milestone in model.configuration.milestones {
                    let past = milestone.date < model.today
                    el("li", .class(past ? "timeline__item timeline__item--past" : "timeline__item")) {
                        el("time", .datetime(milestone.date)) { t.date(iso: milestone.date) }
                        el("span", .class("visually-hidden")) { past ? t("start.timeline.past") : t("start.timeline.upcoming") }
                        el("strong") { milestone.title[t.language] }
                        if let description = milestone.description { el("p") { description[t.language] } }
                    }
                }
            }
            el("p") { t("start.deadline", ["date": t.date(iso: model.configuration.process.deadline)]) }
        }
    }

    /// Three ways in, each one step from here.
    static func takePart(_ t: Translator) -> Node {
        el("section", .ariaLabelledBy("takepart-title")) {
            el("h2", .id("takepart-title")) { t("start.takePart") }
            el("ol", .class("steps")) {
                el("li") { el("a", .href(Site.Contributions.new())) { t("start.takePart.contribute") }; " – "; t("start.takePart.contribute.text") }
                el("li") { el("a", .href(Site.Formats.list())) { t("start.takePart.formats") }; " – "; t("start.takePart.formats.text") }
                el("li") { el("a", .href(Site.Contributions.list())) { t("start.takePart.support") }; " – "; t("start.takePart.support.text") }
            }
        }
    }

    static func news(_ model: Model, _ t: Translator) -> Node {
        el("div", .class("start-news")) {
            el("section", .ariaLabelledBy("next-formats-title")) {
                el("h2", .id("next-formats-title")) { t("start.nextFormats") }
                if model.nextFormats.isEmpty { el("p") { t("start.nextFormats.none") } }
                el("ul", .class("result-list")) {
                    for (format, times) in model.nextFormats { el("li") { FormatSummary.item(format, times, model.configuration, t) } }
                }
                el("p") { el("a", .href(Site.Formats.list())) { t("start.nextFormats.all") } }
            }
            el("section", .ariaLabelledBy("decisions-title")) {
                el("h2", .id("decisions-title")) { t("start.decisions") }
                if model.decisions.isEmpty { el("p") { t("start.decisions.none") } }
                el("ul", .class("plain-list")) {
                    for entry in model.decisions {
                        el("li") {
                            el("a", .href(Site.Sessions.page(BodySessionID(entry.id)))) { entry.title }
                            el("p", .class("meta")) {
                                model.configuration.body(entry.body)?.name[t.language] ?? entry.body
                                " · "
                                el("time", .datetime(entry.start)) { t.date(iso: entry.start) }
                            }
                        }
                    }
                }
                el("p") { el("a", .href(Site.Measures.list().query(["state": "adopted"]))) { t("start.decisions.measures") } }
                el("p") { el("a", .href(Site.Implementation.overview())) { t("start.implementation") } }
            }
        }
    }

    static func fields(_ config: RegionConfiguration, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("fields-title")) {
            el("h2", .id("fields-title")) { t("start.fields") }
            el("ul", .class("cards")) {
                for field in config.fieldsOfAction {
                    el("li", .class("card")) {
                        el("h3") { field.name[t.language] }
                        el("p") { field.description[t.language] }
                        el("p", .class("card-links")) {
                            el("a", .href(Site.Contributions.list().query(["field": field.key]))) {
                                t("start.field.contributions")
                                el("span", .class("visually-hidden")) { ": \(field.name[t.language])" }
                            }
                            " · "
                            el("a", .href(Site.Measures.list().query(["field": field.key]))) {
                                t("start.field.measures")
                                el("span", .class("visually-hidden")) { ": \(field.name[t.language])" }
                            }
                        }
                    }
                }
            }
        }
    }

    static func districts(_ config: RegionConfiguration, _ t: Translator) -> Node {
        let districts = config.districts
        let total = districts.reduce(0) { $0 + $1.population }
        let year = districts.first.map { String($0.populationYear) } ?? ""
        return el("section", .ariaLabelledBy("districts-title")) {
            el("h2", .id("districts-title")) { t("start.districts") }
            Layout.scrolling(.ariaLabelledBy("districts-title")) { el("table", .class("data-table")) {
                el("caption") { t("start.districts.caption", ["year": year]) }
                el("thead") {
                    el("tr") {
                        el("th", Attribute("scope", "col")) { t("start.districts.name") }
                        el("th", Attribute("scope", "col"), .class("numeric")) { t("start.districts.municipalities") }
                        el("th", Attribute("scope", "col"), .class("numeric")) { t("start.districts.population") }
                    }
                }
                el("tbody") {
                    for district in districts {
                        el("tr") {
                            el("th", Attribute("scope", "row")) { district.name }
                            el("td", .class("numeric")) { t.number(config.municipalities(in: district.officialKey).count) }
                            el("td", .class("numeric")) { t.number(district.population) }
                        }
                    }
                }
                el("tfoot") {
                    el("tr") {
                        el("th", Attribute("scope", "row")) { t("start.districts.total") }
                        el("td", .class("numeric")) {
                            t.number(config.territories.filter { $0.kind == .municipality }.count)
                        }
                        el("td", .class("numeric")) { t.number(total) }
                    }
                }
            } }
            el("p", .class("attribution")) { t("data.source") + " " + config.territoryAttribution }
        }
    }
}
