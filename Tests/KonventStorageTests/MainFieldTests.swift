import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import SQLKit
import Testing

@Suite("Measures counted under their own field of action")
struct MainFieldTests {
    @Test("a measure in two fields counts once, under its first; the list by either field still finds it", arguments: TestDatabase.available)
    func countsOnce(database: TestDatabase) async throws {
        try await database.with { db in
            let office = try await person(SQLAccountStore(database: db), "office@example.org")
            let store = SQLMeasureStore(database: db)
            var content = measureContent()
            content.fields = ["bildung", "wirtschaft"]
            let both = try await store.create(content, codePrefix: "BF", sources: [], actor: office.id, at: .now)
            let one = try await store.create(measureContent("Nur Wirtschaft"), codePrefix: "WT", sources: [], actor: office.id, at: .now)
            let pipeline = try await SQLReviewStore(database: db).pipeline()
            #expect(pipeline.map(\.count).reduce(0, +) == 2, "two measures, counted twice before")
            #expect(pipeline.filter { $0.field == "bildung" }.map(\.count) == [1])
            #expect(pipeline.filter { $0.field == "wirtschaft" }.map(\.count) == [1])
            #expect(try await store.fields(of: [both, one]) == [both: "bildung", one: "wirtschaft"])
            // Editing the fields moves the measure to its new first field.
            content.fields = ["wirtschaft", "bildung"]
            try await store.update(both, content, expectedVersion: 1, actor: office.id, at: .now)
            #expect(try await store.fields(of: [both]) == [both: "wirtschaft"])
        }
    }

    @Test("the migration marks the first field of measures stored before it", arguments: TestDatabase.available)
    func migration(database: TestDatabase) async throws {
        try await database.with(migrated: false) { db in
            try await Migrator(database: db, migrations: Array(Migrations.all.prefix { $0.version < 7 }), logger: TestDatabase.logger).migrate()
            var content = measureContent()
            content.fields = ["bildung", "wirtschaft"]
            let json = String(decoding: try JSONEncoder().encode(content), as: UTF8.self), fields = content.fields
            try await db.write { sql in
                try await sql.raw("""
                    INSERT INTO measures (id, code, code_prefix, code_number, kind, title, content, state, public, version, created_at, updated_at)
                    VALUES (1, 'BF-01', 'BF', 1, 'measure', 'Alt', \(bind: json), 'draft', 0, 1, 0, 0)
                    """).run()
                for field in fields {
                    try await sql.raw("INSERT INTO measure_fields (field_key, measure_id) VALUES (\(bind: field), 1)").run()
                }
            }
            #expect(try await Migrator(database: db, logger: TestDatabase.logger).migrate() == Array(7...Migrations.latestVersion))
            let rows = try await db.read { sql in
                try await sql.raw("SELECT field_key, main FROM measure_fields ORDER BY field_key").all().map {
                    "\(try $0.decode(column: "field_key", as: String.self))=\(try $0.decode(column: "main", as: Int.self))"
                }
            }
            #expect(rows == ["bildung=1", "wirtschaft=0"])
        }
    }
}
