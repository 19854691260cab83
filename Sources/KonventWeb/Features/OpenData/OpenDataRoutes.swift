import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// `/daten`: the open data explained for people, linked from every page's footer.
struct OpenDataRoutes {
    let basics: WebBasics
    let service: OpenDataService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.openData.route) { _, context in
            let language = context.language
            let openData = basics.region.openData
            let model = OpenDataPage.Model(
                baseURL: basics.mails.link(""), licenceURI: openData.licenceURI,
                attribution: openData.attribution?[language] ?? basics.region.name[language], publisher: openData.publisher?[language],
                contact: openData.contact)
            return Response.html(OpenDataPage.render(model, basics.pageContext(
                context, path: Site.openData(),
                alternates: [.init(title: basics.translator(context)("feed.alternate.catalogue"), type: "text/turtle", href: Site.DCAT.turtle())])))
        }
        router.get(Site.DCAT.turtle.route) { request, _ in
            APIResponse.bytes(try await kept("ttl") { Array(try await catalog().graph().turtle(prefixes: DCATCatalog.prefixes).utf8) }, request,
                              contentType: "text/turtle; charset=utf-8", maxAge: 600)
        }
        router.get(Site.DCAT.jsonLD.route) { request, _ in
            APIResponse.bytes(try await kept("jsonld") { try await catalog().graph().jsonLD() }, request,
                              contentType: "application/ld+json; charset=utf-8", maxAge: 600)
        }
        // The catalogue's own address, and its datasets', lead to what people read.
        router.get(Site.DCAT.catalog.route) { _, _ in Response.seeOther(Site.DCAT.turtle()) }
        router.get(Site.DCAT.dataset.route) { _, context in
            let key = context.parameters.get("key") ?? ""
            guard let dataset = try await catalog().datasets.first(where: { $0.key == key }) else { throw WebError.notFound }
            return Response.seeOther(dataset.landingPage)
        }
    }

    func catalog() async throws -> DCATCatalog {
        DCATCatalog(region: basics.region, link: basics.mails.link, time: basics.clock.iso8601, spans: try await service.spans.spans(),
                    latestVersion: try await service.masterplan.versions().map(\.number).max())
    }

    /// The catalogue is made once per data version: its dates come from MIN/MAX over every table.
    func kept(_ format: String, _ make: @escaping @Sendable () async throws -> [UInt8]) async throws -> [UInt8] {
        let version = try await service.keys.key([.contributions, .formats, .measures, .sessions, .masterplan])
        return try await service.files.value("dcat|\(format)", version: version) { try await make() }.value
    }
}
