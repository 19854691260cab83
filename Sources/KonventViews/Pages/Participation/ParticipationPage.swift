import KonventDomain

/// `/participation`: who took part where and on what, as tables, SVG charts and SVG maps.
public enum ParticipationPage {
    public struct Unit: Sendable {
        public var key: String
        public var name: String
        public var population: Int
        public var contributions: Int
        public var formats: Int

        public init(key: String, name: String, population: Int, contributions: Int, formats: Int) {
            self.key = key
            self.name = name
            self.population = population
            self.contributions = contributions
            self.formats = formats
        }

        public var perThousand: Double { population > 0 ? Double(contributions) * 1000 / Double(population) : 0 }
    }

    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var totals: (contributions: Int, formats: Int, supports: Int, comments: Int)
        /// The way forward: contributions taken up into measures, and the public measures.
        public var trace = (takenUp: 0, measures: 0)
        public var districts: [Unit]
        public var municipalities: [Unit]
        public var byField: [(label: String, value: Int)]
        public var byKind: [(label: String, value: Int)]
        public var byOrganisationKind: [(label: String, value: Int)]
        public var byMonth: [(label: String, value: Int)]
        public var map: ProjectedMap?

        public init(
            region: RegionConfiguration, totals: (contributions: Int, formats: Int, supports: Int, comments: Int), districts: [Unit],
            municipalities: [Unit], byField: [(label: String, value: Int)], byKind: [(label: String, value: Int)],
            byOrganisationKind: [(label: String, value: Int)], byMonth: [(label: String, value: Int)], map: ProjectedMap?
        ) {
            self.region = region
            self.totals = totals
            self.districts = districts
            self.municipalities = municipalities
            self.byField = byField
            self.byKind = byKind
            self.byOrganisationKind = byOrganisationKind
            self.byMonth = byMonth
            self.map = map
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("participation.title"), context) {
            el("h1") { t("participation.title") }
            el("p") { t("participation.intro") }
            el("dl", .class("figures")) {
                figure(t("participation.total.contributions"), model.totals.contributions, t)
                figure(t("participation.total.formats"), model.totals.formats, t)
                figure(t("participation.total.supports"), model.totals.supports, t)
                figure(t("participation.total.comments"), model.totals.comments, t)
                figure(t("participation.total.takenUp"), model.trace.takenUp, t)
                figure(t("participation.total.measures"), model.trace.measures, t)
            }
            districts(model, t)
            if let map = model.map, !model.municipalities.isEmpty { municipalities(model, map, t) }
            section("fields", t("participation.byField"), model.byField, t)
            section("kinds", t("participation.byKind"), model.byKind, t)
            section("organisations", t("participation.byOrganisation"), model.byOrganisationKind, t)
            el("section", .ariaLabelledBy("months-title")) {
                el("h2", .id("months-title")) { t("participation.byMonth") }
                FigureView.render(months(model.byMonth, t), map: nil, table: table(t("participation.month"), t))
            }
            el("p", .class("attribution")) { t("participation.attribution", ["source": model.region.territoryAttribution]) }
        }
    }

    static func figure(_ label: String, _ value: Int, _ t: Translator) -> Node {
        // A div per pair (allowed in dl) lets the figures wrap on narrow screens.
        el("div") {
            el("dt") { label }
            el("dd") { t.number(value) }
        }
    }

    static func districts(_ model: Model, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("districts-title")) {
            el("h2", .id("districts-title")) { t("participation.byDistrict") }
            if let map = model.map {
                FigureView.render(perThousand("district-map", t("participation.map.districts"), model.districts, named: true, t), map: map)
            }
            Layout.scrolling(.ariaLabelledBy("districts-title")) { el("table", .class("data-table")) {
                el("caption") { t("participation.byDistrict.caption") }
                el("thead") {
                    el("tr") {
                        el("th", Attribute("scope", "col")) { t("field.district") }
                        el("th", Attribute("scope", "col"), .class("numeric")) { t("participation.population") }
                        el("th", Attribute("scope", "col"), .class("numeric")) { t("participation.contributions") }
                        el("th", Attribute("scope", "col"), .class("numeric")) { t("participation.perThousand") }
                        el("th", Attribute("scope", "col"), .class("numeric")) { t("participation.formats") }
                    }
                }
                el("tbody") {
                    for unit in model.districts {
                        el("tr") {
                            el("th", Attribute("scope", "row")) {
                                el("a", .href(Site.Contributions.list() + "?district=\(unit.key)")) { unit.name }
                            }
                            el("td", .class("numeric")) { t.number(unit.population) }
                            el("td", .class("numeric")) { t.number(unit.contributions) }
                            el("td", .class("numeric")) { Charts.decimal(unit.perThousand, t, places: 2) }
                            el("td", .class("numeric")) { t.number(unit.formats) }
                        }
                    }
                }
            } }
        }
    }

    static func municipalities(_ model: Model, _ map: ProjectedMap, _ t: Translator) -> Node {
        let top = model.municipalities.sorted { ($0.perThousand, $0.name) > ($1.perThousand, $1.name) }
        return el("section", .ariaLabelledBy("municipalities-title")) {
            el("h2", .id("municipalities-title")) { t("participation.byMunicipality") }
            FigureView.render(perThousand("municipality-map", t("participation.map.municipalities"), model.municipalities, named: false, t),
                              map: map)
            el("details") {
                el("summary") { t("participation.municipalities.table") }
                Layout.scrolling(.ariaLabel(t("participation.municipalities.table"))) { el("table", .class("data-table")) {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { t("field.municipality") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("participation.contributions") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("participation.perThousand") }
                        }
                    }
                    el("tbody") {
                        for unit in top {
                            el("tr") {
                                el("th", Attribute("scope", "row")) { unit.name }
                                el("td", .class("numeric")) { t.number(unit.contributions) }
                                el("td", .class("numeric")) { Charts.decimal(unit.perThousand, t, places: 2) }
                            }
                        }
                    }
                } }
            }
        }
    }

    static func section(_ id: String, _ title: String, _ rows: [(label: String, value: Int)], _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("\(id)-title")) {
            el("h2", .id("\(id)-title")) { title }
            FigureView.render(
                Figure(id: "\(id)-chart", kind: .bars, caption: title,
                       items: rows.map { .init(key: $0.label, label: $0.label, value: Double($0.value), text: t.number($0.value)) }),
                map: nil, table: table(title, t))
        }
    }

    static func table(_ header: String, _ t: Translator) -> FigureView.Table {
        .init(summary: t("participation.asTable"), name: header, value: t("participation.contributions"))
    }

    /// Contributions per 1,000 inhabitants as a map: classes from the smallest to the largest value.
    static func perThousand(_ id: String, _ title: String, _ units: [Unit], named: Bool, _ t: Translator) -> Figure {
        let values = units.map(\.perThousand)
        return Figure(
            id: id, kind: .map, caption: title,
            items: units.map { .init(key: $0.key, label: $0.name, value: $0.perThousand, text: Charts.decimal($0.perThousand, t, places: 2)) },
            legend: Charts.legend(values, t, places: 2),
            legendTitle: t("figure.legend.equalIntervals", ["unit": t("participation.perThousand.long")]), named: named)
    }

    static func months(_ rows: [(label: String, value: Int)], _ t: Translator) -> Figure {
        Figure(id: "months-chart", kind: .columns, caption: t("participation.byMonth"), items: rows.map { row in
            let month = Charts.month(row.label, t)
            return .init(key: row.label, label: month.label, value: Double(row.value), text: t.number(row.value), axis: month.axis)
        })
    }
}
