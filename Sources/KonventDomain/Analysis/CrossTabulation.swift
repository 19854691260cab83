/// What the office's analysis counts contributions by.
public enum AnalysisDimension: String, CaseIterable, Sendable {
    case field, district, kind, organisation, month, format

    public var catalogKey: String { "analysis.dimension.\(rawValue)" }
}

/// Whether a cross-tabulation shows counts or counts per 1,000 inhabitants.
public enum AnalysisValue: String, CaseIterable, Sendable {
    case count
    case perThousand = "per-thousand"

    public var catalogKey: String { "analysis.value.\(rawValue)" }
}

/// A calendar month of the region and the moment (UTC milliseconds) it begins.
public struct MonthBucket: Sendable, Equatable {
    /// `YYYY-MM`.
    public var key: String
    public var start: Int64

    public init(key: String, start: Int64) {
        self.key = key
        self.start = start
    }
}

/// Counts of contributions by two dimensions, as the database gives them. Rows and columns are
/// totalled on their own: a contribution in two fields of action counts in two cells of its row but
/// once in the row's total, so that a total never says more contributions than there are.
public struct CrossTabCounts: Sendable, Equatable {
    public var cells: [String: [String: Int]] = [:]
    public var rowTotals: [String: Int] = [:]
    public var columnTotals: [String: Int] = [:]
    public var total = 0
    /// The titles of the formats among the keys (a format's key is its id; "" is none).
    public var formatTitles: [String: String] = [:]

    public init() {}

    public func count(_ row: String, _ column: String) -> Int { cells[row]?[column] ?? 0 }
}

/// A cross-tabulation ready to show: its rows and columns in order, each with its label and, where
/// the dimension is the district, the inhabitants it is divided by.
public struct CrossTabulation: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var key: String
        public var label: String
        /// Inhabitants of the district (or of the region, for dimensions that are not places).
        public var population: Int

        public init(key: String, label: String, population: Int) {
            self.key = key
            self.label = label
            self.population = population
        }
    }

    public var rows: [Line]
    public var columns: [Line]
    public var counts: CrossTabCounts
    public var value: AnalysisValue
    /// Whether any contribution counts in more than one cell of a row or column (fields of action).
    public var overlapping: Bool
    public var regionPopulation: Int

    public init(rows: [Line], columns: [Line], counts: CrossTabCounts, value: AnalysisValue, overlapping: Bool, regionPopulation: Int) {
        self.regionPopulation = regionPopulation
        self.rows = rows
        self.columns = columns
        self.counts = counts
        self.value = value
        self.overlapping = overlapping
    }

    /// A cell's value: the count, or per 1,000 inhabitants of the smaller of its row's and column's
    /// populations (the district's where either is a district).
    public func value(_ row: Line, _ column: Line) -> Double {
        scaled(counts.count(row.key, column.key), population: min(row.population, column.population))
    }

    public func rowTotal(_ row: Line) -> Double { scaled(counts.rowTotals[row.key] ?? 0, population: row.population) }
    public func columnTotal(_ column: Line) -> Double { scaled(counts.columnTotals[column.key] ?? 0, population: column.population) }
    public var total: Double { scaled(counts.total, population: regionPopulation) }

    func scaled(_ count: Int, population: Int) -> Double {
        switch value {
        case .count: Double(count)
        case .perThousand: population > 0 ? Double(count) * 1000 / Double(population) : 0
        }
    }

    /// The values of all cells, from which a shading's classes are taken.
    public var cellValues: [Double] { rows.flatMap { row in columns.map { value(row, $0) } } }
}
