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
    /// Use X-Forwarded-For for the client address (only behind a trusted reverse proxy).
    public var trustProxy = false
    /// How often the mail delivery looks into the outbox.
    public var mailPollInterval: Duration = .seconds(2)
    public var sessionLifetime: Duration = .seconds(14 * 24 * 3600)
    /// PEM certificate chain and private key: serve HTTPS directly instead of behind a proxy.
    public var tls: (certificateChain: String, privateKey: String)?

    public init() {}

    public var usesHTTPS: Bool { baseURL.lowercased().hasPrefix("https://") }

    public struct RateLimits: Sendable {
        public var signIn: RateLimit
        public var register: RateLimit
        public var passwordReset: RateLimit

        public static let standard = RateLimits(
            signIn: RateLimit(attempts: 10, window: .seconds(15 * 60)),
            register: RateLimit(attempts: 10, window: .seconds(3600)),
            passwordReset: RateLimit(attempts: 5, window: .seconds(3600)))

        /// The standard limits with `factor` times the attempts (for load tests and scanners on loopback).
        public static func scaled(by factor: Int) -> RateLimits {
            func scale(_ limit: RateLimit) -> RateLimit { RateLimit(attempts: limit.attempts * factor, window: limit.window) }
            return RateLimits(signIn: scale(standard.signIn), register: scale(standard.register),
                              passwordReset: scale(standard.passwordReset))
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
