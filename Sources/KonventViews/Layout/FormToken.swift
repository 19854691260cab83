/// The CSRF token a page's forms carry, asked for only when a form is written: a page without a
/// form then costs no random draw, no HMAC and no cookie, and may be shared from the visitors' cache.
public struct FormToken: Sendable {
    private let make: @Sendable () -> String

    public init(_ make: @escaping @Sendable () -> String) { self.make = make }

    public static func constant(_ token: String) -> FormToken { FormToken { token } }

    public var value: String { make() }
}
