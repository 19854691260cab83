import Logging
import NIOPosix
import SQLiteKit
import SQLKit

/// SQLite with one writer connection and a few readers: WAL lets readers run beside the writer,
/// and a single writer avoids lock upgrades that would fail with SQLITE_BUSY under load.
final class SQLiteDatabase: KonventDatabase {
    let kind = DatabaseKind.sqlite
    private let writer: ConnectionPool<SQLiteConnection>
    private let readers: ConnectionPool<SQLiteConnection>
    private let logger: Logger
    private let versions = DataVersionTracker()
    private let threads: NIOThreadPool

    private init(
        writer: ConnectionPool<SQLiteConnection>, readers: ConnectionPool<SQLiteConnection>, threads: NIOThreadPool, logger: Logger
    ) {
        self.writer = writer
        self.readers = readers
        self.threads = threads
        self.logger = logger
    }

    /// `file == nil` opens a private in-memory database; it lives on one connection, which then
    /// serves both reading and writing.
    /// Each database has threads of its own, one per connection: a writer waiting for another
    /// process's lock (`busy_timeout`) then blocks only itself, never the threads that another
    /// database's commits need (with the shared pool of one thread per core, two such waits
    /// starved every other connection until the timeout).
    static func open(file: String?, logger: Logger, readerCount: Int = 4) async throws -> SQLiteDatabase {
        let threads = NIOThreadPool(numberOfThreads: file == nil ? 1 : readerCount + 1)
        threads.start()
        guard let file else {
            let connection = try await connect(.memory, threads: threads, logger: logger)
            let pool = ConnectionPool([connection])
            return SQLiteDatabase(writer: pool, readers: pool, threads: threads, logger: logger)
        }
        let writer = try await connect(.file(path: file), threads: threads, logger: logger)
        try await execute("PRAGMA journal_mode = WAL", on: writer)
        var readers: [SQLiteConnection] = []
        for _ in 0..<readerCount {
            let reader = try await connect(.file(path: file), threads: threads, logger: logger)
            try await execute("PRAGMA query_only = ON", on: reader)
            readers.append(reader)
        }
        return SQLiteDatabase(writer: ConnectionPool([writer]), readers: ConnectionPool(readers), threads: threads, logger: logger)
    }

    private static func connect(
        _ storage: SQLiteConnection.Storage, threads: NIOThreadPool, logger: Logger
    ) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(
            storage: storage, threadPool: threads, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        for pragma in [
            "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 5000",
            "PRAGMA synchronous = NORMAL",
            // 20 MB page cache: the 2 MB default sent even indexed counts to disk in the probe.
            "PRAGMA cache_size = -20000",
        ] {
            try await execute(pragma, on: connection)
        }
        return connection
    }

    private static func execute(_ sql: String, on connection: SQLiteConnection) async throws {
        _ = try await connection.query(sql, [])
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers.with { try await body($0.sql(queryLogLevel: nil)) }
    }

    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writer.with { connection in
            let db = connection.sql(queryLogLevel: nil)
            try await Self.execute("BEGIN IMMEDIATE", on: connection)
            do {
                let result = try await body(db)
                try await Self.execute("COMMIT", on: connection)
                // The triggers raised the numbers of what changed; the next question reads them.
                versions.changed()
                return result
            } catch {
                do { try await Self.execute("ROLLBACK", on: connection) } catch {
                    logger.error("rollback failed", metadata: ["error": "\(databaseErrorDescription(error) ?? "\(error)")"])
                }
                throw error
            }
        }
    }

    func dataVersion() async throws -> DataVersion {
        try await versions.current { try await read { try await DataVersion.read(in: $0) } }
    }

    func shutdown() async {
        var seen = Set<ObjectIdentifier>()
        for connection in writer.all + readers.all where seen.insert(ObjectIdentifier(connection)).inserted {
            try? await connection.close()
        }
        try? await threads.shutdownGracefully()
    }
}
