import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// `/search`: the site-wide search. Drafts and unreleased decisions only for those who may write measures.
struct SearchRoutes {
    let basics: WebBasics
    let service: SearchService

    static let perKind = 5
    static let perKindFiltered = 50

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.search.route) { request, context in try await search(request, context) }
    }

    func search(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        let text = String((parameters.get("q") ?? "").prefix(200))
        let kind = parameters.get("type").flatMap { SearchPage.kinds.contains($0) ? $0 : nil }
        var model = SearchPage.Model(search: text, kind: kind, sections: [])
        if !text.trimmingWhitespace().isEmpty {
            let shown = kind == nil ? Self.perKind : Self.perKindFiltered
            if kind == nil || kind == "contributions" {
                var query = ContributionQuery()
                query.search = text
                query.sort = .relevance
                query.limit = shown
                let page = try await service.contributions.list(query)
                let total = try await service.contributions.count(query)
                var section = SearchPage.Section(
                    kind: "contributions", total: total,
                    hits: page.items.map { .init(title: $0.title, href: Site.Contributions.page($0.id), snippet: SearchPage.snippet($0.text)) },
                    more: Site.Contributions.list().query(["q": text]))
                section.totalIsCapped = total > ContributionPage.countLimit
                model.sections.append(section)
                model.correctedSearch = page.correctedSearch
            }
            let terms = service.search.terms(text)
            let hits = try await service.index().search(terms, includeInternal: basics.policy.allows(context.actor, .writeMeasures))
            for other in SiteSearchIndex.Kind.allCases where kind == nil || kind == other.rawValue {
                let found = hits[other] ?? []
                model.sections.append(.init(
                    kind: other.rawValue, total: found.count,
                    hits: found.prefix(shown).map { .init(title: $0.document.title, href: $0.document.href, snippet: SearchPage.snippet($0.document.text)) },
                    more: Site.search().query(["q": text, "type": other.rawValue])))
            }
        }
        return .html(SearchPage.render(model, basics.pageContext(context, path: Site.search())))
    }
}
