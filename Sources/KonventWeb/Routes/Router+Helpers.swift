import Hummingbird
import KonventDomain
import NIOCore

extension Request {
    /// The form body; the CSRF middleware has already read and kept it.
    mutating func form(_ context: KonventRequestContext) async throws -> FormData {
        let contentType = headers[.contentType]
        let buffer = try await collectBody(upTo: context.maxBodySize(contentType: contentType))
        let form = FormData.parse(Array(buffer.readableBytesView), contentType: contentType)
        let entries = form.entries
        if entries.contains(where: { ControlCharacters.contains($0.value) }) {
            // Passwords never travel back in a page; the person types them again.
            throw WebError.controlCharacters(action: uri.path, kept: entries.filter { !$0.name.lowercased().contains("password") }.map {
                KeptField(name: $0.name, value: ControlCharacters.replaced($0.value), isText: KeptField.looksTyped($0.name, $0.value))
            })
        }
        return form
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
        forwardedClientAddress(
            forwardedFor: request.headers[values: .init("X-Forwarded-For")!], peer: context.peerAddress,
            trustedProxies: configuration.trustedProxies)
    }
}

/// The address the outermost trusted proxy saw. Each proxy appends the address it was reached
/// from, so the entries left of those are whatever the client wrote and are never believed: with
/// `trustedProxies` N the client is the N-th entry from the right.
func forwardedClientAddress(forwardedFor headers: [String], peer: String?, trustedProxies: Int) -> String {
    guard trustedProxies > 0 else { return peer ?? "unknown" }
    let entries = headers.flatMap { $0.split(separator: ",") }.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    guard !entries.isEmpty else { return peer ?? "unknown" }
    return entries[max(entries.count - trustedProxies, 0)]
}
