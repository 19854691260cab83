import KonventDomain
import SQLKit

public struct SQLModerationStore: ModerationStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    public func follow(_ id: ContributionID, user: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await db.raw("SELECT id FROM contributions WHERE id = \(bind: id.rawValue)").first() != nil else {
                throw StorageError.notFound
            }
            if try await db.raw("""
                SELECT 1 AS ok FROM contribution_follows WHERE contribution_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                """).first() != nil { return }
            try await Self.addFollower(user.rawValue, to: id.rawValue, at: time, in: db)
            try await AuditTrail.append(AuditEvent(actor: user, action: "contribution.followed", subject: "contribution:\(id)"),
                                        at: time, in: db)
        }
    }

    static func addFollower(_ user: Int64, to id: Int64, at time: Timestamp, in db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO contribution_follows (contribution_id, user_id, created_at) VALUES (\(bind: id), \(bind: user), \(bind: time.milliseconds))
            """).run()
        try await db.raw("UPDATE contributions SET followers_count = followers_count + 1 WHERE id = \(bind: id)").run()
    }

    public func unfollow(_ id: ContributionID, user: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await db.raw("""
                DELETE FROM contribution_follows WHERE contribution_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                RETURNING user_id
                """).first() != nil else { return }
            try await db.raw("UPDATE contributions SET followers_count = followers_count - 1 WHERE id = \(bind: id.rawValue)").run()
            try await AuditTrail.append(AuditEvent(actor: user, action: "contribution.unfollowed", subject: "contribution:\(id)"),
                                        at: time, in: db)
        }
    }

    public func isFollowing(_ id: ContributionID, user: UserID) async throws -> Bool {
        try await database.read { db in
            try await db.raw("""
                SELECT 1 AS ok FROM contribution_follows WHERE contribution_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                """).first() != nil
        }
    }

    public func report(_ id: ContributionID, comment: Comment.ID?, by reporter: UserID, reason: String, at time: Timestamp) async throws {
        try await database.write { db in
            if let comment {
                guard try await db.raw("""
                    SELECT id FROM contribution_comments WHERE id = \(bind: comment.rawValue) AND contribution_id = \(bind: id.rawValue)
                    """).first() != nil else { throw StorageError.notFound }
            } else {
                guard try await db.raw("SELECT id FROM contributions WHERE id = \(bind: id.rawValue)").first() != nil else {
                    throw StorageError.notFound
                }
            }
            let target: SQLQueryString = comment.map { "comment_id = \(bind: $0.rawValue)" } ?? "comment_id IS NULL"
            if try await db.raw("""
                SELECT id FROM reports WHERE contribution_id = \(bind: id.rawValue) AND \(target)
                AND reporter_id = \(bind: reporter.rawValue) AND resolved_at IS NULL
                """).first() != nil { throw StorageError.duplicate(field: "report") }
            let reportID = try await db.raw("""
                INSERT INTO reports (contribution_id, comment_id, reporter_id, reason, created_at)
                VALUES (\(bind: id.rawValue), \(bind: comment?.rawValue), \(bind: reporter.rawValue), \(bind: reason), \(bind: time.milliseconds))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditTrail.append(
                AuditEvent(actor: reporter, action: "report.created", subject: "contribution:\(id)",
                           detail: "report:\(reportID)" + (comment.map { " comment:\($0)" } ?? "")), at: time, in: db)
        }
    }

    public func openReports(limit: Int) async throws -> [OpenReport] {
        try await database.read { db in
            try await db.raw("""
                SELECT r.id, r.contribution_id, c.title, r.comment_id, m.body AS comment_body, r.reason, u.display_name, r.created_at
                FROM reports r JOIN contributions c ON c.id = r.contribution_id
                LEFT JOIN contribution_comments m ON m.id = r.comment_id LEFT JOIN users u ON u.id = r.reporter_id
                WHERE r.resolved_at IS NULL ORDER BY r.id LIMIT \(bind: limit)
                """).all().map { row in
                OpenReport(
                    id: try row.decode(column: "id", as: Int64.self),
                    contributionID: ContributionID(try row.decode(column: "contribution_id", as: Int64.self)),
                    contributionTitle: try row.decode(column: "title", as: String.self),
                    commentID: try row.decode(column: "comment_id", as: Int64?.self).map(Comment.ID.init),
                    commentBody: try row.decode(column: "comment_body", as: String?.self),
                    reason: try row.decode(column: "reason", as: String.self),
                    reporterName: try row.decode(column: "display_name", as: String?.self),
                    createdAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
            }
        }
    }

    public func dismissReport(_ report: Int64, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await db.raw("""
                UPDATE reports SET resolved_at = \(bind: time.milliseconds), resolved_by = \(bind: actor.rawValue), resolution = 'dismissed'
                WHERE id = \(bind: report) AND resolved_at IS NULL RETURNING id
                """).first() != nil else { throw StorageError.notFound }
            try await AuditTrail.append(AuditEvent(actor: actor, action: "report.dismissed", subject: "report:\(report)"), at: time, in: db)
        }
    }

    public func awaitingModeration(limit: Int) async throws -> [Contribution] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: SQLContributionStore.columns) \(unsafeRaw: SQLContributionStore.from)
                WHERE c.status = 'submitted' ORDER BY c.created_at, c.id LIMIT \(bind: limit)
                """).all().map(SQLContributionStore.decode)
        }
    }

    public func changeStatus(
        _ id: ContributionID, to status: Contribution.Status, reason: String?, actor: UserID, at time: Timestamp
    ) async throws {
        try await database.write { db in
            guard let row = try await db.raw("SELECT status FROM contributions WHERE id = \(bind: id.rawValue)").first() else {
                throw StorageError.notFound
            }
            let current = Contribution.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted
            guard current.mayChange(to: status) else { throw ModerationRefusal.transition }
            try await db.raw("""
                UPDATE contributions SET status = \(bind: status.rawValue), status_reason = \(bind: reason),
                    listed = \(bind: status.isListed ? 1 : 0), updated_at = \(bind: time.milliseconds)
                WHERE id = \(bind: id.rawValue)
                """).run()
            if status == .hidden { try await Self.closeReports("contribution_id = \(bind: id.rawValue) AND comment_id IS NULL", actor, time, db) }
            try await Timeline.record(.status, on: id.rawValue, status: status, reason: reason, actor: actor, at: time,
                                      notify: try await Timeline.audience(of: id.rawValue, in: db), in: db)
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "contribution.status_changed", subject: "contribution:\(id)",
                           detail: "\(current.rawValue)→\(status.rawValue)" + (reason.map { ": \($0)" } ?? "")), at: time, in: db)
        }
    }

    static func closeReports(_ target: SQLQueryString, _ actor: UserID, _ time: Timestamp, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE reports SET resolved_at = \(bind: time.milliseconds), resolved_by = \(bind: actor.rawValue), resolution = 'hidden'
            WHERE resolved_at IS NULL AND \(target)
            """).run()
    }

    public func merge(
        _ duplicate: ContributionID, into survivor: ContributionID, reason: String?, actor: UserID, at time: Timestamp
    ) async throws {
        try await database.write { db in
            let d = duplicate.rawValue, s = survivor.rawValue
            let rows = try await db.raw("SELECT id, status FROM contributions WHERE id IN (\(bind: d), \(bind: s))").all()
            guard rows.count == 2 || d == s else { throw StorageError.notFound }
            var status: [Int64: Contribution.Status] = [:]
            for row in rows {
                status[try row.decode(column: "id", as: Int64.self)] =
                    Contribution.Status(rawValue: try row.decode(column: "status", as: String.self))
            }
            guard d != s, status[d] != .merged, status[s]?.isListed == true else { throw ModerationRefusal.merge }
            // Tell the duplicate's people before its followers move.
            let audience = try await Timeline.audience(of: d, in: db)
            try await db.raw("""
                INSERT INTO contribution_supports (contribution_id, user_id, created_at)
                SELECT \(bind: s), x.user_id, x.created_at FROM contribution_supports x
                WHERE x.contribution_id = \(bind: d)
                  AND NOT EXISTS (SELECT 1 FROM contribution_supports y WHERE y.contribution_id = \(bind: s) AND y.user_id = x.user_id)
                """).run()
            try await db.raw("DELETE FROM contribution_supports WHERE contribution_id = \(bind: d)").run()
            // The duplicate's author follows the survivor, so that they hear what becomes of it.
            try await db.raw("""
                INSERT INTO contribution_follows (contribution_id, user_id, created_at)
                SELECT \(bind: s), p.user_id, \(bind: time.milliseconds) FROM (
                    SELECT user_id FROM contribution_follows WHERE contribution_id = \(bind: d)
                    UNION SELECT author_id AS user_id FROM contributions WHERE id = \(bind: d) AND author_id IS NOT NULL
                ) p
                WHERE NOT EXISTS (SELECT 1 FROM contribution_follows y WHERE y.contribution_id = \(bind: s) AND y.user_id = p.user_id)
                  AND p.user_id <> COALESCE((SELECT author_id FROM contributions WHERE id = \(bind: s)), 0)
                """).run()
            try await db.raw("DELETE FROM contribution_follows WHERE contribution_id = \(bind: d)").run()
            try await db.raw("""
                UPDATE contributions SET
                    supports_count = (SELECT COUNT(*) FROM contribution_supports WHERE contribution_id = \(bind: s)),
                    followers_count = (SELECT COUNT(*) FROM contribution_follows WHERE contribution_id = \(bind: s)),
                    updated_at = \(bind: time.milliseconds)
                WHERE id = \(bind: s)
                """).run()
            try await db.raw("""
                UPDATE contributions SET status = 'merged', status_reason = \(bind: reason), merged_into_id = \(bind: s), listed = 0,
                    supports_count = 0, followers_count = 0, updated_at = \(bind: time.milliseconds)
                WHERE id = \(bind: d)
                """).run()
            try await Timeline.record(.mergedInto, on: d, status: .merged, reason: reason, related: s, actor: actor, at: time,
                                      notify: audience, in: db)
            try await Timeline.record(.mergedFrom, on: s, reason: reason, related: d, actor: actor, at: time, notify: [], in: db)
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "contribution.merged", subject: "contribution:\(d)", detail: "into:\(s)"),
                at: time, in: db)
        }
    }

    public func hideComment(_ comment: Comment.ID, reason: String, actor: UserID, at time: Timestamp) async throws -> ContributionID {
        try await database.write { db in
            guard let row = try await db.raw("""
                UPDATE contribution_comments SET hidden_reason = \(bind: reason) WHERE id = \(bind: comment.rawValue)
                RETURNING contribution_id, author_id
                """).first() else { throw StorageError.notFound }
            let contribution = try row.decode(column: "contribution_id", as: Int64.self)
            let author = try row.decode(column: "author_id", as: Int64?.self)
            try await Self.closeReports("comment_id = \(bind: comment.rawValue)", actor, time, db)
            try await Timeline.record(.commentHidden, on: contribution, reason: reason, related: comment.rawValue, actor: actor,
                                      at: time, notify: Set([author].compactMap { $0 }), in: db)
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "comment.hidden", subject: "contribution:\(contribution)",
                           detail: "comment:\(comment): \(reason)"), at: time, in: db)
            return ContributionID(contribution)
        }
    }

    public func editComment(
        _ comment: Comment.ID, body: String, author: UserID, window: Int64, at time: Timestamp
    ) async throws -> ContributionID {
        try await database.write { db in
            guard let row = try await Self.ownComment(comment, author, db) else { throw StorageError.notFound }
            guard try row.decode(column: "created_at", as: Int64.self) >= time.milliseconds - window else { throw ModerationRefusal.tooLate }
            let contribution = try row.decode(column: "contribution_id", as: Int64.self)
            try await db.raw("""
                UPDATE contribution_comments SET body = \(bind: body), edited_at = \(bind: time.milliseconds) WHERE id = \(bind: comment.rawValue)
                """).run()
            try await AuditTrail.append(
                AuditEvent(actor: author, action: "comment.edited", subject: "contribution:\(contribution)", detail: "comment:\(comment)"),
                at: time, in: db)
            return ContributionID(contribution)
        }
    }

    public func deleteComment(_ comment: Comment.ID, author: UserID, at time: Timestamp) async throws -> ContributionID {
        try await database.write { db in
            guard let row = try await Self.ownComment(comment, author, db) else { throw StorageError.notFound }
            let contribution = try row.decode(column: "contribution_id", as: Int64.self)
            // The text goes; a marker keeps the thread readable.
            try await db.raw("""
                UPDATE contribution_comments SET body = '', deleted_at = \(bind: time.milliseconds) WHERE id = \(bind: comment.rawValue)
                """).run()
            try await db.raw("UPDATE contributions SET comments_count = comments_count - 1 WHERE id = \(bind: contribution)").run()
            try await AuditTrail.append(
                AuditEvent(actor: author, action: "comment.deleted", subject: "contribution:\(contribution)", detail: "comment:\(comment)"),
                at: time, in: db)
            return ContributionID(contribution)
        }
    }

    /// The comment when `author` wrote it and it is neither deleted nor hidden.
    static func ownComment(_ comment: Comment.ID, _ author: UserID, _ db: any SQLDatabase) async throws -> (any SQLRow)? {
        try await db.raw("""
            SELECT contribution_id, created_at FROM contribution_comments
            WHERE id = \(bind: comment.rawValue) AND author_id = \(bind: author.rawValue) AND deleted_at IS NULL AND hidden_reason IS NULL
            """).first()
    }

    public func timeline(_ id: ContributionID) async throws -> [TimelineEvent] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Timeline.eventColumns) FROM contribution_events e
                WHERE e.contribution_id = \(bind: id.rawValue) AND e.kind <> 'commented' ORDER BY e.id LIMIT 500
                """).all().map(Timeline.decodeEvent)
        }
    }

    public func notifications(of user: UserID, limit: Int) async throws -> [ContributionNotification] {
        try await database.read { db in
            try await db.raw("""
                SELECT n.id, n.repeats, c.title, COALESCE(r.title, ms.code || ' ' || ms.title) AS related_title, \(unsafeRaw: Timeline.eventColumns)
                FROM notifications n JOIN contribution_events e ON e.id = n.event_id JOIN contributions c ON c.id = e.contribution_id
                LEFT JOIN contributions r ON r.id = e.related_id AND e.kind IN ('merged_into', 'merged_from')
                LEFT JOIN measures ms ON ms.id = e.related_id AND e.kind IN ('measure', 'progress')
                WHERE n.user_id = \(bind: user.rawValue) ORDER BY n.id DESC LIMIT \(bind: limit)
                """).all().map { row in
                ContributionNotification(
                    id: try row.decode(column: "id", as: Int64.self), event: try Timeline.decodeEvent(row),
                    contributionTitle: try row.decode(column: "title", as: String.self),
                    relatedTitle: try row.decode(column: "related_title", as: String?.self),
                    repeats: try row.decode(column: "repeats", as: Int.self))
            }
        }
    }
}
