import KonventDomain
import SQLKit

/// Following a measure: its followers hear of its stages, decisions and published progress.
extension SQLMeasureStore {
    public func follow(_ id: MeasureID, user: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await db.raw("SELECT id FROM measures WHERE id = \(bind: id.rawValue)").first() != nil else {
                throw StorageError.notFound
            }
            guard try await db.raw("""
                INSERT INTO measure_follows (measure_id, user_id, created_at)
                VALUES (\(bind: id.rawValue), \(bind: user.rawValue), \(bind: time.milliseconds))
                ON CONFLICT DO NOTHING RETURNING user_id
                """).first() != nil else { return }
            try await AuditTrail.append(AuditEvent(actor: user, action: "measure.followed", subject: "measure:\(id)"), at: time, in: db)
        }
    }

    public func unfollow(_ id: MeasureID, user: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await db.raw("""
                DELETE FROM measure_follows WHERE measure_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                RETURNING user_id
                """).first() != nil else { return }
            try await AuditTrail.append(AuditEvent(actor: user, action: "measure.unfollowed", subject: "measure:\(id)"), at: time, in: db)
        }
    }

    public func isFollowing(_ id: MeasureID, user: UserID) async throws -> Bool {
        try await database.read { db in
            try await db.raw("""
                SELECT 1 AS ok FROM measure_follows WHERE measure_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                """).first() != nil
        }
    }

    /// The measures a person follows, the latest followed first.
    public func followed(by user: UserID, limit: Int) async throws -> [MeasureHeadline] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.headlineColumns) FROM measure_follows f JOIN measures m ON m.id = f.measure_id
                WHERE f.user_id = \(bind: user.rawValue) ORDER BY f.created_at DESC, m.id DESC LIMIT \(bind: limit)
                """).all().map(Self.headline)
        }
    }

    /// What a person was told about the measures they follow, the latest first.
    public func notices(of user: UserID, limit: Int) async throws -> [MeasureNotice] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: MeasureFollowers.noticeColumns) FROM measure_notices n JOIN measures m ON m.id = n.measure_id
                WHERE n.user_id = \(bind: user.rawValue) ORDER BY n.id DESC LIMIT \(bind: limit)
                """).all().map(MeasureFollowers.decodeNotice)
        }
    }
}

/// Writes the notices for a measure's followers, inside the caller's transaction.
enum MeasureFollowers {
    static let noticeColumns = "n.id AS notice_id, n.measure_id, m.code, m.title, n.kind, n.detail, n.reason, n.created_at AS notice_at"

    /// Tells every follower except the actor. People who hear of it on the timeline of a source
    /// contribution (its author and followers) are told there, and not twice.
    static func tell(
        _ measure: MeasureID, _ kind: MeasureNotice.Kind, detail: String, reason: String?, actor: UserID, at time: Timestamp,
        in db: any SQLDatabase
    ) async throws {
        try await db.raw("""
            INSERT INTO measure_notices (user_id, measure_id, kind, detail, reason, created_at)
            SELECT f.user_id, f.measure_id, \(bind: kind.rawValue), \(bind: detail), \(bind: reason), \(bind: time.milliseconds)
            FROM measure_follows f
            WHERE f.measure_id = \(bind: measure.rawValue) AND f.user_id <> \(bind: actor.rawValue)
              AND NOT EXISTS (
                SELECT 1 FROM measure_sources s JOIN contributions c ON c.id = s.contribution_id
                WHERE s.measure_id = f.measure_id AND c.author_id = f.user_id)
              AND NOT EXISTS (
                SELECT 1 FROM measure_sources s JOIN contribution_follows cf ON cf.contribution_id = s.contribution_id
                WHERE s.measure_id = f.measure_id AND cf.user_id = f.user_id)
            """).run()
    }

    static func decodeNotice(_ row: any SQLRow) throws -> MeasureNotice {
        MeasureNotice(
            id: try row.decode(column: "notice_id", as: Int64.self),
            measureID: MeasureID(try row.decode(column: "measure_id", as: Int64.self)),
            code: try row.decode(column: "code", as: String.self), title: try row.decode(column: "title", as: String.self),
            kind: MeasureNotice.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .state,
            detail: try row.decode(column: "detail", as: String.self), reason: try row.decode(column: "reason", as: String?.self),
            createdAt: try row.decode(column: "notice_at", as: Int64.self))
    }
}
