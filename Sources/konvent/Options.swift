import ArgumentParser
import Foundation
import KonventStorage
import KonventWeb
import Logging

/// Options shared by the commands; each falls back to its `KONVENT_…` environment variable.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Database URL: sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db (KONVENT_DATABASE_URL).")
    var database: String?

    @Option(help: "Region configuration file (JSON); the bundled Südwestsachsen setup when left out (KONVENT_CONFIG).")
    var config: String?

    func apply(to configuration: inout AppConfiguration) throws {
        if let url = database ?? environment("KONVENT_DATABASE_URL") {
            configuration.database = try DatabaseURL(url)
        }
        configuration.regionFile = config ?? environment("KONVENT_CONFIG")
    }
}

struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (KONVENT_HOST).")
    var host: String?

    @Option(help: "Port to listen on (KONVENT_PORT).")
    var port: Int?

    @Option(help: "Public base URL for links in mails; https enables Secure cookies and HSTS (KONVENT_BASE_URL).")
    var baseURL: String?

    @Option(help: "PEM certificate chain for serving HTTPS directly (KONVENT_TLS_CERT); needs --tls-key.")
    var tlsCert: String?

    @Option(help: "PEM private key for --tls-cert (KONVENT_TLS_KEY).")
    var tlsKey: String?

    func apply(to configuration: inout AppConfiguration) throws {
        configuration.host = host ?? environment("KONVENT_HOST") ?? configuration.host
        if let port = try port ?? environment("KONVENT_PORT").map(parsePort) {
            configuration.port = port
        }
        switch (tlsCert ?? environment("KONVENT_TLS_CERT"), tlsKey ?? environment("KONVENT_TLS_KEY")) {
        case (let cert?, let key?): configuration.tls = (cert, key)
        case (nil, nil): break
        default: throw ValidationError("--tls-cert and --tls-key (KONVENT_TLS_CERT, KONVENT_TLS_KEY) go together.")
        }
        let scheme = configuration.tls == nil ? "http" : "https"
        configuration.baseURL = baseURL ?? environment("KONVENT_BASE_URL")
            ?? "\(scheme)://\(configuration.host):\(configuration.port)"
        if let factor = environment("KONVENT_RATE_LIMIT_FACTOR") {
            guard let value = Int(factor), value >= 1 else {
                throw ValidationError("KONVENT_RATE_LIMIT_FACTOR must be a whole number of at least 1.")
            }
            configuration.rateLimits = .scaled(by: value)
        }
        if let smtp = environment("KONVENT_SMTP_URL") {
            configuration.smtp = try SMTPConfiguration(url: smtp)
        }
        configuration.mailFrom = environment("KONVENT_MAIL_FROM") ?? configuration.mailFrom
        if let hops = environment("KONVENT_TRUST_PROXY") {
            guard let value = Int(hops), (0...10).contains(value) else {
                throw ValidationError("KONVENT_TRUST_PROXY must be the number of trusted reverse proxies, from 0 to 10.")
            }
            configuration.trustedProxies = value
        }
        configuration.metricsToken = environment("KONVENT_METRICS_TOKEN")
        if let megabytes = environment("KONVENT_PAGE_CACHE_MB") {
            guard let value = Int(megabytes), (0...4096).contains(value) else {
                throw ValidationError("KONVENT_PAGE_CACHE_MB must be a whole number of mebibytes from 0 to 4096.")
            }
            configuration.pageCacheBytes = value << 20
        }
        try applyConnectionLimits(to: &configuration.connections)
        try applyBcryptCost(to: &configuration)
    }

    /// Timeouts in seconds and the connection bound, each from its variable.
    private func applyConnectionLimits(to limits: inout ConnectionLimits) throws {
        func seconds(_ name: String) throws -> Duration? {
            guard let text = environment(name) else { return nil }
            guard let value = Int(text), (1...3600).contains(value) else {
                throw ValidationError("\(name) must be a number of seconds from 1 to 3600.")
            }
            return .seconds(value)
        }
        limits.headerTimeout = try seconds("KONVENT_HEADER_TIMEOUT") ?? limits.headerTimeout
        limits.bodyTimeout = try seconds("KONVENT_BODY_TIMEOUT") ?? limits.bodyTimeout
        limits.idleTimeout = try seconds("KONVENT_IDLE_TIMEOUT") ?? limits.idleTimeout
        if let text = environment("KONVENT_MAX_CONNECTIONS") {
            guard let value = Int(text), (1...1_000_000).contains(value) else {
                throw ValidationError("KONVENT_MAX_CONNECTIONS must be a whole number of at least 1.")
            }
            limits.maxConnections = value
        }
    }

    private func parsePort(_ text: String) throws -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw ValidationError("KONVENT_PORT must be a port number from 1 to 65535.")
        }
        return port
    }
}

func environment(_ name: String) -> String? {
    guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
    return value
}

/// Text lines by default; `LOG_FORMAT=json` writes one JSON object per line for a log collector.
func makeLogger() -> Logger {
    let format: LineLogHandler.Format = environment("LOG_FORMAT")?.lowercased() == "json" ? .json : .text
    var logger = Logger(label: "konvent", factory: { LineLogHandler(label: $0, format: format) })
    logger.logLevel = environment("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
    if let format = environment("LOG_FORMAT"), !["json", "text"].contains(format.lowercased()) {
        logger.warning("LOG_FORMAT is text or json; writing text", metadata: ["LOG_FORMAT": "\(format)"])
    }
    return logger
}

/// Runs a command body and turns every failure into one clear line and a non-zero exit.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ValidationError {
        throw error
    } catch let error as ExitCode {
        throw error
    } catch {
        FileHandle.standardError.write(Data("konvent: \(databaseErrorDescription(error) ?? "\(error)")\n".utf8))
        throw ExitCode.failure
    }
}

/// The configuration a serving command runs with: flags first, then environment, then defaults.
func serverConfiguration(_ server: ServerOptions, _ data: DatabaseOptions) throws -> AppConfiguration {
    var configuration = AppConfiguration()
    try server.apply(to: &configuration)
    try data.apply(to: &configuration)
    return configuration
}

/// Opens and migrates the database for a command that does not serve.
func startServices(_ data: DatabaseOptions) async throws -> Services {
    var configuration = AppConfiguration()
    try data.apply(to: &configuration)
    try applyBcryptCost(to: &configuration)
    return try await Services.start(configuration: configuration, logger: makeLogger())
}

func applyBcryptCost(to configuration: inout AppConfiguration) throws {
    guard let cost = environment("KONVENT_BCRYPT_COST") else { return }
    guard let value = UInt8(cost), (4...31).contains(value) else {
        throw ValidationError("KONVENT_BCRYPT_COST must be a whole number from 4 to 31.")
    }
    configuration.bcryptCost = value
}
