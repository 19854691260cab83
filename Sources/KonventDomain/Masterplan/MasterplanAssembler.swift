/// An adopted measure as the plan prints it: its content, the conditions of its decision and the
/// contributions it came from.
public struct PlannedMeasure: Sendable, Equatable {
    public var measure: Measure
    public var ministries: [String]
    public var conditions: String
    public var decidedOn: String?
    public var sources: [String]
    /// The ids of the source contributions, in the order of `sources`.
    public var sourceIDs: [Int64] = []

    public init(measure: Measure, ministries: [String], conditions: String, decidedOn: String?, sources: [String]) {
        self.measure = measure
        self.ministries = ministries
        self.conditions = conditions
        self.decidedOn = decidedOn
        self.sources = sources
    }
}

/// The participation figures the plan reports.
public struct PlanFigures: Sendable, Equatable {
    public var formats: Int
    public var contributions: Int
    public var supports: Int
    public var comments: Int
    public var takenUp: Int
    /// District key → contributions.
    public var byDistrict: [String: Int]
    /// Field key → contributions.
    public var byField: [String: Int]
    /// Field key → formats on the field.
    public var formatsByField: [String: Int] = [:]

    public init(formats: Int, contributions: Int, supports: Int, comments: Int, takenUp: Int, byDistrict: [String: Int],
                byField: [String: Int]) {
        self.formats = formats
        self.contributions = contributions
        self.supports = supports
        self.comments = comments
        self.takenUp = takenUp
        self.byDistrict = byDistrict
        self.byField = byField
    }
}

/// Puts the masterplan together: the office's chapters around the chapters generated from the data.
/// `label` says a catalog text in the document's language (the domain has no catalog of its own).
public struct MasterplanAssembler: Sendable {
    /// The chapters the office writes, in the order they appear around the generated ones.
    public static let writtenBefore = ["foreword", "region", "analysis"]
    public static let writtenAfter = ["process", "implementation"]
    public static var writtenKeys: [String] { writtenBefore + writtenAfter }

    public let region: RegionConfiguration
    public let language: Language
    public let label: @Sendable (String, [String: String]) -> String

    public init(region: RegionConfiguration, language: Language, label: @escaping @Sendable (String, [String: String]) -> String) {
        self.region = region
        self.language = language
        self.label = label
    }

    /// With `monitoring`, the written chapter on implementation goes on with the monitoring of the
    /// adopted measures, counted from the same data as the status report.
    public func document(
        written: [String: String], measures: [PlannedMeasure], figures: PlanFigures, status: String, monitoring: ImplementationFigures? = nil
    ) -> MasterplanDocument {
        func chapter(_ key: String) -> MasterplanDocument.Chapter {
            let text = written[key] ?? ""
            return .init(key: key, title: label("masterplan.chapter.\(key)", [:]), written: true,
                         blocks: text.isEmpty ? [.paragraph(id: "\(key)-1", text: label("masterplan.chapter.empty", [:]))]
                             : MasterplanDocument.Block.parse(text, chapter: key))
        }
        var chapters = Self.writtenBefore.map(chapter)
        for field in region.fieldsOfAction {
            chapters.append(fieldChapter(field, measures.filter { $0.measure.content.fields.first == field.key }))
        }
        chapters.append(chapter("process"))
        chapters.append(participation(figures))
        var implementation = chapter("implementation")
        let adopted = measures.filter { $0.measure.state.isAdopted }
        if let monitoring, !adopted.isEmpty {
            implementation.blocks.append(.heading(level: 2, text: label("masterplan.monitoring", [:]), anchor: "monitoring"))
            implementation.blocks += implementationBlocks(adopted, monitoring, key: "monitoring")
        }
        chapters.append(implementation)
        return MasterplanDocument(title: region.process.title[language], status: status, chapters: chapters,
                                  attribution: region.territoryAttribution)
    }

    func fieldChapter(_ field: RegionConfiguration.FieldOfAction, _ measures: [PlannedMeasure]) -> MasterplanDocument.Chapter {
        let key = "field-\(field.key)"
        var blocks: [MasterplanDocument.Block] = [.paragraph(id: "\(key)-1", text: field.description[language])]
        let total = measures.reduce(0) { $0 + $1.measure.content.estimatedCost }
        blocks.append(.paragraph(id: "\(key)-2", text: measures.isEmpty ? label("masterplan.field.none", [:])
            : label("masterplan.field.summary", ["count": String(measures.count), "cost": euros(total)])))
        for planned in measures.sorted(by: { Self.codeOrder($0.measure.code) < Self.codeOrder($1.measure.code) }) {
            let m = planned.measure, c = m.content
            blocks.append(.heading(level: 2, text: "\(m.code) \(c.title)", anchor: "measure-\(m.code)"))
            blocks.append(.paragraph(id: "\(key)-\(m.code)-goal", text: c.goal))
            var facts: [MasterplanDocument.Fact] = [
                .init(label("measure.kindLabel", [:]), label(c.kind.catalogKey, [:])),
                .init(label("profile.sponsor", [:]), c.sponsor),
                .init(label("measure.ministries", [:]), planned.ministries.compactMap { region.ministry($0)?.abbreviation }.joined(separator: ", ")),
                .init(label("measure.territories", [:]), c.territories.isEmpty ? label("measure.territories.all", [:])
                    : c.territories.compactMap { region.territory($0)?.name }.joined(separator: ", ")),
                .init(label("masterplan.cost", [:]), euros(c.estimatedCost)),
                .init(label("measure.state", [:]), label(m.state.catalogKey, [:])
                    + (planned.decidedOn.map { ", " + label("masterplan.decidedOn", ["date": date($0)]) } ?? "")),
            ]
            if !c.partners.isEmpty { facts.insert(.init(label("profile.partners", [:]), c.partners), at: 2) }
            if !c.timeframe.isEmpty { facts.append(.init(label("profile.timeframe", [:]), c.timeframe)) }
            blocks.append(.facts(facts))
            if !c.financing.isEmpty {
                blocks.append(.table(.init(
                    caption: label("masterplan.financing", ["code": m.code]),
                    header: [label("measure.financing.source", [:]), label("measure.financing.programme", [:]), label("measure.financing.amount", [:])],
                    rows: c.financing.map { [label($0.source.catalogKey, [:]), $0.programme, euros($0.amount)] }, numeric: [2])))
            }
            if !c.indicators.isEmpty {
                blocks.append(.list(c.indicators.map { "\($0.name): \($0.target)" }))
            }
            if !planned.conditions.isEmpty {
                blocks.append(.paragraph(id: "\(key)-\(m.code)-conditions", text: label("masterplan.conditions", ["text": planned.conditions])))
            }
            if !planned.sources.isEmpty {
                blocks.append(.paragraph(id: "\(key)-\(m.code)-sources",
                                         text: label("masterplan.sources", ["list": planned.sources.map { "„\($0)“" }.joined(separator: ", ")])))
            }
        }
        return .init(key: key, title: field.name[language], written: false, blocks: blocks)
    }

    func participation(_ figures: PlanFigures) -> MasterplanDocument.Chapter {
        let key = "participation"
        let districts = region.districts.map { district -> [String] in
            let count = figures.byDistrict[district.officialKey] ?? 0
            return [district.name, number(count), number(district.population), decimal(perThousand(district, figures), places: 2)]
        }
        return .init(key: key, title: label("masterplan.chapter.participation", [:]), written: false, blocks: [
            .paragraph(id: "\(key)-1", text: label("masterplan.participation.summary", [
                "formats": number(figures.formats), "contributions": number(figures.contributions), "supports": number(figures.supports),
                "comments": number(figures.comments), "takenUp": number(figures.takenUp),
            ])),
            districtMap(figures),
            .table(.init(caption: label("masterplan.participation.districts", [:]),
                         header: [label("field.district", [:]), label("participation.contributions", [:]), label("participation.population", [:]),
                                  label("participation.perThousand", [:])],
                         rows: districts, numeric: [1, 2, 3])),
            .table(.init(caption: label("masterplan.participation.fields", [:]),
                         header: [label("field.fieldOfAction", [:]), label("participation.contributions", [:])],
                         rows: region.fieldsOfAction.map { [$0.name[language], number(figures.byField[$0.key] ?? 0)] }, numeric: [1])),
            .figure(Figure(id: "\(key)-fields", kind: .bars, caption: label("masterplan.participation.fields", [:]),
                           items: region.fieldsOfAction.map { field in
                               let count = figures.byField[field.key] ?? 0
                               return .init(key: field.key, label: field.name[language], value: Double(count), text: number(count))
                           })),
        ])
    }

    func perThousand(_ district: Territory, _ figures: PlanFigures) -> Double {
        district.population > 0 ? Double(figures.byDistrict[district.officialKey] ?? 0) * 1000 / Double(district.population) : 0
    }

    /// Contributions per 1,000 inhabitants, district by district, as a map.
    func districtMap(_ figures: PlanFigures) -> MasterplanDocument.Block {
        let items = region.districts.map { district -> Figure.Item in
            let value = perThousand(district, figures)
            return .init(key: district.officialKey, label: district.name, value: value, text: decimal(value, places: 2))
        }
        let bounds = Figure.classBounds(of: items.map(\.value))
        return .figure(Figure(id: "participation-map", kind: .map, caption: label("masterplan.participation.map", [:]), items: items,
                              legend: bounds.map { "\(decimal($0.low, places: 2))–\(decimal($0.high, places: 2))" },
                              legendTitle: label("figure.legend.equalIntervals", ["unit": label("participation.perThousand.long", [:])]),
                              named: true))
    }

    /// An ISO date as the document's language writes it.
    public func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard language == .de, parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// WT-9 before WT-10.
    static func codeOrder(_ code: String) -> (String, Int) {
        guard let dash = code.lastIndex(of: "-"), let number = Int(code[code.index(after: dash)...]) else { return (code, 0) }
        return (String(code[..<dash]), number)
    }

    /// 1.234.567 € in German, €1,234,567 in English.
    public func euros(_ amount: Int) -> String {
        language == .de ? "\(number(amount)) €" : "€\(number(amount))"
    }

    public func number(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(language == .de ? "." : ",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + String(grouped.reversed())
    }

    func decimal(_ value: Double, places: Int = 1) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((max(value, 0) * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(number(scaled / scale))\(language == .de ? "," : ".")\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }
}
