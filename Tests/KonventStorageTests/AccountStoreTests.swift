import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import SQLKit
import Testing

func registration(_ email: String = "Anna@Example.org", name: String = "Anna") throws -> Registration {
    try Registration.validate(
        email: email, displayName: name, password: "ein langes passwort", passwordRepeat: "ein langes passwort",
        acceptedTerms: true, language: .de)
}

func count(_ table: String, in db: any KonventDatabase) async throws -> Int {
    try await db.read { try await $0.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self) }
}

func later(_ seconds: Int64) -> Timestamp { Timestamp(milliseconds: Timestamp.now.milliseconds + seconds * 1000) }

func mail(to address: String) -> OutgoingMail {
    OutgoingMail(recipient: EmailAddress(trusted: address), subject: "Betreff", body: "Text")
}

@Suite("Accounts")
struct AccountStoreTests {
    @Test("registering writes the account, its token, its mail and its audit entry together", arguments: TestDatabase.available)
    func register(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLAccountStore(database: db)
            let user = try await store.register(
                try registration(), passwordHash: "hash", confirmation: SecretToken(), expiresAt: later(3600),
                mail: mail(to: "anna@example.org"))
            #expect(user.email.value == "Anna@example.org")
            #expect(!user.isConfirmed)
            #expect(try await count("users", in: db) == 1)
            #expect(try await count("account_tokens", in: db) == 1)
            #expect(try await count("outbox", in: db) == 1)
            #expect(try await count("audit_log", in: db) == 1)
        }
    }

    @Test("a second account for the same address (any case) is refused and writes nothing", arguments: TestDatabase.available)
    func duplicate(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLAccountStore(database: db)
            _ = try await store.register(try registration(), passwordHash: "h", confirmation: SecretToken(),
                                         expiresAt: later(3600), mail: mail(to: "anna@example.org"))
            await #expect(throws: StorageError.duplicate(field: "email")) {
                _ = try await store.register(try registration("ANNA@example.ORG"), passwordHash: "h", confirmation: SecretToken(),
                                             expiresAt: later(3600), mail: mail(to: "anna@example.org"))
            }
            #expect(try await count("users", in: db) == 1)
            #expect(try await count("outbox", in: db) == 1)
            #expect(try await count("account_tokens", in: db) == 1)
            #expect(try await count("audit_log", in: db) == 1)
        }
    }

    @Test("a confirmation token works once and not after it expired", arguments: TestDatabase.available)
    func confirmation(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLAccountStore(database: db)
            let token = SecretToken(), stale = SecretToken()
            let user = try await store.register(try registration(), passwordHash: "h", confirmation: token,
                                                expiresAt: later(3600), mail: mail(to: "anna@example.org"))
            try await store.resendConfirmation(for: user.id, token: stale, expiresAt: later(-1), mail: mail(to: "anna@example.org"))
            #expect(try await store.confirmEmail(token: stale, at: .now) == nil)
            #expect(try await store.confirmEmail(token: SecretToken(), at: .now) == nil)
            let confirmed = try await store.confirmEmail(token: token, at: .now)
            #expect(confirmed?.isConfirmed == true)
            #expect(try await store.confirmEmail(token: token, at: .now) == nil)
        }
    }

    @Test("sessions are found by token until they expire or end", arguments: TestDatabase.available)
    func sessions(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLAccountStore(database: db)
            let user = try await store.register(try registration(), passwordHash: "h", confirmation: SecretToken(),
                                                expiresAt: later(3600), mail: mail(to: "anna@example.org"))
            let live = SecretToken(), old = SecretToken()
            try await store.createSession(for: user.id, token: live, expiresAt: later(60))
            try await store.createSession(for: user.id, token: old, expiresAt: later(-60))
            #expect(try await store.sessionUser(token: live, at: .now)?.id == user.id)
            #expect(try await store.sessionUser(token: old, at: .now) == nil)
            #expect(try await store.sessionUser(token: SecretToken(value: live.digest), at: .now) == nil)
            try await store.endSession(token: live)
            #expect(try await store.sessionUser(token: live, at: .now) == nil)
        }
    }

    @Test("a password reset needs a known address, works once and ends all sessions", arguments: TestDatabase.available)
    func passwordReset(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLAccountStore(database: db)
            let user = try await store.register(try registration(), passwordHash: "old", confirmation: SecretToken(),
                                                expiresAt: later(3600), mail: mail(to: "anna@example.org"))
            let session = SecretToken()
            try await store.createSession(for: user.id, token: session, expiresAt: later(600))
            let outboxBefore = try await count("outbox", in: db)
            try await store.requestPasswordReset(
                email: try EmailAddress("nobody@example.org"), token: SecretToken(), expiresAt: later(600)) { _ in mail(to: "x@y.de") }
            #expect(try await count("outbox", in: db) == outboxBefore)

            let token = SecretToken()
            try await store.requestPasswordReset(email: try EmailAddress("anna@EXAMPLE.org"), token: token, expiresAt: later(600)) {
                mail(to: $0.email.value)
            }
            #expect(try await count("outbox", in: db) == outboxBefore + 1)
            #expect(try await store.isUsable(token: token, purpose: .resetPassword, at: .now))
            #expect(try await store.isUsable(token: token, purpose: .confirmEmail, at: .now) == false)
            #expect(try await store.resetPassword(token: token, passwordHash: "new", at: .now)?.id == user.id)
            #expect(try await store.credentials(email: user.email)?.passwordHash == "new")
            #expect(try await store.sessionUser(token: session, at: .now) == nil)
            #expect(try await store.resetPassword(token: token, passwordHash: "again", at: .now) == nil)
        }
    }

    @Test("organisations are shared by name and linked per user", arguments: TestDatabase.available)
    func organisations(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLAccountStore(database: db)
            let anna = try await store.createUser(
                email: try EmailAddress("anna@example.org"), displayName: "Anna", role: .participant, ministry: nil,
                passwordHash: "h", language: .de, actor: nil)
            let ben = try await store.createUser(
                email: try EmailAddress("ben@example.org"), displayName: "Ben", role: .participant, ministry: nil,
                passwordHash: "h", language: .de, actor: nil)
            let organisations = SQLOrganisationStore(database: db)
            func join(_ user: User) async throws -> JoinOutcome {
                try await organisations.join(name: "Gemeinde Amtsberg", kind: .municipality, for: user.id, at: .now) { _, _ in [] }
            }
            let first = try await join(anna)
            let second = try await join(ben)
            #expect(second == .requested(first.organisation))
            #expect(try await join(anna) == .alreadyMember(first.organisation))
            #expect(try await organisations.organisations(of: anna.id).map(\.name) == ["Gemeinde Amtsberg"])
            #expect(try await organisations.organisations(of: ben.id).isEmpty)
            _ = try await organisations.decide(first.organisation.id, member: ben.id, accept: true, by: anna.id, at: .now)
            try await organisations.leave(first.organisation.id, user: anna.id, at: .now)
            #expect(try await organisations.organisations(of: anna.id).isEmpty)
            #expect(try await organisations.organisations(of: ben.id).count == 1)
        }
    }

    @Test("export holds what is stored; deletion removes the account, its sessions, tokens and mails", arguments: TestDatabase.available)
    func exportAndDelete(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLAccountStore(database: db)
            let user = try await store.register(try registration(), passwordHash: "h", confirmation: SecretToken(),
                                                expiresAt: later(3600), mail: mail(to: "Anna@example.org"))
            try await store.createSession(for: user.id, token: SecretToken(), expiresAt: later(600))
            _ = try await SQLOrganisationStore(database: db).join(name: "Heimatverein", kind: .association, for: user.id, at: .now) { _, _ in [] }
            let export = try #require(try await store.export(user.id))
            #expect(export.profile.email == "Anna@example.org")
            #expect(export.organisations.map(\.name) == ["Heimatverein"])
            #expect(export.sessions.count == 1)
            #expect(export.mails.count == 1)
            #expect(export.activity.map(\.action).contains("account.registered"))

            try await store.deleteAccount(user.id)
            #expect(try await store.user(user.id) == nil)
            #expect(try await count("sessions", in: db) == 0)
            #expect(try await count("account_tokens", in: db) == 0)
            #expect(try await count("outbox", in: db) == 0)
            #expect(try await count("user_organisations", in: db) == 0)
            await #expect(throws: StorageError.notFound) { try await store.deleteAccount(user.id) }
        }
    }
}
