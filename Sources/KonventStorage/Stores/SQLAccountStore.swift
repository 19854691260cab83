import Foundation
import KonventDomain
import SQLKit

public struct SQLAccountStore: AccountStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    static let userColumns = "u.id, u.email, u.display_name, u.role, u.ministry, u.locale, u.email_confirmed_at, u.created_at"

    public func register(
        _ registration: Registration, passwordHash: String, confirmation: SecretToken, expiresAt: Timestamp,
        mail: OutgoingMail
    ) async throws -> User {
        let now = Timestamp.now
        return try await insertingUser(email: registration.email.lookupKey) {
            try await database.write { db in
                let user = try await Self.insertUser(
                    email: registration.email, displayName: registration.displayName, role: .participant, ministry: nil,
                    passwordHash: passwordHash, language: registration.language, confirmedAt: nil, at: now, in: db)
                try await Self.insertToken(confirmation, .confirmEmail, user: user.id, expiresAt: expiresAt, at: now, in: db)
                try await Outbox.enqueue(mail, at: now, in: db)
                try await AuditTrail.append(
                    AuditEvent(actor: user.id, action: "account.registered", subject: "user:\(user.id)"), at: now, in: db)
                return user
            }
        }
    }

    public func createUser(
        email: EmailAddress, displayName: String, role: Role, ministry: String?, passwordHash: String,
        language: Language, actor: UserID?
    ) async throws -> User {
        let now = Timestamp.now
        return try await insertingUser(email: email.lookupKey) {
            try await database.write { db in
                let user = try await Self.insertUser(
                    email: email, displayName: displayName, role: role, ministry: ministry, passwordHash: passwordHash,
                    language: language, confirmedAt: now, at: now, in: db)
                try await AuditTrail.append(
                    AuditEvent(actor: actor, action: "account.created", subject: "user:\(user.id)", detail: "role=\(role.rawValue)"),
                    at: now, in: db)
                return user
            }
        }
    }

    /// Turns the UNIQUE violation of a concurrent registration into the same answer as the pre-check.
    private func insertingUser(email: String, _ body: () async throws -> User) async throws -> User {
        do { return try await body() } catch let error where isUniqueViolation(error) {
            throw StorageError.duplicate(field: "email")
        }
    }

    static func insertUser(
        email: EmailAddress, displayName: String, role: Role, ministry: String?, passwordHash: String,
        language: Language, confirmedAt: Timestamp?, at now: Timestamp, in db: any SQLDatabase
    ) async throws -> User {
        if try await db.raw("SELECT id FROM users WHERE email_key = \(bind: email.lookupKey)").first() != nil {
            throw StorageError.duplicate(field: "email")
        }
        let row = try await db.raw("""
            INSERT INTO users (email, email_key, display_name, password_hash, role, ministry, locale,
                               email_confirmed_at, created_at, updated_at)
            VALUES (\(bind: email.value), \(bind: email.lookupKey), \(bind: displayName), \(bind: passwordHash),
                    \(bind: role.rawValue), \(bind: ministry), \(bind: language.rawValue),
                    \(bind: confirmedAt?.milliseconds), \(bind: now.milliseconds), \(bind: now.milliseconds))
            RETURNING id
            """).first()!
        return User(
            id: UserID(try row.decode(column: "id", as: Int64.self)), email: email, displayName: displayName, role: role,
            ministry: ministry, emailConfirmedAt: confirmedAt?.date, createdAt: now.date, locale: language)
    }

    static func insertToken(
        _ token: SecretToken, _ purpose: TokenPurpose, user: UserID, expiresAt: Timestamp, at now: Timestamp,
        in db: any SQLDatabase
    ) async throws {
        try await db.raw("""
            INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)
            VALUES (\(bind: token.digest), \(bind: user.rawValue), \(bind: purpose.rawValue),
                    \(bind: now.milliseconds), \(bind: expiresAt.milliseconds))
            """).run()
    }

    static func decodeUser(_ row: any SQLRow) throws -> User {
        User(
            id: UserID(try row.decode(column: "id", as: Int64.self)),
            email: EmailAddress(trusted: try row.decode(column: "email", as: String.self)),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .participant,
            ministry: try row.decode(column: "ministry", as: String?.self),
            emailConfirmedAt: try row.decode(column: "email_confirmed_at", as: Int64?.self).map(Date.init(storedMilliseconds:)),
            createdAt: Date(storedMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
            locale: Language(rawValue: try row.decode(column: "locale", as: String.self)) ?? .default)
    }

    static func fetchUser(_ id: UserID, in db: any SQLDatabase) async throws -> User? {
        try await db.raw("SELECT \(unsafeRaw: userColumns) FROM users u WHERE u.id = \(bind: id.rawValue)").first().map(decodeUser)
    }

    public func user(_ id: UserID) async throws -> User? {
        try await database.read { db in
            try await Self.fetchUser(id, in: db)
        }
    }

    public func credentials(email: EmailAddress) async throws -> (user: User, passwordHash: String)? {
        try await database.read { db in
            guard let row = try await db.raw("""
                SELECT \(unsafeRaw: Self.userColumns), u.password_hash FROM users u
                WHERE u.email_key = \(bind: email.lookupKey) AND u.deactivated_at IS NULL
                """).first() else { return nil }
            return (try Self.decodeUser(row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    /// Marks a usable token as used and returns its account; nil when the token cannot be used.
    static func useToken(
        _ token: SecretToken, _ purpose: TokenPurpose, at now: Timestamp, in db: any SQLDatabase
    ) async throws -> UserID? {
        guard let row = try await db.raw("""
            UPDATE account_tokens SET used_at = \(bind: now.milliseconds)
            WHERE token_hash = \(bind: token.digest) AND purpose = \(bind: purpose.rawValue)
              AND used_at IS NULL AND expires_at > \(bind: now.milliseconds)
            RETURNING user_id
            """).first() else { return nil }
        return UserID(try row.decode(column: "user_id", as: Int64.self))
    }

    public func confirmEmail(token: SecretToken, at now: Timestamp) async throws -> User? {
        try await database.write { db in
            guard let id = try await Self.useToken(token, .confirmEmail, at: now, in: db) else { return nil }
            try await db.raw("""
                UPDATE users SET email_confirmed_at = \(bind: now.milliseconds), updated_at = \(bind: now.milliseconds)
                WHERE id = \(bind: id.rawValue) AND email_confirmed_at IS NULL
                """).run()
            try await AuditTrail.append(AuditEvent(actor: id, action: "account.confirmed", subject: "user:\(id)"), at: now, in: db)
            return try await Self.fetchUser(id, in: db)
        }
    }

    public func resendConfirmation(for user: UserID, token: SecretToken, expiresAt: Timestamp, mail: OutgoingMail) async throws {
        let now = Timestamp.now
        try await database.write { db in
            try await Self.insertToken(token, .confirmEmail, user: user, expiresAt: expiresAt, at: now, in: db)
            try await Outbox.enqueue(mail, at: now, in: db)
        }
    }

    public func requestPasswordReset(
        email: EmailAddress, token: SecretToken, expiresAt: Timestamp, mail: @Sendable (User) -> OutgoingMail
    ) async throws {
        let now = Timestamp.now
        try await database.write { db in
            guard let row = try await db.raw(
                "SELECT \(unsafeRaw: Self.userColumns) FROM users u WHERE u.email_key = \(bind: email.lookupKey) AND u.deactivated_at IS NULL"
            ).first() else { return }
            let user = try Self.decodeUser(row)
            try await Self.insertToken(token, .resetPassword, user: user.id, expiresAt: expiresAt, at: now, in: db)
            try await Outbox.enqueue(mail(user), at: now, in: db)
            try await AuditTrail.append(
                AuditEvent(actor: nil, action: "account.reset_requested", subject: "user:\(user.id)"), at: now, in: db)
        }
    }

    public func resetPassword(token: SecretToken, passwordHash: String, at now: Timestamp) async throws -> User? {
        try await database.write { db in
            guard let id = try await Self.useToken(token, .resetPassword, at: now, in: db) else { return nil }
            try await db.raw("""
                UPDATE users SET password_hash = \(bind: passwordHash), updated_at = \(bind: now.milliseconds),
                    email_confirmed_at = COALESCE(email_confirmed_at, \(bind: now.milliseconds))
                WHERE id = \(bind: id.rawValue) AND deactivated_at IS NULL
                """).run()
            // The link came by mail, so the address is the person's (an invitation is confirmed this way).
            // Whoever knew the old password is signed out everywhere; other reset links die too.
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: id.rawValue)").run()
            try await db.raw("""
                UPDATE account_tokens SET used_at = \(bind: now.milliseconds)
                WHERE user_id = \(bind: id.rawValue) AND purpose = \(bind: TokenPurpose.resetPassword.rawValue) AND used_at IS NULL
                """).run()
            try await AuditTrail.append(AuditEvent(actor: id, action: "account.password_reset", subject: "user:\(id)"), at: now, in: db)
            return try await Self.fetchUser(id, in: db)
        }
    }

    public func isUsable(token: SecretToken, purpose: TokenPurpose, at now: Timestamp) async throws -> Bool {
        try await database.read { db in
            try await db.raw("""
                SELECT 1 AS ok FROM account_tokens WHERE token_hash = \(bind: token.digest) AND purpose = \(bind: purpose.rawValue)
                  AND used_at IS NULL AND expires_at > \(bind: now.milliseconds)
                """).first() != nil
        }
    }

    public func rename(_ user: UserID, to displayName: String, at now: Timestamp) async throws {
        try await database.write { db in
            try await db.raw("""
                UPDATE users SET display_name = \(bind: displayName), updated_at = \(bind: now.milliseconds) WHERE id = \(bind: user.rawValue)
                """).run()
            try await AuditTrail.append(AuditEvent(actor: user, action: "account.renamed", subject: "user:\(user)"), at: now, in: db)
        }
    }

    public func requestEmailChange(
        _ user: UserID, to email: EmailAddress, token: SecretToken, expiresAt: Timestamp, mails: [OutgoingMail]
    ) async throws {
        let now = Timestamp.now
        try await database.write { db in
            if try await db.raw("SELECT 1 AS ok FROM users WHERE email_key = \(bind: email.lookupKey)").first() != nil {
                throw StorageError.duplicate(field: "email")
            }
            try await db.raw("""
                INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at, new_email)
                VALUES (\(bind: token.digest), \(bind: user.rawValue), \(bind: TokenPurpose.changeEmail.rawValue),
                        \(bind: now.milliseconds), \(bind: expiresAt.milliseconds), \(bind: email.value))
                """).run()
            for mail in mails { try await Outbox.enqueue(mail, at: now, in: db) }
            try await AuditTrail.append(
                AuditEvent(actor: user, action: "account.email_change_requested", subject: "user:\(user)"), at: now, in: db)
        }
    }

    public func confirmEmailChange(token: SecretToken, at now: Timestamp) async throws -> User? {
        try await database.write { db in
            guard let row = try await db.raw("""
                UPDATE account_tokens SET used_at = \(bind: now.milliseconds)
                WHERE token_hash = \(bind: token.digest) AND purpose = \(bind: TokenPurpose.changeEmail.rawValue)
                  AND used_at IS NULL AND expires_at > \(bind: now.milliseconds)
                RETURNING user_id, new_email
                """).first(), let address = try row.decode(column: "new_email", as: String?.self) else { return nil }
            let id = try row.decode(column: "user_id", as: Int64.self)
            let email = EmailAddress(trusted: address)
            if try await db.raw("""
                SELECT 1 AS ok FROM users WHERE email_key = \(bind: email.lookupKey) AND id <> \(bind: id)
                """).first() != nil {
                throw StorageError.duplicate(field: "email")
            }
            try await db.raw("""
                UPDATE users SET email = \(bind: email.value), email_key = \(bind: email.lookupKey),
                    email_confirmed_at = \(bind: now.milliseconds), updated_at = \(bind: now.milliseconds)
                WHERE id = \(bind: id)
                """).run()
            // Other pending changes and reset links were sent for the old state of the account.
            try await db.raw("""
                UPDATE account_tokens SET used_at = \(bind: now.milliseconds)
                WHERE user_id = \(bind: id) AND used_at IS NULL
                  AND purpose IN (\(bind: TokenPurpose.changeEmail.rawValue), \(bind: TokenPurpose.resetPassword.rawValue))
                """).run()
            try await AuditTrail.append(
                AuditEvent(actor: UserID(id), action: "account.email_changed", subject: "user:\(id)"), at: now, in: db)
            return try await Self.fetchUser(UserID(id), in: db)
        }
    }

    public func changePassword(_ user: UserID, passwordHash: String, keeping session: SecretToken?, at now: Timestamp) async throws {
        try await database.write { db in
            try await db.raw("""
                UPDATE users SET password_hash = \(bind: passwordHash), updated_at = \(bind: now.milliseconds) WHERE id = \(bind: user.rawValue)
                """).run()
            try await db.raw("""
                DELETE FROM sessions WHERE user_id = \(bind: user.rawValue) AND token_hash <> \(bind: session?.digest ?? "")
                """).run()
            try await db.raw("""
                UPDATE account_tokens SET used_at = \(bind: now.milliseconds)
                WHERE user_id = \(bind: user.rawValue) AND purpose = \(bind: TokenPurpose.resetPassword.rawValue) AND used_at IS NULL
                """).run()
            try await AuditTrail.append(AuditEvent(actor: user, action: "account.password_changed", subject: "user:\(user)"), at: now, in: db)
        }
    }

    public func createSession(for user: UserID, token: SecretToken, expiresAt: Timestamp) async throws {
        let now = Timestamp.now
        try await database.write { db in
            try await db.raw("""
                INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
                VALUES (\(bind: token.digest), \(bind: user.rawValue), \(bind: now.milliseconds), \(bind: expiresAt.milliseconds))
                """).run()
            // Expired sessions of this account go when a new one starts, so the table does not grow without bound.
            try await db.raw("""
                DELETE FROM sessions WHERE user_id = \(bind: user.rawValue) AND expires_at <= \(bind: now.milliseconds)
                """).run()
            try await AuditTrail.append(AuditEvent(actor: user, action: "session.started", subject: "user:\(user)"), at: now, in: db)
        }
    }

    public func sessionUser(token: SecretToken, at now: Timestamp) async throws -> User? {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.userColumns) FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = \(bind: token.digest) AND s.expires_at > \(bind: now.milliseconds) AND u.deactivated_at IS NULL
                """).first().map(Self.decodeUser)
        }
    }

    public func endSession(token: SecretToken) async throws {
        let now = Timestamp.now
        try await database.write { db in
            guard let row = try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: token.digest) RETURNING user_id").first()
            else { return }
            let id = UserID(try row.decode(column: "user_id", as: Int64.self))
            try await AuditTrail.append(AuditEvent(actor: id, action: "session.ended", subject: "user:\(id)"), at: now, in: db)
        }
    }

    public func export(_ id: UserID) async throws -> AccountExport? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT \(unsafeRaw: Self.userColumns) FROM users u WHERE u.id = \(bind: id.rawValue)").first()
            else { return nil }
            let user = try Self.decodeUser(row)
            let organisations = try await db.raw("""
                SELECT o.id, o.name, o.kind, o.official_key, o.verified_at FROM organisations o
                JOIN user_organisations uo ON uo.organisation_id = o.id WHERE uo.user_id = \(bind: id.rawValue) ORDER BY o.name
                """).all().map(SQLOrganisationStore.decodeOrganisation)
            let sessions = try await db.raw("""
                SELECT created_at, expires_at FROM sessions WHERE user_id = \(bind: id.rawValue) ORDER BY created_at
                """).all().map { row in
                AccountExport.SessionInfo(
                    createdAt: iso(try row.decode(column: "created_at", as: Int64.self)),
                    expiresAt: iso(try row.decode(column: "expires_at", as: Int64.self)))
            }
            let mails = try await db.raw("""
                SELECT subject, created_at, sent_at FROM outbox WHERE recipient = \(bind: user.email.value) ORDER BY id
                """).all().map { row in
                AccountExport.MailInfo(
                    subject: try row.decode(column: "subject", as: String.self),
                    createdAt: iso(try row.decode(column: "created_at", as: Int64.self)),
                    sentAt: try row.decode(column: "sent_at", as: Int64?.self).map(iso))
            }
            let activity = try await db.raw("""
                SELECT at, action, subject FROM audit_log WHERE actor_id = \(bind: id.rawValue) ORDER BY id
                """).all().map { row in
                AccountExport.AuditInfo(
                    at: iso(try row.decode(column: "at", as: Int64.self)),
                    action: try row.decode(column: "action", as: String.self),
                    subject: try row.decode(column: "subject", as: String.self))
            }
            var participation = AccountExport.Participation()
            participation.contributions = try await db.raw("""
                SELECT id, kind, title, body, status, anonymous, created_at FROM contributions WHERE author_id = \(bind: id.rawValue) ORDER BY id
                """).all().map { row in
                .init(id: try row.decode(column: "id", as: Int64.self), kind: try row.decode(column: "kind", as: String.self),
                      title: try row.decode(column: "title", as: String.self), text: try row.decode(column: "body", as: String.self),
                      status: try row.decode(column: "status", as: String.self),
                      anonymous: try row.decode(column: "anonymous", as: Int.self) != 0,
                      createdAt: iso(try row.decode(column: "created_at", as: Int64.self)))
            }
            participation.comments = try await db.raw("""
                SELECT contribution_id, body, created_at FROM contribution_comments
                WHERE author_id = \(bind: id.rawValue) AND deleted_at IS NULL ORDER BY id
                """).all().map { row in
                .init(contributionID: try row.decode(column: "contribution_id", as: Int64.self),
                      text: try row.decode(column: "body", as: String.self),
                      createdAt: iso(try row.decode(column: "created_at", as: Int64.self)))
            }
            participation.supported = try await db.raw("""
                SELECT contribution_id FROM contribution_supports WHERE user_id = \(bind: id.rawValue) ORDER BY contribution_id
                """).all().map { try $0.decode(column: "contribution_id", as: Int64.self) }
            participation.followed = try await db.raw("""
                SELECT contribution_id FROM contribution_follows WHERE user_id = \(bind: id.rawValue) ORDER BY contribution_id
                """).all().map { try $0.decode(column: "contribution_id", as: Int64.self) }
            participation.followedMeasures = try await db.raw("""
                SELECT m.code FROM measure_follows f JOIN measures m ON m.id = f.measure_id WHERE f.user_id = \(bind: id.rawValue)
                ORDER BY m.code
                """).all().map { try $0.decode(column: "code", as: String.self) }
            participation.registrations = try await db.raw("""
                SELECT f.id, f.title, r.status FROM format_registrations r JOIN formats f ON f.id = r.format_id
                WHERE r.user_id = \(bind: id.rawValue) ORDER BY f.id
                """).all().map { row in
                .init(formatID: try row.decode(column: "id", as: Int64.self), format: try row.decode(column: "title", as: String.self),
                      status: try row.decode(column: "status", as: String.self))
            }
            participation.masterplanComments = try await db.raw("""
                SELECT version, paragraph, body, created_at FROM masterplan_comments WHERE author_id = \(bind: id.rawValue) ORDER BY id
                """).all().map { row in
                .init(version: try row.decode(column: "version", as: Int.self), paragraph: try row.decode(column: "paragraph", as: String.self),
                      text: try row.decode(column: "body", as: String.self), createdAt: iso(try row.decode(column: "created_at", as: Int64.self)))
            }
            participation.notify = try await db.raw("SELECT notify FROM users WHERE id = \(bind: id.rawValue)").first()?
                .decode(column: "notify", as: String.self) ?? "immediately"
            if let row = try await db.raw("""
                SELECT requested_at, confirmed_at FROM announcement_subscribers WHERE user_id = \(bind: id.rawValue)
                """).first() {
                participation.announcements = .init(
                    requestedAt: iso(try row.decode(column: "requested_at", as: Int64.self)),
                    confirmedAt: try row.decode(column: "confirmed_at", as: Int64?.self).map(iso))
            }
            return AccountExport(
                profile: .init(
                    id: user.id.rawValue, email: user.email.value, displayName: user.displayName, role: user.role.rawValue,
                    ministry: user.ministry, language: user.locale.rawValue,
                    emailConfirmedAt: user.emailConfirmedAt.map { iso($0.storedMilliseconds) },
                    createdAt: iso(user.createdAt.storedMilliseconds)),
                organisations: organisations, sessions: sessions, mails: mails, activity: activity, participation: participation)
        }
    }

    public func deleteAccount(_ id: UserID) async throws {
        let now = Timestamp.now
        try await database.write { db in
            // Supports go with the account; the maintained counters must follow.
            try await db.raw("""
                UPDATE contributions SET supports_count = supports_count - 1
                WHERE id IN (SELECT contribution_id FROM contribution_supports WHERE user_id = \(bind: id.rawValue))
                """).run()
            try await db.raw("""
                UPDATE contributions SET followers_count = followers_count - 1
                WHERE id IN (SELECT contribution_id FROM contribution_follows WHERE user_id = \(bind: id.rawValue))
                """).run()
            for status in ["confirmed", "waitlisted"] {
                let counter = status == "confirmed" ? "registered_count" : "waitlist_count"
                try await db.raw("""
                    UPDATE formats SET \(unsafeRaw: counter) = \(unsafeRaw: counter) - 1
                    WHERE id IN (SELECT format_id FROM format_registrations WHERE user_id = \(bind: id.rawValue) AND status = \(bind: status))
                    """).run()
            }
            guard let row = try await db.raw("DELETE FROM users WHERE id = \(bind: id.rawValue) RETURNING email").first() else {
                throw StorageError.notFound
            }
            // Queued and sent mails carry the address and name; they go with the account.
            try await db.raw("DELETE FROM outbox WHERE recipient = \(bind: try row.decode(column: "email", as: String.self))").run()
            try await AuditTrail.append(AuditEvent(actor: id, action: "account.deleted", subject: "user:\(id)"), at: now, in: db)
        }
    }

    public func users(withRole role: Role, limit: Int) async throws -> [User] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.userColumns) FROM users u WHERE u.role = \(bind: role.rawValue) AND u.deactivated_at IS NULL
                ORDER BY u.display_name, u.id LIMIT \(bind: limit)
                """).all().map(Self.decodeUser)
        }
    }

    public func countUsers() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM users").first()!.decode(column: "n", as: Int.self)
        }
    }
}

private func iso(_ milliseconds: Int64) -> String {
    Date(storedMilliseconds: milliseconds).formatted(.iso8601)
}
