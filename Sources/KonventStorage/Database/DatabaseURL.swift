import Foundation

/// Where the data lives: `sqlite:PATH`, `sqlite::memory:` or `postgres://user:pass@host:port/db`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(host: String, port: Int, user: String, password: String?, database: String, requireTLS: Bool)

    public static let `default` = DatabaseURL.sqliteFile(path: "konvent.sqlite")

    public init(_ text: String) throws(DatabaseURLError) {
        if text == "sqlite::memory:" {
            self = .sqliteMemory
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw DatabaseURLError(text, "the SQLite file path is missing (sqlite:PATH)") }
            self = .sqliteFile(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
                throw DatabaseURLError(text, "expected postgres://user:password@host:port/database")
            }
            guard let user = url.user, !user.isEmpty else { throw DatabaseURLError(text, "the user name is missing") }
            let database = String(url.path.drop(while: { $0 == "/" }))
            guard !database.isEmpty, !database.contains("/") else {
                throw DatabaseURLError(text, "the database name is missing (…/DATABASE)")
            }
            let port = url.port ?? 5432
            guard (1...65535).contains(port) else { throw DatabaseURLError(text, "the port must be 1–65535") }
            let sslmode = url.queryItems?.first { $0.name == "sslmode" }?.value
            self = .postgres(
                host: host, port: port, user: user.removingPercentEncoding ?? user,
                password: url.password?.removingPercentEncoding, database: database,
                requireTLS: sslmode == "require" || sslmode == "verify-full")
        } else {
            throw DatabaseURLError(text, "use sqlite:PATH, sqlite::memory: or postgres://user:password@host:port/database")
        }
    }

    /// The URL without its password, for logs and messages.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let host, let port, let user, _, let database, _): "postgres://\(user)@\(host):\(port)/\(database)"
        }
    }
}

public struct DatabaseURLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var url: String
    public var reason: String

    init(_ url: String, _ reason: String) {
        // Never echo a password back.
        self.url = DatabaseURL.redacted(url)
        self.reason = reason
    }

    public var description: String { "Invalid database URL \(url): \(reason)." }
}

extension DatabaseURL {
    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? "the given URL"
    }
}
