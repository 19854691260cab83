import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import SQLKit
import Testing

@Suite("Data versions")
struct DataVersionTests {
    @Test("a write raises the number of exactly the areas it changed, in its own transaction", arguments: TestDatabase.available)
    func areas(database: TestDatabase) async throws {
        try await database.with { db in
            let start = try await db.dataVersion()
            let anna = try await person(SQLAccountStore(database: db), "anna@example.org")
            let afterUser = try await db.dataVersion()
            #expect(afterUser.numbers[.accounts]! > start.numbers[.accounts]!)
            #expect(afterUser.key(DataArea.allCases.filter { $0 != .accounts }) == start.key(DataArea.allCases.filter { $0 != .accounts }))

            _ = try await SQLContributionStore(database: db).create(
                draft("Ein Beitrag", "Ein Beitrag mit genug Text darin."), author: anna.id, at: .now, status: .published)
            let afterContribution = try await db.dataVersion()
            #expect(afterContribution.numbers[.contributions]! > afterUser.numbers[.contributions]!)
            #expect(afterContribution.numbers[.measures] == afterUser.numbers[.measures])

            try await MasterplanStore(database: db).saveChapter("foreword", text: "Vorwort", expectedVersion: 0, actor: anna.id, at: .now)
            let afterChapter = try await db.dataVersion()
            #expect(afterChapter.numbers[.masterplan]! > afterContribution.numbers[.masterplan]!)

            // A rolled-back write leaves every number as it was.
            struct Failure: Error {}
            await #expect(throws: Failure.self) {
                try await db.write { sql in
                    try await sql.raw("UPDATE contributions SET title = 'Anders'").run()
                    throw Failure()
                }
            }
            #expect(try await db.dataVersion() == afterChapter)
        }
    }

    @Test("another instance on the same database sees a write within a second", arguments: TestDatabase.available)
    func otherInstance(database: TestDatabase) async throws {
        try await database.withHandles(2) { handles in
            try await Migrator(database: handles[0], logger: TestDatabase.logger).migrate()
            let before = try await handles[1].dataVersion()
            _ = try await person(SQLAccountStore(database: handles[0]), "anna@example.org")
            try await Task.sleep(for: .milliseconds(1100))
            #expect(try await handles[1].dataVersion().numbers[.accounts]! > before.numbers[.accounts]!)
        }
    }

    @Test("on PostgreSQL another instance hears of a write at once (LISTEN/NOTIFY), not only at its next poll")
    func notified() async throws {
        guard TestDatabase.available.contains(.postgres) else { return }
        try await TestDatabase.postgres.withHandles(2) { handles in
            try await Migrator(database: handles[0], logger: TestDatabase.logger).migrate()
            // The listener is up once a notification of the migration's own writes has come through.
            try await Task.sleep(for: .milliseconds(1500))
            let before = try await handles[1].dataVersion()
            _ = try await person(SQLAccountStore(database: handles[0]), "anna@example.org")
            var seen = false
            for _ in 0..<20 where !seen {
                try await Task.sleep(for: .milliseconds(25))
                seen = try await handles[1].dataVersion().numbers[.accounts]! > before.numbers[.accounts]!
            }
            // Polling alone would keep the numbers read just before for a second (ten while notified).
            #expect(seen)
        }
    }
}
