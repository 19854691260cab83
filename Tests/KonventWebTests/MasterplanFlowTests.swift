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
            #expect(page.body.contains("Dieses Kapitel schreibt die Geschäftsstelle noch."))
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

            // Exports of the current draft.
            let html = try await browser.get("/masterplan/current.html")
            #expect(html.status == .ok)
            #expect(html.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'; style-src 'sha256-") == true)
            #expect(html.body.contains("<style>body{"))
            #expect(html.body.contains("Straßen, Schulen, Betriebe"))
            let odt = try await browser.get("/masterplan/current.odt")
            #expect(odt.headers[.contentType] == "application/vnd.oasis.opendocument.text")
            #expect(odt.body.hasPrefix("PK"))
            let pdf = try await browser.get("/masterplan/current.rtf")
            #expect(pdf.status == .unprocessableContent)
            #expect(pdf.body.contains("Dieses Format gibt es nicht."))
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
            #expect(try await browser.get("/masterplan/1").body.contains("Beschlossene Fassung 1, beschlossen am"))
            #expect(try await office.post("/masterplan/1/adopt", [], csrfFrom: page).status == .conflict, "adopted once")
            #expect(try await services.masterplan(version: 1)?.status.hasPrefix("Beschlossene Fassung 1") == true)
            #expect(try await AuditTrail.verify(in: services.database).isIntact)
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
