import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("Following a measure through the web", .serialized)
struct MeasureFollowFlowTests {
    @Test("a resident follows an adopted measure, hears of its published progress by mail and on the account page, and stops",
          arguments: TestDatabase.available)
    func follow(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await SampleData(services: services).generate(.init(contributions: 60, comments: 0, supports: 60, people: 10, seed: 7))
            try await SampleData(services: services).measures(12)
            var query = MeasureQuery()
            query.publicOnly = false
            let all = try await services.measures.list(query)
            let measure = try #require(all.first { $0.state.isAdopted }, "\(all.map(\.state))")
            let path = "/measures/\(measure.id.rawValue)"
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let resident = try await browserFor(browser, services, email: "ben@example.org", name: "Ben Berger")
            let ben = try #require(try await services.accounts.credentials(email: EmailAddress("ben@example.org"))?.user.id)
            let officeID = try #require(try await services.accounts.credentials(email: EmailAddress("office@example.org"))?.user.id)
            let draft = try await services.measures.create(measure.content, codePrefix: "ZZ", sources: [], actor: officeID, at: .now)

            var page = try await browser.get(path)
            #expect(page.body.contains("<h2 id=\"follow-title\">Auf dem Laufenden bleiben</h2>"))
            #expect(page.body.contains("Melden Sie sich an, um der Maßnahme zu folgen."))
            #expect(!page.body.contains("action=\"\(path)/follow\""), "no button for a visitor")
            let anonymous = try await browser.post("\(path)/follow", [], csrfFrom: page)
            #expect(anonymous.status != .seeOther && anonymous.status.code < 500)

            page = try await resident.get(path)
            #expect(page.body.contains("action=\"\(path)/follow\""))
            #expect(try await resident.post("\(path)/follow", [], csrfFrom: page).status == .seeOther)
            page = try await resident.get(path)
            #expect(page.body.contains("Sie folgen der Maßnahme."))
            #expect(page.body.contains("action=\"\(path)/unfollow\""))
            // A draft has nothing public to follow: it is as absent as a missing measure.
            let refused = try await resident.post("/measures/\(draft.rawValue)/follow", [], csrfFrom: page)
            #expect(refused.status == .notFound)
            #expect(try await services.measures.followed(by: ben, limit: 10).map(\.id) == [measure.id])
            let account = try await resident.get("/account").body
            #expect(account.contains("<h2 id=\"followed-title\">Maßnahmen, denen Sie folgen</h2>"))
            #expect(account.contains("<a href=\"\(path)\">\(measure.code) \(measure.content.title)</a>"))

            // The office publishes a report: the follower is told, by mail and on the account page.
            page = try await office.get(path)
            let report = [("date", services.clock.local(Timestamp.now.milliseconds).isoDate), ("status", "on_track"), ("percent", "40"),
                          ("text", "Die Allianz hat ihre Arbeit aufgenommen."), ("links", "")]
            #expect(try await office.post("\(path)/progress", report, csrfFrom: page).status == .seeOther)
            #expect(try await services.measures.notices(of: ben, limit: 10).map(\.detail) == ["on_track:40"])
            _ = try await services.queueNotificationMails(at: .now)
            let mail = try #require(try await services.outbox.due(limit: 10_000).map(\.mail).first { $0.recipient.value == "ben@example.org" })
            #expect(mail.subject == "Neuigkeiten zu „\(measure.code) \(measure.content.title)“")
            #expect(mail.body.contains("- \(measure.code) \(measure.content.title): Neuer Bericht zur Umsetzung: Im Plan, 40 %"), "\(mail.body)")
            #expect(mail.body.contains("\(path)#implementation"))
            let news = try await resident.get("/account")
            #expect(news.body.contains("action=\"\(path)/unfollow\""))
            #expect(news.body.contains("<a href=\"\(path)#implementation\">\(measure.code) \(measure.content.title)</a> – Neuer Bericht zur Umsetzung: Im Plan, 40 %"))

            #expect(try await services.accounts.export(ben)?.participation.followedMeasures == [measure.code], "in the data export")
            // Unfollowing from the account page: no more news; what was told stays.
            #expect(try await resident.post("\(path)/unfollow", [], csrfFrom: news).status == .seeOther)
            #expect(try await services.measures.followed(by: ben, limit: 10).isEmpty)
            page = try await office.get(path)
            let later = report.map { $0.0 == "percent" ? ("percent", "55") : $0 }
            #expect(try await office.post("\(path)/progress", later, csrfFrom: page).status == .seeOther)
            #expect(try await services.measures.notices(of: ben, limit: 10).count == 1)
            #expect(try await services.accounts.export(ben)?.participation.followedMeasures == [])
        }
    }
}
