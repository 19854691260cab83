import KonventDomain

/// `/formats`: upcoming or past formats, filtered by district, kind and field, paged by key.
public enum FormatListPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var items: [(format: Format, times: FormatTimes)]
        public var when: String
        public var kind: String?
        public var field: String?
        public var district: String?
        public var nextPage: String?
        public var previousPage: String?
        /// How many match the filters (counted up to a limit).
        public var total = 0
        public var totalIsCapped = false
        public var mayCreate: Bool

        public init(
            region: RegionConfiguration, items: [(format: Format, times: FormatTimes)], when: String, kind: String?, field: String?,
            district: String?, nextPage: String?, mayCreate: Bool
        ) {
            self.region = region
            self.items = items
            self.when = when
            self.kind = kind
            self.field = field
            self.district = district
            self.nextPage = nextPage
            self.mayCreate = mayCreate
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("formats.title"), context) {
            el("h1") { t("formats.title") }
            el("p") { t("formats.intro") }
            el("p", .class("actions")) {
                if model.mayCreate { el("a", .class("button"), .href(Site.Formats.new())) { t("formats.new") } }
                el("a", .class("button button--secondary"), .href(Site.Formats.feed())) { t("formats.calendar") }
            }
            filters(model, t)
            el("section", .ariaLabelledBy("results-title")) {
                el("h2", .id("results-title")) { t(model.when == "past" ? "formats.when.past" : "formats.when.upcoming") }
                el("p", .class("result-count")) { Layout.counted(model.total, capped: model.totalIsCapped, "formats.count", t) }
                if model.items.isEmpty {
                    el("p") { t("formats.none") }
                } else {
                    el("ul", .class("result-list")) {
                        for item in model.items { el("li") { FormatSummary.item(item.format, item.times, model.region, t) } }
                    }
                }
                Layout.pages(previous: model.previousPage, next: model.nextPage, t)
            }
        }
    }

    static func filters(_ model: Model, _ t: Translator) -> Node {
        let all = [("", t("contributions.filter.all"))]
        return el("form", .method("get"), .action(Site.Formats.list()), .class("filters"), .ariaLabel(t("contributions.filter"))) {
            Forms.select(name: "when", label: t("formats.when"),
                         options: ["upcoming", "past"].map { ($0, t("formats.when.\($0)")) }, selected: model.when, errors: [], t)
            Forms.select(name: "kind", label: t("format.kind"),
                         options: all + Format.Kind.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                         selected: model.kind ?? "", errors: [], t)
            Forms.select(name: "field", label: t("field.fieldOfAction"),
                         options: all + model.region.fieldsOfAction.map { ($0.key, $0.name[t.language]) },
                         selected: model.field ?? "", errors: [], t)
            Forms.select(name: "district", label: t("field.district"),
                         options: all + model.region.districts.map { ($0.officialKey, $0.name) },
                         selected: model.district ?? "", errors: [], t)
            Forms.submit(t("contributions.filter.apply"))
        }
    }
}
