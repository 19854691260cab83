import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import Testing

func formatDraft(capacity: Int?, endsIn hours: Int64 = 48, district: String = "14521") -> FormatDraft {
    let start = Timestamp.now.milliseconds + (hours - 2) * 3_600_000
    return FormatDraft(
        kind: .workshop, title: "Workshop Fachkräfte", description: "Wir sammeln Ideen für Fachkräfte in der Region.",
        fields: ["wirtschaft"], districtKey: district, municipalityKey: nil, place: "Rathaus", onlineURL: nil,
        startsAt: start, endsAt: start + 2 * 3_600_000, capacity: capacity)
}

@Suite("Formats and registrations")
struct FormatStoreTests {
    @Test("seats, then the waitlist, then full; cancelling moves the first in line up with a mail in the same transaction",
          arguments: TestDatabase.available)
    func waitlist(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLFormatStore(database: db)
            let host = try await person(accounts, "host@example.org")
            let id = try await store.create(formatDraft(capacity: 1), facilitator: host.id, actor: host.id, at: .now)
            var people: [User] = []
            for index in 0..<12 { people.append(try await person(accounts, "p\(index)@example.org")) }
            #expect(try await store.register(id, user: people[0].id, at: .now) == .confirmed)
            await #expect(throws: RegistrationRefusal.alreadyRegistered) { try await store.register(id, user: people[0].id, at: .now) }
            for person in people[1...10] { #expect(try await store.register(id, user: person.id, at: .now) == .waitlisted) }
            await #expect(throws: RegistrationRefusal.full, "ten may wait for a single seat") {
                try await store.register(id, user: people[11].id, at: .now)
            }
            let mail: @Sendable (Recipient, Format) -> OutgoingMail = { recipient, format in
                OutgoingMail(recipient: recipient.email, subject: "Nachgerückt: \(format.title)", body: recipient.name)
            }
            #expect(try await store.cancel(id, user: people[0].id, at: .now, moveUpMail: mail))
            #expect(try await store.registration(id, user: people[1].id) == .confirmed, "the first in line")
            #expect(try await store.registration(id, user: people[0].id) == nil)
            let format = try #require(try await store.format(id))
            #expect(format.registeredCount == 1 && format.waitlistCount == 9)
            let queued = try await Outbox(database: db).due()
            #expect(queued.map(\.mail.recipient.value) == ["p1@example.org"])
            // Cancelling a waitlist place moves nobody and sends nothing.
            #expect(try await store.cancel(id, user: people[5].id, at: .now, moveUpMail: mail))
            #expect(try await Outbox(database: db).due().count == 1)
            #expect(try await store.format(id)?.waitlistCount == 8)
            #expect(try await store.cancel(id, user: people[5].id, at: .now, moveUpMail: mail) == false)
        }
    }

    @Test("many people registering at once never take more seats than there are", arguments: TestDatabase.available)
    func concurrentRegistrations(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLFormatStore(database: db)
            let host = try await person(accounts, "host@example.org")
            let id = try await store.create(formatDraft(capacity: 3), facilitator: host.id, actor: host.id, at: .now)
            var people: [UserID] = []
            for index in 0..<20 { people.append(try await person(accounts, "p\(index)@example.org").id) }
            let outcomes = try await withThrowingTaskGroup(of: RegistrationStatus?.self) { group in
                for person in people {
                    group.addTask { try? await store.register(id, user: person, at: .now) }
                }
                return try await group.reduce(into: [RegistrationStatus?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .confirmed }.count == 3)
            #expect(outcomes.filter { $0 == .waitlisted }.count == 10)
            #expect(outcomes.filter { $0 == nil }.count == 7)
            let format = try #require(try await store.format(id))
            #expect(format.registeredCount == 3 && format.waitlistCount == 10)
        }
    }

    @Test("past formats take no registrations; lists page upcoming ascending and past descending by key",
          arguments: TestDatabase.available)
    func listsAndPast(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLFormatStore(database: db)
            let host = try await person(accounts, "host@example.org")
            var ids: [FormatID] = []
            for hours in [-300, -200, -100, 100, 200, 300] as [Int64] {
                ids.append(try await store.create(formatDraft(capacity: nil, endsIn: hours, district: hours == 200 ? "14511" : "14521"),
                                                  facilitator: host.id, actor: host.id, at: .now))
            }
            await #expect(throws: RegistrationRefusal.over) { try await store.register(ids[0], user: host.id, at: .now) }
            var query = FormatQuery()
            query.limit = 2
            let first = try await store.list(query, now: .now)
            #expect(first.items.map(\.id) == [ids[3], ids[4]])
            query.after = first.next
            #expect(try await store.list(query, now: .now).items.map(\.id) == [ids[5]])
            query = FormatQuery()
            query.when = .past
            #expect(try await store.list(query, now: .now).items.map(\.id) == [ids[2], ids[1], ids[0]])
            query = FormatQuery()
            query.district = "14511"
            #expect(try await store.list(query, now: .now).items.map(\.id) == [ids[4]])
            query.district = nil
            query.field = "daseinsvorsorge"
            #expect(try await store.list(query, now: .now).items.isEmpty)
            #expect(try await store.calendar(from: .now, limit: 10).map(\.id) == [ids[3], ids[4], ids[5]])
        }
    }

    @Test("format lists page forwards and back by key in both directions of time and count what matches",
          arguments: TestDatabase.available)
    func pagingBothWays(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLFormatStore(database: db)
            let host = try await person(accounts, "host@example.org")
            var upcoming: [FormatID] = [], past: [FormatID] = []
            for step in 1...7 as ClosedRange<Int64> {
                upcoming.append(try await store.create(formatDraft(capacity: nil, endsIn: step * 24), facilitator: host.id, actor: host.id, at: .now))
                past.append(try await store.create(formatDraft(capacity: nil, endsIn: -step * 24), facilitator: host.id, actor: host.id, at: .now))
            }
            for (when, expected) in [(FormatQuery.When.upcoming, upcoming), (.past, past)] {
                var query = FormatQuery()
                query.when = when
                query.limit = 3
                #expect(try await store.count(query, now: .now) == 7)
                var pages: [[FormatID]] = []
                var page = try await store.list(query, now: .now)
                #expect(page.previous == nil, "the first page has none before it")
                pages.append(page.items.map(\.id))
                while let next = page.next {
                    query.after = next
                    page = try await store.list(query, now: .now)
                    pages.append(page.items.map(\.id))
                }
                #expect(pages.flatMap { $0 } == expected, "\(when): every format once, in order")
                query.after = nil
                var back: [[FormatID]] = [pages.last!]
                while let previous = page.previous {
                    query.before = previous
                    page = try await store.list(query, now: .now)
                    back.insert(page.items.map(\.id), at: 0)
                }
                #expect(back == pages, "\(when): the previous links walk the same pages back")
                #expect(page.next != nil)
            }
            var query = FormatQuery()
            query.district = "14511"
            #expect(try await store.count(query, now: .now) == 0)
        }
    }
}
