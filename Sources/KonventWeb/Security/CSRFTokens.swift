import Crypto
import Foundation

/// Signed double-submit tokens: the browser holds a random value in an HttpOnly cookie, and each
/// form carries an HMAC of that value and the session under the installation's secret. Another
/// site can neither read the cookie nor compute the HMAC, so it cannot forge a form.
public struct CSRFTokens: Sendable {
    let secret: Data

    public init(secret: String) { self.secret = Data(secret.utf8) }

    public func token(cookie: String, session: String?) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(cookie)|\(session ?? "")".utf8), using: SymmetricKey(data: secret))
        return Array(mac).base64URLString
    }

    public func isValid(_ token: String, cookie: String, session: String?) -> Bool {
        let expected = Array(self.token(cookie: cookie, session: session).utf8)
        let given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        // Constant time, so that the comparison does not leak how much of a guess was right.
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
