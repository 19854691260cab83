import Foundation

/// Where mails go:
/// - `smtp://host[:port]`: plain, for a relay on the same host or network;
/// - `smtp://user:pass@host:587?starttls=required`: the submission port that offices' relays use,
///   encrypted with STARTTLS before AUTH (PLAIN or LOGIN, whichever the server offers);
/// - `smtps://user:pass@host[:port]`: TLS from the first byte (port 465).
/// `ca=/path/to/ca.pem` trusts an office's own certificate authority instead of the system's.
public struct SMTPConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// Whether to upgrade a plain connection with STARTTLS.
    public enum StartTLS: String, Sendable, Equatable, CaseIterable {
        /// Never (a relay on loopback or on a trusted network).
        case off
        /// When the server offers it; a plain connection otherwise.
        case opportunistic
        /// Always; a server that does not offer it gets no mail (and no password).
        case required
    }

    public var host: String
    public var port: Int
    public var useTLS: Bool
    public var startTLS: StartTLS
    public var username: String?
    public var password: String?
    /// A PEM file of certificate authorities to trust instead of the system's.
    public var certificateAuthorities: String?

    public init(
        host: String, port: Int, useTLS: Bool = false, startTLS: StartTLS = .off, username: String? = nil, password: String? = nil,
        certificateAuthorities: String? = nil
    ) {
        self.host = host
        self.port = port
        self.useTLS = useTLS
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.certificateAuthorities = certificateAuthorities
    }

    public init(url text: String) throws(ConfigurationErrorMessage) {
        let usage = "use smtp://host:port, smtp://user:password@host:587?starttls=required or smtps://user:password@host:465"
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
              scheme == "smtp" || scheme == "smtps"
        else { throw ConfigurationErrorMessage("Invalid SMTP URL: \(usage).") }
        useTLS = scheme == "smtps"
        self.host = host
        port = url.port ?? (useTLS ? 465 : 25)
        username = url.user?.removingPercentEncoding
        password = url.password?.removingPercentEncoding
        startTLS = .off
        for item in url.queryItems ?? [] {
            switch item.name {
            case "starttls":
                guard let value = item.value.flatMap(StartTLS.init(rawValue:)), !useTLS else {
                    throw ConfigurationErrorMessage(useTLS
                        ? "Invalid SMTP URL: smtps is TLS already; starttls belongs to smtp://."
                        : "Invalid SMTP URL: starttls is off, opportunistic or required.")
                }
                startTLS = value
            case "ca":
                guard let path = item.value, !path.isEmpty, FileManager.default.isReadableFile(atPath: path) else {
                    throw ConfigurationErrorMessage("Invalid SMTP URL: ca names a PEM file that cannot be read.")
                }
                certificateAuthorities = path
            default:
                throw ConfigurationErrorMessage("Invalid SMTP URL: unknown parameter \(item.name); \(usage).")
            }
        }
        if username != nil, password == nil {
            throw ConfigurationErrorMessage("Invalid SMTP URL: a user needs a password (smtp://user:password@host).")
        }
        if username != nil, !sendsCredentialsEncrypted {
            throw ConfigurationErrorMessage(
                "Invalid SMTP URL: credentials go only over TLS; add ?starttls=required or use smtps:// (or a relay on 127.0.0.1).")
        }
    }

    /// Credentials go only over an encrypted connection, or to a relay on this machine.
    var mayAuthenticateInPlain: Bool {
        HostName.isLoopback(host)
    }

    /// Whether the configuration itself ensures that a password is never sent in plain text.
    var sendsCredentialsEncrypted: Bool { useTLS || startTLS == .required || mayAuthenticateInPlain }

    /// Without the password, for logs.
    public var description: String {
        let user = username.map { "\($0)@" } ?? ""
        let query = startTLS == .off ? "" : "?starttls=\(startTLS.rawValue)"
        return "\(useTLS ? "smtps" : "smtp")://\(user)\(host):\(port)\(query)"
    }
}

public struct ConfigurationErrorMessage: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
