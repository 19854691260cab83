import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The public pages: start page, the configured legal pages, and the language switch.
struct PageRoutes {
    let basics: WebBasics

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.start.route) { request, context in
            let today = Self.today()
            return cachedForVisitors("\(today)", request, context) {
                StartPage.render(StartPage.Model(configuration: basics.region, today: today),
                                 basics.pageContext(context, path: request.uri.path))
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

    func cachedForVisitors(
        _ variant: String, _ request: Request, _ context: KonventRequestContext, render: () -> [UInt8]
    ) -> Response {
        basics.cachedForVisitors(variant, request, context, render: render)
    }

    static func today() -> String {
        CalendarDate.iso(milliseconds: Timestamp.now.milliseconds)
    }
}
