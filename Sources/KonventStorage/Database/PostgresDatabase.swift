import Logging
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through PostgresNIO's pooled client; transactions come from the client itself.
final class PostgresDatabase: KonventDatabase {
    let kind = DatabaseKind.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let versions = DataVersionTracker()
    private let listener: Task<Void, Never>
    /// Every commit that raised a data version notifies this channel with its schema's name.
    static let channel = "konvent_data"

    private init(client: PostgresClient, listenerConfiguration: PostgresConnection.Configuration, logger: Logger) {
        self.client = client
        self.logger = logger
        // `immediate`: run() marks the client as running before its first suspension, so that no
        // connection is leased before that (PostgresNIO warns on every such lease otherwise).
        self.runner = Task.immediate { await client.run() }
        self.listener = Self.listen(configuration: listenerConfiguration, versions: versions, logger: logger)
    }

    /// Hears the other instances' commits on a connection of its own (LISTEN), so that their changes
    /// show here at once; when the connection breaks it is opened again, and meanwhile the numbers
    /// are polled every second.
    private static func listen(
        configuration: PostgresConnection.Configuration, versions: DataVersionTracker, logger: Logger
    ) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do {
                    let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                    do {
                        let schema = try await connection.query("SELECT current_schema()", logger: logger)
                            .collect().first?.decode(String.self) ?? ""
                        try await connection.listen(on: channel) { notifications in
                            versions.notifications(arrive: true)
                            for try await notification in notifications where notification.payload == schema { versions.changed() }
                        }
                    } catch where !Task.isCancelled {
                        logger.warning("data version notifications interrupted", metadata: ["error": "\(databaseErrorDescription(error) ?? "\(error)")"])
                    }
                    versions.notifications(arrive: false)
                    try? await connection.close()
                } catch where !Task.isCancelled {
                    logger.warning("data version notifications unavailable", metadata: ["error": "\(databaseErrorDescription(error) ?? "\(error)")"])
                } catch {}
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    static func open(
        host: String, port: Int, user: String, password: String?, database: String, requireTLS: Bool,
        schema: String?, logger: Logger
    ) async throws -> PostgresDatabase {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database,
            tls: requireTLS ? .require(.makeClientConfiguration()) : .disable)
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        configuration.options.maximumConnections = 16
        // Fail now, with the server's reason: the pool would retry a refused connection for a
        // minute and then report only that its circuit breaker tripped.
        var single = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database,
            tls: requireTLS ? .require(try .init(configuration: .makeClientConfiguration())) : .disable)
        if let schema { single.options.additionalStartupParameters = [("search_path", schema)] }
        let probe = try await PostgresConnection.connect(configuration: single, id: 0, logger: logger)
        try await probe.close()
        let database = PostgresDatabase(
            client: PostgresClient(configuration: configuration, backgroundLogger: logger), listenerConfiguration: single,
            logger: logger)
        try await database.client.withConnection { connection in
            _ = try await connection.query("SELECT 1", logger: logger)
        }
        return database
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { try await body($0.sql(queryLogLevel: nil)) }
    }

    /// Our own BEGIN/COMMIT rather than the client's `withTransaction`, which wraps every error:
    /// callers see the same error types on both databases.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await client.withConnection { connection in
            _ = try await connection.query("BEGIN", logger: logger)
            do {
                let db = connection.sql(queryLogLevel: nil)
                let result = try await body(db)
                try await Self.raiseVersions(in: db)
                _ = try await connection.query("COMMIT", logger: logger)
                versions.changed()
                return result
            } catch {
                do { _ = try await connection.query("ROLLBACK", logger: logger) } catch {
                    logger.error("rollback failed", metadata: ["error": "\(databaseErrorDescription(error) ?? "\(error)")"])
                }
                throw error
            }
        }
    }

    /// The statement triggers noted the areas this transaction changed; their numbers rise now, one
    /// row at a time in a fixed order, so that two transactions never wait for each other's rows.
    /// The notification goes out with the commit (PostgreSQL holds it until then, and drops it on
    /// a rollback).
    static func raiseVersions(in db: any SQLDatabase) async throws {
        guard let noted = try await db.raw("SELECT current_setting('konvent.touched', true) AS touched").first()?
            .decode(column: "touched", as: String?.self), !noted.isEmpty else { return }
        for area in Set(noted.split(separator: ",").compactMap { DataArea(rawValue: String($0)) }).sorted() {
            try await db.raw("UPDATE data_versions SET version = version + 1 WHERE area = \(bind: area.rawValue)").run()
        }
        try await db.raw("SELECT pg_notify(\(bind: channel), current_schema())").run()
    }

    func dataVersion() async throws -> DataVersion {
        try await versions.current { try await read { try await DataVersion.read(in: $0) } }
    }

    func shutdown() async {
        listener.cancel()
        _ = await listener.result
        runner.cancel()
        _ = await runner.result
    }
}
