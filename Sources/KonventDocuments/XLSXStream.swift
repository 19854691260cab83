/// A spreadsheet of one sheet in Office Open XML (XLSX), written front to back: the package parts
/// first, then the rows in deflated pieces of about 64 KiB, then the central directory. Memory stays
/// that of one piece however many rows there are. The header row is bold and stays in view.
public struct XLSXStream: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Int)
        /// A calendar day, `YYYY-MM-DD`; shown in the reader's date format.
        case day(String)
        case empty
    }

    /// Excel keeps at most this many characters in a cell.
    public static let cellLimit = 32_767
    static let pieceSize = 64 * 1024

    private var zip = ZipStream()
    private var pending: [UInt8] = []
    private var rows = 0
    private let sheetName: String
    private let header: [String]
    private let widths: [Int]

    /// `widths` in characters, one per column (10 where missing).
    public init(sheet: String, header: [String], widths: [Int] = []) {
        self.sheetName = sheet
        self.header = header
        self.widths = widths
    }

    /// The package parts and the header row.
    public mutating func start() -> [UInt8] {
        var out: [UInt8] = []
        out += zip.add("[Content_Types].xml", Self.contentTypes)
        out += zip.add("_rels/.rels", Self.packageRelations)
        out += zip.add("xl/workbook.xml", Self.workbook(sheetName))
        out += zip.add("xl/_rels/workbook.xml.rels", Self.workbookRelations)
        out += zip.add("xl/styles.xml", Self.styles)
        out += zip.begin("xl/worksheets/sheet1.xml")
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        sheet += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        sheet += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            + "</sheetView></sheetViews><cols>"
        for index in header.indices {
            let width = index < widths.count ? widths[index] : 10
            sheet += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }
        sheet += "</cols><sheetData>"
        pending = Array(sheet.utf8)
        rows = 0
        out += append(header.map(Cell.text), style: 1)
        return out
    }

    /// One row; returns the bytes to send once a piece is full (often none).
    public mutating func append(_ cells: [Cell]) -> [UInt8] { append(cells, style: 0) }

    private mutating func append(_ cells: [Cell], style: Int) -> [UInt8] {
        rows += 1
        var xml = #"<row r="\#(rows)">"#
        for (index, cell) in cells.enumerated() {
            let reference = Self.column(index) + String(rows)
            let styled = style > 0 ? #" s="\#(style)""# : ""
            switch cell {
            case .text(let text) where !text.isEmpty:
                let kept = text.count > Self.cellLimit ? String(text.prefix(Self.cellLimit)) : text
                xml += #"<c r="\#(reference)"\#(styled) t="inlineStr"><is><t xml:space="preserve">\#(XML.escape(kept))</t></is></c>"#
            case .number(let value):
                xml += #"<c r="\#(reference)"\#(styled)><v>\#(value)</v></c>"#
            case .day(let iso):
                if let serial = Self.serial(iso) { xml += #"<c r="\#(reference)" s="2"><v>\#(serial)</v></c>"# }
            case .text, .empty:
                continue
            }
        }
        xml += "</row>"
        pending += Array(xml.utf8)
        guard pending.count >= Self.pieceSize else { return [] }
        defer { pending.removeAll(keepingCapacity: true) }
        return zip.write(pending)
    }

    /// The rest of the sheet and the end of the package.
    public mutating func finish() -> [UInt8] {
        pending += Array("</sheetData></worksheet>".utf8)
        var out = zip.write(pending)
        pending = []
        out += zip.end()
        out += zip.finish()
        return out
    }

    /// "A" … "Z", "AA" …
    static func column(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let rest = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rest))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Days since 1899-12-30, the spreadsheet's day number.
    static func serial(_ iso: String) -> Int? {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        // Days from the civil date (H. Hinnant's algorithm), counted from 1970-01-01.
        let (year, month, day) = (parts[1] <= 2 ? parts[0] - 1 : parts[0], parts[1], parts[2])
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + 25_569
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """.utf8.map { $0 }

    static let packageRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """.utf8.map { $0 }

    static func workbook(_ name: String) -> [UInt8] {
        // Sheet names: at most 31 characters, none of : \ / ? * [ ].
        let safe = String(name.filter { !":\\/?*[]".contains($0) }.prefix(31))
        return Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(XML.escape(safe))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """.utf8)
    }

    static let workbookRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """.utf8.map { $0 }

    /// Plain, bold (the header) and a day (number format 14, the reader's short date).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """.utf8.map { $0 }
}
