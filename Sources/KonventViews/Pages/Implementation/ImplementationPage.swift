import KonventDomain

/// `/implementation`: every adopted measure with the state of its implementation, as its
/// published reports say; counts by status, filters, and overdue milestones flagged.
public enum ImplementationPage {
    public struct Row: Sendable {
        public var measure: Measure
        public var overdue: Int
        /// Approved (or paid) money of its financing lines.
        public var approved: Int

        public init(measure: Measure, overdue: Int, approved: Int) {
            self.measure = measure
            self.overdue = overdue
            self.approved = approved
        }
    }

    /// Planned, approved and paid money by source and programme.
    public struct Sum: Sendable {
        public var source: FinancingLine.Source
        public var programme: String
        public var planned: Int
        public var approved: Int
        public var paid: Int

        public init(source: FinancingLine.Source, programme: String, planned: Int, approved: Int, paid: Int) {
            self.source = source
            self.programme = programme
            self.planned = planned
            self.approved = approved
            self.paid = paid
        }
    }

    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var rows: [Row]
        /// Adopted public measures by their latest published status (nil: no report yet).
        public var counts: [ProgressStatus?: Int]
        public var field: String?
        public var ministry: String?
        public var district: String?
        public var programme: String?
        /// Adopted public measures by district key; "" for those placed in none (the whole region).
        public var districtCounts: [String: Int] = [:]
        /// Today in the region (ISO), for the programmes' next call deadlines.
        public var today = ""
        /// The region's outlines, for the map by district.
        public var map: ProjectedMap?
        /// `none` or a status, as in the URL.
        public var status: String?
        public var total = 0
        public var nextPage: String?
        public var previousPage: String?
        /// The office imports progress from a file.
        public var mayImport = false
        public var sums: [Sum] = []

        public init(region: RegionConfiguration, rows: [Row], counts: [ProgressStatus?: Int]) {
            self.region = region
            self.rows = rows
            self.counts = counts
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        let adopted = model.counts.values.reduce(0, +)
        return Layout.page(title: t("implementation.title"), context) {
            el("h1") { t("implementation.title") }
            el("p") { t.count("implementation.intro", adopted) }
            if model.mayImport { el("p") { el("a", .href(Site.Implementation.import())) { t("progressImport.title") } } }
            summary(model, t)
            if !model.sums.isEmpty { sums(model.sums, t) }
            if !model.districtCounts.isEmpty { districts(model, t) }
            if !model.region.fundingProgrammes.isEmpty { programmes(model, t) }
            filters(model, t)
            el("section", .ariaLabelledBy("results-title")) {
                el("h2", .id("results-title")) { t.count("implementation.results", model.total) }
                if model.rows.isEmpty { el("p") { t("implementation.none") } } else { table(model, t) }
                Layout.pages(previous: model.previousPage, next: model.nextPage, t)
            }
        }
    }

    /// The counts by status, each a link to its filter, and as bars.
    static func summary(_ model: Model, _ t: Translator) -> Node {
        let statuses: [ProgressStatus?] = ProgressStatus.allCases.map { $0 } + [nil]
        let shown = statuses.filter { (model.counts[$0] ?? 0) > 0 }
        let items = shown.map { status in
            Figure.Item(key: status?.rawValue ?? "none", label: name(status, t), value: Double(model.counts[status] ?? 0),
                        text: t.number(model.counts[status] ?? 0))
        }
        return el("section", .ariaLabelledBy("summary-title")) {
            el("h2", .id("summary-title")) { t("implementation.summary") }
            el("ul", .class("plain-list")) {
                for status in shown {
                    el("li") {
                        el("a", .href(Site.Implementation.overview().query([("status", status?.rawValue ?? "none")]))) { name(status, t) }
                        ": \(t.number(model.counts[status] ?? 0))"
                    }
                }
            }
            if !items.isEmpty {
                FigureView.render(Figure(id: "implementation-status", kind: .bars, caption: t("implementation.chart"), items: items), map: nil)
            }
        }
    }

    static func funding(_ row: Row, _ t: Translator) -> String {
        let cost = row.measure.content.estimatedCost
        if cost > 0 && row.approved >= cost { return t("funding.secured") }
        guard cost > 0, row.approved > 0 else { return "–" }
        return t("implementation.fundingShare", ["percent": String(row.approved * 100 / cost)])
    }

    static func sums(_ sums: [Sum], _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("sums-title")) {
            el("h2", .id("sums-title")) { t("implementation.sums") }
            Layout.scrolling(.ariaLabelledBy("sums-title")) {
                el("table", .class("data-table")) {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { t("measure.financing.programme") }
                            el("th", Attribute("scope", "col")) { t("implementation.sums.source") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("funding.planned") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("funding.approved") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("funding.paid") }
                        }
                    }
                    el("tbody") {
                        for sum in sums {
                            el("tr") {
                                el("th", Attribute("scope", "row")) { sum.programme.isEmpty ? t("funding.noProgramme") : sum.programme }
                                el("td") { t(sum.source.catalogKey) }
                                el("td", .class("numeric")) { FundingView.euros(sum.planned, t) }
                                el("td", .class("numeric")) { FundingView.euros(sum.approved, t) }
                                el("td", .class("numeric")) { FundingView.euros(sum.paid, t) }
                            }
                        }
                    }
                    el("tfoot") {
                        el("tr") {
                            el("th", Attribute("scope", "row"), Attribute("colspan", "2")) { t("implementation.sums.total") }
                            el("td", .class("numeric")) { FundingView.euros(sums.map(\.planned).reduce(0, +), t) }
                            el("td", .class("numeric")) { FundingView.euros(sums.map(\.approved).reduce(0, +), t) }
                            el("td", .class("numeric")) { FundingView.euros(sums.map(\.paid).reduce(0, +), t) }
                        }
                    }
                }
            }
        }
    }

    /// Adopted measures by district, as a map (classes from the data's range) and as a table whose
    /// names lead to the filtered list; those for the whole region are counted below it.
    static func districts(_ model: Model, _ t: Translator) -> Node {
        let districts = model.region.districts
        let items = districts.map { district in
            Figure.Item(key: district.officialKey, label: district.name, value: Double(model.districtCounts[district.officialKey] ?? 0),
                        text: t.number(model.districtCounts[district.officialKey] ?? 0))
        }
        let wholeRegion = model.districtCounts[""] ?? 0
        return el("section", .ariaLabelledBy("districts-title")) {
            el("h2", .id("districts-title")) { t("implementation.byDistrict") }
            if let map = model.map {
                FigureView.render(
                    Figure(id: "implementation-map", kind: .map, caption: t("implementation.map"), items: items,
                           legend: Charts.countLegend(items.map { $0.value }, t),
                           legendTitle: t("implementation.map.legend"), named: true),
                    map: map)
            }
            Layout.scrolling(.ariaLabelledBy("districts-title")) {
                el("table", .class("data-table")) {
                    el("caption") { t("implementation.byDistrict.caption") }
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { t("field.district") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("implementation.measures") }
                        }
                    }
                    el("tbody") {
                        for district in districts {
                            el("tr") {
                                el("th", Attribute("scope", "row")) {
                                    el("a", .href(Site.Implementation.overview().query([("district", district.officialKey)]) + "#results-title")) {
                                        district.name
                                    }
                                }
                                el("td", .class("numeric")) { t.number(model.districtCounts[district.officialKey] ?? 0) }
                            }
                        }
                    }
                }
            }
            if wholeRegion > 0 { el("p") { t.count("implementation.wholeRegion", wholeRegion) } }
        }
    }

    /// The funding programmes the region's measures may use, with rate and next call deadline
    /// where the configuration holds them (columns without any value are left out).
    static func programmes(_ model: Model, _ t: Translator) -> Node {
        let programmes = model.region.fundingProgrammes
        let rates = programmes.contains { $0.rate != nil }
        let deadlines = programmes.contains { !($0.deadlines ?? []).isEmpty }
        return el("section", .ariaLabelledBy("programmes-title")) {
            el("h2", .id("programmes-title")) { t("implementation.programmes") }
            Layout.scrolling(.ariaLabelledBy("programmes-title")) {
                el("table", .class("data-table")) {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { t("implementation.programme") }
                            el("th", Attribute("scope", "col")) { t("implementation.sums.source") }
                            el("th", Attribute("scope", "col")) { t("implementation.programmes.area") }
                            if rates { el("th", Attribute("scope", "col"), .class("numeric")) { t("implementation.programmes.rate") } }
                            if deadlines { el("th", Attribute("scope", "col")) { t("implementation.programmes.deadline") } }
                        }
                    }
                    el("tbody") {
                        for programme in programmes {
                            el("tr") {
                                el("th", Attribute("scope", "row")) {
                                    if let url = programme.url { el("a", .href(url)) { programme.name } } else { programme.name }
                                    if let line = programme.line { void("br"); el("span", .class("meta")) { line } }
                                }
                                el("td") { t(programme.source.catalogKey) }
                                el("td") { programme.area }
                                if rates { el("td", .class("numeric")) { programme.rate.map { t("implementation.programmes.rateValue", ["rate": t.number($0)]) } ?? "–" } }
                                if deadlines {
                                    el("td") {
                                        if let next = (programme.deadlines ?? []).sorted().first(where: { $0 >= model.today }) {
                                            el("time", .datetime(next)) { t.date(iso: next) }
                                        } else {
                                            t("implementation.programmes.noDeadline")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func name(_ status: ProgressStatus?, _ t: Translator) -> String {
        status.map { t($0.catalogKey) } ?? t("implementation.noReport")
    }

    static func filters(_ model: Model, _ t: Translator) -> Node {
        el("form", .method("get"), .action(Site.Implementation.overview()), .class("filters"), .ariaLabel(t("contributions.filter"))) {
            Forms.select(name: "field", label: t("field.fieldOfAction"),
                         options: [("", t("contributions.filter.all"))] + model.region.fieldsOfAction.map { ($0.key, $0.name[t.language]) },
                         selected: model.field ?? "", errors: [], t)
            Forms.select(name: "ministry", label: t("implementation.ministry"),
                         options: [("", t("contributions.filter.all"))] + model.region.ministries.map { ($0.key, $0.abbreviation) },
                         selected: model.ministry ?? "", errors: [], t)
            Forms.select(name: "district", label: t("field.district"),
                         options: [("", t("contributions.filter.all"))] + model.region.districts.map { ($0.officialKey, $0.name) },
                         selected: model.district ?? "", errors: [], t)
            Forms.select(name: "programme", label: t("implementation.programme"),
                         options: [("", t("contributions.filter.all"))] + model.region.fundingProgrammes.map { ($0.key, $0.name) },
                         selected: model.programme ?? "", errors: [], t)
            Forms.select(name: "status", label: t("progress.status"),
                         options: [("", t("contributions.filter.all"))] + ProgressStatus.allCases.map { ($0.rawValue, t($0.catalogKey)) }
                             + [("none", t("implementation.noReport"))],
                         selected: model.status ?? "", errors: [], t)
            Forms.submit(t("contributions.filter.apply"))
        }
    }

    static func table(_ model: Model, _ t: Translator) -> Node {
        Layout.scrolling(.ariaLabelledBy("results-title")) {
            el("table", .class("data-table")) {
                el("thead") {
                    el("tr") {
                        el("th", Attribute("scope", "col")) { t("implementation.measure") }
                        el("th", Attribute("scope", "col")) { t("progress.status") }
                        el("th", Attribute("scope", "col"), .class("numeric")) { t("implementation.percent") }
                        el("th", Attribute("scope", "col")) { t("implementation.asOf") }
                        el("th", Attribute("scope", "col")) { t("progress.milestones") }
                        el("th", Attribute("scope", "col")) { t("implementation.funding") }
                    }
                }
                el("tbody") {
                    for row in model.rows {
                        let m = row.measure
                        el("tr") {
                            el("th", Attribute("scope", "row")) {
                                el("a", .href(Site.Measures.page(m.id) + "#implementation")) { "\(m.code) \(m.content.title)" }
                            }
                            el("td") { name(m.progress?.status, t) }
                            el("td", .class("numeric")) { m.progress.map { "\($0.percent) %" } ?? "–" }
                            el("td") { m.progress.map { p in el("time", .datetime(p.date)) { t.date(iso: p.date) } } ?? .text("–") }
                            el("td") {
                                if row.overdue > 0 { el("strong", .class("overdue")) { t.count("implementation.overdue", row.overdue) } } else { "–" }
                            }
                            el("td") { funding(row, t) }
                        }
                    }
                }
            }
        }
    }
}
