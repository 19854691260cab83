import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("Authors edit their contributions while nobody has taken them up", .serialized)
struct ContributionEditTests {
    @Test("the author edits; the page says when, search finds the new words, the office sees the earlier wording", arguments: TestDatabase.available)
    func edit(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await signIn(browser, services)
            let form = try await browser.get("/contributions/new")
            let created = try await browser.post("/contributions", goodContribution, csrfFrom: form)
            let path = try #require(created.headers[.location]).components(separatedBy: "?")[0]
            let page = try await browser.get(path)
            #expect(page.body.contains("href=\"\(path)/edit\""), "the author is offered the edit")

            let editForm = try await browser.get("\(path)/edit")
            #expect(editForm.status == .ok)
            #expect(editForm.body.contains("Fachkräftemangel im Handwerk"))
            let short = try await browser.post("\(path)/edit", [("title", "Kurz"), ("text", "Ein neuer Text über Lehrstellen im Vogtland.")],
                                               csrfFrom: editForm)
            #expect(short.status == .unprocessableContent)
            #expect(short.body.contains("Ein neuer Text über Lehrstellen im Vogtland."), "the typed text is kept")
            #expect(try await browser.get(path).body.contains("<h1>Fachkräftemangel im Handwerk</h1>"), "nothing changed")

            let saved = try await browser.post(
                "\(path)/edit", [("title", "Lehrstellen im Handwerk bleiben frei"), ("text", "Viele Betriebe im Vogtland finden keine Lehrlinge mehr.")],
                csrfFrom: editForm)
            #expect(saved.status == .seeOther)
            let edited = try await browser.get(try #require(saved.headers[.location]))
            #expect(edited.body.contains("<h1>Lehrstellen im Handwerk bleiben frei</h1>"))
            #expect(edited.body.contains("Ihre Änderungen sind gespeichert."))
            #expect(edited.body.contains("<dt>Bearbeitet am</dt>"))
            #expect(!edited.body.contains("Frühere Fassung"), "the public does not see earlier wordings")
            let found = try await browser.get("/contributions?q=Lehrlinge")
            #expect(found.body.contains("Lehrstellen im Handwerk bleiben frei"), "the search knows the new words")

            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let officePage = try await office.get(path)
            #expect(officePage.body.contains("Frühere Fassung (1)"))
            #expect(officePage.body.contains("<h3>Fachkräftemangel im Handwerk</h3>"), "the earlier wording, kept")

            let stranger = try await browserFor(browser, services, email: "bernd@example.org", name: "Bernd")
            #expect(try await stranger.get("\(path)/edit").status == .forbidden)
            let strangerForm = try await stranger.get(path)
            #expect(!strangerForm.body.contains("\(path)/edit"))
            let forged = try await stranger.post("\(path)/edit", [("title", "Übernommen von Bernd"), ("text", "Ein ganz anderer Text von Bernd.")],
                                                 csrfFrom: strangerForm)
            #expect(forged.status == .forbidden)
            #expect(try await browser.get(path).body.contains("<h1>Lehrstellen im Handwerk bleiben frei</h1>"))
        }
    }

    @Test("once the office has closed or taken it up, the wording is fixed", arguments: TestDatabase.available)
    func closed(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await signIn(browser, services)
            let form = try await browser.get("/contributions/new")
            let created = try await browser.post("/contributions", goodContribution, csrfFrom: form)
            let path = try #require(created.headers[.location]).components(separatedBy: "?")[0]
            let id = try #require(ContributionID(String(path.split(separator: "/").last!)))
            let editForm = try await browser.get("\(path)/edit")
            let office = try await services.addUser(email: "office@example.org", name: "Office", role: "convention_office", ministry: nil,
                                                    password: password)
            try await services.moderation.changeStatus(id, to: .notPursued, reason: "Liegt außerhalb des Auftrags.", actor: office.id, at: .now)
            let closedForm = try await browser.get("\(path)/edit")
            #expect(closedForm.status == .forbidden, "not open for its author any more")
            let late = try await browser.post(
                "\(path)/edit", [("title", "Ein später Titel"), ("text", "Ein später Text, nachdem entschieden wurde.")], csrfFrom: editForm)
            #expect(late.status == .conflict)
            #expect(late.body.contains("Ein später Text, nachdem entschieden wurde."), "the typed text is kept")
            #expect(try await services.contributions.contribution(id)?.title == "Fachkräftemangel im Handwerk")
            #expect(try await services.contributions.versions(of: id).isEmpty)
            let anna = try #require(try await services.accounts.credentials(email: EmailAddress("anna@example.org"))?.user.id)
            await #expect(throws: StorageError.self) {
                try await services.contributions.edit(id, ContributionEdit(title: "Direkt", text: "Direkt an der Prüfung vorbei."), by: anna, at: .now)
            }
        }
    }
}
