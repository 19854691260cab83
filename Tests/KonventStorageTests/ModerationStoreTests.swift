import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import Testing

@Suite("Moderation, timeline and notifications")
struct ModerationStoreTests {
    @Test("merging moves supports and followers without counting anyone twice", arguments: TestDatabase.available)
    func merge(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLContributionStore(database: db)
            let moderation = SQLModerationStore(database: db)
            let anna = try await person(accounts, "anna@example.org"), ben = try await person(accounts, "ben@example.org")
            let cleo = try await person(accounts, "cleo@example.org"), office = try await person(accounts, "office@example.org")
            let survivor = try await store.create(draft("Fachkräfte fehlen", "Betriebe finden niemanden mehr."),
                                                  author: anna.id, at: .now, status: .published)
            let duplicate = try await store.create(draft("Es fehlen Fachkräfte", "Die Betriebe suchen Leute."),
                                                   author: ben.id, at: .now, status: .published)
            try await store.support(survivor, by: cleo.id)
            try await store.support(duplicate, by: cleo.id)
            try await store.support(duplicate, by: anna.id)
            try await moderation.follow(duplicate, user: cleo.id, at: .now)
            try await moderation.follow(survivor, user: cleo.id, at: .now)
            try await moderation.merge(duplicate, into: survivor, reason: "Gleiches Anliegen", actor: office.id, at: .now)

            let merged = try #require(try await store.contribution(duplicate))
            #expect(merged.status == .merged && merged.mergedIntoID == survivor && merged.supportCount == 0)
            let kept = try #require(try await store.contribution(survivor))
            #expect(kept.supportCount == 2, "Cleo once, Anna once")
            #expect(kept.followerCount == 2, "Cleo once, and Ben as the duplicate's author; Anna is the author")
            #expect(try await moderation.isFollowing(survivor, user: ben.id))
            await #expect(throws: ModerationRefusal.merge) {
                try await moderation.merge(duplicate, into: survivor, reason: nil, actor: office.id, at: .now)
            }
            await #expect(throws: ModerationRefusal.merge) {
                try await moderation.merge(survivor, into: duplicate, reason: nil, actor: office.id, at: .now)
            }
            let timeline = try await moderation.timeline(survivor).map(\.kind)
            #expect(timeline == [.created, .mergedFrom])
            let told = try await moderation.notifications(of: ben.id, limit: 10)
            #expect(told.first?.event.kind == .mergedInto && told.first?.relatedTitle == "Fachkräfte fehlen")
            #expect(try await moderation.notifications(of: office.id, limit: 10).isEmpty, "the actor is not told")
        }
    }

    @Test("status changes follow the allowed transitions and leave lists as they should", arguments: TestDatabase.available)
    func transitions(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLContributionStore(database: db)
            let moderation = SQLModerationStore(database: db)
            let anna = try await person(accounts, "anna@example.org"), office = try await person(accounts, "office@example.org")
            let id = try await store.create(draft("Ein Titel hier", "Ein Text, der lang genug ist."), author: anna.id, at: .now,
                                            status: .submitted)
            #expect(try await store.list(ContributionQuery()).items.isEmpty)
            #expect(try await moderation.awaitingModeration(limit: 10).map(\.id) == [id])
            await #expect(throws: ModerationRefusal.transition) {
                try await moderation.changeStatus(id, to: .notPursued, reason: "x", actor: office.id, at: .now)
            }
            try await moderation.changeStatus(id, to: .published, reason: nil, actor: office.id, at: .now)
            #expect(try await store.list(ContributionQuery()).items.map(\.id) == [id])
            try await moderation.changeStatus(id, to: .notPursued, reason: "Bund zuständig", actor: office.id, at: .now)
            var query = ContributionQuery()
            query.status = .notPursued
            #expect(try await store.list(query).items.first?.statusReason == "Bund zuständig")
            try await moderation.report(id, comment: nil, by: anna.id, reason: "Doppelt", at: .now)
            try await moderation.changeStatus(id, to: .published, reason: nil, actor: office.id, at: .now)
            try await moderation.changeStatus(id, to: .hidden, reason: "Werbung", actor: office.id, at: .now)
            #expect(try await moderation.openReports(limit: 10).isEmpty, "hiding closes the reports on it")
            #expect(try await store.list(ContributionQuery()).items.isEmpty)
            let statuses = try await moderation.timeline(id).compactMap(\.status)
            #expect(statuses == [.submitted, .published, .notPursued, .published, .hidden])
        }
    }

    @Test("notifications: at once, as a daily digest after a day, or never; each mailed once", arguments: TestDatabase.available)
    func digest(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLContributionStore(database: db)
            let moderation = SQLModerationStore(database: db)
            let outbox = NotificationOutbox(database: db)
            let anna = try await person(accounts, "anna@example.org"), ben = try await person(accounts, "ben@example.org")
            let cleo = try await person(accounts, "cleo@example.org"), office = try await person(accounts, "office@example.org")
            try await outbox.setMode(.daily, of: ben.id, at: .now)
            try await outbox.setMode(.never, of: cleo.id, at: .now)
            #expect(try await outbox.mode(of: ben.id) == .daily)
            let id = try await store.create(draft("Ein Titel hier", "Ein Text, der lang genug ist."), author: anna.id, at: .now,
                                            status: .published)
            try await moderation.follow(id, user: ben.id, at: .now)
            try await moderation.follow(id, user: cleo.id, at: .now)
            try await moderation.changeStatus(id, to: .notPursued, reason: "Bund zuständig", actor: office.id, at: .now)
            _ = try await store.addComment(to: id, parent: nil, author: office.id, body: "Schade, aber richtig.")
            let compose: @Sendable (Recipient, NotifyMode, PendingNews) -> OutgoingMail = { recipient, mode, news in
                OutgoingMail(recipient: recipient.email, subject: "\(mode.rawValue) \(news.contributions.count)", body: "")
            }
            #expect(try await outbox.queueDue(at: .now, compose: compose) == 1, "Anna at once; Ben waits; Cleo never")
            #expect(try await outbox.queueDue(at: .now, compose: compose) == 0)
            let tomorrow = Timestamp(milliseconds: Timestamp.now.milliseconds + NotificationOutbox.day + 1000)
            #expect(try await outbox.queueDue(at: tomorrow, compose: compose) == 1, "Ben's digest")
            let subjects = try await Outbox(database: db).due(at: tomorrow).map { "\($0.mail.recipient.value) \($0.mail.subject)" }
            #expect(subjects.sorted() == ["anna@example.org immediately 2", "ben@example.org daily 2"])
            #expect(try await moderation.notifications(of: cleo.id, limit: 10).count == 2, "still on the account page")
        }
    }

    @Test("deleting an account keeps every maintained counter right", arguments: TestDatabase.available)
    func deletionCounters(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLContributionStore(database: db)
            let moderation = SQLModerationStore(database: db)
            let formats = SQLFormatStore(database: db)
            let anna = try await person(accounts, "anna@example.org"), ben = try await person(accounts, "ben@example.org")
            let id = try await store.create(draft("Ein Titel hier", "Ein Text, der lang genug ist."), author: anna.id, at: .now,
                                            status: .published)
            try await moderation.follow(id, user: ben.id, at: .now)
            try await store.support(id, by: ben.id)
            let format = try await formats.create(formatDraft(capacity: 1), facilitator: anna.id, actor: anna.id, at: .now)
            _ = try await formats.register(format, user: anna.id, at: .now)
            _ = try await formats.register(format, user: ben.id, at: .now)
            try await accounts.deleteAccount(ben.id)
            let contribution = try #require(try await store.contribution(id))
            #expect(contribution.supportCount == 0 && contribution.followerCount == 0)
            let after = try #require(try await formats.format(format))
            #expect(after.registeredCount == 1 && after.waitlistCount == 0)
        }
    }

    @Test("participation figures count listed contributions per district, field, kind and day, and formats per field",
          arguments: TestDatabase.available)
    func figures(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLContributionStore(database: db)
            let anna = try await person(accounts, "anna@example.org")
            let day: Int64 = 86_400_000
            _ = try await store.create(draft("Eins hier", "Ein Text, der lang genug ist.", district: "14511"), author: anna.id,
                                       at: Timestamp(milliseconds: 20_000 * day + 5), status: .published)
            _ = try await store.create(draft("Zwei hier", "Ein Text, der lang genug ist.", kind: .challenge, fields: ["wirtschaft", "daseinsvorsorge"]),
                                       author: anna.id, at: Timestamp(milliseconds: 20_000 * day + 9), status: .published)
            _ = try await store.create(draft("Drei hier", "Ein Text, der lang genug ist."), author: anna.id,
                                       at: Timestamp(milliseconds: 20_001 * day), status: .submitted)
            var twoFields = formatDraft(capacity: nil)
            twoFields.fields = ["wirtschaft", "daseinsvorsorge"]
            _ = try await SQLFormatStore(database: db).create(twoFields, facilitator: anna.id, actor: anna.id, at: .now)
            let figures = try await ParticipationStatistics(database: db).figures()
            #expect(figures.totalContributions == 2)
            #expect(figures.totalFormats == 1 && figures.formatsByField == ["wirtschaft": 1, "daseinsvorsorge": 1])
            #expect(figures.contributionsByDistrict == ["14511": 1, "14521": 1])
            #expect(figures.contributionsByField == ["wirtschaft": 2, "daseinsvorsorge": 1])
            #expect(figures.contributionsByKind == ["idea": 1, "challenge": 1])
            #expect(figures.contributionsByDay == [20_000: 2])
            #expect(figures.contributionsByOrganisationKind == ["": 2])
        }
    }
}
