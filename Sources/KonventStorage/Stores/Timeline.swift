import KonventDomain
import SQLKit

/// Writes timeline events and the notifications that go with them, inside the caller's transaction.
enum Timeline {
    static let eventColumns = "e.id AS event_id, e.contribution_id, e.kind AS event_kind, e.status AS event_status, e.reason, e.related_id, e.created_at AS event_at, e.detail"

    @discardableResult
    static func record(
        _ kind: TimelineEvent.Kind, on contribution: Int64, status: Contribution.Status? = nil, reason: String? = nil,
        related: Int64? = nil, detail: String? = nil, actor: UserID?, at time: Timestamp, notify recipients: Set<Int64>,
        in db: any SQLDatabase
    ) async throws -> Int64 {
        let id = try await db.raw("""
            INSERT INTO contribution_events (contribution_id, kind, status, reason, related_id, actor_id, created_at, detail)
            VALUES (\(bind: contribution), \(bind: kind.rawValue), \(bind: status?.rawValue), \(bind: reason), \(bind: related),
                    \(bind: actor?.rawValue), \(bind: time.milliseconds), \(bind: detail))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        // Nobody is told about what they did themselves.
        for recipient in recipients.subtracting(actor.map { [$0.rawValue] } ?? []).sorted() {
            // Comments on one contribution that wait for the same mail become one line with a count.
            if kind == .commented, try await db.raw("""
                UPDATE notifications SET repeats = repeats + 1
                WHERE user_id = \(bind: recipient) AND contribution_id = \(bind: contribution) AND kind = \(bind: kind.rawValue)
                  AND mailed_at IS NULL
                RETURNING id
                """).first() != nil { continue }
            try await db.raw("""
                INSERT INTO notifications (user_id, event_id, created_at, contribution_id, kind)
                VALUES (\(bind: recipient), \(bind: id), \(bind: time.milliseconds), \(bind: contribution), \(bind: kind.rawValue))
                """).run()
        }
        return id
    }

    /// The author and every follower of a contribution.
    static func audience(of contribution: Int64, in db: any SQLDatabase) async throws -> Set<Int64> {
        var people = Set<Int64>()
        if let author = try await db.raw("SELECT author_id FROM contributions WHERE id = \(bind: contribution)").first()?
            .decode(column: "author_id", as: Int64?.self) {
            people.insert(author)
        }
        for row in try await db.raw("SELECT user_id FROM contribution_follows WHERE contribution_id = \(bind: contribution)").all() {
            people.insert(try row.decode(column: "user_id", as: Int64.self))
        }
        return people
    }

    static func decodeEvent(_ row: any SQLRow) throws -> TimelineEvent {
        TimelineEvent(
            id: try row.decode(column: "event_id", as: Int64.self),
            contributionID: ContributionID(try row.decode(column: "contribution_id", as: Int64.self)),
            kind: TimelineEvent.Kind(rawValue: try row.decode(column: "event_kind", as: String.self)) ?? .status,
            status: try row.decode(column: "event_status", as: String?.self).flatMap(Contribution.Status.init(rawValue:)),
            reason: try row.decode(column: "reason", as: String?.self),
            relatedID: try row.decode(column: "related_id", as: Int64?.self),
            createdAt: try row.decode(column: "event_at", as: Int64.self),
            detail: try row.decode(column: "detail", as: String?.self))
    }
}
