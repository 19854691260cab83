import Foundation
import ArgumentParser
import Hummingbird
import KonventWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database if needed and serve Konvent.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var data: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let services = try await Services.start(configuration: try serverConfiguration(server, data), logger: makeLogger())
            try await serve(services)
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate, load the default region and demo data, then serve (for trying Konvent out).")

    @OptionGroup var server: ServerOptions
    @OptionGroup var data: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let logger = makeLogger()
            let services = try await Services.start(configuration: try serverConfiguration(server, data), logger: logger)
            let accounts = try await DemoData(services: services).load()
            // Unbuffered, so that it stands before the log lines also when the output goes to a file.
            FileHandle.standardOutput.write(Data((DemoData.table(accounts, baseURL: services.configuration.baseURL,
                                                                 catalog: services.catalog) + "\n").utf8))
            logger.notice("demo accounts loaded", metadata: ["count": "\(accounts.count)"])
            try await serve(services)
        }
    }
}

/// Swift's own executor runs the request tasks. NIO's offer to take that over
/// (`unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor`) was measured on
/// cached pages: 36–45 µs of CPU per request against 25–36 µs without, so it is not used.
func serve(_ services: Services) async throws {
    let app = try buildApplication(services: services)
    services.logger.notice("Konvent is listening", metadata: [
        "url": "\(services.configuration.baseURL)", "database": "\(services.configuration.database)",
    ])
    // runService handles SIGINT and SIGTERM: it stops accepting, finishes requests in flight, then returns.
    try await app.runService()
    await services.database.shutdown()
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the database migrations that are not applied yet.")

    @OptionGroup var data: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let services = try await startServices(data)
            print("Database \(services.configuration.database) is at schema version \(try await services.schemaVersion()).")
            await services.database.shutdown()
        }
    }
}
