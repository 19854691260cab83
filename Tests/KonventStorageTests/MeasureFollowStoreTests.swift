import KonventDomain
import KonventStorage
import KonventTestSupport
import Testing

@Suite("Followers of measures in storage")
struct MeasureFollowStoreTests {
    @Test("a follower hears of every public stage; the actor and the sources' people (told on their timeline) do not hear it twice",
          arguments: TestDatabase.available)
    func notices(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let contributions = SQLContributionStore(database: db)
            let moderation = SQLModerationStore(database: db)
            let store = SQLMeasureStore(database: db)
            let machine = screeningOnly()
            let anna = try await person(accounts, "anna@example.org"), ben = try await person(accounts, "ben@example.org")
            let cleo = try await person(accounts, "cleo@example.org"), office = try await person(accounts, "office@example.org")
            let source = try await contributions.create(draft("Fachkräfte fehlen", "Betriebe finden niemanden mehr."), author: anna.id,
                                                        at: .now, status: .published)
            try await moderation.follow(source, user: ben.id, at: .now)
            let id = try await store.create(measureContent(), codePrefix: "WT", sources: [(source, "Kern")], actor: office.id, at: .now)
            for person in [anna, ben, cleo, office] { try await store.follow(id, user: person.id, at: .now) }
            try await store.follow(id, user: cleo.id, at: .now)
            #expect(try await store.isFollowing(id, user: cleo.id))
            #expect(try await store.followed(by: cleo.id, limit: 10).map(\.code) == ["WT-01"], "following twice is following once")

            #expect(try await store.transition(id, .submit, reason: "vollständig", machine: machine, actor: office.id, at: .now) == .submitted)
            let told = try await store.notices(of: cleo.id, limit: 10)
            #expect(told.map(\.kind) == [.state] && told.first?.detail == "submitted" && told.first?.reason == "vollständig")
            #expect(told.first?.code == "WT-01" && told.first?.title == measureContent().title)
            for person in [anna, ben] {
                #expect(try await store.notices(of: person.id, limit: 10).isEmpty, "\(person.email.value) hears it on the source's timeline")
                #expect(try await moderation.notifications(of: person.id, limit: 10).contains { $0.event.kind == .measure })
            }
            #expect(try await store.notices(of: office.id, limit: 10).isEmpty, "nobody is told of what they did")

            // Mailed once, with the contributions' news of the same person in the same mail.
            let outbox = NotificationOutbox(database: db)
            let compose: @Sendable (Recipient, NotifyMode, PendingNews) -> OutgoingMail = { recipient, _, news in
                OutgoingMail(recipient: recipient.email, subject: "\(news.contributions.count)+\(news.measures.count)", body: "")
            }
            #expect(try await outbox.queueDue(at: .now, compose: compose) == 3)
            let subjects = try await Outbox(database: db).due(at: .now).map { "\($0.mail.recipient.value) \($0.mail.subject)" }
            #expect(subjects.sorted() == ["anna@example.org 1+0", "ben@example.org 1+0", "cleo@example.org 0+1"])
            #expect(try await outbox.queueDue(at: .now, compose: compose) == 0, "each notice is mailed once")

            try await store.unfollow(id, user: cleo.id, at: .now)
            #expect(try await store.followed(by: cleo.id, limit: 10).isEmpty)
            _ = try await store.transition(id, .startReview, reason: nil, machine: machine, actor: office.id, at: .now)
            #expect(try await store.notices(of: cleo.id, limit: 10).count == 1, "no news after unfollowing; the old news stays")
            await #expect(throws: StorageError.notFound) { try await store.follow(MeasureID(9_999), user: cleo.id, at: .now) }
        }
    }
}
