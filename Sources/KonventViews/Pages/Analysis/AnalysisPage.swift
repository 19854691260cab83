import KonventDomain

/// `/analysis`: contributions counted by any two dimensions, filtered as the list is, as a shaded
/// table (the shading's classes from the smallest to the largest cell), the rows' totals as bars, and
/// the table as CSV. A plain GET form, so that every view is a link the office can pass on.
public enum AnalysisPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var rows: AnalysisDimension
        public var columns: AnalysisDimension
        public var value: AnalysisValue
        public var filters: Filters
        public var table: CrossTabulation
        /// The current view as a query (`?rows=field&…`), for the CSV link.
        public var query: String

        public init(
            region: RegionConfiguration, rows: AnalysisDimension, columns: AnalysisDimension, value: AnalysisValue, filters: Filters,
            table: CrossTabulation, query: String
        ) {
            self.region = region
            self.rows = rows
            self.columns = columns
            self.value = value
            self.filters = filters
            self.table = table
            self.query = query
        }
    }

    /// The list's filters as chosen (raw values, "" for all).
    public struct Filters: Sendable {
        public var search = "", kind = "", field = "", district = "", status = "", theme = ""
        /// The office's themes to filter by.
        public var themes: [(value: String, label: String)] = []

        public init() {}
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("analysis.title"), context) {
            el("h1") { t("analysis.title") }
            el("p") { t("analysis.intro") }
            form(model, t)
            el("section", .ariaLabelledBy("analysis-result-title")) {
                el("h2", .id("analysis-result-title")) { t.count("contributions.count", model.table.counts.total) }
                if model.table.counts.total == 0 {
                    el("p") { t("analysis.none") }
                } else {
                    if model.table.overlapping { el("p", .class("hint")) { t("analysis.overlapping") } }
                    if model.value == .perThousand { el("p", .class("hint")) { t("analysis.perThousand.hint") } }
                    table(model, t)
                    chart(model, t)
                    el("p") { el("a", .href(Site.Analysis.exportCSV() + model.query)) { t("analysis.exportCSV") } }
                }
            }
        }
    }

    static func form(_ model: Model, _ t: Translator) -> Node {
        let dimensions = AnalysisDimension.allCases.map { ($0.rawValue, t($0.catalogKey)) }
        let all = [("", t("contributions.filter.all"))]
        return el("form", .method("get"), .action(Site.Analysis.page()), .class("filters"), .ariaLabel(t("analysis.form"))) {
            Forms.select(name: "rows", label: t("analysis.rows"), options: dimensions, selected: model.rows.rawValue, errors: [], t)
            Forms.select(name: "columns", label: t("analysis.columns"), options: dimensions, selected: model.columns.rawValue, errors: [], t)
            Forms.select(name: "value", label: t("analysis.value"), options: AnalysisValue.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                         selected: model.value.rawValue, errors: [], t)
            Forms.input(.init(name: "q", label: t("contributions.search"), type: "search", value: model.filters.search,
                              required: false, markOptional: false), errors: [], t)
            ContributionListPage.kindFieldDistrict(kind: model.filters.kind, field: model.filters.field, district: model.filters.district,
                                                   model.region, t)
            ContributionListPage.status(model.filters.status, t)
            if !model.filters.themes.isEmpty {
                Forms.select(name: "theme", label: t("themes.filter"), options: all + model.filters.themes, selected: model.filters.theme, errors: [], t)
            }
            Forms.submit(t("analysis.apply"))
        }
    }

    static func text(_ value: Double, _ model: Model, _ t: Translator) -> String {
        model.value == .count ? t.number(Int(value)) : Charts.decimal(value, t, places: 2)
    }

    static func table(_ model: Model, _ t: Translator) -> Node {
        let table = model.table
        let values = table.cellValues
        let lower = values.min() ?? 0, upper = values.max() ?? 0
        let caption = t("analysis.caption", ["rows": t(model.rows.catalogKey), "columns": t(model.columns.catalogKey), "value": t(model.value.catalogKey)])
        return .fragment([
            legend(model, values, t),
            Layout.scrolling(.ariaLabel(caption)) {
                el("table", .class("data-table cross-table")) {
                    el("caption") { caption }
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { "\(t(model.rows.catalogKey)) \\ \(t(model.columns.catalogKey))" }
                            for column in table.columns { el("th", Attribute("scope", "col"), .class("numeric")) { column.label } }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("analysis.total") }
                        }
                    }
                    el("tbody") {
                        for row in table.rows {
                            el("tr") {
                                el("th", Attribute("scope", "row")) { row.label }
                                for column in table.columns {
                                    let value = table.value(row, column)
                                    el("td", .class("numeric heat-\(Figure.classIndex(value, lower: lower, upper: upper))")) { text(value, model, t) }
                                }
                                el("td", .class("numeric total")) { text(table.rowTotal(row), model, t) }
                            }
                        }
                    }
                    el("tfoot") {
                        el("tr") {
                            el("th", Attribute("scope", "row")) { t("analysis.total") }
                            for column in table.columns { el("td", .class("numeric total")) { text(table.columnTotal(column), model, t) } }
                            el("td", .class("numeric total")) { text(table.total, model, t) }
                        }
                    }
                }
            },
        ])
    }

    /// The shading's classes, said in words and numbers: the colour is never the only carrier.
    static func legend(_ model: Model, _ values: [Double], _ t: Translator) -> Node {
        let bounds = model.value == .count ? Charts.countLegend(values, t) : Charts.legend(values, t, places: 2)
        return el("div", .class("legend-block")) {
            el("p", .class("legend-title")) { t("analysis.legend") }
            el("ul", .class("legend")) {
                for (index, text) in bounds.enumerated() {
                    el("li") {
                        el("span", .class("swatch heat-\(index)"), .ariaHidden) { "" }
                        " \(text)"
                    }
                }
            }
        }
    }

    /// The rows' totals as bars, in the table's order.
    static func chart(_ model: Model, _ t: Translator) -> Node {
        let title = t("analysis.chart", ["rows": t(model.rows.catalogKey), "value": t(model.value.catalogKey)])
        let items = model.table.rows.map { row in
            let value = model.table.rowTotal(row)
            return Figure.Item(key: row.key, label: row.label, value: value, text: text(value, model, t))
        }
        return el("section", .ariaLabelledBy("analysis-bars-heading")) {
            el("h3", .id("analysis-bars-heading")) { title }
            FigureView.render(Figure(id: "analysis-chart", kind: .bars, caption: title, items: items), map: nil)
        }
    }
}
