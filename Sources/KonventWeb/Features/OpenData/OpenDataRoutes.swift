import Hummingbird
import KonventDomain
import KonventViews

/// `/daten`: the open data explained for people, linked from every page's footer.
struct OpenDataRoutes {
    let basics: WebBasics

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.openData.route) { _, context in
            let language = context.language
            let openData = basics.region.openData
            let model = OpenDataPage.Model(
                baseURL: basics.mails.link(""), licenceURI: openData.licenceURI,
                attribution: openData.attribution?[language] ?? basics.region.name[language], publisher: openData.publisher?[language],
                contact: openData.contact)
            return Response.html(OpenDataPage.render(model, basics.pageContext(context, path: Site.openData())))
        }
    }
}
