import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

/// Posts a contribution and returns its path.
func contribute(_ browser: Browser, title: String, text: String) async throws -> String {
    let form = try await browser.get("/contributions/new")
    var fields = goodContribution.filter { $0.0 != "title" && $0.0 != "text" }
    fields += [("title", title), ("text", text), ("seenSimilar", "1")]
    let created = try await browser.post("/contributions", fields, csrfFrom: form)
    #expect(created.status == .seeOther)
    return String(try #require(created.headers[.location]).split(separator: "?")[0])
}

enum ContributionRoutesWindow {
    static let fifteenMinutes: Int64 = 15 * 60 * 1000
}

@Suite("Moderation and the way back", .serialized)
struct ModerationFlowTests {
    @Test("the office merges a duplicate and hides an abusive comment; the author sees both and gets the mails",
          arguments: TestDatabase.available)
    func journey(database: TestDatabase) async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await withApp(database, configure: { $0.smtp = SMTPConfiguration(host: "127.0.0.1", port: sink.port) }) { browser, services in
            try await signIn(browser, services)
            let original = try await contribute(browser, title: "Fachkräftemangel im Handwerk", text: "Viele Betriebe finden niemanden mehr.")
            let ben = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            let duplicate = try await contribute(ben, title: "Handwerk sucht Fachkräfte", text: "Die Betriebe im Vogtland suchen Leute.")
            // Cleo supports and follows the duplicate: both must move to the original.
            let cleo = try await browserFor(browser, services, email: "cleo@example.org", name: "Cleo")
            var page = try await cleo.get(duplicate)
            try await cleo.post("\(duplicate)/support", [], csrfFrom: page)
            try await cleo.post("\(duplicate)/follow", [], csrfFrom: page)
            page = try await cleo.get(duplicate)
            #expect(page.body.contains("Nicht mehr folgen"))
            try await cleo.post("\(duplicate)/comments", [("comment", "Ihr seid alle Idioten!")], csrfFrom: page)
            page = try await browser.get(duplicate)
            let commentID = try #require(page.body.range(of: "id=\"comment-").map { String(page.body[$0.upperBound...].prefix { $0.isNumber }) })
            let reported = try await browser.post("\(duplicate)/report", [("comment", commentID), ("report-\(commentID)", "Beleidigung")], csrfFrom: page)
            #expect(reported.status == .seeOther)
            #expect(try await browser.get(try #require(reported.headers[.location])).body.contains("Vielen Dank, Ihre Meldung ist bei der Moderation eingegangen."))
            #expect(try await browser.post("\(duplicate)/report", [("comment", commentID), ("report-\(commentID)", "Beleidigung")],
                                           csrfFrom: page).status == .conflict)

            let office = try await browserFor(browser, services, email: "office@example.org", name: "Geschäftsstelle", role: "convention_office")
            var queue = try await office.get("/moderation")
            #expect(queue.status == .ok)
            #expect(queue.body.contains("Offene Meldungen (1)"))
            #expect(queue.body.contains("Ihr seid alle Idioten!"))
            let emptyReason = try await office.post("/comments/\(commentID)/hide", [("reason-\(commentID)", ""), ("back", "/moderation")],
                                                    csrfFrom: queue)
            #expect(emptyReason.status == .unprocessableContent)
            try await office.post("/comments/\(commentID)/hide", [("reason-\(commentID)", "Beleidigung entfernt"), ("back", "/moderation")],
                                  csrfFrom: queue)
            queue = try await office.get("/moderation")
            #expect(queue.body.contains("Offene Meldungen (0)"), "hiding resolves the report")
            page = try await browser.get(duplicate)
            #expect(!page.body.contains("Idioten"))
            #expect(page.body.contains("Beleidigung entfernt"))
            // No new comments on something hidden; the comment itself cannot be edited any more.
            #expect(try await cleo.post("/comments/\(commentID)/edit", [("body-\(commentID)", "Entschuldigung")],
                                        csrfFrom: page).status == .forbidden)

            let originalID = String(original.split(separator: "/").last!)
            page = try await office.get(duplicate)
            #expect(try await office.post("\(duplicate)/merge", [("into", String(duplicate.split(separator: "/").last!))],
                                          csrfFrom: page).status == .unprocessableContent, "not into itself")
            let merged = try await office.post("\(duplicate)/merge", [("into", originalID), ("mergeReason", "Gleiches Anliegen")], csrfFrom: page)
            #expect(merged.headers[.location] == original)
            let survivorID = try #require(ContributionID(originalID))
            let survivor = try #require(try await services.contributions.contribution(survivorID))
            #expect(survivor.supportCount == 1 && survivor.followerCount == 2, "Cleo's support and follow moved, Ben follows now")
            let mergedPage = try await browser.get(duplicate)
            #expect(mergedPage.body.contains("zusammengeführt"))
            #expect(mergedPage.body.contains("<a href=\"\(original)\">Fachkräftemangel im Handwerk</a>"))
            #expect(!(try await browser.get("/contributions?q=Vogtland").body.contains("Handwerk sucht Fachkräfte")), "merged ones leave lists")

            // Ben (the duplicate's author) and Cleo (follower, comment author) are told; the office is not.
            #expect(try await services.queueNotificationMails(at: .now) == 2)
            let delivery = MailDelivery(
                outbox: services.outbox, client: SMTPClient(configuration: services.configuration.smtp!, from: "k@example.org"),
                interval: .seconds(1), logger: services.logger)
            #expect(await delivery.deliverDue() == 2)
            let mails = try await sink.waitForMail(count: 2)
            let toBen = try #require(mails.first { $0.recipient == "ben@example.org" })
            #expect(toBen.body.contains("Zusammengeführt mit"))
            let toCleo = try #require(mails.first { $0.recipient == "cleo@example.org" })
            #expect(toCleo.subject == "2 Neuigkeiten zu Ihren Beiträgen")
            #expect(toCleo.body.contains("Ein Kommentar wurde ausgeblendet – Beleidigung entfernt"))
            #expect(try await services.queueNotificationMails(at: .now) == 0, "each notification is mailed once")

            let account = try await ben.get("/account")
            #expect(account.body.contains("Was ist mit meinen Beiträgen passiert?"))
            #expect(account.body.contains("Zusammengeführt mit <a href=\"\(original)\">Fachkräftemangel im Handwerk</a> – Gleiches Anliegen"))
            let cleoAccount = try await cleo.get("/account")
            #expect(cleoAccount.body.contains("Ein Kommentar wurde ausgeblendet – Beleidigung entfernt"))
        }
    }

    @Test("pre-moderation holds new contributions back until the office publishes them; everything is audited")
    func premoderation() async throws {
        try await withApp { browser, services in
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            var queue = try await office.get("/moderation")
            try await office.post("/moderation/premoderation", [("enabled", "1")], csrfFrom: queue)
            try await signIn(browser, services)
            let path = try await contribute(browser, title: "Ein neuer Radweg", text: "Zwischen Plauen und Oelsnitz fehlt ein Radweg.")
            #expect(try await browser.get(path).body.contains("wartet auf die Freigabe"))
            let stranger = Browser(client: browser.client)
            #expect(try await stranger.get(path).status == .notFound)
            #expect(try await services.contributions.list(ContributionQuery()).items.isEmpty)
            queue = try await office.get("/moderation")
            #expect(queue.body.contains("Warten auf Freigabe (1)"))
            let id = path.split(separator: "/").last!
            try await office.post("/contributions/\(id)/status", [("status", "published"), ("back", "/moderation")], csrfFrom: queue)
            #expect(try await stranger.get(path).status == .ok)
            // Hiding needs a public reason, and the reason is shown in place of the text.
            let page = try await office.get(path)
            #expect(try await office.post("\(path)/status", [("status", "hidden"), ("reason", "")], csrfFrom: page).status == .unprocessableContent)
            try await office.post("\(path)/status", [("status", "hidden"), ("reason", "Werbung")], csrfFrom: page)
            let hidden = try await stranger.get(path)
            #expect(hidden.body.contains("Begründung: Werbung"))
            #expect(!hidden.body.contains("Zwischen Plauen und Oelsnitz"))
            let own = try await browser.get("/account")
            #expect(try await browser.post("\(path)/comments", [("comment", "Noch ein Kommentar")], csrfFrom: own).status == .notFound)
            let actions = try await AuditTrail.entries(after: 0, limit: 1000, in: services.database).map(\.event.action)
            #expect(actions.contains("setting.changed"))
            #expect(actions.filter { $0 == "contribution.status_changed" }.count == 2)
            // Participants have no moderation.
            #expect(try await browser.get("/moderation").status == .forbidden)
            #expect(try await browser.post("\(path)/status", [("status", "published")], csrfFrom: own).status == .forbidden)
        }
    }

    @Test("authors edit a comment within 15 minutes and delete it leaving a marker; nobody else can")
    func commentEditing() async throws {
        try await withApp { browser, services in
            try await signIn(browser, services)
            let path = try await contribute(browser, title: "Fachkräftemangel im Handwerk", text: "Viele Betriebe finden niemanden mehr.")
            var page = try await browser.get(path)
            try await browser.post("\(path)/comments", [("comment", "Erster Gedanke")], csrfFrom: page)
            page = try await browser.get(path)
            let id = try #require(page.body.range(of: "id=\"comment-").map { String(page.body[$0.upperBound...].prefix { $0.isNumber }) })
            #expect(page.body.contains("Kommentar bearbeiten"))
            let ben = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            let benPage = try await ben.get(path)
            #expect(!benPage.body.contains("Kommentar bearbeiten"))
            #expect(try await ben.post("/comments/\(id)/edit", [("body-\(id)", "Übernommen!")], csrfFrom: benPage).status == .forbidden)
            #expect(try await ben.post("/comments/\(id)/delete", [], csrfFrom: benPage).status == .forbidden)
            try await browser.post("/comments/\(id)/edit", [("body-\(id)", "Zweiter, besserer Gedanke")], csrfFrom: page)
            page = try await browser.get(path)
            #expect(page.body.contains("Zweiter, besserer Gedanke") && page.body.contains("bearbeitet"))
            try await browser.post("/comments/\(id)/delete", [], csrfFrom: page)
            page = try await browser.get(path)
            #expect(!page.body.contains("besserer Gedanke"))
            #expect(page.body.contains("Kommentar wurde von der Autorin oder dem Autor gelöscht") || page.body.contains("gelöscht"))
            #expect(page.body.contains("0 Kommentare"))
            // After the window an edit is refused, and the text stays as it was.
            try await browser.post("\(path)/comments", [("comment", "Noch ein Gedanke")], csrfFrom: page)
            let anna = try #require(try await services.accounts.credentials(email: EmailAddress("anna@example.org"))).user.id
            let second = try #require(try await services.contributions.comments(on: ContributionID(path.split(separator: "/").last!)!).last)
            await #expect(throws: ModerationRefusal.tooLate) {
                try await services.moderation.editComment(
                    second.id, body: "zu spät", author: anna, window: ContributionRoutesWindow.fifteenMinutes,
                    at: Timestamp(milliseconds: second.createdAt.milliseconds + ContributionRoutesWindow.fifteenMinutes + 1))
            }
            #expect(try await services.contributions.comments(on: ContributionID(path.split(separator: "/").last!)!).last?.body == "Noch ein Gedanke")
        }
    }
}
