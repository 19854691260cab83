import Foundation
import HTTPTypes
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// What machines ask for (`/api/…`, `/oparl/…`): read-only, open to every origin, JSON in and
/// problem+json out. It stands before the CSRF check, so that a POST here is a 405 and not a
/// form error, and inside the error pages, whose HTML it answers for itself.
struct OpenDataMiddleware: RouterMiddleware {
    typealias Context = KonventRequestContext
    let catalog: Catalog

    static let prefixes = ["/api/", "/oparl/"]
    static let methods = "GET, HEAD, OPTIONS"
    /// Media ranges the interfaces answer in; `Accept` must allow one of them.
    static let served = ["application/json", "application/problem+json", "application/vnd.oai.openapi+json", "application/geo+json"]

    static func serves(_ path: String) -> Bool { prefixes.contains { path.hasPrefix($0) } || path == "/api" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.serves(request.uri.path) else { return try await next(request, context) }
        let t = catalog.translator(Self.language(request))
        var response: Response
        do {
            switch request.method {
            case .options: response = Self.preflight()
            case .get, .head:
                guard Self.accepts(request.headers[.accept]) else { throw APIProblem.notAcceptable }
                response = try await next(request, context)
            default: throw APIProblem.methodNotAllowed
            }
        } catch let problem as APIProblem {
            response = problem.response(t, instance: request.uri.path)
        } catch WebError.notFound {
            response = APIProblem.notFound.response(t, instance: request.uri.path)
        } catch let error as WebError where error.status.code < 500 {
            response = APIProblem(status: error.status, key: error.messageKey).response(t, instance: request.uri.path)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            response = APIProblem.notFound.response(t, instance: request.uri.path)
        } catch {
            context.logger.error("open data request failed", metadata: [
                "error": "\(databaseErrorDescription(error) ?? String(reflecting: error))", "path": "\(request.uri.path)"])
            response = APIProblem.internalError.response(t, instance: request.uri.path)
        }
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.accessControlExposeHeaders] = "ETag, Link"
        return response
    }

    /// A CORS preflight: any origin may read, nothing else.
    static func preflight() -> Response {
        Response(status: .noContent, headers: [
            .allow: methods, .accessControlAllowMethods: methods, .accessControlAllowHeaders: "Accept, Accept-Language, If-None-Match",
            .accessControlMaxAge: "86400",
        ])
    }

    /// Details in English when the client prefers it, German otherwise (the site's first language).
    static func language(_ request: Request) -> Language {
        let first = request.headers[.acceptLanguage]?.split(separator: ",").first?.split(separator: ";").first
        return first.map { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("en") } == true ? .en : .de
    }

    static func accepts(_ header: String?) -> Bool {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { return true }
        return header.split(separator: ",").contains { range in
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let type = parts.first else { return false }
            if parts.dropFirst().contains(where: { $0.replacingOccurrences(of: " ", with: "").range(of: #"^q=0(\.0*)?$"#, options: .regularExpression) != nil }) {
                return false
            }
            return type == "*/*" || type == "application/*" || served.contains(type)
        }
    }
}
