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
    /// mail for one person's news (one for "immediately", several for a digest).
    @discardableResult
    public func queueDue(at time: Timestamp, compose: @Sendable (Recipient, NotifyMode, PendingNews) -> OutgoingMail) async throws -> Int {
        try await database.write { db in
            var news: [Int64: (Recipient, NotifyMode, PendingNews)] = [:]
            for row in try await db.raw("""
                SELECT n.id, n.repeats, \(unsafeRaw: Self.userColumns), c.title, \(unsafeRaw: Timeline.eventColumns)
                FROM notifications n JOIN users u ON u.id = n.user_id JOIN contribution_events e ON e.id = n.event_id
                JOIN contributions c ON c.id = e.contribution_id
                WHERE n.mailed_at IS NULL ORDER BY n.user_id, n.id LIMIT 1000
                """).all() {
                let (recipient, mode) = try Self.recipient(row)
                let pending = PendingNotification(
                    id: try row.decode(column: "id", as: Int64.self), recipient: recipient, mode: mode,
                    event: try Timeline.decodeEvent(row), contributionTitle: try row.decode(column: "title", as: String.self),
                    repeats: try row.decode(column: "repeats", as: Int.self))
                news[recipient.id.rawValue, default: (recipient, mode, PendingNews())].2.contributions.append(pending)
            }
            for row in try await db.raw("""
                SELECT \(unsafeRaw: Self.userColumns), \(unsafeRaw: MeasureFollowers.noticeColumns)
                FROM measure_notices n JOIN users u ON u.id = n.user_id JOIN measures m ON m.id = n.measure_id
                WHERE n.mailed_at IS NULL ORDER BY n.user_id, n.id LIMIT 1000
                """).all() {
                let (recipient, mode) = try Self.recipient(row)
                news[recipient.id.rawValue, default: (recipient, mode, PendingNews())].2.measures.append(try MeasureFollowers.decodeNotice(row))
            }
            var queued = 0
            for user in news.keys.sorted() {
                guard let (recipient, mode, items) = news[user] else { continue }
                switch mode {
                case .never:
                    break
                case .daily:
                    // A digest goes out once the oldest waiting notification is a day old.
                    guard let oldest = items.oldest, oldest <= time.milliseconds - Self.day else { continue }
                    fallthrough
                case .immediately:
                    try await Outbox.enqueue(compose(recipient, mode, items), at: time, in: db)
                    queued += 1
                }
                try await Self.markMailed("notifications", items.contributions.map(\.id), at: time, in: db)
                try await Self.markMailed("measure_notices", items.measures.map(\.id), at: time, in: db)
            }
            return queued
        }
    }

    static let userColumns = "u.id AS user_id, u.email, u.display_name, u.locale, u.notify"

    static func recipient(_ row: any SQLRow) throws -> (Recipient, NotifyMode) {
        let recipient = Recipient(
            id: UserID(try row.decode(column: "user_id", as: Int64.self)),
            email: EmailAddress(trusted: try row.decode(column: "email", as: String.self)),
            name: try row.decode(column: "display_name", as: String.self),
            language: Language(rawValue: try row.decode(column: "locale", as: String.self)) ?? .de)
        return (recipient, NotifyMode(rawValue: try row.decode(column: "notify", as: String.self)) ?? .immediately)
    }

    static func markMailed(_ table: String, _ ids: [Int64], at time: Timestamp, in db: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        try await db.raw("""
            UPDATE \(unsafeRaw: table) SET mailed_at = \(bind: time.milliseconds) WHERE id IN (\(unsafeRaw: ids.map(String.init).joined(separator: ",")))
            """).run()
    }
}

/// One person's news waiting for mail: about their contributions and about the measures they follow.
public struct PendingNews: Sendable, Equatable {
    public var contributions: [PendingNotification] = []
    public var measures: [MeasureNotice] = []

    public init(contributions: [PendingNotification] = [], measures: [MeasureNotice] = []) {
        self.contributions = contributions
        self.measures = measures
    }

    /// When the oldest of it happened (milliseconds since 1970).
    var oldest: Int64? { (contributions.map(\.event.createdAt) + measures.map(\.createdAt)).min() }
}
