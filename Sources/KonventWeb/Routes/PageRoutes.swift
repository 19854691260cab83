import Foundation
import Hummingbird
import KonventDomain
import KonventViews

/// The public pages: start page, the configured legal pages, and the language switch.
struct PageRoutes {
    let services: Services

    func add(to router: Router<KonventRequestContext>) {
        router.get("/") { request, context in
            let model = StartPage.Model(configuration: services.region, today: Self.today())
            return Response.html(StartPage.render(model, services.pageContext(context, path: request.uri.path)))
        }
        for key in RegionConfiguration.requiredPages {
            router.get(RouterPath(stringLiteral: "/\(key)")) { request, context in
                guard let page = services.region.pages[key] else { throw WebError.notFound }
                return Response.html(ConfiguredPage.render(
                    title: page.title[context.language], body: page.body[context.language],
                    services.pageContext(context, path: request.uri.path)))
            }
        }
        router.get("/language") { request, context in
            let language = request.uri.queryParameters.get("to").flatMap(Language.init(rawValue:)) ?? .default
            var response = Response.seeOther(localPath(request.uri.queryParameters.get("back")) ?? "/")
            response.setCookie(Cookie(
                name: VisitorMiddleware.languageCookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                secure: services.configuration.usesHTTPS, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    static func today() -> String {
        Date().formatted(.iso8601.year().month().day())
    }
}
