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
}
