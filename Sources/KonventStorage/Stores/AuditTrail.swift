import Crypto
import Foundation
import KonventDomain
import SQLKit

/// One recorded state change: who did what to which subject, and when.
public struct AuditEvent: Sendable, Equatable {
    public var actor: UserID?
    public var action: String
    public var subject: String
    public var detail: String

    public init(actor: UserID?, action: String, subject: String, detail: String = "") {
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Timestamp
    public var event: AuditEvent
    public var previousHash: String
    public var hash: String
}

/// The append-only, hash-chained record of every state change. Each entry's hash covers its own
/// content and the previous entry's hash, so that editing or deleting any entry breaks the chain
/// from there on.
public enum AuditTrail {
    /// Appends inside the caller's transaction, so that the change and its record commit together.
    public static func append(_ event: AuditEvent, at time: Timestamp = .now, in db: any SQLDatabase) async throws {
        let lock = db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        guard let head = try await db.raw("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1\(unsafeRaw: lock)").first() else {
            throw StorageError.corrupt("audit_head row missing")
        }
        let previous = try head.decode(column: "last_hash", as: String.self)
        let hash = Self.hash(event, at: time, previous: previous)
        let id = try await db.raw("""
            INSERT INTO audit_log (at, actor_id, action, subject, detail, previous_hash, hash)
            VALUES (\(bind: time.milliseconds), \(bind: event.actor?.rawValue), \(bind: event.action),
                    \(bind: event.subject), \(bind: event.detail), \(bind: previous), \(bind: hash))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        try await db.raw("UPDATE audit_head SET last_id = \(bind: id), last_hash = \(bind: hash) WHERE singleton = 1").run()
    }

    static func hash(_ event: AuditEvent, at time: Timestamp, previous: String) -> String {
        // Length-prefixed fields, so that moving text from one field into the next changes the hash.
        var data = Data()
        for field in [previous, String(time.milliseconds), event.actor.map { String($0.rawValue) } ?? "", event.action,
                      event.subject, event.detail] {
            let bytes = Data(field.utf8)
            data.append(contentsOf: "\(bytes.count):".utf8)
            data.append(bytes)
        }
        return SHA256.hash(data: data).hexString
    }

    /// Walks the chain in order and returns the id of the first entry that does not fit, or nil.
    public static func verify(in database: any KonventDatabase, batchSize: Int = 1000) async throws -> AuditVerification {
        var previous = ""
        var after: Int64 = 0
        var checked = 0
        while true {
            let batch = try await entries(after: after, limit: batchSize, in: database)
            for entry in batch {
                let expected = hash(entry.event, at: entry.at, previous: previous)
                if entry.previousHash != previous || entry.hash != expected {
                    return AuditVerification(checked: checked, firstBrokenID: entry.id)
                }
                previous = entry.hash
                checked += 1
            }
            guard let last = batch.last else { break }
            after = last.id
        }
        let head = try await database.read { db in
            try await db.raw("SELECT last_hash FROM audit_head WHERE singleton = 1").first()?
                .decode(column: "last_hash", as: String.self)
        }
        if head != previous { return AuditVerification(checked: checked, firstBrokenID: after + 1) }
        return AuditVerification(checked: checked, firstBrokenID: nil)
    }

    public static func entries(after: Int64, limit: Int, in database: any KonventDatabase) async throws -> [AuditEntry] {
        try await database.read { db in
            try await db.raw("""
                SELECT id, at, actor_id, action, subject, detail, previous_hash, hash FROM audit_log
                WHERE id > \(bind: after) ORDER BY id LIMIT \(bind: limit)
                """).all().map(decodeEntry)
        }
    }
}

public struct AuditVerification: Sendable, Equatable {
    public var checked: Int
    public var firstBrokenID: Int64?
    public var isIntact: Bool { firstBrokenID == nil }
}

public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    case corrupt(String)
    case duplicate(field: String)
    case notFound
    /// The change is not allowed in the state the data is in (checked again inside the transaction).
    case refused(String)

    public var description: String {
        switch self {
        case .corrupt(let what): "the database is inconsistent: \(what)"
        case .duplicate(let field): "a record with this \(field) exists already"
        case .notFound: "not found"
        case .refused(let why): "refused: \(why)"
        }
    }
}
