import Foundation
import Logging
import SQLKit

/// Applies the migrations a database has not seen yet, each in its own transaction, and records them.
public struct Migrator: Sendable {
    let database: any KonventDatabase
    let migrations: [Migration]
    let logger: Logger

    public init(database: any KonventDatabase, migrations: [Migration] = Migrations.all, logger: Logger) {
        self.database = database
        self.migrations = migrations
        self.logger = logger
    }

    /// Returns the versions applied by this call. Several instances may start together on one
    /// database: each step runs under the migration lock (a PostgreSQL advisory lock per schema,
    /// SQLite's write lock) and looks again at what is applied once it holds it, so that the later
    /// ones wait and then find the schema current.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await locked { db in
            try await db.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """).run()
        }
        let applied = try await appliedVersions()
        if let newest = applied.max(), newest > (migrations.last?.version ?? 0) {
            throw MigrationError.databaseIsNewer(database: newest, code: migrations.last?.version ?? 0)
        }
        var done: [Int] = []
        let dialect = SchemaDialect(kind: database.kind)
        for migration in migrations where !applied.contains(migration.version) {
            let ran = try await locked { db in
                guard try await db.raw("SELECT 1 AS ok FROM schema_migrations WHERE version = \(bind: migration.version)").first() == nil
                else { return false }
                for statement in migration.statements(dialect) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("""
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Timestamp.now.milliseconds))
                    """).run()
                return true
            }
            guard ran else { continue }
            logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            done.append(migration.version)
        }
        if database.kind == .sqlite {
            // Without statistics SQLite may read a whole table through the wrong index; PostgreSQL's
            // autovacuum keeps its own. Bounded, so that a start stays quick on a large database.
            try await database.write { db in
                try await db.raw("PRAGMA analysis_limit = 1000").run()
                try await db.raw("PRAGMA optimize = 0x10002").run()
            }
        }
        return done
    }

    /// One transaction under the migration lock. SQLite's writer transaction (`BEGIN IMMEDIATE`)
    /// is that lock already; PostgreSQL takes an advisory lock that the transaction's end releases.
    private func locked<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let kind = database.kind
        return try await database.write { db in
            if kind == .postgres {
                try await db.raw("SELECT pg_advisory_xact_lock(hashtext('konvent.migrate.' || current_schema()))").run()
            }
            return try await body(db)
        }
    }

    public func appliedVersions() async throws -> Set<Int> {
        try await database.read { db in
            Set(try await db.raw("SELECT version FROM schema_migrations").all().map { try $0.decode(column: "version", as: Int.self) })
        }
    }

    /// The newest applied version, or 0 for an empty database.
    public func currentVersion() async throws -> Int {
        try await appliedVersions().max() ?? 0
    }
}

public enum MigrationError: Error, CustomStringConvertible {
    case databaseIsNewer(database: Int, code: Int)

    public var description: String {
        switch self {
        case .databaseIsNewer(let database, let code):
            "The database has schema version \(database), but this Konvent only knows up to \(code). Use a newer Konvent."
        }
    }
}
