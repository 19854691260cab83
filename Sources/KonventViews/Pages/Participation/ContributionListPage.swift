import KonventDomain

/// `/contributions`: filters and a search that work as a plain GET form, the results, and a link to
/// the next page by key.
public enum ContributionListPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var items: [Contribution]
        public var search: String
        public var kind: String?
        public var field: String?
        public var district: String?
        public var municipality: String?
        public var status: String?
        /// The format the list is limited to, with its title.
        public var format: (id: Int64, title: String)?
        public var sort: String
        /// The URL of the next page, nil on the last one.
        public var nextPage: String?
        /// The URL of the page before, nil on the first one.
        public var previousPage: String?
        /// How many match the filters (counted up to a limit).
        public var total = 0
        public var totalIsCapped = false
        /// The search as corrected, when the typed one found nothing.
        public var correctedSearch: String?
        /// The place the search names, with the link to its filter.
        public var placeFilter: (name: String, href: String)?
        public var mayContribute: Bool
        /// For the office: the export of this selection, as its query (`?kind=idea…`); nil for everyone else.
        public var exportQuery: String?
        /// The office's themes to filter by (empty for everyone else), and the one chosen.
        public var themes: [(value: String, label: String)] = []
        public var theme: String?

        public init(
            region: RegionConfiguration, items: [Contribution], search: String, kind: String?, field: String?,
            district: String?, sort: String, nextPage: String?, mayContribute: Bool
        ) {
            self.region = region
            self.items = items
            self.search = search
            self.kind = kind
            self.field = field
            self.district = district
            self.sort = sort
            self.nextPage = nextPage
            self.mayContribute = mayContribute
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("contributions.title"), context) {
            el("h1") { t("contributions.title") }
            el("p") { t("contributions.intro") }
            if model.mayContribute {
                el("p") { el("a", .class("button"), .href(Site.Contributions.new())) { t("contributions.new") } }
            }
            if let format = model.format {
                el("p", .class("notice")) {
                    t("contributions.fromFormat")
                    " "
                    el("a", .href(Site.Formats.page(FormatID(format.id)))) { format.title }
                    " · "
                    el("a", .href(Site.Contributions.list())) { t("contributions.filter.reset") }
                }
            }
            filters(model, t)
            el("section", .ariaLabelledBy("results-title")) {
                el("h2", .id("results-title")) {
                    Layout.counted(model.total, capped: model.totalIsCapped, "contributions.count", t)
                }
                if let corrected = model.correctedSearch {
                    el("p", .class("notice")) { t("contributions.corrected", ["typed": model.search, "corrected": corrected]) }
                }
                if let place = model.placeFilter {
                    el("p") { el("a", .href(place.href)) { t("contributions.placeFilter", ["place": place.name]) } }
                }
                if model.items.isEmpty {
                    el("p") { t("contributions.none") }
                } else {
                    el("ul", .class("result-list")) {
                        for item in model.items { el("li") { ContributionSummary.item(item, model.region, t) } }
                    }
                }
                Layout.pages(previous: model.previousPage, next: model.nextPage, t)
            }
            if let query = model.exportQuery, !model.items.isEmpty { export(query, t) }
        }
    }

    /// The office takes the selection out for analysis.
    static func export(_ query: String, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("export-title")) {
            el("h2", .id("export-title")) { t("export.title") }
            el("p", .class("hint")) { t("export.hint") }
            el("ul", .class("link-list")) {
                el("li") { el("a", .href(Site.Contributions.exportXLSX() + query)) { t("export.xlsx") } }
                el("li") { el("a", .href(Site.Contributions.exportCSV() + query)) { t("export.csv") } }
                el("li") { el("a", .href(Site.Analysis.page() + query)) { t("export.analysis") } }
                el("li") { el("a", .href(Site.Themes.list())) { t("themes.title") } }
            }
        }
    }

    /// The list's filters by kind, field of action and district, as the office's analysis offers them too.
    static func kindFieldDistrict(kind: String?, field: String?, district: String?, _ region: RegionConfiguration, _ t: Translator) -> Node {
        let all = [("", t("contributions.filter.all"))]
        return .fragment([
            Forms.select(name: "kind", label: t("field.kind"), options: all + Contribution.Kind.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                         selected: kind ?? "", errors: [], t),
            Forms.select(name: "field", label: t("field.fieldOfAction"),
                         options: all + region.fieldsOfAction.map { ($0.key, $0.name[t.language]) }, selected: field ?? "", errors: [], t),
            Forms.select(name: "district", label: t("field.district"),
                         options: all + region.districts.map { ($0.officialKey, $0.name) }, selected: district ?? "", errors: [], t),
        ])
    }

    static func status(_ status: String?, _ t: Translator) -> Node {
        Forms.select(name: "status", label: t("contribution.status"),
                     options: [("", t("contributions.filter.all"))]
                        + Contribution.Status.allCases.filter(\.isListed).map { ($0.rawValue, t($0.catalogKey)) },
                     selected: status ?? "", errors: [], t)
    }

    static func filters(_ model: Model, _ t: Translator) -> Node {
        let all = [("", t("contributions.filter.all"))]
        return el("form", .method("get"), .action(Site.Contributions.list()), .class("filters"), Attribute("role", "search"),
                  .ariaLabel(t("contributions.filter"))) {
            Forms.input(.init(name: "q", label: t("contributions.search"), type: "search", value: model.search,
                              required: false, markOptional: false), errors: [], t)
            kindFieldDistrict(kind: model.kind, field: model.field, district: model.district, model.region, t)
            Forms.groupedSelect(
                name: "municipality", label: t("field.municipality"), hint: nil, empty: t("contributions.filter.all"),
                groups: model.region.districts.map { district in
                    (district.name, model.region.municipalities(in: district.officialKey).map { ($0.officialKey, $0.name) })
                }, selected: model.municipality, errors: [], t, markOptional: false)
            status(model.status, t)
            if !model.themes.isEmpty {
                Forms.select(name: "theme", label: t("themes.filter"), options: all + model.themes, selected: model.theme ?? "", errors: [], t)
            }
            if let format = model.format { void("input", .type("hidden"), .name("format"), .value(String(format.id))) }
            Forms.select(name: "sort", label: t("contributions.sort"),
                         options: ((model.search.isEmpty ? [] : ["relevance"]) + ["newest", "supported", "discussed"])
                            .map { ($0, t("contributions.sort.\($0)")) },
                         selected: model.sort, errors: [], t)
            Forms.submit(t("contributions.filter.apply"))
        }
    }
}
