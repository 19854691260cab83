import Logging
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through PostgresNIO's pooled client; transactions come from the client itself.
final class PostgresDatabase: KonventDatabase {
    let kind = DatabaseKind.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    private init(client: PostgresClient) {
        self.client = client
        self.runner = Task { await client.run() }
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
        let database = PostgresDatabase(client: PostgresClient(configuration: configuration, backgroundLogger: logger))
        // Fail now, with the server's reason, rather than on the first request.
        try await database.client.withConnection { connection in
            _ = try await connection.query("SELECT 1", logger: logger)
        }
        return database
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { try await body($0.sql(queryLogLevel: nil)) }
    }

    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withTransaction(logger: Logger(label: "konvent.storage")) { try await body($0.sql(queryLogLevel: nil)) }
    }

    func shutdown() async {
        runner.cancel()
        _ = await runner.result
    }
}
