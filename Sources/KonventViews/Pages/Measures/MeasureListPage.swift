import KonventDomain

/// `/measures`: the measures and projects, by field of action and state.
public enum MeasureListPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var items: [Measure]
        public var field: String?
        /// The state filter (as stored), and the states offered.
        public var state: String?
        public var states: [MeasureState] = []
        public var mayWrite: Bool
        /// The URLs of the next and the previous page, nil where there is none.
        public var nextPage: String?
        public var previousPage: String?
        /// How many match the filters (counted up to a limit).
        public var total = 0
        public var totalIsCapped = false

        public init(region: RegionConfiguration, items: [Measure], field: String?, mayWrite: Bool) {
            self.region = region
            self.items = items
            self.field = field
            self.mayWrite = mayWrite
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("measures.title"), context) {
            el("h1") { t("measures.title") }
            el("p") { t("measures.intro") }
            if model.mayWrite { el("p") { el("a", .class("button"), .href(Site.Measures.new())) { t("measures.new") } } }
            el("form", .method("get"), .action(Site.Measures.list()), .class("filters"), .ariaLabel(t("contributions.filter"))) {
                Forms.select(name: "field", label: t("field.fieldOfAction"),
                             options: [("", t("contributions.filter.all"))] + model.region.fieldsOfAction.map { ($0.key, $0.name[t.language]) },
                             selected: model.field ?? "", errors: [], t)
                Forms.select(name: "state", label: t("measure.state"),
                             options: [("", t("contributions.filter.all"))] + model.states.map { ($0.description, MeasureStateName.name($0, model.region, t)) },
                             selected: model.state ?? "", errors: [], t)
                Forms.submit(t("contributions.filter.apply"))
            }
            el("section", .ariaLabelledBy("results-title")) {
                el("h2", .id("results-title")) { Layout.counted(model.total, capped: model.totalIsCapped, "measures.results", t) }
                if model.items.isEmpty {
                    el("p") { t("measures.none") }
                } else {
                    el("ul", .class("result-list")) {
                        for item in model.items { el("li") { MeasureSummary.item(item, model.region, t) } }
                    }
                }
                Layout.pages(previous: model.previousPage, next: model.nextPage, t)
            }
        }
    }
}
