import Foundation
import KonventStorage
import KonventTestSupport
import SQLKit
import Testing

@Suite("SQLite threads")
struct SQLiteThreadsTests {
    /// Two databases, each with a second handle (another process, as `konvent backup` or
    /// `konvent user add` beside a server) waiting for the first one's write lock. The waits block
    /// threads; the first handles' commits must still get one. With one shared pool of a thread per
    /// core, on two cores the two waits took every thread and both commits failed after five seconds.
    @Test("a writer waiting for another handle's lock does not starve other databases' commits")
    func waitsDoNotStarve() async throws {
        try await TestDatabase.sqlite.withHandles(2) { first, _ in
            try await TestDatabase.sqlite.withHandles(2) { second, _ in
                for handles in [first, second] {
                    try await handles[0].write { try await $0.raw("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)").run() }
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for handles in [first, second] {
                        group.addTask {
                            try await handles[0].write { db in
                                try await db.raw("INSERT INTO notes (text) VALUES ('holding the lock')").run()
                                try await Task.sleep(for: .milliseconds(300))
                            }
                        }
                        group.addTask {
                            try await Task.sleep(for: .milliseconds(100))
                            try await handles[1].write { try await $0.raw("INSERT INTO notes (text) VALUES ('waited')").run() }
                        }
                    }
                    try await group.waitForAll()
                }
                for handles in [first, second] {
                    let count = try await handles[1].read { try await $0.raw("SELECT COUNT(*) AS n FROM notes").first()!.decode(column: "n", as: Int.self) }
                    #expect(count == 2)
                }
            }
        }
    }
}
