import KonventDomain
import SQLKit

/// What the administrator looks for in the audit trail: who, what, on which subject, and when.
public struct AuditQuery: Sendable, Equatable {
    public var actor: UserID?
    public var action: String?
    public var subject: String?
    /// Milliseconds, inclusive lower and exclusive upper bound.
    public var from: Int64?
    public var until: Int64?
    /// The id of the last (oldest) entry already shown: pages go back in time by key.
    public var before: Int64?
    public var limit = 50

    public init() {}
}

extension AuditTrail {
    /// Entries newest first, each filter on an index that leads with its column and ends with the id.
    public static func search(_ query: AuditQuery, in database: any KonventDatabase) async throws -> (items: [AuditEntry], next: Int64?) {
        var conditions: [SQLQueryString] = []
        if let actor = query.actor { conditions.append("actor_id = \(bind: actor.rawValue)") }
        if let action = query.action { conditions.append("action = \(bind: action)") }
        if let subject = query.subject { conditions.append("subject = \(bind: subject)") }
        if let from = query.from { conditions.append("at >= \(bind: from)") }
        if let until = query.until { conditions.append("at < \(bind: until)") }
        if let before = query.before { conditions.append("id < \(bind: before)") }
        let limit = max(1, min(query.limit, 200))
        var sql: SQLQueryString = "SELECT id, at, actor_id, action, subject, detail, previous_hash, hash FROM audit_log"
        if !conditions.isEmpty { sql = sql + " WHERE " + conditions.joined(separator: " AND ") }
        sql = sql + " ORDER BY id DESC LIMIT \(bind: limit + 1)"
        let statement = sql
        let rows = try await database.read { db in try await db.raw(statement).all().map(decodeEntry) }
        return (Array(rows.prefix(limit)), rows.count > limit ? rows[limit - 1].id : nil)
    }

    /// The actions recorded so far, for the filter's choices.
    public static func actions(in database: any KonventDatabase) async throws -> [String] {
        try await database.read { db in
            try await db.raw("SELECT DISTINCT action FROM audit_log ORDER BY action").all().map { try $0.decode(column: "action", as: String.self) }
        }
    }

    static func decodeEntry(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(
            id: try row.decode(column: "id", as: Int64.self),
            at: Timestamp(milliseconds: try row.decode(column: "at", as: Int64.self)),
            event: AuditEvent(
                actor: try row.decode(column: "actor_id", as: Int64?.self).map(UserID.init),
                action: try row.decode(column: "action", as: String.self),
                subject: try row.decode(column: "subject", as: String.self),
                detail: try row.decode(column: "detail", as: String.self)),
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }
}
