import KonventDomain
import SQLKit

/// Announcements and their subscribers: asked for and confirmed by mail, stopped from any mail;
/// sent to the confirmed ones (narrowed by the audience) through the outbox, a batch per transaction.
public protocol AnnouncementStore: Sendable {
    func subscription(of user: UserID) async throws -> AnnouncementSubscription
    /// Files the request and mails the confirmation link (`mail`), in one transaction.
    func requestSubscription(_ user: UserID, token: SecretToken, expiresAt: Timestamp, mail: OutgoingMail, at time: Timestamp) async throws
    /// Uses the link once; the person it confirmed, or nil when it is unknown, used or expired.
    func confirmSubscription(token: SecretToken, at time: Timestamp) async throws -> UserID?
    func unsubscribe(_ user: UserID, at time: Timestamp) async throws
    /// How many confirmed, active subscribers the audience holds.
    func count(_ audience: AnnouncementAudience) async throws -> Int
    /// Records the announcement and queues one mail per recipient, `batch` recipients per
    /// transaction; the announcement counts as sent once the last batch is queued.
    func send(
        title: String, body: String, audience: AnnouncementAudience, actor: UserID, at time: Timestamp, batch: Int,
        mail: @Sendable (AnnouncementID, Recipient) -> OutgoingMail
    ) async throws -> AnnouncementID
    /// Sent announcements, newest first, by key.
    func archive(before: Int64?, limit: Int) async throws -> [Announcement]
    func announcement(_ id: AnnouncementID) async throws -> Announcement?
}

public struct SQLAnnouncementStore: AnnouncementStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    public func subscription(of user: UserID) async throws -> AnnouncementSubscription {
        try await database.read { db in
            guard let row = try await db.raw("SELECT confirmed_at FROM announcement_subscribers WHERE user_id = \(bind: user.rawValue)").first()
            else { return .none }
            return try row.decode(column: "confirmed_at", as: Int64?.self) == nil ? .requested : .confirmed
        }
    }

    public func requestSubscription(_ user: UserID, token: SecretToken, expiresAt: Timestamp, mail: OutgoingMail, at time: Timestamp) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO announcement_subscribers (user_id, requested_at) VALUES (\(bind: user.rawValue), \(bind: time.milliseconds))
                ON CONFLICT (user_id) DO UPDATE SET requested_at = excluded.requested_at
                """).run()
            try await SQLAccountStore.insertToken(token, .announcements, user: user, expiresAt: expiresAt, at: time, in: db)
            try await Outbox.enqueue(mail, at: time, in: db)
            try await AuditTrail.append(AuditEvent(actor: user, action: "announcements.requested", subject: "user:\(user)"), at: time, in: db)
        }
    }

    public func confirmSubscription(token: SecretToken, at time: Timestamp) async throws -> UserID? {
        try await database.write { db in
            guard let user = try await SQLAccountStore.useToken(token, .announcements, at: time, in: db) else { return nil }
            try await db.raw("""
                INSERT INTO announcement_subscribers (user_id, requested_at, confirmed_at)
                VALUES (\(bind: user.rawValue), \(bind: time.milliseconds), \(bind: time.milliseconds))
                ON CONFLICT (user_id) DO UPDATE SET confirmed_at = excluded.confirmed_at
                """).run()
            try await AuditTrail.append(AuditEvent(actor: user, action: "announcements.confirmed", subject: "user:\(user)"), at: time, in: db)
            return user
        }
    }

    public func unsubscribe(_ user: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM announcement_subscribers WHERE user_id = \(bind: user.rawValue)").run()
            try await AuditTrail.append(AuditEvent(actor: user, action: "announcements.stopped", subject: "user:\(user)"), at: time, in: db)
        }
    }

    /// The confirmed, active subscribers in the audience, as conditions on `s` and `u`.
    static func conditions(_ audience: AnnouncementAudience) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = ["s.confirmed_at IS NOT NULL", "u.deactivated_at IS NULL"]
        if let district = audience.district {
            conditions.append("EXISTS (SELECT 1 FROM contributions c WHERE c.author_id = u.id AND c.district_key = \(bind: district))")
        }
        if let field = audience.field {
            conditions.append("""
                EXISTS (SELECT 1 FROM contributions c JOIN contribution_fields f ON f.contribution_id = c.id
                        WHERE c.author_id = u.id AND f.field_key = \(bind: field))
                """)
        }
        if let measure = audience.measure {
            conditions.append("EXISTS (SELECT 1 FROM measure_follows mf WHERE mf.user_id = u.id AND mf.measure_id = \(bind: measure.rawValue))")
        }
        if let format = audience.format {
            conditions.append("""
                EXISTS (SELECT 1 FROM format_registrations r WHERE r.user_id = u.id AND r.format_id = \(bind: format.rawValue)
                        AND r.status = 'confirmed')
                """)
        }
        return conditions
    }

    static let from: SQLQueryString = "FROM announcement_subscribers s JOIN users u ON u.id = s.user_id WHERE "

    public func count(_ audience: AnnouncementAudience) async throws -> Int {
        let sql = "SELECT COUNT(*) AS n " + Self.from + Self.conditions(audience).joined(separator: " AND ")
        return try await database.read { db in try await db.raw(sql).first()?.decode(column: "n", as: Int.self) ?? 0 }
    }

    public func send(
        title: String, body: String, audience: AnnouncementAudience, actor: UserID, at time: Timestamp, batch: Int,
        mail: @Sendable (AnnouncementID, Recipient) -> OutgoingMail
    ) async throws -> AnnouncementID {
        let id = try await database.write { db in
            let id = try await db.raw("""
                INSERT INTO announcements (title, body, audience, created_by, created_at)
                VALUES (\(bind: title), \(bind: body), \(bind: audience.stored), \(bind: actor.rawValue), \(bind: time.milliseconds)) RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "announcement.created", subject: "announcement:\(id)", detail: audience.stored), at: time, in: db)
            return AnnouncementID(id)
        }
        let conditions = Self.conditions(audience)
        let size = max(1, min(batch, 5_000))
        while true {
            // Each batch reads its recipients after the last one queued, queues their mails and moves
            // the mark, in one transaction: a batch is queued whole or not at all.
            let done = try await database.write { db -> Bool in
                let after = try await db.raw("SELECT queued_after FROM announcements WHERE id = \(bind: id.rawValue)").first()!
                    .decode(column: "queued_after", as: Int64.self)
                let sql = "SELECT u.id, u.email, u.display_name, u.locale " + Self.from
                    + (conditions + ["u.id > \(bind: after)"]).joined(separator: " AND ") + " ORDER BY u.id LIMIT \(bind: size)"
                let rows = try await db.raw(sql).all()
                for row in rows {
                    let recipient = Recipient(
                        id: UserID(try row.decode(column: "id", as: Int64.self)),
                        email: EmailAddress(trusted: try row.decode(column: "email", as: String.self)),
                        name: try row.decode(column: "display_name", as: String.self),
                        language: Language(rawValue: try row.decode(column: "locale", as: String.self)) ?? .default)
                    try await Outbox.enqueue(mail(id, recipient), at: time, in: db)
                }
                guard let last = rows.last else {
                    try await db.raw("UPDATE announcements SET sent_at = \(bind: time.milliseconds) WHERE id = \(bind: id.rawValue)").run()
                    return true
                }
                try await db.raw("""
                    UPDATE announcements SET queued_after = \(bind: try last.decode(column: "id", as: Int64.self)),
                        recipients = recipients + \(bind: rows.count) WHERE id = \(bind: id.rawValue)
                    """).run()
                return false
            }
            if done { break }
        }
        return id
    }

    static func decode(_ row: any SQLRow) throws -> Announcement {
        Announcement(
            id: AnnouncementID(try row.decode(column: "id", as: Int64.self)), title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            audience: AnnouncementAudience(stored: try row.decode(column: "audience", as: String.self)),
            recipients: try row.decode(column: "recipients", as: Int.self), sentAt: try row.decode(column: "sent_at", as: Int64?.self))
    }

    public func archive(before: Int64?, limit: Int) async throws -> [Announcement] {
        let sql: SQLQueryString = "SELECT id, title, body, audience, recipients, sent_at FROM announcements WHERE sent_at IS NOT NULL"
            + (before.map { " AND id < \(bind: $0)" } ?? "") + " ORDER BY id DESC LIMIT \(bind: max(1, min(limit, 100)))"
        return try await database.read { db in try await db.raw(sql).all().map(Self.decode) }
    }

    public func announcement(_ id: AnnouncementID) async throws -> Announcement? {
        try await database.read { db in
            try await db.raw("SELECT id, title, body, audience, recipients, sent_at FROM announcements WHERE id = \(bind: id.rawValue)")
                .first().map(Self.decode)
        }
    }
}
