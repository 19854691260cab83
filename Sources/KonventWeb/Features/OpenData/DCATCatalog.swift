import KonventDomain
import KonventStorage
import KonventViews

/// The catalogue of what Konvent publishes, in DCAT-AP.de 2.0: the datasets with their
/// distributions, the API and OParl as data services, the licence with its attribution, the
/// publisher and contact from the configuration, the dates from the data.
struct DCATCatalog {
    let region: RegionConfiguration
    let link: (String) -> String
    let time: (Int64) -> String
    let spans: [OpenDataSpans.Dataset: OpenDataSpans.Span]
    /// The newest published version of the masterplan, whose files the catalogue names.
    let latestVersion: Int?

    enum NS {
        static let dcat = "http://www.w3.org/ns/dcat#"
        static let dct = "http://purl.org/dc/terms/"
        static let dcatde = "http://dcat-ap.de/def/dcatde/"
        static let foaf = "http://xmlns.com/foaf/0.1/"
        static let vcard = "http://www.w3.org/2006/vcard/ns#"
        static let xsd = RDFGraph.xsd
        static let eu = "http://publications.europa.eu/resource/authority/"
        static let iana = "https://www.iana.org/assignments/media-types/"
    }

    static let prefixes = [("dcat", NS.dcat), ("dct", NS.dct), ("dcatde", NS.dcatde), ("foaf", NS.foaf), ("vcard", NS.vcard), ("xsd", NS.xsd)]

    struct Distribution {
        var title: String
        var path: String
        /// The EU file type (`JSON`), nil where the EU list has none (Atom, iCalendar).
        var format: String?
        var mediaType: String
        var viaService: Bool = false
        var download: Bool = false
    }

    struct Dataset {
        var key: String
        var title: LocalizedText
        var description: LocalizedText
        var landingPage: String
        var themes: [String]
        var frequency: String
        var span: OpenDataSpans.Dataset
        var keywords: [String]
        var distributions: [Distribution]
    }

    var datasets: [Dataset] {
        let api = { (title: String, path: String) in Distribution(title: title, path: path, format: "JSON", mediaType: "application/json", viaService: true) }
        func csv(_ file: String) -> Distribution {
            Distribution(title: file, path: Site.Masterplan.data(file)(), format: "CSV", mediaType: "text/csv", download: true)
        }
        var plan = [api("Fassungen über die API", Site.API.masterplanVersions()),
                    Distribution(title: "Neue Fassungen als Atom-Feed", path: Site.Feeds.masterplan(), mediaType: "application/atom+xml")]
        if let latestVersion {
            let files: [(String, String, String)] = [("pdf", "PDF", "application/pdf"), ("odt", "ODT", "application/vnd.oasis.opendocument.text"),
                                                      ("docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                                                      ("html", "HTML", "text/html")]
            plan += files.map { Distribution(title: "Fassung \(latestVersion) als \($0.1)", path: Site.Masterplan.file($0.0)(String(latestVersion)),
                                             format: $0.1, mediaType: $0.2, download: true) }
        }
        return [
            Dataset(key: "beitraege", title: .init(de: "Beiträge zum Masterplan", en: "Contributions to the masterplan"),
                    description: .init(de: "Herausforderungen, Potenziale, Ideen und Projektideen aus der Region mit Handlungsfeldern, Orten, Unterstützungen und den Maßnahmen, in die sie eingegangen sind.",
                                       en: "Challenges, potentials, ideas and project ideas from the region with fields of action, places, supports and the measures they went into."),
                    landingPage: Site.Contributions.list(), themes: ["REGI", "GOVE"], frequency: "CONT", span: .contributions,
                    keywords: ["Bürgerbeteiligung", "Strukturwandel", "Ideen"],
                    distributions: [api("Beiträge über die API", Site.API.contributions()),
                                    Distribution(title: "Neue Beiträge als Atom-Feed", path: Site.Feeds.contributions(), mediaType: "application/atom+xml")]),
            Dataset(key: "formate", title: .init(de: "Beteiligungsformate", en: "Participation formats"),
                    description: .init(de: "Workshops, Zukunftswerkstätten, Regionalkonferenzen und Online-Formate mit Ort, Zeit, Plätzen und Dokumentation.",
                                       en: "Workshops, future workshops, regional conferences and online formats with place, time, seats and documentation."),
                    landingPage: Site.Formats.list(), themes: ["REGI"], frequency: "CONT", span: .formats, keywords: ["Workshop", "Veranstaltungen"],
                    distributions: [api("Formate über die API", Site.API.formats()),
                                    Distribution(title: "Formate auf der Karte (GeoJSON)", path: Site.API.geoFormats(), format: "GEOJSON",
                                                 mediaType: "application/geo+json", viaService: true),
                                    Distribution(title: "Termine als iCalendar", path: Site.Formats.feed(), mediaType: "text/calendar")]),
            Dataset(key: "massnahmen", title: .init(de: "Maßnahmen und Projekte", en: "Measures and projects"),
                    description: .init(de: "Die öffentlichen Maßnahmen und Projekte mit Ziel, Kosten, Finanzierung, Indikatoren, Stand und den Beschlüssen der Gremien.",
                                       en: "The public measures and projects with goal, costs, financing, indicators, state and the bodies' decisions."),
                    landingPage: Site.Measures.list(), themes: ["REGI", "GOVE", "ECON"], frequency: "CONT", span: .measures,
                    keywords: ["Maßnahmen", "Strukturwandel", "Förderung"],
                    distributions: [api("Maßnahmen über die API", Site.API.measures()),
                                    Distribution(title: "Beschlossene Maßnahmen (JSON)", path: Site.Masterplan.data("measures.json")(), format: "JSON",
                                                 mediaType: "application/json", download: true),
                                    csv("measures.csv")]),
            Dataset(key: "finanzierung", title: .init(de: "Finanzierung der beschlossenen Maßnahmen", en: "Financing of the adopted measures"),
                    description: .init(de: "Je Maßnahme die Finanzierungszeilen: Quelle, Förderprogramm und Betrag in Euro.",
                                       en: "Each measure's financing lines: source, funding programme and amount in euros."),
                    landingPage: Site.Masterplan.current(), themes: ["ECON", "GOVE"], frequency: "IRREG", span: .measures,
                    keywords: ["Förderprogramme", "Finanzierung"], distributions: [csv("financing.csv")]),
            Dataset(key: "indikatoren", title: .init(de: "Indikatoren der beschlossenen Maßnahmen", en: "Indicators of the adopted measures"),
                    description: .init(de: "Je Maßnahme die Indikatoren und ihre Zielwerte.", en: "Each measure's indicators and their targets."),
                    landingPage: Site.Masterplan.current(), themes: ["REGI"], frequency: "IRREG", span: .measures,
                    keywords: ["Indikatoren", "Wirkung"], distributions: [csv("indicators.csv")]),
            Dataset(key: "fortschritt", title: .init(de: "Fortschritt der Umsetzung", en: "Implementation progress"),
                    description: .init(de: "Die veröffentlichten Fortschrittsberichte der beschlossenen Maßnahmen und der Statusbericht.",
                                       en: "The published progress reports of the adopted measures and the status report."),
                    landingPage: Site.Implementation.overview(), themes: ["REGI", "GOVE"], frequency: "IRREG", span: .progress,
                    keywords: ["Umsetzung", "Fortschritt"],
                    distributions: [api("Maßnahmen mit ihren Berichten über die API", Site.API.measures()),
                                    Distribution(title: "Statusbericht (PDF)", path: Site.Masterplan.reportFile("pdf")(), format: "PDF",
                                                 mediaType: "application/pdf", download: true)]),
            Dataset(key: "herkunft", title: .init(de: "Herkunft der Maßnahmen aus den Beiträgen", en: "Where the measures came from"),
                    description: .init(de: "Welche Beiträge in welche beschlossene Maßnahme eingegangen sind: der Weg jedes Beitrags, in beide Richtungen nachvollziehbar.",
                                       en: "Which contributions went into which adopted measure: every contribution's path, traceable both ways."),
                    landingPage: Site.Masterplan.current(), themes: ["GOVE"], frequency: "IRREG", span: .measures,
                    keywords: ["Nachvollziehbarkeit", "Bürgerbeteiligung"], distributions: [csv("trace.csv")]),
            Dataset(key: "beteiligung", title: .init(de: "Beteiligung in Zahlen", en: "Participation in figures"),
                    description: .init(de: "Beiträge, Formate, Unterstützungen und Kommentare nach Landkreis, Gemeinde, Handlungsfeld und Art.",
                                       en: "Contributions, formats, supports and comments by district, municipality, field of action and kind."),
                    landingPage: Site.participation(), themes: ["REGI", "SOCI"], frequency: "CONT", span: .contributions,
                    keywords: ["Statistik", "Bürgerbeteiligung"],
                    distributions: [api("Zahlen über die API", Site.API.figures()),
                                    Distribution(title: "Landkreise mit Umrissen und Zahlen (GeoJSON)", path: Site.API.geoDistricts(), format: "GEOJSON",
                                                 mediaType: "application/geo+json", viaService: true),
                                    Distribution(title: "Gemeinden mit Umrissen und Zahlen (GeoJSON)", path: Site.API.geoMunicipalities(),
                                                 format: "GEOJSON", mediaType: "application/geo+json", viaService: true)]),
            Dataset(key: "sitzungen", title: .init(de: "Sitzungen und Beschlüsse der Gremien", en: "The bodies' sessions and decisions"),
                    description: .init(de: "Die Sitzungen von Regionalkonvent, IMAG und Lenkungskreis mit Tagesordnung; Beschlüsse und Protokoll, sobald sie freigegeben sind.",
                                       en: "The bodies' sessions with their agenda; decisions and minutes once released."),
                    landingPage: Site.Sessions.list(), themes: ["GOVE"], frequency: "IRREG", span: .sessions, keywords: ["Gremien", "Beschlüsse"],
                    distributions: [api("Sitzungen über die API", Site.API.sessions()),
                                    Distribution(title: "Sitzungen nach OParl 1.1", path: Site.oparl(), format: "JSON", mediaType: "application/json"),
                                    Distribution(title: "Beschlüsse als Atom-Feed", path: Site.Feeds.decisions(), mediaType: "application/atom+xml"),
                                    Distribution(title: "Termine als iCalendar", path: Site.Sessions.feed(), mediaType: "text/calendar")]),
            Dataset(key: "masterplan", title: .init(de: "Masterplan", en: "Masterplan"),
                    description: .init(de: "Die veröffentlichten und beschlossenen Fassungen des Masterplans.",
                                       en: "The published and adopted versions of the masterplan."),
                    landingPage: Site.Masterplan.current(), themes: ["REGI", "GOVE"], frequency: "IRREG", span: .masterplan,
                    keywords: ["Masterplan", "Strukturwandel"], distributions: plan),
        ]
    }

    func graph() -> RDFGraph {
        var g = RDFGraph()
        let catalog = RDFGraph.Term.iri(link("/dcat/catalog"))
        let publisher = RDFGraph.Term.iri(link("/dcat/publisher"))
        let api = RDFGraph.Term.iri(link(Site.API.index()))
        let licence = RDFGraph.Term.iri(region.openData.licenceURI)
        func de(_ text: String) -> RDFGraph.Term { .literal(text, language: "de") }
        func en(_ text: String) -> RDFGraph.Term { .literal(text, language: "en") }
        func texts(_ text: LocalizedText) -> [RDFGraph.Term] { [de(text[.de])] + (text.texts[.en].map { [en($0)] } ?? []) }
        func when(_ milliseconds: Int64?) -> RDFGraph.Term? {
            milliseconds.map { .literal(time($0), datatype: NS.xsd + "dateTime") }
        }
        let publisherName = region.openData.publisher ?? region.name
        let attribution = region.openData.attribution?[.de] ?? region.name[.de]

        g.add(publisher, RDFGraph.type, .iri(NS.foaf + "Agent"))
        g.add(publisher, NS.foaf + "name", texts(publisherName))
        g.add(publisher, NS.dct + "type", .iri("http://purl.org/adms/publishertype/RegionalAuthority"))
        g.add(publisher, NS.foaf + "homepage", .iri(link("/")))
        let contact = g.blank()
        // An Organization is a Kind in vCard; said outright for readers that do not load the vCard ontology.
        g.add(contact, RDFGraph.type, [.iri(NS.vcard + "Organization"), .iri(NS.vcard + "Kind")])
        g.add(contact, NS.vcard + "fn", de(publisherName[.de]))
        if let email = region.openData.contact { g.add(contact, NS.vcard + "hasEmail", .iri("mailto:" + email)) }
        g.add(contact, NS.vcard + "hasURL", .iri(link(Site.openData())))

        let all = spans.values
        g.add(catalog, RDFGraph.type, .iri(NS.dcat + "Catalog"))
        g.add(catalog, NS.dct + "title", [de("Offene Daten: \(region.process.title[.de])"), en("Open data: \(region.process.title[.en])")])
        g.add(catalog, NS.dct + "description", texts(region.process.summary))
        g.add(catalog, NS.dct + "publisher", publisher)
        g.add(catalog, NS.foaf + "homepage", .iri(link(Site.openData())))
        g.add(catalog, NS.dct + "language", .iri(NS.eu + "language/DEU"))
        g.add(catalog, NS.dct + "license", licence)
        g.add(catalog, NS.dcat + "themeTaxonomy", .iri(NS.eu + "data-theme"))
        if let issued = when(all.compactMap(\.first).min()) { g.add(catalog, NS.dct + "issued", issued) }
        if let modified = when(all.compactMap(\.last).max()) { g.add(catalog, NS.dct + "modified", modified) }
        g.add(catalog, NS.dcat + "service", [api, .iri(link(Site.oparl()))])

        var served: [RDFGraph.Term] = []
        for dataset in datasets {
            let node = RDFGraph.Term.iri(link("/dcat/datasets/\(dataset.key)"))
            served.append(node)
            g.add(catalog, NS.dcat + "dataset", node)
            g.add(node, RDFGraph.type, .iri(NS.dcat + "Dataset"))
            g.add(node, NS.dct + "identifier", .literal(link("/dcat/datasets/\(dataset.key)")))
            g.add(node, NS.dct + "title", texts(dataset.title))
            g.add(node, NS.dct + "description", texts(dataset.description))
            g.add(node, NS.dcat + "keyword", dataset.keywords.map(de))
            g.add(node, NS.dct + "publisher", publisher)
            g.add(node, NS.dcat + "contactPoint", contact)
            g.add(node, NS.dcat + "theme", dataset.themes.map { .iri(NS.eu + "data-theme/" + $0) })
            g.add(node, NS.dct + "language", .iri(NS.eu + "language/DEU"))
            g.add(node, NS.dcat + "landingPage", .iri(link(dataset.landingPage)))
            g.add(node, NS.dct + "accrualPeriodicity", .iri(NS.eu + "frequency/" + dataset.frequency))
            g.add(node, NS.dcatde + "politicalGeocodingLevelURI", .iri("http://dcat-ap.de/def/politicalGeocoding/Level/administrativeDistrict"))
            g.add(node, NS.dcatde + "politicalGeocodingURI",
                  region.districts.map { .iri("http://dcat-ap.de/def/politicalGeocoding/districtKey/" + $0.officialKey) })
            if let issued = when(spans[dataset.span]?.first) { g.add(node, NS.dct + "issued", issued) }
            if let modified = when(spans[dataset.span]?.last) { g.add(node, NS.dct + "modified", modified) }
            for (index, distribution) in dataset.distributions.enumerated() {
                let part = RDFGraph.Term.iri(link("/dcat/datasets/\(dataset.key)/\(index + 1)"))
                g.add(node, NS.dcat + "distribution", part)
                g.add(part, RDFGraph.type, .iri(NS.dcat + "Distribution"))
                g.add(part, NS.dct + "title", de(distribution.title))
                g.add(part, NS.dcat + "accessURL", .iri(link(distribution.path)))
                if distribution.download { g.add(part, NS.dcat + "downloadURL", .iri(link(distribution.path))) }
                g.add(part, NS.dcat + "mediaType", .iri(NS.iana + distribution.mediaType))
                if let format = distribution.format { g.add(part, NS.dct + "format", .iri(NS.eu + "file-type/" + format)) }
                g.add(part, NS.dct + "license", licence)
                g.add(part, NS.dcatde + "licenseAttributionByText", de(attribution))
                if distribution.viaService { g.add(part, NS.dcat + "accessService", api) }
                if let modified = when(spans[dataset.span]?.last) { g.add(part, NS.dct + "modified", modified) }
            }
        }

        g.add(api, RDFGraph.type, .iri(NS.dcat + "DataService"))
        g.add(api, NS.dct + "title", [de("Konvent-API (JSON)"), en("Konvent API (JSON)")])
        g.add(api, NS.dct + "description", [de("Lesender Zugriff auf die öffentlichen Daten als JSON, beschrieben als OpenAPI 3.1.")])
        g.add(api, NS.dcat + "endpointURL", api)
        g.add(api, NS.dcat + "endpointDescription", .iri(link(Site.API.openAPI())))
        g.add(api, NS.dct + "license", licence)
        g.add(api, NS.dcat + "servesDataset", served)
        let oparl = RDFGraph.Term.iri(link(Site.oparl()))
        g.add(oparl, RDFGraph.type, .iri(NS.dcat + "DataService"))
        g.add(oparl, NS.dct + "title", [de("OParl 1.1"), en("OParl 1.1")])
        g.add(oparl, NS.dcat + "endpointURL", oparl)
        g.add(oparl, NS.dct + "conformsTo", .iri("https://schema.oparl.org/1.1/"))
        g.add(oparl, NS.dct + "license", licence)
        g.add(oparl, NS.dcat + "servesDataset", [.iri(link("/dcat/datasets/sitzungen")), .iri(link("/dcat/datasets/massnahmen"))])
        return g
    }
}
