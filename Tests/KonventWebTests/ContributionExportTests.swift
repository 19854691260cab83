import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("The office exports contributions", .serialized)
struct ContributionExportTests {
    @Test("CSV and XLSX of the list as filtered, with German names and the keys beside them; LibreOffice reads the XLSX back",
          arguments: TestDatabase.available)
    func export(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await SampleData(services: services).generate(.init(contributions: 1_300, comments: 200, supports: 600, people: 20, seed: 11))
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let resident = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")

            #expect(try await resident.get("/contributions/export.csv").status == .forbidden)
            #expect(!(try await resident.get("/contributions")).body.contains("export.csv"), "no export for residents")
            #expect(try await browser.get("/contributions/export.xlsx").status != .ok)
            let list = try await office.get("/contributions?kind=idea")
            #expect(list.body.contains("href=\"/contributions/export.xlsx?kind=idea\""))

            // All ideas, more than one batch of 1,000 when the whole list is taken.
            let all = try await office.get("/contributions/export.csv")
            #expect(all.status == .ok)
            #expect(all.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(all.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"beitraege-") == true)
            #expect(Array(all.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a BOM, so that spreadsheets read UTF-8")
            let table = try CSVTable.parse(Array(all.bytes))
            #expect(table.headerAsWritten.prefix(5) == ["Nr.", "Art", "Art (Schlüssel)", "Titel", "Text"])
            #expect(table.headerAsWritten.contains("Gemeindeschlüssel (AGS)") && table.headerAsWritten.contains("Unterstützungen"))
            #expect(!table.headerAsWritten.contains { $0.contains("_") || $0.contains("export.") }, "\(table.headerAsWritten)")
            let listed = try await services.database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM contributions WHERE listed = 1").first()!.decode(column: "n", as: Int.self)
            }
            #expect(listed > 1_000 && table.rows.count == listed, "every listed contribution once: \(table.rows.count) of \(listed)")
            let ids = table.rows.compactMap { Int64($0.cells[0]) }
            #expect(ids == ids.sorted() && Set(ids).count == ids.count)

            let ideas = try CSVTable.parse(Array(try await office.get("/contributions/export.csv?kind=idea&sort=supported").bytes))
            #expect(!ideas.rows.isEmpty && ideas.rows.allSatisfy { $0.cells[1] == "Idee" && $0.cells[2] == "idea" })
            let first = try #require(ideas.rows.first)
            let firstID = try #require(Int64(first.cells[0]))
            let stored = try #require(try await services.contributions.contribution(ContributionID(firstID)))
            #expect(first.cells[3] == stored.title && first.cells[4] == stored.text, "multi-line texts survive the quoting")
            #expect(first.cells[8] == stored.districtKey)
            #expect(first.cells[7] == services.region.territory(stored.districtKey)?.name)
            #expect(first.cells[18] == String(stored.supportCount))

            // The XLSX holds the same rows, as LibreOffice reads them.
            let sheet = try await office.get("/contributions/export.xlsx?kind=idea")
            #expect(sheet.status == .ok)
            #expect(sheet.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(Array(sheet.bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04], "a ZIP package")
            if let text = try LibreOffice.csv(ofSpreadsheet: sheet.bytes, suffix: "xlsx") {
                let read = try CSVTable.parse(Array(text.utf8))
                #expect(read.headerAsWritten == ideas.headerAsWritten)
                #expect(read.rows.count == ideas.rows.count)
                #expect(read.rows.map { $0.cells[0] } == ideas.rows.map { $0.cells[0] })
                #expect(read.rows.map { $0.cells[3] } == ideas.rows.map { $0.cells[3] }, "titles with umlauts, quotes and dashes")
                #expect(read.rows.map { $0.cells[4] } == ideas.rows.map { $0.cells[4] }, "texts with their line breaks")
            } else {
                #expect(!LibreOffice.required, "LibreOffice is required here but was not found")
            }

            // Bad input: nothing selected, unknown filters or values.
            let empty = try await office.get("/contributions/export.csv?q=Zzyzxquorpel")
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("Keine Beiträge entsprechen dieser Auswahl"))
            for query in ["kind=wish", "colour=blue", "district=99999", "field=%3Cscript%3E", "status=hidden"] {
                let refused = try await office.get("/contributions/export.xlsx?\(query)")
                #expect(refused.status == .unprocessableContent, "\(query)")
                #expect(refused.body.contains("Die Auswahl enthält einen unbekannten Filter oder Wert."), "\(query)")
            }
        }
    }
}
