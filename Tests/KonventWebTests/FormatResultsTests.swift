import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("Format results: capture and CSV import", .serialized)
struct FormatResultsTests {
    @Test("captured rows are saved together, from the format, or not at all", arguments: TestDatabase.available)
    func capture(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            let path = try await createFormat(facilitator, capacity: "")
            let id = try #require(FormatID(path.split(separator: "/").last!))
            let page = try await facilitator.get("\(path)/results")
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"title-5\""))
            var rows: [(String, String)] = [("rows", "5")]
            rows += [("kind-1", "idea"), ("title-1", "Rufbus am Wochenende"), ("text-1", "Ein Rufbus für die Dörfer um Plauen am Wochenende."),
                     ("fields-1", "infrastruktur-mobilitaet"), ("municipality-1", "")]
            rows += [("kind-2", "challenge"), ("title-2", "x"), ("text-2", "zu kurz"), ("fields-2", "unbekannt"), ("municipality-2", "14511000")]
            let refused = try await facilitator.post("\(path)/results", rows, csrfFrom: page)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Nichts gespeichert"))
            #expect(refused.body.contains("value=\"Rufbus am Wochenende\""), "typed rows stay")
            #expect(try await services.contributions.list(ContributionQuery()).items.isEmpty, "the valid row waits for the bad one")

            rows = [("rows", "5"), ("kind-1", "idea"), ("title-1", "Rufbus am Wochenende"),
                    ("text-1", "Ein Rufbus für die Dörfer um Plauen am Wochenende."), ("fields-1", "infrastruktur-mobilitaet"),
                    ("kind-2", "potential"), ("title-2", "Leerstehende Bahnhöfe"), ("text-2", "Die Bahnhöfe könnten Treffpunkte werden."),
                    ("fields-2", "daseinsvorsorge"), ("municipality-2", "14523320")]
            let saved = try await facilitator.post("\(path)/results", rows, csrfFrom: page)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "\(path)/results?saved=2")
            var query = ContributionQuery()
            query.format = id
            let items = try await services.contributions.list(query).items
            #expect(items.count == 2)
            #expect(items.allSatisfy { $0.formatID == id && $0.publicAuthorName == nil })
            #expect(try await services.formats.format(id)?.contributionCount == 2)
            let detail = try await browser.get("/contributions/\(items[0].id)")
            #expect(detail.body.contains("<a href=\"\(path)\">Zukunftswerkstatt Mobilität in Plauen</a>"))
        }
    }

    @Test("a CSV import is all or nothing, and its report names every bad line", arguments: TestDatabase.available)
    func importCSV(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            let path = try await createFormat(facilitator, capacity: "")
            let page = try await facilitator.get("\(path)/results")
            let bad = """
                Kind;Title;text;Field;municipality
                Idee;Rufbus am Wochenende;Ein Rufbus für die Dörfer um Plauen am Wochenende.;Infrastruktur und Mobilität;
                Wunsch;Kurz;zu kurz;Mond;Chemnitz
                Potenzial;"Bahnhöfe; neu gedacht";"Die Bahnhöfe könnten
                Treffpunkte werden.";daseinsvorsorge;Plauen
                Idee;Nur drei Spalten;Text
                """
            let refused = try await facilitator.upload("\(path)/import", file: ("file", "ergebnisse.csv", Array(bad.utf8)), csrfFrom: page)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Nichts importiert"))
            #expect(refused.body.contains("<td>3</td>"), "line 3: unknown kind, short title and text, unknown field, foreign municipality")
            #expect(!refused.body.contains("<td>2</td>") && !refused.body.contains("<td>4</td>"), "good lines are not reported")
            #expect(refused.body.contains("<td>6</td>"), "the quoted line break moved the next row to line 6")
            #expect(refused.body.contains("Die Zeile hat 3 statt 5 Spalten."))
            #expect(refused.body.contains("(Spalte „Kind“: „Wunsch“)") && refused.body.contains("(Spalte „Field“: „Mond“)"),
                    "a problem names the column as the file writes it and quotes the value")
            #expect(refused.body.contains("(Spalte „Title“: „Kurz“)"))
            #expect(try await services.contributions.list(ContributionQuery()).items.isEmpty)

            let latin1 = Array("kind,title,text,field\nIdee,Straße,Ein Text über die Straße,wirtschaft\n".data(using: .isoLatin1)!)
            let encoding = try await facilitator.upload("\(path)/import", file: ("file", "alt.csv", latin1), csrfFrom: page)
            #expect(encoding.status == .unprocessableContent)
            #expect(encoding.body.contains("nicht in UTF-8"))
            let columns = try await facilitator.upload(
                "\(path)/import", file: ("file", "x.csv", Array("Art;titel;text\n".utf8)), csrfFrom: page)
            #expect(columns.body.contains("Unbekannte Spalte „Art“"))
            #expect(columns.body.contains("Die Spalte „kind“ fehlt"))

            let good = "\u{FEFF}" + bad.split(separator: "\n").prefix(5).joined(separator: "\r\n")
                .replacingOccurrences(of: "Wunsch;Kurz;zu kurz;Mond;Chemnitz", with: "Herausforderung;Kein Bus nach 20 Uhr;Abends fährt kein Bus mehr in die Dörfer.;WT|infrastruktur-mobilitaet;")
            let imported = try await facilitator.upload("\(path)/import", file: ("file", "gut.csv", Array(good.utf8)), csrfFrom: page)
            #expect(imported.status == .seeOther)
            #expect(imported.headers[.location] == "\(path)/results?saved=3")
            let titles = Set(try await services.contributions.list(ContributionQuery()).items.map(\.title))
            #expect(titles == ["Rufbus am Wochenende", "Kein Bus nach 20 Uhr", "Bahnhöfe; neu gedacht"])
            let other = try await browserFor(browser, services, email: "p@example.org", name: "P")
            let forbidden = try await other.upload("\(path)/import", file: ("file", "gut.csv", Array(good.utf8)), csrfFrom: try await other.get("/"))
            #expect(forbidden.status == .forbidden)
        }
    }
}
