import KonventViews
import Foundation
import Hummingbird
import KonventDomain
import KonventStorage

/// Finds out who is asking: language (the switch's cookie), session, and the CSRF cookie
/// from which this request's form token is derived. A new CSRF cookie is set when there is none.
struct VisitorMiddleware: RouterMiddleware {
    typealias Context = KonventRequestContext
    let accounts: any AccountStore
    let csrf: CSRFTokens
    let usesHTTPS: Bool

    static let sessionCookie = "konvent_session"
    static let csrfCookie = "konvent_csrf"
    static let languageCookie = "konvent_lang"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.language = Self.language(request)
        if let value = request.cookies[Self.sessionCookie]?.value, !value.isEmpty {
            let token = SecretToken(value: value)
            if let user = try await accounts.sessionUser(token: token, at: .now) {
                context.user = user
                context.sessionToken = token
            }
        }
        let existing = request.cookies[Self.csrfCookie]?.value
        let csrfCookie = existing.flatMap { $0.isEmpty ? nil : $0 } ?? SecretToken().value
        context.csrfToken = csrf.token(cookie: csrfCookie, session: context.sessionToken?.value)
        var response = try await next(request, context)
        // The open data sets no cookie: its answers are the same for everyone and may be cached as such.
        if existing != csrfCookie && !OpenDataMiddleware.serves(request.uri.path) {
            response.setCookie(cookie(Self.csrfCookie, csrfCookie, maxAge: nil))
        }
        return response
    }

    /// German unless the visitor chose otherwise with the switch. The browser's Accept-Language is
    /// deliberately not used: the platform of a German region speaks German first, every visitor
    /// sees the same page for the same address, and the choice is one click away on every page.
    static func language(_ request: Request) -> Language {
        request.cookies[languageCookie].flatMap { Language(rawValue: $0.value) } ?? .default
    }

    func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: Site.start(), secure: usesHTTPS, httpOnly: true,
            sameSite: .lax)
    }
}
