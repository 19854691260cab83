/// A CSV file as spreadsheets write it (RFC 4180 quoting, `;` or `,` between cells, CRLF or LF),
/// read strictly: the bytes must be UTF-8 (a byte order mark is skipped), quotes must close.
public struct CSVTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The line of the file on which the row starts (1 is the header).
        public var line: Int
        public var cells: [String]
    }

    public var delimiter: Character
    /// The column names, trimmed and in lower case, to match them.
    public var header: [String]
    /// The column names as the file writes them, to name them back in a report.
    public var headerAsWritten: [String] = []
    public var rows: [Row]

    public enum Problem: Error, Sendable, Equatable {
        /// Not UTF-8; the line where the first bad byte is.
        case encoding(line: Int)
        case empty
        case unclosedQuote(line: Int)
        case tooManyRows(limit: Int)
    }

    public static let rowLimit = 2000

    /// A whole file for writing: a BOM (so that spreadsheets read UTF-8), `;` between cells, CRLF.
    public static func file(_ rows: [[String]]) -> [UInt8] {
        Array(("\u{FEFF}" + rows.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// One cell for writing (`;` separated, as German spreadsheets expect): quoted when it holds a
    /// separator, a quote or a line break; a leading = + - @ is prefixed with ' so that no spreadsheet
    /// reads a formula into it.
    public static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { ";\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func parse(_ bytes: [UInt8]) throws(Problem) -> CSVTable {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .encoding(line: Self.firstInvalidLine(Array(bytes)))
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let delimiter: Character = firstLine.filter { $0 == ";" }.count >= firstLine.filter { $0 == "," }.count ? ";" : ","
        var records = try records(text, delimiter: delimiter)
        records.removeAll { $0.cells.allSatisfy { $0.trimmingWhitespace().isEmpty } }
        guard let header = records.first else { throw .empty }
        guard records.count - 1 <= rowLimit else { throw .tooManyRows(limit: rowLimit) }
        return CSVTable(
            delimiter: delimiter, header: header.cells.map { $0.trimmingWhitespace().lowercased() },
            headerAsWritten: header.cells.map { $0.trimmingWhitespace() }, rows: Array(records.dropFirst()))
    }

    private static func records(_ text: String, delimiter: Character) throws(Problem) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = [], cell = "", line = 1, rowStart = 1
        var quoted = false, afterQuote = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else {
                    if character.isNewline { line += 1 }
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"" where afterQuote:
                // A doubled quote inside a quoted cell.
                cell.append("\"")
                quoted = true
                afterQuote = false
            case "\"" where cell.isEmpty:
                quoted = true
            case delimiter:
                cells.append(cell)
                cell = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                cells.append(cell)
                rows.append(Row(line: rowStart, cells: cells))
                cells = []
                cell = ""
                afterQuote = false
                line += 1
                rowStart = line
            default:
                cell.append(character)
                afterQuote = false
            }
        }
        if quoted { throw .unclosedQuote(line: rowStart) }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(cell)
            rows.append(Row(line: rowStart, cells: cells))
        }
        return rows
    }

    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1, start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
