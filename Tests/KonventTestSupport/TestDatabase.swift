import Foundation
import KonventStorage
import Logging

/// The databases every storage test runs against: SQLite always, PostgreSQL when
/// `KONVENT_TEST_POSTGRES_URL` names a server. Each test gets a database (or schema) of its own.
public enum TestDatabase: String, CaseIterable, Sendable {
    case sqlite
    case postgres

    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["KONVENT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static let logger: Logger = {
        var logger = Logger(label: "konvent.test")
        logger.logLevel = .warning
        return logger
    }()

    /// Opens `count` separate handles (pools of their own, as separate instances would have) on one
    /// fresh, unmigrated database, runs `body`, and removes the database again.
    public func withHandles<T: Sendable>(
        _ count: Int, _ body: ([any KonventDatabase]) async throws -> T
    ) async throws -> T {
        try await withHandles(count) { handles, _ in try await body(handles) }
    }

    /// Where a test's database is: its URL and, on PostgreSQL, its schema (for tools such as
    /// pg_dump that connect on their own).
    public struct Location: Sendable {
        public var url: DatabaseURL
        public var schema: String?
    }

    public func withHandles<T: Sendable>(
        _ count: Int, _ body: ([any KonventDatabase], Location) async throws -> T
    ) async throws -> T {
        let location: Location
        var handles: [any KonventDatabase] = []
        var cleanup: @Sendable () async throws -> Void = {}
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("konvent-test-\(UUID().uuidString).sqlite").path
            location = Location(url: .sqliteFile(path: path), schema: nil)
            for _ in 0..<count { handles.append(try await DatabaseFactory.open(.sqliteFile(path: path), logger: Self.logger)) }
            cleanup = {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        case .postgres:
            guard let text = Self.postgresURL else { throw TestDatabaseError.postgresNotConfigured }
            let url = try DatabaseURL(text)
            let schema = "test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
            location = Location(url: url, schema: schema)
            let admin = try await DatabaseFactory.open(url, logger: Self.logger)
            try await admin.write { try await $0.raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
            for _ in 0..<count { handles.append(try await DatabaseFactory.open(url, logger: Self.logger, postgresSchema: schema)) }
            cleanup = {
                do {
                    try await admin.write { try await $0.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
                } catch {
                    await admin.shutdown()
                    throw error
                }
                await admin.shutdown()
            }
        }
        let result: T
        do {
            result = try await body(handles, location)
        } catch {
            for handle in handles { await handle.shutdown() }
            try? await cleanup()
            throw described(error)
        }
        for handle in handles { await handle.shutdown() }
        do { try await cleanup() } catch { throw described(error) }
        return result
    }

    /// Only the database's own errors are wrapped: tests that expect one of ours still get it.
    private func described(_ error: any Error) -> any Error {
        guard let text = databaseErrorDescription(error) else { return error }
        return DescribedDatabaseError(text: "\(text) (\(String(reflecting: error)))")
    }

    /// Opens a fresh, migrated database, runs `body`, and removes the database again.
    public func with<T: Sendable>(
        migrated: Bool = true, _ body: (any KonventDatabase) async throws -> T
    ) async throws -> T {
        try await withHandles(1) { handles in
            if migrated { try await Migrator(database: handles[0], logger: Self.logger).migrate() }
            return try await body(handles[0])
        }
    }
}

public enum TestDatabaseError: Error {
    case postgresNotConfigured
}

/// A failing test names the server's message and SQLSTATE: PSQLError's own description is only
/// "Generic description to prevent accidental leakage", which tells a CI log nothing.
public struct DescribedDatabaseError: Error, CustomStringConvertible {
    public let text: String
    public var description: String { text }
}
