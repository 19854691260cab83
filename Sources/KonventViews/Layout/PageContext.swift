import KonventDomain

/// What every page needs besides its own model: the language, who is signed in, the CSRF token
/// for its forms, and where it is (for the language switch and the current navigation item).
public struct PageContext: Sendable {
    public var t: Translator
    public var siteName: String
    public var path: String
    public var user: SignedIn?
    public var formToken: FormToken
    public var csrfToken: String { formToken.value }
    /// Fingerprint appended to static asset URLs so that browsers may cache them for long.
    public var assetVersion: String
    /// The same content in other forms (a feed, JSON), named in the page's head for readers and browsers.
    public var alternates: [Alternate] = []

    public struct Alternate: Sendable, Equatable {
        public var title: String
        public var type: String
        public var href: String

        public init(title: String, type: String, href: String) {
            self.title = title
            self.type = type
            self.href = href
        }

        public static func atom(_ title: String, _ href: String) -> Alternate { Alternate(title: title, type: "application/atom+xml", href: href) }
        public static func json(_ title: String, _ href: String) -> Alternate { Alternate(title: title, type: "application/json", href: href) }
    }

    public struct SignedIn: Sendable {
        public var displayName: String
        public var role: Role
        /// Whether the navigation offers the moderation queue (decided by the policy, not here).
        public var mayModerate: Bool
        /// Whether the navigation offers the review desk (the office, the bodies, the ministries).
        public var mayReview: Bool
        /// Whether the navigation offers the analysis of contributions (the office).
        public var mayAnalyse: Bool
        /// Whether the navigation offers the administrator's console.
        public var mayAdminister: Bool
        public init(displayName: String, role: Role, mayModerate: Bool = false, mayReview: Bool = false, mayAnalyse: Bool = false,
                    mayAdminister: Bool = false) {
            self.mayAdminister = mayAdminister
            self.displayName = displayName
            self.role = role
            self.mayModerate = mayModerate
            self.mayReview = mayReview
            self.mayAnalyse = mayAnalyse
        }
    }

    public init(t: Translator, siteName: String, path: String, user: SignedIn?, formToken: FormToken, assetVersion: String) {
        self.t = t
        self.siteName = siteName
        self.path = path
        self.user = user
        self.formToken = formToken
        self.assetVersion = assetVersion
    }

    public init(t: Translator, siteName: String, path: String, user: SignedIn?, csrfToken: String, assetVersion: String) {
        self.init(t: t, siteName: siteName, path: path, user: user, formToken: .constant(csrfToken), assetVersion: assetVersion)
    }

    public var language: Language { t.language }
}
