import HTTPTypes
import Hummingbird

/// Security headers on every response, errors included.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = KonventRequestContext
    let https: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
        "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    static let fields: [HTTPField] = [
        HTTPField(name: .contentSecurityPolicy, value: contentSecurityPolicy),
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: HTTPField.Name("Referrer-Policy")!, value: "same-origin"),
        HTTPField(name: HTTPField.Name("X-Frame-Options")!, value: "DENY"),
        HTTPField(name: HTTPField.Name("Permissions-Policy")!, value: "camera=(), microphone=(), geolocation=()"),
        HTTPField(name: HTTPField.Name("Cross-Origin-Opener-Policy")!, value: "same-origin"),
    ]
    static let fieldsOverHTTPS = fields + [
        HTTPField(name: .strictTransportSecurity, value: "max-age=31536000; includeSubDomains"),
    ]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Errors that escape the page layer still get their status, plain text and the headers below.
            response = Response(
                status: error.status, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: .init(string: error.status.reasonPhrase)))
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(error)"])
            response = Response(
                status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: .init(string: "Interner Fehler / Internal error")))
        }
        // A route may narrow the policy further (an exported file with its own stylesheet), never widen it for a page.
        // Added only where the route set none; the names are made once, not per request.
        for field in https ? Self.fieldsOverHTTPS : Self.fields where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}
