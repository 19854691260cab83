import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import SQLKit
import Testing

@Suite("Organisations")
struct OrganisationStoreTests {
    static func noMail(_: Organisation, _: [Recipient]) -> [OutgoingMail] { [] }

    @Test("naming an existing organisation is a request: no acting for it until a member confirms", arguments: TestDatabase.available)
    func impersonation(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db), store = SQLOrganisationStore(database: db)
            let mayor = try await person(accounts, "mayor@example.org"), intruder = try await person(accounts, "eve@example.org")
            let founded = try await store.join(name: "Stadt Musterhausen", kind: .municipality, for: mayor.id, at: .now, mail: Self.noMail)
            guard case .founded(let town) = founded else { Issue.record("not founded: \(founded)"); return }
            #expect(try await store.organisations(of: mayor.id).map(\.id) == [town.id])

            let asked = try await store.join(name: "stadt musterhausen", kind: .association, for: intruder.id, at: .now) { organisation, members in
                members.map { OutgoingMail(recipient: $0.email, subject: "Anfrage \(organisation.name)", body: "") }
            }
            #expect(asked == .requested(town))
            #expect(try await store.organisations(of: intruder.id).isEmpty)
            #expect(try await store.memberships(of: intruder.id).map(\.status) == [.requested])
            #expect(try await count("outbox", in: db) == 1, "the mayor is asked")
            #expect(try await store.requests(forMember: mayor.id, limit: 10).map(\.user) == [intruder.id])
            #expect(try await store.requests(forMember: intruder.id, limit: 10).isEmpty)

            // Even a forged form cannot post for the organisation: the store checks in the transaction.
            var forged = draft("Im Namen der Stadt", "Die Stadt fordert eine Umgehungsstraße für alle.")
            forged.organisationID = town.id
            let contributions = SQLContributionStore(database: db)
            await #expect(throws: StorageError.refused("not a confirmed member of the organisation")) {
                _ = try await contributions.create(forged, author: intruder.id, at: .now, status: .published)
            }
            #expect(try await count("contributions", in: db) == 0)

            #expect(try await store.decide(town.id, member: intruder.id, accept: true, by: mayor.id, at: .now))
            #expect(try await store.decide(town.id, member: intruder.id, accept: true, by: mayor.id, at: .now) == false)
            #expect(try await store.organisations(of: intruder.id).map(\.id) == [town.id])
            let id = try await contributions.create(forged, author: intruder.id, at: .now, status: .published)
            #expect(try await contributions.contribution(id)?.organisationName == "Stadt Musterhausen")
        }
    }

    @Test("the office verifies, removes members, and a removed member's contributions no longer speak for the organisation",
          arguments: TestDatabase.available)
    func office(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db), store = SQLOrganisationStore(database: db)
            let office = try await person(accounts, "office@example.org"), anna = try await person(accounts, "anna@example.org")
            let verein = try await store.join(name: "Heimatverein", kind: .association, for: anna.id, at: .now, mail: Self.noMail).organisation
            var text = draft("Ein Vereinsvorschlag", "Wir möchten den Dorfplatz gemeinsam neu gestalten.")
            text.organisationID = verein.id
            let contributions = SQLContributionStore(database: db)
            let id = try await contributions.create(text, author: anna.id, at: .now, status: .published)
            let statistics = ParticipationStatistics(database: db)
            #expect(try await statistics.figures().contributionsByOrganisationKind == ["association": 1])

            try await store.setVerified(verein.id, true, by: office.id, at: .now)
            #expect(try await contributions.contribution(id)?.organisationVerified == true)
            #expect(try await store.list(after: nil, limit: 10).map(\.members) == [1])

            try await store.removeMember(verein.id, member: anna.id, by: office.id, at: .now)
            let after = try await contributions.contribution(id)
            #expect(after?.organisationName == nil)
            #expect(try await statistics.figures().contributionsByOrganisationKind == ["": 1])
            await #expect(throws: StorageError.notFound) {
                try await store.removeMember(verein.id, member: anna.id, by: office.id, at: .now)
            }
            let actions = try await db.read { db in
                try await db.raw("SELECT action FROM audit_log ORDER BY id").all().map { try $0.decode(column: "action", as: String.self) }
            }
            #expect(actions.contains("organisation.verified") && actions.contains("organisation.member_removed"))
        }
    }

    @Test("memberships made by name before confirmation stay, marked for the office to review", arguments: TestDatabase.available)
    func earlierMemberships(database: TestDatabase) async throws {
        try await database.with(migrated: false) { db in
            let before = Migrator(database: db, migrations: Array(Migrations.all.filter { $0.version < 8 }), logger: TestDatabase.logger)
            try await before.migrate()
            let anna = try await person(SQLAccountStore(database: db), "anna@example.org")
            try await db.write { db in
                try await db.raw("INSERT INTO organisations (id, name, kind, created_at) VALUES (40, 'Stadt Beispiel', 'municipality', 0)").run()
                try await db.raw("INSERT INTO user_organisations (user_id, organisation_id) VALUES (\(bind: anna.id.rawValue), 40)").run()
            }
            try await Migrator(database: db, logger: TestDatabase.logger).migrate()
            let store = SQLOrganisationStore(database: db)
            #expect(try await store.organisations(of: anna.id).map(\.name) == ["Stadt Beispiel"])
            let review = try await store.membershipsToReview(limit: 10)
            #expect(review.map(\.user) == [anna.id] && review.first?.status == .confirmed)
            try await store.markReviewed(OrganisationID(40), member: anna.id, by: anna.id, at: .now)
            #expect(try await store.membershipsToReview(limit: 10).isEmpty)
        }
    }

    @Test("a flood of comments on one contribution is one notification with a count", arguments: TestDatabase.available)
    func coalescedNotifications(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let anna = try await person(accounts, "anna@example.org"), flooder = try await person(accounts, "flood@example.org")
            let contributions = SQLContributionStore(database: db)
            let id = try await contributions.create(draft("Ein Beitrag", "Ein Beitrag mit genug Text darin."), author: anna.id,
                                                    at: .now, status: .published)
            for index in 0..<40 {
                _ = try await contributions.addComment(to: id, parent: nil, author: flooder.id, body: "Kommentar Nummer \(index)")
            }
            let notifications = try await SQLModerationStore(database: db).notifications(of: anna.id, limit: 100)
            #expect(notifications.count == 1)
            #expect(notifications.first?.repeats == 39)
            // Once mailed, the next comment starts a new line.
            _ = try await NotificationOutbox(database: db).queueDue(at: .now) { recipient, _, news in
                OutgoingMail(recipient: recipient.email, subject: "\(news.contributions.count)", body: "\(news.contributions.map(\.repeats))")
            }
            _ = try await contributions.addComment(to: id, parent: nil, author: flooder.id, body: "Noch ein Kommentar")
            #expect(try await SQLModerationStore(database: db).notifications(of: anna.id, limit: 100).map(\.repeats) == [0, 39])
            #expect(try await count("outbox", in: db) == 1)
        }
    }
}
