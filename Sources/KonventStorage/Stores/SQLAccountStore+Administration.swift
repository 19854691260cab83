import KonventDomain
import SQLKit

/// An account as the administrator's list shows it.
public struct UserListing: Sendable, Equatable {
    public var user: User
    public var deactivatedAt: Timestamp?
    /// Sessions that have not expired.
    public var sessions: Int

    public var isActive: Bool { deactivatedAt == nil }
}

/// How the administrator looks for accounts: a part of the name or the address, a role, and the
/// id of the last account already shown (pages by key).
public struct UserQuery: Sendable, Equatable {
    public var search = ""
    public var role: Role?
    public var after: Int64?
    public var limit = 50

    public init() {}
}

/// What the administrator does with accounts, each act one transaction with its audit entry.
public protocol UserAdministration: Sendable {
    func listUsers(_ query: UserQuery, at now: Timestamp) async throws -> (items: [UserListing], next: Int64?)
    func listing(_ id: UserID, at now: Timestamp) async throws -> UserListing?
    func invite(
        email: EmailAddress, displayName: String, role: Role, ministry: String?, language: Language, passwordHash: String,
        token: SecretToken, expiresAt: Timestamp, mail: OutgoingMail, actor: UserID, at now: Timestamp
    ) async throws -> User
    func changeRole(_ id: UserID, to role: Role, ministry: String?, actor: UserID, at now: Timestamp) async throws
    func setActive(_ id: UserID, _ active: Bool, actor: UserID, at now: Timestamp) async throws
    @discardableResult func endSessions(of id: UserID, actor: UserID, at now: Timestamp) async throws -> Int
    /// Mails an unconfirmed account a new link to set its password (and so confirm its address).
    func sendInvitation(to id: UserID, token: SecretToken, expiresAt: Timestamp, mail: OutgoingMail, actor: UserID, at now: Timestamp)
        async throws
    func userID(email: EmailAddress) async throws -> UserID?
    /// The names of these accounts, in one query (for the audit trail's actors).
    func displayNames(_ ids: Set<UserID>) async throws -> [UserID: String]
}

extension SQLAccountStore: UserAdministration {
    public func listUsers(_ query: UserQuery, at now: Timestamp) async throws -> (items: [UserListing], next: Int64?) {
        var conditions: [SQLQueryString] = []
        let search = query.search.lowercased().trimmingWhitespace()
        if !search.isEmpty {
            let pattern = containsPattern(search)
            conditions.append("(u.email_key LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(u.display_name) LIKE \(bind: pattern) ESCAPE '\\')")
        }
        if let role = query.role { conditions.append("u.role = \(bind: role.rawValue)") }
        if let after = query.after { conditions.append("u.id > \(bind: after)") }
        let limit = max(1, min(query.limit, 200))
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: Self.userColumns), u.deactivated_at,
                (SELECT COUNT(*) FROM sessions s WHERE s.user_id = u.id AND s.expires_at > \(bind: now.milliseconds)) AS sessions
            FROM users u
            """
        if !conditions.isEmpty { sql = sql + " WHERE " + conditions.joined(separator: " AND ") }
        sql = sql + " ORDER BY u.id LIMIT \(bind: limit + 1)"
        let statement = sql
        let rows = try await database.read { db in try await db.raw(statement).all().map(Self.decodeListing) }
        return (Array(rows.prefix(limit)), rows.count > limit ? rows[limit - 1].user.id.rawValue : nil)
    }

    public func listing(_ id: UserID, at now: Timestamp) async throws -> UserListing? {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.userColumns), u.deactivated_at,
                    (SELECT COUNT(*) FROM sessions s WHERE s.user_id = u.id AND s.expires_at > \(bind: now.milliseconds)) AS sessions
                FROM users u WHERE u.id = \(bind: id.rawValue)
                """).first().map(Self.decodeListing)
        }
    }

    static func decodeListing(_ row: any SQLRow) throws -> UserListing {
        UserListing(
            user: try decodeUser(row), deactivatedAt: try row.decode(column: "deactivated_at", as: Int64?.self).map { Timestamp(milliseconds: $0) },
            sessions: try row.decode(column: "sessions", as: Int.self))
    }

    /// Creates an unconfirmed account with the role and mails its invitation: a link to set a password
    /// (a reset token), which also confirms the address. Throws `StorageError.duplicate` for a taken address.
    public func invite(
        email: EmailAddress, displayName: String, role: Role, ministry: String?, language: Language, passwordHash: String,
        token: SecretToken, expiresAt: Timestamp, mail: OutgoingMail, actor: UserID, at now: Timestamp
    ) async throws -> User {
        do {
            return try await database.write { db in
                let user = try await Self.insertUser(
                    email: email, displayName: displayName, role: role, ministry: ministry, passwordHash: passwordHash,
                    language: language, confirmedAt: nil, at: now, in: db)
                try await Self.insertToken(token, .resetPassword, user: user.id, expiresAt: expiresAt, at: now, in: db)
                try await Outbox.enqueue(mail, at: now, in: db)
                try await AuditTrail.append(
                    AuditEvent(actor: actor, action: "account.invited", subject: "user:\(user.id)",
                               detail: "role=\(role.rawValue)" + (ministry.map { " ministry=\($0)" } ?? "")), at: now, in: db)
                return user
            }
        } catch let error where isUniqueViolation(error) {
            throw StorageError.duplicate(field: "email")
        }
    }

    /// Gives the account another role (and ministry). Refused when it would leave no active administrator.
    public func changeRole(_ id: UserID, to role: Role, ministry: String?, actor: UserID, at now: Timestamp) async throws {
        try await database.write { db in
            guard let current = try await Self.fetchUser(id, in: db) else { throw StorageError.notFound }
            if current.role == .administrator, role != .administrator { try await Self.keepAnAdministrator(besides: id, in: db) }
            try await db.raw("""
                UPDATE users SET role = \(bind: role.rawValue), ministry = \(bind: ministry), updated_at = \(bind: now.milliseconds)
                WHERE id = \(bind: id.rawValue)
                """).run()
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "account.role_changed", subject: "user:\(id)",
                           detail: "from=\(current.role.rawValue) to=\(role.rawValue)" + (ministry.map { " ministry=\($0)" } ?? "")),
                at: now, in: db)
        }
    }

    /// Deactivates (no sign-in, every session and unused link ended) or reactivates an account.
    /// Deactivating the last active administrator is refused.
    public func setActive(_ id: UserID, _ active: Bool, actor: UserID, at now: Timestamp) async throws {
        try await database.write { db in
            guard let current = try await Self.fetchUser(id, in: db) else { throw StorageError.notFound }
            if !active, current.role == .administrator { try await Self.keepAnAdministrator(besides: id, in: db) }
            try await db.raw("""
                UPDATE users SET deactivated_at = \(bind: active ? nil : now.milliseconds), updated_at = \(bind: now.milliseconds)
                WHERE id = \(bind: id.rawValue)
                """).run()
            if !active {
                try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: id.rawValue)").run()
                try await db.raw("""
                    UPDATE account_tokens SET used_at = \(bind: now.milliseconds) WHERE user_id = \(bind: id.rawValue) AND used_at IS NULL
                    """).run()
            }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: active ? "account.reactivated" : "account.deactivated", subject: "user:\(id)"),
                at: now, in: db)
        }
    }

    /// Signs the account out everywhere; returns how many sessions ended.
    @discardableResult
    public func endSessions(of id: UserID, actor: UserID, at now: Timestamp) async throws -> Int {
        try await database.write { db in
            let count = try await db.raw("SELECT COUNT(*) AS n FROM sessions WHERE user_id = \(bind: id.rawValue)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: id.rawValue)").run()
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "account.sessions_ended", subject: "user:\(id)", detail: "sessions=\(count)"),
                at: now, in: db)
            return count
        }
    }

    public func sendInvitation(
        to id: UserID, token: SecretToken, expiresAt: Timestamp, mail: OutgoingMail, actor: UserID, at now: Timestamp
    ) async throws {
        try await database.write { db in
            guard let user = try await Self.fetchUser(id, in: db) else { throw StorageError.notFound }
            guard !user.isConfirmed else { throw StorageError.refused("the account is confirmed already") }
            try await Self.insertToken(token, .resetPassword, user: id, expiresAt: expiresAt, at: now, in: db)
            try await Outbox.enqueue(mail, at: now, in: db)
            try await AuditTrail.append(AuditEvent(actor: actor, action: "account.invitation_sent", subject: "user:\(id)"), at: now, in: db)
        }
    }

    public func userID(email: EmailAddress) async throws -> UserID? {
        try await database.read { db in
            try await db.raw("SELECT id FROM users WHERE email_key = \(bind: email.lookupKey)").first()?
                .decode(column: "id", as: Int64.self)
        }.map(UserID.init)
    }

    public func displayNames(_ ids: Set<UserID>) async throws -> [UserID: String] {
        guard !ids.isEmpty else { return [:] }
        let list = ids.map { "\(bind: $0.rawValue)" as SQLQueryString }.joined(separator: ", ")
        return try await database.read { db in
            var names: [UserID: String] = [:]
            for row in try await db.raw("SELECT id, display_name FROM users WHERE id IN (" + list + ")").all() {
                names[UserID(try row.decode(column: "id", as: Int64.self))] = try row.decode(column: "display_name", as: String.self)
            }
            return names
        }
    }

    /// Throws unless another confirmed, active administrator remains. On PostgreSQL the
    /// administrators' rows are locked, so that two of them cannot remove each other at once.
    static func keepAnAdministrator(besides id: UserID, in db: any SQLDatabase) async throws {
        let lock = db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        let others = try await db.raw("""
            SELECT id FROM users WHERE role = 'administrator' AND deactivated_at IS NULL AND email_confirmed_at IS NOT NULL
                AND id <> \(bind: id.rawValue)\(unsafeRaw: lock)
            """).all()
        guard !others.isEmpty else { throw StorageError.refused("the last administrator") }
    }
}
