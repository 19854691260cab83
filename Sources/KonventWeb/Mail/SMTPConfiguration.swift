import Foundation

/// Where mails go: `smtp://[user:pass@]host[:port]` (plain, for a relay on the same host or network)
/// or `smtps://user:pass@host[:port]` (TLS from the first byte).
public struct SMTPConfiguration: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var useTLS: Bool
    public var username: String?
    public var password: String?

    public init(host: String, port: Int, useTLS: Bool = false, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.useTLS = useTLS
        self.username = username
        self.password = password
    }

    public init(url text: String) throws(ConfigurationErrorMessage) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
              scheme == "smtp" || scheme == "smtps"
        else { throw ConfigurationErrorMessage("Invalid SMTP URL: use smtp://host:port or smtps://user:password@host:port.") }
        useTLS = scheme == "smtps"
        self.host = host
        port = url.port ?? (useTLS ? 465 : 25)
        username = url.user?.removingPercentEncoding
        password = url.password?.removingPercentEncoding
    }

    public var description: String { "\(useTLS ? "smtps" : "smtp")://\(host):\(port)" }
}

public struct ConfigurationErrorMessage: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
