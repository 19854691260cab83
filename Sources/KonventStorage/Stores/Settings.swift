import KonventDomain
import SQLKit

/// Installation-wide values kept in the database, so that several server instances agree on them.
public struct Settings: Sendable {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    /// Returns the stored value, storing `make()` first if there is none yet.
    public func value(_ key: String, orInsert make: @Sendable () -> String) async throws -> String {
        try await database.write { db in
            if let existing = try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first() {
                return try existing.decode(column: "value", as: String.self)
            }
            // Another instance may insert at the same moment; whichever value landed first wins.
            try await db.raw("""
                INSERT INTO settings (key, value) VALUES (\(bind: key), \(bind: make())) ON CONFLICT (key) DO NOTHING
                """).run()
            return try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()!
                .decode(column: "value", as: String.self)
        }
    }

    public func value(_ key: String) async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self)
        }
    }

    /// Stores a setting that people change (not the secrets above), with its audit entry.
    public func set(_ key: String, to value: String, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO settings (key, value) VALUES (\(bind: key), \(bind: value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """).run()
            try await AuditTrail.append(AuditEvent(actor: actor, action: "setting.changed", subject: "setting:\(key)", detail: value),
                                        at: time, in: db)
        }
    }
}
