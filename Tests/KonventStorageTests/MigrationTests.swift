import KonventStorage
import KonventTestSupport
import SQLKit
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("apply once, record every version, and do nothing the second time", arguments: TestDatabase.available)
    func appliesOnce(database: TestDatabase) async throws {
        try await database.with(migrated: false) { db in
            let migrator = Migrator(database: db, logger: TestDatabase.logger)
            let first = try await migrator.migrate()
            #expect(first == Migrations.all.map(\.version))
            #expect(try await migrator.migrate().isEmpty)
            #expect(try await migrator.currentVersion() == Migrations.latestVersion)
        }
    }

    /// SQLite is left to the command line test, with separate processes as real instances are: its
    /// handles in one process share one small thread pool, in which a writer waiting for the lock
    /// can starve the one holding it.
    @Test("several instances migrating one empty PostgreSQL database together: all succeed, each migration runs once",
          arguments: TestDatabase.available.filter { $0 == .postgres })
    func concurrentMigrators(database: TestDatabase) async throws {
        try await database.withHandles(4) { handles in
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for handle in handles {
                    group.addTask { try await Migrator(database: handle, logger: TestDatabase.logger).migrate() }
                }
                return try await group.reduce(into: [[Int]]()) { $0.append($1) }
            }
            #expect(applied.flatMap { $0 }.sorted() == Migrations.all.map(\.version))
            for handle in handles {
                #expect(try await Migrator(database: handle, logger: TestDatabase.logger).currentVersion() == Migrations.latestVersion)
            }
            let rows = try await handles[0].read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()!.decode(column: "n", as: Int.self)
            }
            #expect(rows == Migrations.all.count)
        }
    }

    @Test("refuse a database newer than the code", arguments: TestDatabase.available)
    func refusesNewerDatabase(database: TestDatabase) async throws {
        try await database.with { db in
            try await db.write { try await $0.raw("INSERT INTO schema_migrations VALUES (999, 'future', 0)").run() }
            await #expect(throws: MigrationError.self) {
                try await Migrator(database: db, logger: TestDatabase.logger).migrate()
            }
        }
    }

    @Test("a failing write leaves nothing behind", arguments: TestDatabase.available)
    func rollsBack(database: TestDatabase) async throws {
        struct Boom: Error {}
        try await database.with { db in
            await #expect(throws: Boom.self) {
                try await db.write { tx in
                    try await tx.raw("INSERT INTO settings (key, value) VALUES ('half', 'done')").run()
                    throw Boom()
                }
            }
            let count = try await db.read {
                try await $0.raw("SELECT COUNT(*) AS n FROM settings WHERE key = 'half'").first()!.decode(column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }

    @Test("SQLite runs with WAL and foreign keys on")
    func sqlitePragmas() async throws {
        try await TestDatabase.sqlite.with { db in
            let (journal, foreignKeys) = try await db.write { tx in
                (try await tx.raw("PRAGMA journal_mode").first()!.decode(column: "journal_mode", as: String.self),
                 try await tx.raw("PRAGMA foreign_keys").first()!.decode(column: "foreign_keys", as: Int.self))
            }
            #expect(journal.lowercased() == "wal")
            #expect(foreignKeys == 1)
        }
    }
}

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test func parsesTheThreeForms() throws {
        #expect(try DatabaseURL("sqlite:konvent.sqlite") == .sqliteFile(path: "konvent.sqlite"))
        #expect(try DatabaseURL("sqlite::memory:") == .sqliteMemory)
        #expect(try DatabaseURL("postgres://k:s%40cret@db.example:5433/konvent") ==
            .postgres(host: "db.example", port: 5433, user: "k", password: "s@cret", database: "konvent", requireTLS: false))
        #expect(try DatabaseURL("postgresql://k@localhost/konvent?sslmode=require") ==
            .postgres(host: "localhost", port: 5432, user: "k", password: nil, database: "konvent", requireTLS: true))
    }

    @Test(arguments: ["", "mysql://x@y/z", "sqlite:", "postgres://localhost/db", "postgres://u@host/", "postgres://u:pw@host:99999/db"])
    func rejectsMalformed(_ text: String) {
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(text) }
    }

    @Test func neverEchoesThePassword() {
        do {
            _ = try DatabaseURL("postgres://user:topsecret@host/")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("topsecret"))
            #expect(error.description.contains("database name"))
        }
    }
}
