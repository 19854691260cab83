import Foundation
import KonventStorage
import KonventTestSupport
@testable import KonventWeb
import Testing

@Suite("Cached pages follow the data")
struct DataVersionFlowTests {
    @Test("one transaction changes formats, sessions, contributions and the plan: every page that shows them changes, nothing is forgotten by hand",
          arguments: TestDatabase.available)
    func pagesFollowData(database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.figuresInterval = .zero }) { browser, services in
            try await SampleData(services: services).generate(.init(contributions: 40, comments: 0, supports: 40, people: 5, seed: 3, formats: 6))
            try await SampleData(services: services).measures(12)
            let pages = ["/masterplan", "/masterplan/current.html", "/report", "/report.html", "/participation", "/formats.ics", "/sessions.ics"]
            var before: [String: String] = [:]
            for path in pages {
                _ = try await browser.get(path)
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                before[path] = page.body
            }
            try await services.database.write { db in
                try await db.raw("""
                    UPDATE formats SET title = 'Neu geplante Zukunftswerkstatt' WHERE id = (SELECT id FROM formats ORDER BY starts_at DESC LIMIT 1)
                    """).run()
                try await db.raw("""
                    UPDATE body_sessions SET place = 'Neuer Sitzungssaal' WHERE id = (SELECT id FROM body_sessions ORDER BY starts_at DESC LIMIT 1)
                    """).run()
                try await db.raw("UPDATE contributions SET listed = 0 WHERE id = (SELECT MIN(id) FROM contributions)").run()
                try await db.raw("DELETE FROM masterplan_chapters WHERE chapter_key = 'foreword'").run()
                try await db.raw("""
                    INSERT INTO masterplan_chapters (chapter_key, body, version, updated_at) VALUES ('foreword', 'Ein ganz neues Vorwort.', 1, 0)
                    """).run()
            }
            for path in pages {
                let page = try await browser.get(path)
                #expect(page.body != before[path], "\(path) shows the change")
            }
            #expect(try await browser.get("/masterplan").body.contains("Ein ganz neues Vorwort."))
            #expect(try await browser.get("/formats.ics").body.contains("Neu geplante Zukunftswerkstatt"))
            #expect(try await browser.get("/sessions.ics").body.contains("Neuer Sitzungssaal"))
        }
    }
}
