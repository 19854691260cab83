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

    static let sessionCookie = VisitorCookies.sessionName
    static let csrfCookie = VisitorCookies.csrfName
    static let languageCookie = VisitorCookies.languageName

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let cookies = VisitorCookies(request.headers)
        context.language = Self.language(cookies)
        if let value = cookies.session, !value.isEmpty {
            let token = SecretToken(value: value)
            if let user = try await accounts.sessionUser(token: token, at: .now) {
                context.user = user
                context.sessionToken = token
            }
        }
        let csrf = CSRFState(tokens: self.csrf, existingCookie: cookies.csrf,
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
    static func language(_ cookies: VisitorCookies) -> Language {
        cookies.language.flatMap(Language.init(rawValue:)) ?? .default
    }

    func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: Site.start(), secure: usesHTTPS, httpOnly: true,
            sameSite: .lax)
    }
}
