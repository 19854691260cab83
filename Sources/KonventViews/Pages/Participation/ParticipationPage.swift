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
                Charts.columns(id: "months-chart", title: t("participation.byMonth"), rows: model.byMonth, t)
                table(t("participation.month"), model.byMonth, t)
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
                Charts.map(id: "district-map", title: t("participation.map.districts"), map: map,
                           values: model.districts.map { ($0.key, $0.name, $0.perThousand) }, t)
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
            Charts.map(id: "municipality-map", title: t("participation.map.municipalities"), map: map,
                       values: model.municipalities.map { ($0.key, $0.name, $0.perThousand) }, t)
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
            Charts.horizontalBars(id: "\(id)-chart", title: title, rows: rows, t)
            table(title, rows, t)
        }
    }

    static func table(_ header: String, _ rows: [(label: String, value: Int)], _ t: Translator) -> Node {
        el("details") {
            el("summary") { t("participation.asTable") }
            Layout.scrolling(.ariaLabel(header)) { el("table", .class("data-table")) {
                el("thead") {
                    el("tr") {
                        el("th", Attribute("scope", "col")) { header }
                        el("th", Attribute("scope", "col"), .class("numeric")) { t("participation.contributions") }
                    }
                }
                el("tbody") {
                    for row in rows {
                        el("tr") {
                            el("th", Attribute("scope", "row")) { row.label }
                            el("td", .class("numeric")) { t.number(row.value) }
                        }
                    }
                }
            } }
        }
    }
}
