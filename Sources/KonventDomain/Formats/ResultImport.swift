/// Turns a results table (CSV, or the rows of the quick-capture page) into contribution drafts for
/// one format. All or nothing: either every row is valid, or the report names each bad row.
public enum ResultImport {
    public static let requiredColumns = ["kind", "title", "text", "field"]
    public static let optionalColumns = ["municipality", "district"]

    /// One reason why one line cannot be imported; `messageKey` and `values` come from the catalog.
    public struct LineError: Sendable, Equatable {
        public var line: Int
        public var messageKey: String
        public var values: [String: String]

        public init(line: Int, messageKey: String, values: [String: String] = [:]) {
            self.line = line
            self.messageKey = messageKey
            self.values = values
        }
    }

    /// Every bad line of one file or form.
    public struct Report: Error, Sendable, Equatable {
        public var lines: [LineError]

        public init(_ lines: [LineError]) { self.lines = lines }
    }

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var kind = ""
        public var title = ""
        public var text = ""
        public var field = ""
        public var municipality = ""
        public var district = ""
        /// The columns as the file names them ("Titel" for title); the capture form's names otherwise.
        public var columnNames: [String: String] = [:]

        public init(line: Int) { self.line = line }

        /// A rule's field as the column it came from, and the value it found there.
        func column(of field: String) -> (name: String, value: String) {
            let column = field == "fields" ? "field" : field
            let value = switch column {
            case "kind": kind
            case "title": title
            case "text": text
            case "field": self.field
            case "municipality": municipality
            case "district": district
            default: ""
            }
            return (columnNames[column] ?? field, value)
        }
    }

    /// A value as a report quotes it: whole when short, its beginning otherwise.
    static func quoted(_ value: String) -> String {
        let value = value.trimmingWhitespace()
        return value.count <= 60 ? value : String(value.prefix(57)) + "…"
    }

    /// Reads a CSV file and checks every row, so that one report names every bad line of the file.
    public static func drafts(fromCSV bytes: [UInt8], format: Format, region: RegionConfiguration) -> Result<[ContributionDraft], Report> {
        let parsed: (rows: [Row], problems: [LineError])
        switch rows(fromCSV: bytes) {
        case .failure(let report): return .failure(report)
        case .success(let value): parsed = value
        }
        var problems = parsed.problems
        switch drafts(parsed.rows, format: format, region: region) {
        case .success(let drafts) where problems.isEmpty: return .success(drafts)
        case .success: break
        case .failure(let report): problems += report.lines
        }
        return .failure(Report(problems.sorted { $0.line < $1.line }))
    }

    /// What is wrong with a file as a whole, as a line of the report.
    static func fileProblem(_ problem: CSVTable.Problem) -> LineError {
        switch problem {
        case .encoding(let line): LineError(line: line, messageKey: "import.error.encoding")
        case .empty: LineError(line: 1, messageKey: "import.error.empty")
        case .unclosedQuote(let line): LineError(line: line, messageKey: "import.error.quote")
        case .tooManyRows(let limit): LineError(line: 1, messageKey: "import.error.tooManyRows", values: ["limit": String(limit)])
        }
    }

    /// Reads a CSV file into rows. Problems with the file as a whole (encoding, header) fail it;
    /// rows with the wrong number of cells come back as problems beside the good rows.
    public static func rows(fromCSV bytes: [UInt8]) -> Result<(rows: [Row], problems: [LineError]), Report> {
        let table: CSVTable
        do { table = try CSVTable.parse(bytes) } catch { return .failure(Report([fileProblem(error)])) }
        var errors: [LineError] = []
        let known = Set(requiredColumns + optionalColumns)
        for (column, written) in zip(table.header, table.headerAsWritten) where !known.contains(column) {
            errors.append(LineError(line: 1, messageKey: "import.error.unknownColumn", values: ["column": written]))
        }
        for column in requiredColumns where !table.header.contains(column) {
            errors.append(LineError(line: 1, messageKey: "import.error.missingColumn", values: ["column": column]))
        }
        if !errors.isEmpty { return .failure(Report(errors)) }
        if table.rows.isEmpty { return .failure(Report([LineError(line: 2, messageKey: "import.error.noRows")])) }
        var rows: [Row] = []
        for record in table.rows {
            guard record.cells.count == table.header.count else {
                errors.append(LineError(
                    line: record.line, messageKey: "import.error.cellCount",
                    values: ["expected": String(table.header.count), "found": String(record.cells.count)]))
                continue
            }
            var row = Row(line: record.line)
            row.columnNames = Dictionary(zip(table.header, table.headerAsWritten)) { first, _ in first }
            for (column, value) in zip(table.header, record.cells) {
                switch column {
                case "kind": row.kind = value
                case "title": row.title = value
                case "text": row.text = value
                case "field": row.field = value
                case "municipality": row.municipality = value
                case "district": row.district = value
                default: break
                }
            }
            rows.append(row)
        }
        return .success((rows, errors))
    }

    /// Checks every row against the rules and the region. Names as well as keys are accepted for kinds,
    /// fields, districts and municipalities, so that a spreadsheet typed by hand goes through.
    public static func drafts(
        _ rows: [Row], format: Format, region: RegionConfiguration
    ) -> Result<[ContributionDraft], Report> {
        var drafts: [ContributionDraft] = []
        var errors: [LineError] = []
        for row in rows {
            let district = row.district.isEmpty ? format.districtKey : territoryKey(row.district, region, districtLevel: true) ?? row.district
            let municipality = row.municipality.isEmpty
                ? "" : territoryKey(row.municipality, region, districtLevel: false, in: district) ?? row.municipality
            let fieldNames = row.field.split(whereSeparator: { $0 == "|" || $0 == "," || $0 == "/" })
                .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            let fields = fieldNames.map { fieldKey($0, region) ?? $0 }
            do {
                var draft = try ContributionDraft.validate(
                    kind: kindKey(row.kind) ?? row.kind, title: row.title, text: row.text, fields: fields, district: district,
                    municipality: municipality, organisation: "", anonymous: true, region: region, organisations: [])
                draft.formatID = format.id
                drafts.append(draft)
            } catch {
                for problem in error.errors {
                    let column = row.column(of: problem.field)
                    errors.append(LineError(line: row.line, messageKey: problem.messageKey,
                                            values: ["column": column.name, "value": quoted(column.value)]))
                }
            }
        }
        return errors.isEmpty ? .success(drafts) : .failure(Report(errors))
    }

    static func kindKey(_ text: String) -> String? {
        let text = text.trimmingWhitespace().lowercased()
        let names: [String: Contribution.Kind] = [
            "herausforderung": .challenge, "challenge": .challenge, "potenzial": .potential, "potential": .potential,
            "idee": .idea, "idea": .idea, "projektidee": .projectIdea, "project idea": .projectIdea,
            "project_idea": .projectIdea,
        ]
        return names[text]?.rawValue
    }

    static func fieldKey(_ text: String, _ region: RegionConfiguration) -> String? {
        let lower = text.lowercased()
        return region.fieldsOfAction.first {
            $0.key == lower || $0.code.lowercased() == lower || $0.name[.de].lowercased() == lower || $0.name[.en].lowercased() == lower
        }?.key
    }

    static func territoryKey(_ text: String, _ region: RegionConfiguration, districtLevel: Bool, in district: String? = nil) -> String? {
        let text = text.trimmingWhitespace()
        let candidates = districtLevel ? region.districts : region.municipalities(in: district ?? "")
        return candidates.first { $0.officialKey == text || $0.name.lowercased() == text.lowercased() }?.officialKey
    }
}
