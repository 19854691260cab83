import KonventDomain
import SQLKit

/// How often a person wants mail about what happens to their contributions.
public enum NotifyMode: String, CaseIterable, Sendable {
    case immediately, daily, never

    public var catalogKey: String { "account.notify.\(rawValue)" }
}

/// A notification not mailed yet, with its recipient.
public struct PendingNotification: Sendable, Equatable {
    public var id: Int64
    public var recipient: Recipient
    public var mode: NotifyMode
    public var event: TimelineEvent
    public var contributionTitle: String
    /// Further comments folded into this notification.
    public var repeats: Int = 0
}

/// Turns notifications into mails: at once for people who want that, once a day as a digest for the
/// others. The mails and the mark on the notifications are written in one transaction.
public struct NotificationOutbox: Sendable {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    public static let day: Int64 = 86_400_000

    public func mode(of user: UserID) async throws -> NotifyMode {
        try await database.read { db in
            try await db.raw("SELECT notify FROM users WHERE id = \(bind: user.rawValue)").first()
                .flatMap { NotifyMode(rawValue: try $0.decode(column: "notify", as: String.self)) } ?? .immediately
        }
    }

    public func setMode(_ mode: NotifyMode, of user: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            try await db.raw("UPDATE users SET notify = \(bind: mode.rawValue) WHERE id = \(bind: user.rawValue)").run()
            try await AuditTrail.append(
                AuditEvent(actor: user, action: "account.notify_changed", subject: "user:\(user)", detail: mode.rawValue), at: time, in: db)
        }
    }

    /// Writes the mails that are due now; returns how many mails it queued. `compose` writes one
    /// mail for one person's notifications (one for "immediately", several for a digest).
    @discardableResult
    public func queueDue(
        at time: Timestamp, compose: @Sendable (Recipient, NotifyMode, [PendingNotification]) -> OutgoingMail
    ) async throws -> Int {
        try await database.write { db in
            let rows = try await db.raw("""
                SELECT n.id, n.repeats, u.id AS user_id, u.email, u.display_name, u.locale, u.notify, c.title, \(unsafeRaw: Timeline.eventColumns)
                FROM notifications n JOIN users u ON u.id = n.user_id JOIN contribution_events e ON e.id = n.event_id
                JOIN contributions c ON c.id = e.contribution_id
                WHERE n.mailed_at IS NULL ORDER BY n.user_id, n.id LIMIT 1000
                """).all()
            var byUser: [(Recipient, NotifyMode, [PendingNotification])] = []
            for row in rows {
                let recipient = Recipient(
                    id: UserID(try row.decode(column: "user_id", as: Int64.self)),
                    email: EmailAddress(trusted: try row.decode(column: "email", as: String.self)),
                    name: try row.decode(column: "display_name", as: String.self),
                    language: Language(rawValue: try row.decode(column: "locale", as: String.self)) ?? .de)
                let mode = NotifyMode(rawValue: try row.decode(column: "notify", as: String.self)) ?? .immediately
                let pending = PendingNotification(
                    id: try row.decode(column: "id", as: Int64.self), recipient: recipient, mode: mode,
                    event: try Timeline.decodeEvent(row), contributionTitle: try row.decode(column: "title", as: String.self),
                    repeats: try row.decode(column: "repeats", as: Int.self))
                if byUser.last?.0.id == recipient.id { byUser[byUser.count - 1].2.append(pending) } else {
                    byUser.append((recipient, mode, [pending]))
                }
            }
            var queued = 0
            for (recipient, mode, items) in byUser {
                switch mode {
                case .never:
                    break
                case .daily:
                    // A digest goes out once the oldest waiting notification is a day old.
                    guard let oldest = items.map(\.event.createdAt).min(), oldest <= time.milliseconds - Self.day else {
                        continue
                    }
                    fallthrough
                case .immediately:
                    try await Outbox.enqueue(compose(recipient, mode, items), at: time, in: db)
                    queued += 1
                }
                let ids = items.map(\.id)
                try await db.raw("""
                    UPDATE notifications SET mailed_at = \(bind: time.milliseconds) WHERE id IN (\(unsafeRaw: ids.map(String.init).joined(separator: ",")))
                    """).run()
            }
            return queued
        }
    }
}
