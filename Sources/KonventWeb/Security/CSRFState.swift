import KonventStorage
import KonventViews
import Synchronization

/// This request's CSRF cookie and form token, made when a form first asks for the token. Most
/// public pages have no form: for them no cookie is drawn, no HMAC computed and no cookie set, so
/// that the same answer can go to every visitor.
final class CSRFState: Sendable {
    private let tokens: CSRFTokens
    private let existingCookie: String?
    private let session: String?
    private let made = Mutex<(cookie: String, token: String)?>(nil)

    init(tokens: CSRFTokens, existingCookie: String?, session: String?) {
        self.tokens = tokens
        self.existingCookie = existingCookie.flatMap { $0.isEmpty ? nil : $0 }
        self.session = session
    }

    var token: String {
        made.withLock { made in
            if let made { return made.token }
            let cookie = existingCookie ?? SecretToken().value
            let token = tokens.token(cookie: cookie, session: session)
            made = (cookie, token)
            return token
        }
    }

    var formToken: FormToken { FormToken { self.token } }

    /// Whether a form of this answer carries a token: such an answer is this visitor's alone.
    var madeToken: Bool { made.withLock { $0 != nil } }

    /// The cookie the answer must set: a new one, when one of its forms carries a token made from it.
    var cookieToSet: String? {
        made.withLock { made in existingCookie == nil ? made?.cookie : nil }
    }
}
