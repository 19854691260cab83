import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The office's themes: created by name, carried by contributions (chosen on a contribution's page
/// or from the similarity search's suggestions), counted, and filtered by in the office's lists.
struct ThemeRoutes {
    let basics: WebBasics
    let themes: any ThemeStore
    let contributions: any ContributionStore

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Themes.list.route) { _, context in try await list(context) }
        router.post(Site.Themes.list.route) { request, context in
            let (user, form) = try await basics.posted(.analyse, request, context)
            let typed = form.string("name")
            let name: String
            do throws(FieldError) { name = try Theme.name(typed) } catch {
                return try await list(context, name: typed, errors: [error], status: .unprocessableContent)
            }
            do {
                let id = try await themes.create(name, actor: user.id, at: .now)
                return Response.seeOther(Site.Themes.page(id))
            } catch StorageError.duplicate {
                return try await list(context, name: typed, errors: [FieldError(field: "name", messageKey: "theme.error.taken")], status: .conflict)
            }
        }
        router.get(Site.Themes.page.route) { request, context in
            try basics.require(.analyse, context)
            guard let theme = try await themes.theme(try themeID(context)) else { throw WebError.notFound }
            let t = basics.translator(context)
            let added = request.uri.queryParameters.get("added").flatMap(Int.init)
            let model = ThemePages.PageModel(theme: theme, suggestions: try await suggestions(theme),
                                             notice: added.map { t.count("themes.added", $0) })
            return Response.html(ThemePages.page(model, basics.pageContext(context, path: Site.Themes.page(theme.id))))
        }
        router.post(Site.Themes.tag.route) { request, context in
            let (user, form) = try await basics.posted(.analyse, request, context)
            let theme = try themeID(context)
            let chosen = form.all("contribution").compactMap(ContributionID.init)
            guard !chosen.isEmpty else { throw WebError.unprocessable("theme.error.noneChosen") }
            try await refusingUnknown { try await themes.tag(chosen, with: theme, actor: user.id, at: .now) }
            return Response.seeOther(Site.Themes.page(theme).query(["added": String(Set(chosen).count)]))
        }
        router.post(Site.Contributions.themes.route) { request, context in
            let (user, form) = try await basics.posted(.analyse, request, context)
            guard let contribution = context.parameters.get("id").flatMap(ContributionID.init) else { throw WebError.notFound }
            guard let theme = ThemeID(form.string("theme")) else { throw WebError.unprocessable("theme.error.noneChosen") }
            try await refusingUnknown { try await themes.tag([contribution], with: theme, actor: user.id, at: .now) }
            return Response.seeOther(Site.Contributions.page(contribution).fragment("themes-title"))
        }
        router.post(Site.Themes.untag.route) { request, context in
            let (user, _) = try await basics.posted(.analyse, request, context)
            let theme = try themeID(context)
            guard let contribution = context.parameters.get("contribution").flatMap(ContributionID.init) else { throw WebError.notFound }
            try await themes.untag(contribution, from: theme, actor: user.id, at: .now)
            return Response.seeOther(Site.Contributions.page(contribution).fragment("themes-title"))
        }
        router.post(Site.Themes.delete.route) { request, context in
            let (user, _) = try await basics.posted(.analyse, request, context)
            try await refusingUnknown { try await themes.delete(try themeID(context), actor: user.id, at: .now) }
            return Response.seeOther(Site.Themes.list())
        }
    }

    func themeID(_ context: KonventRequestContext) throws -> ThemeID {
        guard let id = context.parameters.get("id").flatMap(ThemeID.init) else { throw WebError.notFound }
        return id
    }

    func refusingUnknown(_ act: () async throws -> Void) async throws {
        do { try await act() } catch StorageError.notFound { throw WebError.notFound }
    }

    func list(_ context: KonventRequestContext, name: String = "", errors: [FieldError] = [], status: HTTPResponse.Status = .ok) async throws
        -> Response {
        try basics.require(.analyse, context)
        let model = ThemePages.ListModel(themes: try await themes.themes(), name: name, errors: errors)
        return Response.html(ThemePages.list(model, basics.pageContext(context, path: Site.Themes.list())), status: status)
    }

    /// Candidates for the theme, less what carries it already: first what the similarity engine finds
    /// like the theme's name and a few of its members (two shared rare words, as for near-duplicates),
    /// then the best matches of a search for the name itself (compounds and prefixes included).
    func suggestions(_ theme: Theme) async throws -> [(id: Int64, title: String, shared: [String])] {
        var members = ContributionQuery()
        members.theme = theme.id
        members.limit = 5
        let titles = try await contributions.list(members).items.map(\.title)
        var found = try await contributions.similar(to: ([theme.name] + titles).joined(separator: ". "), limit: 40)
            .map { (id: $0.contribution.id, title: $0.contribution.title, shared: $0.sharedWords) }
        var search = ContributionQuery()
        search.search = theme.name
        search.sort = .relevance
        search.limit = 40
        for item in try await contributions.list(search).items where !found.contains(where: { $0.id == item.id }) {
            found.append((item.id, item.title, []))
        }
        let tagged = try await themes.tagged(found.map(\.id), with: theme.id)
        return found.filter { !tagged.contains($0.id) }.prefix(20).map { ($0.id.rawValue, $0.title, $0.shared) }
    }
}
