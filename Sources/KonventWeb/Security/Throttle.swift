import Hummingbird
import KonventDomain

/// What one account may write per window; the limits come from `AppConfiguration.rateLimits`.
enum WriteKind: String {
    case contribution, comment, report, support, registration
}

extension Services {
    /// Counts a write of `user`; past the limit it throws a 429 that gives the form back as sent,
    /// `textFields` shown to edit and copy, the rest hidden.
    func throttle(
        _ kind: WriteKind, _ user: User, _ request: Request, form: FormData? = nil, textFields: Set<String> = []
    ) async throws {
        let limits = configuration.rateLimits
        let limit = switch kind {
        case .contribution: limits.contributions
        case .comment: limits.comments
        case .report: limits.reports
        case .support: limits.supports
        case .registration: limits.registrations
        }
        let key = "write-\(kind.rawValue):\(user.id)"
        guard await !rateLimiter.allow(key, limit) else { return }
        let wait = await rateLimiter.retryAfter(key, limit).components.seconds
        logger.notice("write throttled", metadata: ["kind": "\(kind.rawValue)", "user": "\(user.id)"])
        throw WebError.throttled(
            retryAfterSeconds: Int(max(wait, 1)), action: request.uri.path,
            kept: (form?.entries ?? []).map { KeptField(name: $0.name, value: $0.value, isText: textFields.contains($0.name) || KeptField.looksTyped($0.name, $0.value)) })
    }
}
