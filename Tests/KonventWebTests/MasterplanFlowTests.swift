import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("The masterplan through the web", .serialized)
struct MasterplanFlowTests {
    @Test("the office writes a chapter, publishes and adopts a version; exports in HTML and ODT; bad versions and formats refused",
          arguments: TestDatabase.available)
    func versions(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            var page = try await browser.get("/masterplan")
            #expect(page.status == .ok)
            #expect(page.body.contains("Dieses Kapitel wird von der Geschäftsstelle noch erarbeitet."))
            #expect(!page.body.contains("/masterplan/publish"), "visitors do not edit")
            var form = try await office.get("/masterplan/chapters/foreword/edit")
            #expect(form.status == .ok)
            #expect(try await browser.get("/masterplan/chapters/foreword/edit").status == .seeOther, "visitors are sent to sign in")
            #expect(try await office.get("/masterplan/chapters/elsewhere/edit").status == .notFound)
            let foreword = "Die Region gestaltet ihren Wandel selbst: Straßen, Schulen, Betriebe.\n\n- Chemnitz\n- Zwickau"
            #expect(try await office.post("/masterplan/chapters/foreword", [("text", foreword), ("version", "0")], csrfFrom: form).status == .seeOther)
            let stale = try await office.post("/masterplan/chapters/foreword", [("text", "Überholt."), ("version", "0")], csrfFrom: form)
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("Überholt."), "the text typed is kept")
            page = try await browser.get("/masterplan")
            #expect(page.body.contains("<p id=\"p-foreword-1\">Die Region gestaltet ihren Wandel selbst: Straßen, Schulen, Betriebe.</p>"))
            // Visitors share one rendering of the plan: a notice asked for in the address must not end up in it.
            #expect(!(try await browser.get("/masterplan?saved=1")).body.contains("Gespeichert."))
            #expect(!(try await browser.get("/masterplan")).body.contains("Gespeichert."))
            #expect(try await office.get("/masterplan?saved=1").body.contains("Gespeichert."), "the office is told")

            // Exports of the current draft.
            let html = try await browser.get("/masterplan/current.html")
            #expect(html.status == .ok)
            #expect(html.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'; style-src 'sha256-") == true)
            #expect(html.body.contains("<style>body{"))
            #expect(html.body.contains("Straßen, Schulen, Betriebe"))
            #expect(html.body.contains("aria-labelledby=\"participation-map-title\"") && html.body.contains("<path d=\"M"), "the map in the file")
            #expect(html.body.contains("aria-labelledby=\"participation-fields-title\""), "the chart of the fields in the file")
            let odt = try await browser.get("/masterplan/current.odt")
            #expect(odt.headers[.contentType] == "application/vnd.oasis.opendocument.text")
            #expect(odt.body.hasPrefix("PK"))
            let pdf = try await browser.get("/masterplan/current.rtf")
            #expect(pdf.status == .unprocessableContent)
            #expect(pdf.body.contains("Dieses Dateiformat gibt es nicht."))
            #expect(try await browser.get("/masterplan/7.html").status == .notFound)
            #expect(try await browser.get("/masterplan/7").status == .notFound)

            // Publishing freezes; later edits change the draft, not the version.
            page = try await office.get("/masterplan")
            #expect(try await browser.post("/masterplan/publish", [], csrfFrom: try await browser.get("/login")).status == .forbidden)
            let published = try await office.post("/masterplan/publish", [], csrfFrom: page)
            #expect(published.headers[.location] == "/masterplan/1")
            form = try await office.get("/masterplan/chapters/foreword/edit")
            #expect(try await office.post("/masterplan/chapters/foreword", [("text", "Neu geschrieben."), ("version", "1")], csrfFrom: form)
                .status == .seeOther)
            let frozen = try await browser.get("/masterplan/1")
            #expect(frozen.body.contains("Entwurf, Fassung 1 vom"))
            #expect(frozen.body.contains("Straßen, Schulen, Betriebe") && !frozen.body.contains("Neu geschrieben."))
            #expect(try await browser.get("/masterplan").body.contains("Neu geschrieben."))
            page = try await office.get("/masterplan")
            #expect(try await office.post("/masterplan/1/adopt", [], csrfFrom: page).status == .seeOther)
            #expect(try await browser.get("/masterplan/1").body.contains("Fassung 1, beschlossen am"))
            #expect(try await office.post("/masterplan/1/adopt", [], csrfFrom: page).status == .conflict, "adopted once")
            #expect(try await services.masterplan(version: 1)?.status.hasPrefix("Fassung 1, beschlossen am") == true)
            #expect(try await AuditTrail.verify(in: services.database).isIntact)

            let report = try await browser.get("/report")
            #expect(report.status == .ok)
            #expect(report.body.contains("Gesamtüberblick"))
            #expect(report.body.contains("<svg viewBox=\"0 0 420 ") && report.body.contains("aria-labelledby=\"overall-states-title\""),
                    "a chart of the states for the whole")
            #expect(report.body.contains("aria-labelledby=\"overall-financing-title\""), "and of the financing")
            #expect(report.body.contains("Überfällige Prüfungen: 0."))
            #expect(try await browser.get("/report.odt").body.hasPrefix("PK"))
            #expect(try await browser.get("/report.html").headers[.contentSecurityPolicy]?.contains("sha256-") == true)
        }
    }

    @Test("a paragraph comment: written while the period runs, answered, taken into account, visible in the next draft's diff",
          arguments: TestDatabase.available)
    func comments(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await signIn(browser, services)
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            var form = try await office.get("/masterplan/chapters/region/edit")
            let region = "Die Region hat viele kleine Gemeinden.\n\nIhre Stärke ist das Handwerk."
            try await office.post("/masterplan/chapters/region", [("text", region), ("version", "0")], csrfFrom: form)
            var page = try await office.get("/masterplan")
            #expect(try await office.post("/masterplan/publish", [("commentsUntil", "2020-01-01")], csrfFrom: page).status == .unprocessableContent,
                    "a period in the past")
            #expect(try await services.masterplan(version: 1) == nil, "nothing published")
            #expect(try await office.post("/masterplan/publish", [("commentsUntil", "2099-12-31")], csrfFrom: page).headers[.location] == "/masterplan/1")
            page = try await browser.get("/masterplan/1")
            #expect(page.body.contains("bis zum 31.12.2099 zur Kommentierung offen"))
            #expect(page.body.contains("<a href=\"/masterplan/1/paragraphs/region-2\">Diesen Absatz kommentieren (0 Kommentare)</a>"))
            var paragraph = try await browser.get("/masterplan/1/paragraphs/region-2")
            #expect(paragraph.body.contains("Ihre Stärke ist das Handwerk."))
            #expect(try await browser.get("/masterplan/1/paragraphs/region-9").status == .notFound, "no such paragraph")
            let empty = try await browser.post("/masterplan/1/paragraphs/region-2/comments", [("body", " ")], csrfFrom: paragraph)
            #expect(empty.status == .unprocessableContent)
            #expect(try await browser.post("/masterplan/1/paragraphs/region-2/comments",
                                           [("body", "Bitte auch die Industrie nennen, nicht nur das Handwerk.")], csrfFrom: paragraph).status == .seeOther)
            paragraph = try await office.get("/masterplan/1/paragraphs/region-2")
            let commentID = try #require(paragraph.body.range(of: "id=\"comment-").map { String(paragraph.body[$0.upperBound...].prefix { $0.isNumber }) })
            #expect(try await browser.post("/masterplan/comments/\(commentID)/answer", [("resolution-\(commentID)", "accepted")],
                                           csrfFrom: paragraph).status == .forbidden, "only the office answers")
            #expect(try await office.post("/masterplan/comments/\(commentID)/answer",
                                          [("resolution-\(commentID)", "accepted"), ("answer-\(commentID)", "Ergänzt: Industrie und Handwerk.")],
                                          csrfFrom: paragraph).status == .seeOther)
            // The office takes it into account in the draft; the next version's diff shows it.
            form = try await office.get("/masterplan/chapters/region/edit")
            try await office.post("/masterplan/chapters/region", [("text", "Die Region hat viele kleine Gemeinden.\n\nIhre Stärke sind Industrie und Handwerk."),
                                                                 ("version", "1")], csrfFrom: form)
            page = try await office.get("/masterplan")
            #expect(try await office.post("/masterplan/publish", [], csrfFrom: page).headers[.location] == "/masterplan/2")
            let diff = try await browser.get("/masterplan/compare?from=1&to=2")
            #expect(diff.body.contains("<del><span class=\"visually-hidden\">entfernt: </span>Ihre Stärke ist das Handwerk.</del>")
                    || diff.body.contains("Ihre Stärke ist das Handwerk.</del>"))
            #expect(diff.body.contains("Ihre Stärke sind Industrie und Handwerk.</ins>"))
            paragraph = try await browser.get("/masterplan/1/paragraphs/region-2")
            #expect(paragraph.body.contains("berücksichtigt") && paragraph.body.contains("Ergänzt: Industrie und Handwerk."))
            let export = try await browser.get("/account/export.json")
            #expect(export.body.contains("Bitte auch die Industrie nennen, nicht nur das Handwerk."), "the comment is in the person's data export")
            let csv = try await browser.get("/masterplan/1/comments.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.contains("region-2;Ihre Stärke ist das Handwerk.;Bitte auch die Industrie nennen, nicht nur das Handwerk.;"))
            #expect(csv.body.contains(";berücksichtigt;Ergänzt: Industrie und Handwerk."))
            // Version 2 took no comments.
            #expect(try await browser.post("/masterplan/2/paragraphs/region-2/comments", [("body", "Noch etwas.")], csrfFrom: paragraph).status == .conflict)
        }
    }

    @Test("from generated demo-like data: every adopted measure in the plan's ODT and DOCX as LibreOffice reads them, and in the data files",
          arguments: TestDatabase.available)
    func adoptedMeasures(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await SampleData(services: services).generate(.init(contributions: 300, comments: 0, supports: 300, people: 20, seed: 7))
            try await SampleData(services: services).measures(35)
            var query = MeasureQuery()
            query.states = [.adopted, .adoptedWithConditions, .inImplementation, .completed]
            let adopted = try await services.measures.list(query)
            #expect(adopted.count == 12, "the demo's decided measures that count as adopted")
            let json = try await browser.get("/masterplan/data/measures.json")
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let records = try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [[String: Any]]
            #expect(Set(records?.compactMap { $0["code"] as? String } ?? []) == Set(adopted.map(\.code)))
            let financing = try await browser.get("/masterplan/data/financing.csv").body
            let trace = try await browser.get("/masterplan/data/trace.csv").body
            // German headers and labels for people who open the tables; before, they were snake_case keys.
            #expect(financing.hasPrefix("\u{FEFF}Kennung;Finanzierungsquelle;Förderprogramm;Betrag (Euro)"))
            let measures = try await browser.get("/masterplan/data/measures.csv").body
            let header = String(measures.split(separator: "\r\n").first ?? measures.split(separator: "\n").first ?? "")
            #expect(header.contains("Geschätzte Kosten (Euro)") && !header.contains("_"), "\(header)")
            #expect(measures.contains(";Projekt;") || measures.contains(";Maßnahme;"), "kinds in German")
            #expect(!measures.contains(";project;") && !measures.contains(";measure;") && !financing.contains(";federal;"))
            for measure in adopted {
                #expect(financing.contains("\(measure.code);"), "\(measure.code)")
                #expect(trace.contains("\(measure.code);"), "\(measure.code)")
            }
            guard LibreOffice.executable != nil else {
                #expect(!LibreOffice.required, "LibreOffice is required here but was not found")
                return
            }
            for format in [MasterplanFormat.odt, .docx] {
                let bytes = try #require(try await services.exportMasterplan(version: "current", format: format, language: .de))
                let text = try #require(try LibreOffice.text(of: bytes, suffix: format.rawValue))
                for measure in adopted {
                    #expect(text.contains("\(measure.code) \(measure.content.title)"), "\(format): \(measure.code)")
                }
                #expect(text.contains("Öffentliche Daseinsvorsorge"), "umlauts intact")
            }
        }
    }

    @Test("konvent export masterplan writes the file, and refuses a missing version or an unknown format")
    func commandLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-export-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = "sqlite:\(folder.path)/k.sqlite"
        let output = folder.appendingPathComponent("plan.odt").path
        let written = try Konvent.run(["export", "masterplan", "--format", "odt", "--output", output, "--database", database])
        #expect(written.status == 0, "\(written.error)")
        #expect(FileManager.default.fileExists(atPath: output))
        let missing = try Konvent.run(["export", "masterplan", "--version", "3", "--format", "html", "--output", output, "--database", database])
        #expect(missing.status != 0)
        #expect(missing.error.contains("there is no version 3"))
        let format = try Konvent.run(["export", "masterplan", "--format", "rtf", "--output", output, "--database", database])
        #expect(format.status != 0)
        #expect(format.error.contains("'rtf' is not supported"))
    }
}
