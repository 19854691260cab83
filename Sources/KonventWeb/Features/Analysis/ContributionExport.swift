import KonventDocuments
import KonventDomain
import KonventStorage
import KonventViews
import NIOCore

/// The office's export of contributions, as CSV (UTF-8 with BOM, `;`) or XLSX, written batch by batch
/// to a sink: 1,000 rows at a time from the database, so that 100,000 rows need the memory of 1,000.
/// Columns carry names in the reader's language, with the stored keys in columns of their own.
struct ContributionExport: Sendable {
    enum Format: String, CaseIterable, Sendable {
        case csv, xlsx

        var contentType: String {
            switch self {
            case .csv: "text/csv; charset=utf-8"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }

    let store: any ContributionStore
    let region: RegionConfiguration
    let t: Translator
    let baseURL: String
    static let batch = 1_000

    static let columns = [
        "id", "kind", "kindKey", "title", "text", "fields", "fieldKeys", "district", "districtKey", "municipality", "municipalityKey",
        "organisation", "organisationKind", "organisationKindKey", "format", "formatID", "status", "statusKey", "supports", "comments",
        "measures", "createdAt", "editedAt", "link",
    ]
    /// Widths in characters for the spreadsheet: the text wide, keys narrow.
    static let widths = [7, 14, 14, 40, 60, 30, 24, 22, 12, 22, 12, 28, 18, 14, 28, 8, 16, 12, 10, 10, 14, 12, 12, 30]

    var header: [String] { Self.columns.map { t("export.column.\($0)") } }

    func cells(_ row: ContributionExportRow) -> [XLSXStream.Cell] {
        let language = t.language
        let fields = row.fields.map { region.fieldOfAction($0)?.name[language] ?? $0 }
        return [
            .number(Int(row.id)), .text(t(row.kind.catalogKey)), .text(row.kind.rawValue), .text(row.title), .text(row.text),
            .text(fields.joined(separator: ", ")), .text(row.fields.joined(separator: ", ")),
            .text(region.territory(row.districtKey)?.name ?? row.districtKey), .text(row.districtKey),
            .text(row.municipalityKey.flatMap { region.territory($0)?.name } ?? ""), .text(row.municipalityKey ?? ""),
            .text(row.organisationName ?? ""), .text(row.organisationKind.map { t($0.catalogKey) } ?? ""),
            .text(row.organisationKind?.rawValue ?? ""), .text(row.formatTitle ?? ""), row.formatID.map { .number(Int($0)) } ?? .empty,
            .text(t(row.status.catalogKey)), .text(row.status.rawValue), .number(row.supports), .number(row.comments),
            .text(row.measureCodes.joined(separator: ", ")), .day(CalendarDate.iso(milliseconds: row.createdAt)),
            row.editedAt.map { .day(CalendarDate.iso(milliseconds: $0)) } ?? .empty,
            .text(baseURL + Site.Contributions.page(ContributionID(row.id))),
        ]
    }

    /// Writes the whole selection; returns how many rows it wrote.
    @discardableResult
    func write(_ query: ContributionQuery, as format: Format, to sink: (ByteBuffer) async throws -> Void) async throws -> Int {
        var sheet = XLSXStream(sheet: t("export.sheet"), header: header, widths: Self.widths)
        switch format {
        case .csv: try await sink(ByteBuffer(bytes: Array("\u{FEFF}".utf8) + Self.csvLine(header.map(XLSXStream.Cell.text))))
        case .xlsx: try await sink(ByteBuffer(bytes: sheet.start()))
        }
        var after: Int64 = 0, count = 0
        while true {
            let rows = try await store.exportBatch(query, after: after, limit: Self.batch)
            guard let last = rows.last else { break }
            var out: [UInt8] = []
            for row in rows {
                switch format {
                case .csv: out += Self.csvLine(cells(row))
                case .xlsx: out += sheet.append(cells(row))
                }
            }
            if !out.isEmpty { try await sink(ByteBuffer(bytes: out)) }
            count += rows.count
            after = last.id
            if rows.count < Self.batch { break }
        }
        if format == .xlsx { try await sink(ByteBuffer(bytes: sheet.finish())) }
        return count
    }

    /// One CSV line: numbers as written, days as `YYYY-MM-DD`, text through the one cell writer.
    static func csvLine(_ cells: [XLSXStream.Cell]) -> [UInt8] {
        let line = cells.map { cell -> String in
            switch cell {
            case .text(let text): CSVTable.field(text)
            case .number(let value): String(value)
            case .day(let iso): iso
            case .empty: ""
            }
        }.joined(separator: ";")
        return Array((line + "\r\n").utf8)
    }
}
