import Hummingbird
import KonventDomain
import NIOCore

extension Request {
    /// The form body; the CSRF middleware has already read and kept it.
    mutating func form(_ context: KonventRequestContext) async throws -> FormData {
        let contentType = headers[.contentType]
        let buffer = try await collectBody(upTo: context.maxBodySize(contentType: contentType))
        return FormData.parse(Array(buffer.readableBytesView), contentType: contentType)
    }
}

extension Services {
    /// Asks the policy and throws the denial, so that a handler reads as one line per rule.
    func require(_ action: Action, on subject: Subject = .platform, _ context: KonventRequestContext) throws {
        if case .deny(let reason) = policy.decide(context.actor, action, on: subject) { throw WebError.denied(reason) }
    }

    /// The signed-in user, or a redirect to the sign-in page.
    func signedInUser(_ context: KonventRequestContext) throws -> User {
        guard let user = context.user else { throw WebError.denied(.signInRequired) }
        return user
    }

    /// Anonymous visitors share one rendering per page, language and `variant` (a data version);
    /// signed-in people get theirs fresh (their header carries their name and a sign-out form).
    func cachedForVisitors(
        _ variant: String, _ request: Request, _ context: KonventRequestContext, render: () -> [UInt8]
    ) -> Response {
        guard context.user == nil else { return .html(render()) }
        return pageCache.response(
            key: "\(context.language.rawValue)|\(request.uri.path)|\(variant)", request: request, render: render)
    }

    /// The client's address for rate limits.
    func clientAddress(_ request: Request, _ context: KonventRequestContext) -> String {
        if configuration.trustProxy, let forwarded = request.headers[.init("X-Forwarded-For")!] {
            return forwarded.split(separator: ",").first.map { String($0).trimmingWhitespace() } ?? "unknown"
        }
        return context.peerAddress ?? "unknown"
    }
}
