import KonventViews
import Foundation
import Hummingbird
import KonventDomain
import KonventStorage

/// Finds out who is asking: language (the switch's cookie), session, and the CSRF cookie
/// from which this request's form token is derived. A new CSRF cookie is set when there is none
/// and the answer has a form.
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
        let csrf = CSRFState(tokens: self.csrf, existingCookie: request.cookies[Self.csrfCookie]?.value,
                             session: context.sessionToken?.value)
        context.csrf = csrf
        var response = try await next(request, context)
        // Set only when a form of this answer carries a token made from it, so that pages without a
        // form (and the open data, whose answers are the same for everyone) set no cookie.
        if let cookie = csrf.cookieToSet {
            response.setCookie(self.cookie(Self.csrfCookie, cookie, maxAge: nil))
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
