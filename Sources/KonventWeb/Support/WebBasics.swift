import Hummingbird
import KonventDomain
import KonventViews

/// What the routes of every module share, and nothing more: the one permission policy, the region
/// and its clock and map, the catalog, the page context builder, the visitors' page cache, the
/// write throttle and the mail texts. Stores and caches belong to the modules' services.
struct WebBasics: Sendable {
    let policy: PermissionPolicy
    let region: RegionConfiguration
    let catalog: Catalog
    let clock: RegionClock
    let map: ProjectedMap?
    let assetVersion: String
    let pageCache: PageCache
    let throttle: WriteThrottle
    let mails: Mails
    let usesHTTPS: Bool
    let trustedProxies: Int

    func translator(_ context: KonventRequestContext) -> Translator { catalog.translator(context.language) }

    func pageContext(_ context: KonventRequestContext, path: String) -> PageContext {
        PageContext(
            t: catalog.translator(context.language), siteName: region.name[context.language], path: path,
            user: context.user.map {
                .init(displayName: $0.displayName, role: $0.role, mayModerate: policy.allows(context.actor, .moderate),
                      mayReview: policy.allows(context.actor, .viewDecisions, on: .session(chair: nil, published: false)),
                      mayAnalyse: policy.allows(context.actor, .analyse), mayAdminister: policy.allows(context.actor, .manageUsers))
            }, formToken: context.csrf?.formToken ?? .constant(""),
            assetVersion: assetVersion)
    }

    /// The same, naming the page's other forms (feeds, JSON) in its head.
    func pageContext(_ context: KonventRequestContext, path: String, alternates: [PageContext.Alternate]) -> PageContext {
        var page = pageContext(context, path: path)
        page.alternates = alternates
        return page
    }

    /// Whether a visitor without an account sees a measure in this state (what open data may publish).
    func isPublicMeasure(_ state: MeasureState) -> Bool {
        policy.allows(.anonymous, .viewMeasure, on: .measure(state: state, ministries: []))
    }

    /// Whether a visitor without an account sees the session's decisions and minutes (released).
    func isReleased(_ session: BodySession) -> Bool {
        policy.allows(.anonymous, .viewDecisions, on: SessionRoutes.subject(session))
    }

    /// Asks the policy and throws the denial, so that a handler reads as one line per rule.
    func require(_ action: Action, on subject: Subject = .platform, _ context: KonventRequestContext) throws {
        if case .deny(let reason) = policy.decide(context.actor, action, on: subject) { throw WebError.denied(reason) }
    }

    /// The prelude of a form sent by a signed-in person: the policy's answer, the person and the form.
    func posted(
        _ action: Action, on subject: Subject = .platform, _ request: Request, _ context: KonventRequestContext
    ) async throws -> (user: User, form: FormData) {
        try require(action, on: subject, context)
        let user = try signedInUser(context)
        var request = request
        return (user, try await request.form(context))
    }

    /// The signed-in person, allowed `action` on their own account.
    func ownAccount(_ action: Action, _ context: KonventRequestContext) throws -> User {
        let user = try signedInUser(context)
        try require(action, on: .account(owner: user.id), context)
        return user
    }

    /// The same for a form sent from the account page.
    func postedOnOwnAccount(
        _ action: Action, _ request: Request, _ context: KonventRequestContext
    ) async throws -> (user: User, form: FormData) {
        let user = try ownAccount(action, context)
        var request = request
        return (user, try await request.form(context))
    }

    /// The signed-in user, or a redirect to the sign-in page.
    func signedInUser(_ context: KonventRequestContext) throws -> User {
        guard let user = context.user else { throw WebError.denied(.signInRequired) }
        return user
    }

    /// Anonymous visitors share one rendering per page, language and `variant` (a data version);
    /// signed-in people get theirs fresh (their header carries their name and a sign-out form).
    func cachedForVisitors(
        _ variant: String, _ request: Request, _ context: KonventRequestContext, render: () -> [UInt8]
    ) -> Response {
        guard context.user == nil else { return .html(render()) }
        return pageCache.response(
            key: "\(context.language.rawValue)|\(request.uri.path)|\(variant)", request: request, render: render)
    }

    /// The client's address for rate limits.
    func clientAddress(_ request: Request, _ context: KonventRequestContext) -> String {
        forwardedClientAddress(
            forwardedFor: request.headers[values: .init("X-Forwarded-For")!], peer: context.peerAddress,
            trustedProxies: trustedProxies)
    }

    /// A cookie of this site: HttpOnly, SameSite=Lax, Secure under https.
    func cookie(_ name: String, value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: usesHTTPS, httpOnly: true, sameSite: .lax)
    }
}
