import Hummingbird
import KonventDomain
import Logging

/// What one account may write per window; the limits come from `AppConfiguration.rateLimits`.
enum WriteKind: String {
    case contribution, comment, report, support, registration
}

/// Limits a person's writes (contributions, comments, reports, supports, format registrations).
struct WriteThrottle: Sendable {
    let limiter: RateLimiter
    let limits: AppConfiguration.RateLimits
    let logger: Logger

    /// Counts a write of `user`; past the limit it throws a 429 that gives the form back as sent,
    /// `textFields` shown to edit and copy, the rest hidden.
    func check(
        _ kind: WriteKind, _ user: User, _ request: Request, form: FormData? = nil, textFields: Set<String> = []
    ) async throws {
        let limit = switch kind {
        case .contribution: limits.contributions
        case .comment: limits.comments
        case .report: limits.reports
        case .support: limits.supports
        case .registration: limits.registrations
        }
        let key = "write-\(kind.rawValue):\(user.id)"
        guard try await !limiter.allow(key, limit) else { return }
        let wait = try await limiter.retryAfter(key, limit).components.seconds
        logger.notice("write throttled", metadata: ["kind": "\(kind.rawValue)", "user": "\(user.id)"])
        throw WebError.throttled(
            retryAfterSeconds: Int(max(wait, 1)), action: request.uri.path,
            kept: (form?.entries ?? []).map {
                KeptField(name: $0.name, value: $0.value, isText: textFields.contains($0.name) || KeptField.looksTyped($0.name, $0.value))
            })
    }
}
