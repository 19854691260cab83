import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import SQLKit
import Synchronization
import Testing

@Suite("Backups")
struct BackupTests {
    @Test("a backup taken under write load holds every write acknowledged before it, verifies, and restores to a working database",
          arguments: TestDatabase.available)
    func underLoad(database: TestDatabase) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-backup-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await database.withHandles(1) { handles, location in
            let db = handles[0]
            try await Migrator(database: db, logger: TestDatabase.logger).migrate()
            let store = SQLContributionStore(database: db)
            let anna = try await person(SQLAccountStore(database: db), "anna@example.org")
            let acknowledged = Mutex<[ContributionID]>([])
            let writing = Atomic(true)
            let writer = Task {
                var count = 0
                while writing.load(ordering: .relaxed) {
                    count += 1
                    let id = try await store.create(draft("Beitrag \(count)", "Ein Beitrag, geschrieben während der Sicherung."),
                                                    author: anna.id, at: .now, status: .published)
                    acknowledged.withLock { $0.append(id) }
                }
            }
            while acknowledged.withLock({ $0.count }) < 20 { try await Task.sleep(for: .milliseconds(5)) }
            let before = acknowledged.withLock { $0 }
            try await Backup.create(of: location.url, to: file, schema: location.schema, logger: TestDatabase.logger)
            writing.store(false, ordering: .relaxed)
            try await writer.value
            let during = acknowledged.withLock { $0.count } - before.count
            #expect(during > 0, "the writer kept writing while the backup ran")

            // A backup never overwrites a file.
            await #expect(throws: BackupError.self) {
                try await Backup.create(of: location.url, to: file, schema: location.schema, logger: TestDatabase.logger)
            }

            if database == .sqlite {
                let report = try await Backup.verify(file, logger: TestDatabase.logger)
                #expect(report.isSound && report.audit?.isIntact == true)
                #expect(report.schemaVersion == Migrations.latestVersion)
                #expect(report.rows["contributions"]! >= before.count)
            } else {
                #expect(try await Backup.verify(file, logger: TestDatabase.logger).integrity == "ok")
            }

            // Restore in place of the database, as an operator would after losing it.
            await db.shutdown()
            switch location.url {
            case .sqliteFile(let path):
                try Data("not a database any more".utf8).write(to: URL(fileURLWithPath: path))
            default:
                let admin = try await DatabaseFactory.open(location.url, logger: TestDatabase.logger)
                try await admin.write { try await $0.raw("DROP SCHEMA \(unsafeRaw: location.schema!) CASCADE").run() }
                await admin.shutdown()
            }
            try await Backup.restore(file, into: location.url, logger: TestDatabase.logger)
            let restored = try await DatabaseFactory.open(location.url, logger: TestDatabase.logger, postgresSchema: location.schema)
            do {
                let ids = try await restored.read { sql in
                    try await sql.raw("SELECT id FROM contributions").all().map { ContributionID(try $0.decode(column: "id", as: Int64.self)) }
                }
                #expect(Set(before).isSubset(of: Set(ids)))
                #expect(try await AuditTrail.verify(in: restored).isIntact)
                #expect(try await Migrator(database: restored, logger: TestDatabase.logger).migrate().isEmpty)
                // The restored installation takes writes again, and its chain goes on.
                _ = try await SQLContributionStore(database: restored).create(
                    draft("Nach der Wiederherstellung", "Ein Beitrag nach der Wiederherstellung."), author: anna.id, at: .now, status: .published)
                #expect(try await AuditTrail.verify(in: restored).isIntact)
                await restored.shutdown()
            } catch {
                await restored.shutdown()
                throw error
            }
        }
    }

    @Test("verify names a damaged backup, and a file that is no backup at all")
    func damaged() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-backup-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await TestDatabase.sqlite.withHandles(1) { handles, location in
            try await Migrator(database: handles[0], logger: TestDatabase.logger).migrate()
            let store = SQLContributionStore(database: handles[0])
            let anna = try await person(SQLAccountStore(database: handles[0]), "anna@example.org")
            for index in 0..<3 {
                _ = try await store.create(draft("Beitrag \(index)", "Ein Beitrag mit genug Text darin."), author: anna.id, at: .now, status: .published)
            }
            try await Backup.create(of: location.url, to: file, logger: TestDatabase.logger)
        }
        // An entry of the audit trail changed after the fact breaks the chain the backup carries.
        let tampered = try await DatabaseFactory.open(.sqliteFile(path: file), logger: TestDatabase.logger)
        try await tampered.write { try await $0.raw("UPDATE audit_log SET detail = 'status=draft' WHERE id = 2").run() }
        await tampered.shutdown()
        let report = try await Backup.verify(file, logger: TestDatabase.logger)
        #expect(report.integrity == "ok")
        #expect(report.audit?.firstBrokenID == 2)
        #expect(!report.isSound)

        try Data("no backup".utf8).write(to: URL(fileURLWithPath: file))
        await #expect(throws: BackupError.self) { try await Backup.verify(file, logger: TestDatabase.logger) }
    }
}
