import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("The office's cross-tabulation", .serialized)
struct AnalysisTests {
    /// The cell of a CSV table by its row's and column's labels.
    func cell(_ table: CSVTable, _ row: String, _ column: String) -> String? {
        guard let index = table.headerAsWritten.firstIndex(of: column) else { return nil }
        return table.rows.first { $0.cells.first == row }?.cells[index]
    }

    @Test("any two dimensions against each other, totals that count a contribution once, months from local midnight",
          arguments: TestDatabase.available)
    func crossTab(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let author = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            func add(_ kind: Contribution.Kind, _ fields: [String], _ district: String, _ iso: String, _ status: Contribution.Status = .published)
                async throws {
                let time = try #require(ISO8601DateFormatter().date(from: iso))
                _ = try await services.contributions.create(
                    ContributionDraft(kind: kind, title: "Beitrag \(iso)", text: "Eine Beschreibung, lang genug.", fields: fields,
                                      districtKey: district, municipalityKey: nil, organisationID: nil, anonymous: false),
                    author: author.id, at: Timestamp(milliseconds: Int64(time.timeIntervalSince1970 * 1000)), status: status)
            }
            try await add(.idea, ["wirtschaft"], "14521", "2026-01-15T12:00:00Z")
            // 23:30 UTC on 31 January is half past midnight on 1 February in the region.
            try await add(.challenge, ["wirtschaft", "infrastruktur-mobilitaet"], "14521", "2026-01-31T23:30:00Z")
            try await add(.idea, ["infrastruktur-mobilitaet"], "14523", "2026-03-01T10:00:00Z")
            try await add(.idea, ["wirtschaft"], "14523", "2026-03-02T10:00:00Z", .submitted)

            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let resident = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            #expect(try await resident.get("/analysis").status == .forbidden)
            #expect(try await resident.get("/analysis/export.csv").status == .forbidden)
            #expect(try await browser.get("/analysis").status == .seeOther, "visitors are sent to sign in")
            #expect(!(try await resident.get("/contributions")).body.contains("href=\"/analysis\""))

            let page = try await office.get("/analysis")
            #expect(page.status == .ok)
            #expect(page.body.contains("<a href=\"/analysis\" aria-current=\"page\">Auswertung</a>"), "in the office's navigation")
            #expect(page.body.contains("<caption>Handlungsfeld nach Landkreis oder Stadt (Anzahl)</caption>"))
            #expect(page.body.contains("3 Beiträge"), "the submitted one is not listed, so not counted")
            #expect(page.body.contains("mehreren Handlungsfeldern"), "the page says why totals may be smaller than their cells")
            #expect(page.body.contains("href=\"/analysis/export.csv?rows=field&amp;columns=district&amp;value=count\""))

            let fields = try CSVTable.parse(Array(try await office.get("/analysis/export.csv").bytes))
            #expect(fields.headerAsWritten.first == "Handlungsfeld \\ Landkreis oder Stadt")
            #expect(fields.headerAsWritten.last == "Insgesamt")
            #expect(cell(fields, "Wirtschaft", "Erzgebirgskreis") == "2")
            #expect(cell(fields, "Infrastruktur und Mobilität", "Erzgebirgskreis") == "1")
            #expect(cell(fields, "Infrastruktur und Mobilität", "Vogtlandkreis") == "1")
            #expect(cell(fields, "Wirtschaft", "Vogtlandkreis") == "0")
            #expect(cell(fields, "Insgesamt", "Erzgebirgskreis") == "2", "two contributions, though three cells of the column count them")
            #expect(cell(fields, "Insgesamt", "Insgesamt") == "3")

            let months = try CSVTable.parse(Array(try await office.get("/analysis/export.csv?rows=month&columns=kind").bytes))
            #expect(months.rows.map { $0.cells[0] } == ["Januar 2026", "Februar 2026", "März 2026", "Insgesamt"])
            #expect(cell(months, "Januar 2026", "Idee") == "1" && cell(months, "Januar 2026", "Herausforderung") == "0")
            #expect(cell(months, "Februar 2026", "Herausforderung") == "1", "counted in the region's month, not UTC's")
            #expect(cell(months, "März 2026", "Idee") == "1")

            let perThousand = try CSVTable.parse(Array(try await office.get("/analysis/export.csv?rows=district&columns=kind&value=per-thousand").bytes))
            let population = try #require(services.region.territory("14521")?.population)
            let expected = Double(1000) / Double(population)
            let written = try #require(cell(perThousand, "Erzgebirgskreis", "Idee"))
            #expect(written.contains(","), "a German decimal comma: \(written)")
            #expect(abs((Double(written.replacingOccurrences(of: ",", with: ".")) ?? -1) - expected) < 0.006, "\(written) against \(expected)")

            let ideas = try await office.get("/analysis?rows=district&columns=field&kind=idea")
            #expect(ideas.body.contains("2 Beiträge"), "filtered as the list is")
            #expect(try await office.get("/analysis?rows=format&columns=organisation").body.contains("Einzelpersonen"))
            _ = try await office.get("/language?to=en&back=/analysis")
            let english = try CSVTable.parse(Array(try await office.get("/analysis/export.csv?rows=kind&columns=district&value=per-thousand").bytes))
            #expect(english.headerAsWritten.first == "Kind of contribution \\ District or city" && english.headerAsWritten.last == "Total")
            #expect(cell(english, "Idea", "Erzgebirgskreis")?.contains(".") == true, "an English decimal point")
            _ = try await office.get("/language?to=de&back=/analysis")

            // Bad input: a clear message, 422.
            for (query, message) in [
                ("rows=colour", "Die Auswertung kennt dieses Merkmal nicht."),
                ("rows=kind&columns=kind", "Zeilen und Spalten müssen verschiedene Merkmale sein."),
                ("value=percent", "Die Auswertung kennt diese Werte nicht."),
                ("kind=wish", "Die Auswahl enthält einen unbekannten Filter oder Wert."),
            ] {
                let refused = try await office.get("/analysis?\(query)")
                #expect(refused.status == .unprocessableContent, "\(query)")
                #expect(refused.body.contains(message), "\(query)")
            }
            #expect(try await office.get("/analysis/export.csv?q=Zzyzxquorpel").status == .unprocessableContent)
            #expect(try await office.get("/analysis?q=Zzyzxquorpel").body.contains("Keine Beiträge entsprechen dieser Auswahl."))

            // A view asked for again comes from the cache, until a contribution changes.
            try await add(.potential, ["wirtschaft"], "14523", "2026-03-03T10:00:00Z")
            #expect(try await office.get("/analysis").body.contains("4 Beiträge"), "a new contribution counts at once")
        }
    }
}
