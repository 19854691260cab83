import Logging
import SQLKit

public enum DatabaseKind: String, Sendable {
    case sqlite, postgres
}

/// The storage's way into a database. Every multi-step change runs inside `write`, which is one
/// transaction: committed when the closure returns, rolled back when it throws.
public protocol KonventDatabase: Sendable {
    var kind: DatabaseKind { get }
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// The numbers of the data areas: a write of this instance is in them at once, another
    /// instance's within a second.
    func dataVersion() async throws -> DataVersion
    func shutdown() async
}

public enum DatabaseFactory {
    /// Opens the database behind a URL. PostgreSQL connections may carry a schema to work in
    /// (tests use one schema each).
    public static func open(
        _ url: DatabaseURL, logger: Logger, postgresSchema: String? = nil
    ) async throws -> any KonventDatabase {
        switch url {
        case .sqliteFile(let path):
            return try await SQLiteDatabase.open(file: path, logger: logger)
        case .sqliteMemory:
            return try await SQLiteDatabase.open(file: nil, logger: logger)
        case .postgres(let host, let port, let user, let password, let database, let requireTLS):
            return try await PostgresDatabase.open(
                host: host, port: port, user: user, password: password, database: database,
                requireTLS: requireTLS, schema: postgresSchema, logger: logger)
        }
    }
}
