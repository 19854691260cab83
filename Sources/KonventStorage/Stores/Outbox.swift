import Foundation
import KonventDomain
import SQLKit

public struct QueuedMail: Sendable, Equatable {
    public var id: Int64
    public var mail: OutgoingMail
    public var attempts: Int
}

/// The mail queue. Mails are added inside the transaction of the change that causes them and
/// removed from the due list once delivered or given up.
public struct Outbox: Sendable {
    public static let maximumAttempts = 8
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    public static func enqueue(_ mail: OutgoingMail, at time: Timestamp = .now, in db: any SQLDatabase) async throws {
        let attachments = mail.attachments.isEmpty ? nil : String(decoding: try JSONEncoder().encode(mail.attachments), as: UTF8.self)
        try await db.raw("""
            INSERT INTO outbox (recipient, subject, body, created_at, attempts, next_attempt_at, attachments, list_unsubscribe)
            VALUES (\(bind: mail.recipient.value), \(bind: mail.subject), \(bind: mail.body),
                    \(bind: time.milliseconds), 0, \(bind: time.milliseconds), \(bind: attachments), \(bind: mail.listUnsubscribe))
            """).run()
    }

    /// The mails due now, without taking them (for the log of a server without SMTP, and tests).
    public func due(at time: Timestamp = .now, limit: Int = 20) async throws -> [QueuedMail] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM outbox
                WHERE sent_at IS NULL AND next_attempt_at <= \(bind: time.milliseconds)
                  AND attempts < \(bind: Self.maximumAttempts)
                ORDER BY next_attempt_at, id LIMIT \(bind: limit)
                """).all().map(Self.decode)
        }
    }

    /// Takes the mails due now for sending: they are not due again for `lease`, so that another
    /// instance on the same database does not send them too (on PostgreSQL rows another instance is
    /// taking are skipped rather than waited for). Sent, they are marked so; failed, rescheduled; an
    /// instance that dies while sending leaves them to be taken again once the lease is over.
    public func claim(at time: Timestamp = .now, limit: Int = 20, lease: Duration = .seconds(300)) async throws -> [QueuedMail] {
        let skipLocked = database.kind == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let until = time.milliseconds + lease.components.seconds * 1000
        return try await database.write { db in
            let mails = try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM outbox
                WHERE sent_at IS NULL AND next_attempt_at <= \(bind: time.milliseconds)
                  AND attempts < \(bind: Self.maximumAttempts)
                ORDER BY next_attempt_at, id LIMIT \(bind: limit)\(unsafeRaw: skipLocked)
                """).all().map(Self.decode)
            for mail in mails {
                try await db.raw("UPDATE outbox SET next_attempt_at = \(bind: until) WHERE id = \(bind: mail.id)").run()
            }
            return mails
        }
    }

    private static let columns = "id, recipient, subject, body, attempts, attachments, list_unsubscribe"

    private static func decode(_ row: any SQLRow) throws -> QueuedMail {
        QueuedMail(
            id: try row.decode(column: "id", as: Int64.self),
            mail: OutgoingMail(
                recipient: EmailAddress(trusted: try row.decode(column: "recipient", as: String.self)),
                subject: try row.decode(column: "subject", as: String.self),
                body: try row.decode(column: "body", as: String.self),
                attachments: try row.decode(column: "attachments", as: String?.self).map {
                    try JSONDecoder().decode([MailAttachment].self, from: Data($0.utf8))
                } ?? [], listUnsubscribe: try row.decode(column: "list_unsubscribe", as: String?.self)),
            attempts: try row.decode(column: "attempts", as: Int.self))
    }

    public func markSent(_ id: Int64, at time: Timestamp = .now) async throws {
        try await database.write { db in
            try await db.raw("""
                UPDATE outbox SET sent_at = \(bind: time.milliseconds), attempts = attempts + 1, last_error = NULL
                WHERE id = \(bind: id)
                """).run()
        }
    }

    /// Records a failed attempt and schedules the next one with exponential back-off.
    public func markFailed(_ id: Int64, attempts: Int, error: String, at time: Timestamp = .now) async throws {
        let delaySeconds = Int64(min(3600, 15 << min(attempts, 8)))
        try await database.write { db in
            try await db.raw("""
                UPDATE outbox SET attempts = attempts + 1, last_error = \(bind: String(error.prefix(500))),
                    next_attempt_at = \(bind: time.milliseconds + delaySeconds * 1000)
                WHERE id = \(bind: id)
                """).run()
        }
    }

    /// Mails not yet delivered (including those given up), for the metrics page and operators.
    public func pendingCount() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NULL").first()!.decode(column: "n", as: Int.self)
        }
    }
}
