import Foundation
import KonventStorage

/// How this server instance runs. Every value can come from a flag or a `KONVENT_…` variable.
public struct AppConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var database = DatabaseURL.default
    /// The region configuration file; nil uses the bundled Südwestsachsen default.
    public var regionFile: String?
    /// The address people reach Konvent under, used for links in mails and to decide Secure cookies.
    public var baseURL = "http://127.0.0.1:8080"
    public var smtp: SMTPConfiguration?
    public var mailFrom = "Konvent <konvent@localhost>"
    /// Bcrypt cost; 12 in production, lower only in tests.
    public var bcryptCost: UInt8 = 12
    public var rateLimits = RateLimits.standard
    public var connections = ConnectionLimits()
    /// The participation figures are counted anew after a change, but at most this often.
    public var figuresInterval: Duration = .seconds(30)
    /// With it, `/metrics` answers requests that carry it as a bearer token; without it, only loopback.
    public var metricsToken: String?
    /// How many reverse proxies in front of Konvent append to X-Forwarded-For; the client address
    /// is the one the outermost of them saw (0: the peer address, X-Forwarded-For ignored).
    public var trustedProxies = 0
    /// How often the mail delivery looks into the outbox.
    public var mailPollInterval: Duration = .seconds(2)
    public var sessionLifetime: Duration = .seconds(14 * 24 * 3600)
    /// Memory for the public pages kept for visitors without a session (`KONVENT_PAGE_CACHE_MB`).
    public var pageCacheBytes = 64 << 20
    /// PEM certificate chain and private key: serve HTTPS directly instead of behind a proxy.
    public var tls: (certificateChain: String, privateKey: String)?

    public init() {}

    public var usesHTTPS: Bool { baseURL.lowercased().hasPrefix("https://") }

    /// The name mail is sent under (EHLO, Message-ID): the base URL's host, an address in brackets
    /// as RFC 5321 writes address literals.
    public var mailDomain: String {
        guard let host = URLComponents(string: baseURL)?.host, !host.isEmpty else { return "konvent.localhost" }
        return HostName.isAddress(host) ? "[\(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))]" : host
    }

    /// Bounds on what one address or one account may try in a window. Sign-in counts failures
    /// only, so that a workshop of 80 people behind one venue's address signs in; writes are
    /// limited per account, at paces a person does not reach (bulk capture and imports are exempt).
    public struct RateLimits: Sendable {
        public var signInFailuresPerAccount = RateLimit(attempts: 10, window: .seconds(15 * 60))
        public var signInFailuresPerAddress = RateLimit(attempts: 100, window: .seconds(15 * 60))
        public var registerPerAddress = RateLimit(attempts: 200, window: .seconds(3600))
        public var registerPerEmail = RateLimit(attempts: 5, window: .seconds(3600))
        public var passwordResetPerAddress = RateLimit(attempts: 200, window: .seconds(3600))
        public var passwordResetPerEmail = RateLimit(attempts: 5, window: .seconds(3600))
        public var contributions = RateLimit(attempts: 20, window: .seconds(3600))
        public var comments = RateLimit(attempts: 30, window: .seconds(600))
        public var reports = RateLimit(attempts: 20, window: .seconds(3600))
        public var supports = RateLimit(attempts: 120, window: .seconds(3600))
        public var registrations = RateLimit(attempts: 30, window: .seconds(3600))

        public static let standard = RateLimits()

        /// The standard limits with `factor` times the attempts (for load tests and scanners on loopback).
        public static func scaled(by factor: Int) -> RateLimits {
            var limits = RateLimits()
            for path in [\RateLimits.signInFailuresPerAccount, \.signInFailuresPerAddress, \.registerPerAddress, \.registerPerEmail,
                         \.passwordResetPerAddress, \.passwordResetPerEmail, \.contributions, \.comments, \.reports, \.supports,
                         \.registrations] {
                limits[keyPath: path].attempts *= factor
            }
            return limits
        }
    }
}

public struct RateLimit: Sendable {
    public var attempts: Int
    public var window: Duration
    public init(attempts: Int, window: Duration) {
        self.attempts = attempts
        self.window = window
    }
}
