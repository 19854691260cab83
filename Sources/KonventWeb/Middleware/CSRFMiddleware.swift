import Hummingbird
import NIOCore

/// Refuses every state-changing request whose form does not carry the token for this browser and
/// session, before any handler runs; the body is kept for the handler to read.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = KonventRequestContext
    let csrf: CSRFTokens

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method) else { return try await next(request, context) }
        var request = request
        let buffer: ByteBuffer
        let contentType = request.headers[.contentType]
        do { buffer = try await request.collectBody(upTo: context.maxBodySize(contentType: contentType)) } catch let error as any HTTPResponseError
            where error.status == .contentTooLarge
        {
            throw WebError.tooLarge
        }
        let form = FormData.parse(Array(buffer.readableBytesView), contentType: contentType)
        guard let cookie = VisitorCookies(request.headers).csrf, !cookie.isEmpty,
              let token = form["_csrf"],
              csrf.isValid(token, cookie: cookie, session: context.sessionToken?.value)
        else {
            context.logger.notice("refused request without valid CSRF token", metadata: ["path": "\(request.uri.path)"])
            throw WebError.csrf
        }
        return try await next(request, context)
    }
}
