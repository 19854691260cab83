import KonventDomain
import KonventStorage
import KonventViews

/// A cross-tabulation's view as the office asked for it: two different dimensions, counts or per
/// 1,000 inhabitants, and the list's filters, each checked as the export checks them.
struct CrossTabView: Sendable {
    var rows = AnalysisDimension.field
    var columns = AnalysisDimension.district
    var value = AnalysisValue.count
    var query = ContributionQuery()
    var filters = AnalysisPage.Filters()
    /// The parameters as given, for links to the same view.
    var parameters: [(String, String?)] = []

    init(_ parameters: [(String, String)], region: RegionConfiguration) throws {
        var listed: [(String, String)] = []
        for (name, value) in parameters where !value.isEmpty {
            switch name {
            case "rows": rows = try Self.dimension(value)
            case "columns": columns = try Self.dimension(value)
            case "value":
                guard let chosen = AnalysisValue(rawValue: value) else { throw WebError.unprocessable("analysis.unknownValue") }
                self.value = chosen
            default: listed.append((name, value))
            }
        }
        guard rows != columns else { throw WebError.unprocessable("analysis.sameDimension") }
        query = try AnalysisRoutes.query(listed, region: region)
        let given = Dictionary(listed, uniquingKeysWith: { $1 })
        filters.search = query.search
        filters.kind = query.kind?.rawValue ?? ""
        filters.field = query.field ?? ""
        filters.district = query.district ?? ""
        filters.status = query.status?.rawValue ?? ""
        filters.theme = query.theme?.description ?? ""
        self.parameters = [("rows", rows.rawValue), ("columns", columns.rawValue), ("value", value.rawValue)]
            + ["q", "kind", "field", "district", "municipality", "status", "format", "theme"].map { ($0, given[$0]) }
    }

    static func dimension(_ value: String) throws -> AnalysisDimension {
        guard let dimension = AnalysisDimension(rawValue: value) else { throw WebError.unprocessable("analysis.unknownDimension") }
        return dimension
    }

    /// The region's months from the first contribution to the last, each from local midnight.
    static func months(_ range: ClosedRange<Int64>?, clock: RegionClock) -> [MonthBucket] {
        guard let range else { return [] }
        let first = clock.local(range.lowerBound), last = clock.local(range.upperBound)
        var buckets: [MonthBucket] = []
        var year = first.year, month = first.month
        while (year, month) <= (last.year, last.month), buckets.count < 240 {
            let start = clock.utc(LocalDateTime(year: year, month: month, day: 1, hour: 0, minute: 0)) ?? range.lowerBound
            buckets.append(MonthBucket(key: "\(year)-\(CalendarDate.pad(month, 2))", start: start))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return buckets
    }

    /// The counts with their rows and columns in the order the office knows them, each labelled.
    func tabulation(_ counts: CrossTabCounts, months: [MonthBucket], region: RegionConfiguration, t: Translator) -> CrossTabulation {
        let regionPopulation = region.districts.map(\.population).reduce(0, +)
        func lines(_ dimension: AnalysisDimension, _ found: Set<String>) -> [CrossTabulation.Line] {
            func line(_ key: String, _ label: String) -> CrossTabulation.Line { .init(key: key, label: label, population: regionPopulation) }
            switch dimension {
            case .field:
                let known = region.fieldsOfAction.map { line($0.key, $0.name[t.language]) }
                return known + found.subtracting(known.map(\.key)).sorted().map { line($0, $0) }
            case .district:
                let known = region.districts.map { CrossTabulation.Line(key: $0.officialKey, label: $0.name, population: $0.population) }
                return known + found.subtracting(known.map(\.key)).sorted().map { .init(key: $0, label: $0, population: 0) }
            case .kind:
                return Contribution.Kind.allCases.map { line($0.rawValue, t($0.catalogKey)) }
            case .organisation:
                return Organisation.Kind.allCases.map { line($0.rawValue, t($0.catalogKey)) } + [line("", t("analysis.individuals"))]
            case .month:
                return months.map { line($0.key, Charts.month($0.key, t).label) }
            case .format:
                let formats = found.filter { !$0.isEmpty }.map { line($0, counts.formatTitles[$0] ?? $0) }
                    .sorted { ($0.label, $0.key) < ($1.label, $1.key) }
                return formats + (found.contains("") ? [line("", t("analysis.noFormat"))] : [])
            }
        }
        return CrossTabulation(
            rows: lines(rows, Set(counts.rowTotals.keys)), columns: lines(columns, Set(counts.columnTotals.keys)), counts: counts,
            value: value, overlapping: rows == .field || columns == .field, regionPopulation: regionPopulation)
    }

    /// The table as CSV (BOM, `;`, CRLF): the rows' labels, a column per column and the totals;
    /// numbers without grouping, decimals with the language's separator, as spreadsheets read them.
    func csv(_ table: CrossTabulation, t: Translator) -> [UInt8] {
        func number(_ value: Double) -> String {
            guard self.value == .perThousand else { return String(Int(value)) }
            let text = String(Int((value * 100).rounded()) / 100) + "." + CalendarDate.pad(Int((value * 100).rounded()) % 100, 2)
            return t.language == .de ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        let corner = "\(t(rows.catalogKey)) \\ \(t(columns.catalogKey))"
        var lines = [[corner] + table.columns.map(\.label) + [t("analysis.total")]]
        for row in table.rows {
            lines.append([row.label] + table.columns.map { number(table.value(row, $0)) } + [number(table.rowTotal(row))])
        }
        lines.append([t("analysis.total")] + table.columns.map { number(table.columnTotal($0)) } + [number(table.total)])
        return CSVTable.file(lines)
    }
}
