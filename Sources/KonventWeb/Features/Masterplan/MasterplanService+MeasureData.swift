import KonventViews
import Foundation
import KonventDomain
import KonventStorage

/// The adopted measures as data for administrations: JSON with everything (keys and codes for
/// programs), and CSV tables in German of the measures, their financing lines, their indicators and
/// their trace to contributions (headers and labels for people opening them in a spreadsheet).
public enum MeasureDataFile: String, CaseIterable, Sendable {
    case json = "measures.json"
    case measures = "measures.csv"
    case financing = "financing.csv"
    case indicators = "indicators.csv"
    case trace = "trace.csv"

    public var contentType: String { self == .json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8" }
}

struct MeasureRecord: Encodable {
    struct Line: Encodable { var source: String; var programme: String; var amount: Int }
    struct Target: Encodable { var indicator: String; var target: String }
    struct Source: Encodable { var id: Int64; var title: String; var url: String }
    var code, title, kind, goal, description, state, sponsor, partners, timeframe, maturity, conditions: String
    var fields, territories, ministries: [String]
    var estimatedCost: Int
    var decidedOn: String?
    var financing: [Line]
    var indicators: [Target]
    var sources: [Source]
    var url: String
}

extension MasterplanService {
    func measureData(_ file: MeasureDataFile) async throws -> [UInt8] {
        let planned = try await masterplan.plannedMeasures()
        func table(_ header: [String], _ rows: [[String]]) -> [UInt8] { CSVTable.file([header] + rows) }
        // The tables speak German, like the plan they come from; JSON keeps the keys for programs.
        let t = catalog.translator(.de)
        func header(_ keys: String...) -> [String] { keys.map { t("measuredata.csv.\($0)") } }
        func names(fields: [String]) -> String { fields.map { region.fieldOfAction($0)?.name[.de] ?? $0 }.joined(separator: ", ") }
        func names(territories: [String]) -> String { territories.map { region.territory($0)?.name ?? $0 }.joined(separator: ", ") }
        switch file {
        case .json:
            let records = planned.map { p in
                let c = p.measure.content
                return MeasureRecord(
                    code: p.measure.code, title: c.title, kind: c.kind.rawValue, goal: c.goal, description: c.description,
                    state: p.measure.state.description, sponsor: c.sponsor, partners: c.partners, timeframe: c.timeframe, maturity: c.maturity.rawValue,
                    conditions: p.conditions, fields: c.fields, territories: c.territories, ministries: p.ministries, estimatedCost: c.estimatedCost,
                    decidedOn: p.decidedOn, financing: c.financing.map { .init(source: $0.source.rawValue, programme: $0.programme, amount: $0.amount) },
                    indicators: c.indicators.map { .init(indicator: $0.name, target: $0.target) },
                    sources: zip(p.sourceIDs, p.sources).map { .init(id: $0, title: $1, url: mails.link(Site.Contributions.page(ContributionID($0)))) },
                    url: mails.link(Site.Measures.page(p.measure.id)))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return Array(try encoder.encode(records))
        case .measures:
            return table(header("code", "title", "kind", "state", "fields", "territories", "sponsor", "ministries", "estimatedCost", "timeframe",
                                "decidedOn", "conditions", "url"),
                         planned.map { p in
                             let c = p.measure.content
                             return [p.measure.code, c.title, t(c.kind.catalogKey), MeasureStateName.name(p.measure.state, region, t), names(fields: c.fields),
                                     names(territories: c.territories), c.sponsor,
                                     p.ministries.map { key in region.ministries.first { $0.key == key }?.abbreviation ?? key }.joined(separator: ", "),
                                     String(c.estimatedCost), c.timeframe, p.decidedOn ?? "", p.conditions, mails.link(Site.Measures.page(p.measure.id))]
                         })
        case .financing:
            return table(header("code", "source", "programme", "amount"), planned.flatMap { p in
                p.measure.content.financing.map { [p.measure.code, t($0.source.catalogKey), $0.programme, String($0.amount)] }
            })
        case .indicators:
            return table(header("code", "indicator", "target"), planned.flatMap { p in
                p.measure.content.indicators.map { [p.measure.code, $0.name, $0.target] }
            })
        case .trace:
            return table(header("code", "contributionID", "contributionTitle", "contributionURL"), planned.flatMap { p in
                zip(p.sourceIDs, p.sources).map { [p.measure.code, String($0), $1, mails.link(Site.Contributions.page(ContributionID($0)))] }
            })
        }
    }
}
