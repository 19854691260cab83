import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The public pages: start page, the configured legal pages, and the language switch.
struct PageRoutes {
    let basics: WebBasics
    let service: StartService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.start.route) { request, context in
            let today = Self.today()
            let version = "\(try await service.keys.key([.formats, .sessions]))|\(Timestamp.now.milliseconds / 3_600_000)"
            let routes = self
            let (model, _) = try await service.models.value("start", version: version) { try await routes.startModel(today: today) }
            return cachedForVisitors(version, request, context) {
                StartPage.render(model, basics.pageContext(context, path: request.uri.path))
            }
        }
        for key in RegionConfiguration.requiredPages {
            guard let page = basics.region.pages[key] else { continue }
            router.get(RouterPath(Site.configuredPage(key))) { request, context in
                cachedForVisitors("", request, context) {
                    ConfiguredPage.render(
                        title: page.title[context.language], body: page.body[context.language],
                        basics.pageContext(context, path: request.uri.path))
                }
            }
        }
        router.get(Site.language.route) { request, context in
            let language = request.uri.queryParameters.get("to").flatMap(Language.init(rawValue:)) ?? .default
            var response = Response.seeOther(localPath(request.uri.queryParameters.get("back")) ?? Site.start())
            response.setCookie(Cookie(
                name: VisitorMiddleware.languageCookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: Site.start(),
                secure: basics.usesHTTPS, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    func startModel(today: String) async throws -> StartPage.Model {
        var model = StartPage.Model(configuration: basics.region, today: today)
        var query = FormatQuery()
        query.limit = 3
        model.nextFormats = try await service.formats.list(query, now: .now).items.map { ($0, basics.clock.times($0)) }
        model.decisions = try await service.sessions.list(upcoming: false, now: Timestamp.now.milliseconds, limit: 12)
            .filter { $0.publishedAt != nil }.prefix(3).map {
                SessionListPage.Entry(id: $0.id.rawValue, body: $0.body, title: $0.title, start: basics.clock.local($0.startsAt).isoDate,
                                      place: $0.place, published: true)
            }
        return model
    }

    func cachedForVisitors(
        _ variant: String, _ request: Request, _ context: KonventRequestContext, render: () -> [UInt8]
    ) -> Response {
        basics.cachedForVisitors(variant, request, context, render: render)
    }

    static func today() -> String {
        CalendarDate.iso(milliseconds: Timestamp.now.milliseconds)
    }
}
