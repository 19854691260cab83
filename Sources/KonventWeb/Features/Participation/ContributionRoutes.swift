import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// Contributions: the public list with search and filters, the detail page, writing one, support
/// and comments.
struct ContributionRoutes {
    let basics: WebBasics
    let service: ParticipationService

    static let commentLength = 2...5000
    /// How long authors may still correct a comment: 15 minutes.
    static let editWindow: Int64 = 15 * 60 * 1000

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Contributions.list.route) { request, context in try await list(request, context) }
        router.get(Site.Contributions.new.route) { _, context in
            try basics.require(.contribute, context)
            let user = try basics.signedInUser(context)
            return Response.html(NewContributionPage.render(
                .init(region: basics.region, organisations: try await service.organisations.organisations(of: user.id)),
                basics.pageContext(context, path: Site.Contributions.new())))
        }
        router.post(Site.Contributions.list.route) { request, context in try await create(request, context) }
        router.get(Site.Contributions.page.route) { request, context in
            let t = basics.catalog.translator(context.language)
            let query = request.uri.queryParameters
            let notice = query.get("created") == "1" ? t("contribution.created")
                : query.get("reported") == "1" ? t("report.thanks") : query.get("edited") == "1" ? t("contribution.edit.saved") : nil
            return try await detail(try contributionID(context), context, notice: notice,
                                    mergeSearch: query.get("findDuplicate") ?? "")
        }
        router.get(Site.Contributions.edit.route) { _, context in
            let contribution = try await ownOpenContribution(context)
            return Response.html(EditContributionPage.render(
                .init(id: contribution.id, title: contribution.title, text: contribution.text),
                basics.pageContext(context, path: Site.Contributions.edit(contribution.id))))
        }
        router.post(Site.Contributions.edit.route) { request, context in try await edit(request, context) }
        router.post(Site.Contributions.support.route) { request, context in
            let id = try contributionID(context)
            try basics.require(.support, context)
            let user = try basics.signedInUser(context)
            try await basics.throttle.check(.support, user, request)
            guard try await service.contributions.contribution(id)?.status.isListed == true else { throw WebError.notFound }
            do { try await service.contributions.support(id, by: user.id) } catch StorageError.duplicate {
                // A second click changes nothing; the page says it is supported.
            }
            return Response.seeOther(Site.Contributions.page(id) + "#support-title")
        }
        router.post(Site.Contributions.withdrawSupport.route) { _, context in
            let id = try contributionID(context)
            try basics.require(.support, context)
            try await service.contributions.withdrawSupport(id, by: try basics.signedInUser(context).id)
            return Response.seeOther(Site.Contributions.page(id) + "#support-title")
        }
        router.post(Site.Contributions.comments.route) { request, context in try await comment(request, context) }
        router.post(Site.Contributions.follow.route) { _, context in
            let id = try contributionID(context)
            try basics.require(.follow, context)
            do { try await service.moderation.follow(id, user: try basics.signedInUser(context).id, at: .now) } catch StorageError.notFound {
                throw WebError.notFound
            }
            return Response.seeOther(Site.Contributions.page(id) + "#support-title")
        }
        router.post(Site.Contributions.unfollow.route) { _, context in
            let id = try contributionID(context)
            try basics.require(.follow, context)
            try await service.moderation.unfollow(id, user: try basics.signedInUser(context).id, at: .now)
            return Response.seeOther(Site.Contributions.page(id) + "#support-title")
        }
    }

    /// Whether new contributions wait for the office before they are published.
    func premoderation() async throws -> Bool {
        try await service.settings.value("premoderation") == "on"
    }

    func contributionID(_ context: KonventRequestContext) throws -> ContributionID {
        guard let id = context.parameters.get("id").flatMap(ContributionID.init) else { throw WebError.notFound }
        return id
    }

    func list(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        func value(_ name: String) -> String? { parameters.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        var query = ContributionQuery()
        query.search = String((value("q") ?? "").prefix(200))
        query.kind = value("kind").flatMap(Contribution.Kind.init(rawValue:))
        query.field = value("field").flatMap { key in basics.region.fieldsOfAction.first { $0.key == key }?.key }
        query.district = value("district").flatMap { key in basics.region.districts.first { $0.officialKey == key }?.officialKey }
        query.municipality = value("municipality").flatMap { basics.region.territory($0)?.kind == .municipality ? $0 : nil }
        query.status = value("status").flatMap(Contribution.Status.init(rawValue:)).flatMap { $0.isListed ? $0 : nil }
        query.format = value("format").flatMap(FormatID.init)
        // Themes are the office's own tags: its lists filter by them, the public's do not.
        let office = basics.policy.allows(context.actor, .analyse)
        if office { query.theme = value("theme").flatMap(ThemeID.init) }
        // A search term ranks by relevance unless another order is chosen.
        query.sort = value("sort").flatMap(ContributionQuery.Sort.init(rawValue:)) ?? (query.search.isEmpty ? .newest : .relevance)
        if query.sort == .relevance && query.search.trimmingWhitespace().isEmpty { query.sort = .newest }
        query.after = value("after").flatMap(PageKey.init)
        query.before = value("before").flatMap(PageKey.init)
        let page = try await service.contributions.list(query)
        func link(_ direction: String, _ key: PageKey?) -> String? {
            key.map { key in
                Site.Contributions.list().query([
                    ("q", query.search), ("kind", query.kind?.rawValue), ("field", query.field), ("district", query.district),
                    ("municipality", query.municipality), ("status", query.status?.rawValue), ("format", query.format?.description),
                    ("theme", query.theme?.description), ("sort", query.sort.rawValue), (direction, key.description),
                ])
            }
        }
        let next = link("after", page.next)
        var model = ContributionListPage.Model(
            region: basics.region, items: page.items, search: query.search, kind: query.kind?.rawValue, field: query.field,
            district: query.district, sort: query.sort.rawValue, nextPage: next,
            mayContribute: basics.policy.allows(context.actor, .contribute))
        model.municipality = query.municipality
        model.previousPage = link("before", page.previous)
        if office {
            model.exportQuery = "".query([
                ("q", query.search), ("kind", query.kind?.rawValue), ("field", query.field), ("district", query.district),
                ("municipality", query.municipality), ("status", query.status?.rawValue), ("format", query.format?.description),
                ("theme", query.theme?.description),
            ])
            model.themes = try await service.themes.themes().map { ($0.id.description, $0.name) }
            model.theme = query.theme?.description
        }
        model.correctedSearch = page.correctedSearch
        if query.district == nil, query.municipality == nil, let place = service.places.named(in: query.search) {
            var filtered: [(String, String?)] = [
                ("q", query.search), ("kind", query.kind?.rawValue), ("field", query.field), ("sort", query.sort.rawValue),
            ]
            filtered.append(place.kind == .municipality ? ("municipality", place.officialKey) : ("district", place.officialKey))
            model.placeFilter = (place.name, Site.Contributions.list().query(filtered))
        }
        model.total = try await service.count(query)
        model.totalIsCapped = model.total > ContributionPage.countLimit
        model.status = query.status?.rawValue
        if let id = query.format, let format = try await service.formats.format(id) { model.format = (id.rawValue, format.title) }
        return .html(ContributionListPage.render(model, basics.pageContext(
            context, path: Site.Contributions.list(),
            alternates: [.atom(basics.translator(context)("feed.alternate.contributions"), Site.Feeds.contributions() + "".query([
                ("kind", query.kind?.rawValue), ("field", query.field), ("district", query.district), ("municipality", query.municipality),
                ("status", query.status?.rawValue), ("format", query.format?.description), ("q", query.search),
            ]))])))
    }

    func create(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (user, form) = try await basics.posted(.contribute, request, context)
        try await basics.throttle.check(.contribution, user, request, form: form, textFields: ["title", "text"])
        let organisations = try await service.organisations.organisations(of: user.id)
        var model = NewContributionPage.Model(region: basics.region, organisations: organisations)
        model.read(form)
        let page = basics.pageContext(context, path: Site.Contributions.new())
        let draft: ContributionDraft
        do {
            draft = try ContributionDraft.validate(
                kind: model.kind, title: model.title, text: model.text, fields: form.all("fields"), district: model.district,
                municipality: model.municipality, organisation: model.organisation, anonymous: model.anonymous,
                region: basics.region, organisations: organisations.map(\.id), profile: model.profile)
        } catch {
            model.errors = error.errors
            return .html(NewContributionPage.render(model, page), status: .unprocessableContent)
        }
        // Before the first submission goes through, show what exists already (works without JavaScript).
        if !form.isChecked("seenSimilar") {
            model.similar = try await service.contributions.similar(to: draft.title + " " + draft.text, limit: 5)
                .map { ($0.contribution, $0.sharedWords) }
            if !model.similar.isEmpty { return .html(NewContributionPage.render(model, page)) }
        }
        let status: Contribution.Status = try await premoderation() ? .submitted : .published
        let id = try await service.contributions.create(draft, author: user.id, at: .now, status: status)
        // Waiting for moderation, the page itself says so; "published" would not be true yet.
        return .seeOther(Site.Contributions.page(id) + (status == .published ? "?created=1" : ""))
    }

    func detail(
        _ id: ContributionID, _ context: KonventRequestContext, commentText: String = "", errors: [FieldError] = [],
        status: HTTPResponse.Status = .ok, notice: String? = nil, mergeSearch: String = ""
    ) async throws -> Response {
        guard let contribution = try await service.contributions.contribution(id) else { throw WebError.notFound }
        let mayModerate = basics.policy.allows(context.actor, .moderate)
        // Waiting for moderation: only its author and the office see it.
        if contribution.status == .submitted && !mayModerate && context.user?.id != contribution.authorID { throw WebError.notFound }
        let now = Timestamp.now.milliseconds
        let comments = try await service.contributions.comments(on: id).map { comment in
            var view = ContributionPage.CommentView(
                id: comment.id.rawValue, parentID: comment.parentID?.rawValue, authorName: comment.authorName, body: comment.body,
                date: CalendarDate.iso(milliseconds: comment.createdAt.milliseconds), deleted: comment.deleted,
                hiddenReason: comment.hiddenReason)
            view.edited = comment.edited
            let own = basics.policy.allows(context.actor, .editOwnContent, on: .owned(by: comment.authorID))
            view.mayDelete = own
            view.mayEdit = own && comment.createdAt.milliseconds >= now - Self.editWindow
            return view
        }
        let supportDecision = basics.policy.decide(context.actor, .support)
        var supported: Bool?
        var following: Bool?
        if supportDecision.isAllowed, let user = context.user {
            supported = try await service.contributions.hasSupported(id, user: user.id)
            if basics.policy.allows(context.actor, .follow) {
                following = try await service.moderation.isFollowing(id, user: user.id)
            }
        }
        var denialKey: String?
        if case .deny(let reason) = supportDecision { denialKey = reason.catalogKey }
        var model = ContributionPage.Model(
            region: basics.region, contribution: contribution, comments: comments, supported: supported,
            mayComment: basics.policy.allows(context.actor, .comment), denialKey: denialKey, commentText: commentText,
            errors: errors, notice: notice)
        model.following = following
        model.mayReport = basics.policy.allows(context.actor, .report)
        model.mayModerate = mayModerate
        model.mayWriteMeasures = basics.policy.allows(context.actor, .writeMeasures)
        model.mayEdit = contribution.isOpenForItsAuthor
            && basics.policy.allows(context.actor, .editOwnContent, on: .owned(by: contribution.authorID))
        if mayModerate { model.versions = try await service.contributions.versions(of: id) }
        if basics.policy.allows(context.actor, .analyse) {
            model.themes = (try await service.themes.themes(of: id), try await service.themes.themes())
        }
        if mayModerate, !mergeSearch.trimmingWhitespace().isEmpty {
            model.mergeSearch = String(mergeSearch.trimmingWhitespace().prefix(200))
            model.mergeCandidates = try await service.contributions.find(model.mergeSearch, except: [id.rawValue])
        }
        let events = try await service.moderation.timeline(id)
        var titles: [Int64: String] = [:]
        for related in Set(events.compactMap { [.mergedInto, .mergedFrom].contains($0.kind) ? $0.relatedID : nil }) {
            titles[related] = try await service.contributions.contribution(ContributionID(related))?.title
        }
        var measureTitles: [Int64: String] = [:]
        for reference in try await service.measures.measures(from: id) {
            let ministries = try await service.measures.ministries(of: reference.id)
            guard basics.policy.allows(context.actor, .viewMeasure, on: .measure(state: reference.state, ministries: ministries)) else {
                continue
            }
            measureTitles[reference.id.rawValue] = "\(reference.code) \(reference.title)"
            let t = basics.catalog.translator(context.language)
            let state = MeasureStateName.name(reference.state, basics.region, t)
                + (reference.progress.map { " · " + t("progress.inShort", ["status": t($0.status.catalogKey), "percent": String($0.percent)]) } ?? "")
            model.measures.append((reference.id.rawValue, reference.code, reference.title, state))
        }
        // Steps of measures the visitor may not see (a draft) stay off the timeline.
        let aboutMeasures: Set<TimelineEvent.Kind> = [.measure, .progress]
        model.timeline = events.filter { !aboutMeasures.contains($0.kind) || $0.relatedID.map { measureTitles[$0] != nil } == true }.map { event in
            ContributionPage.TimelineItem(
                event: event, relatedTitle: event.relatedID.flatMap { aboutMeasures.contains(event.kind) ? measureTitles[$0] : titles[$0] })
        }
        if let target = contribution.mergedIntoID {
            model.mergedInto = (target.rawValue, titles[target.rawValue] ?? "#\(target)")
        }
        return .html(ContributionPage.render(model, basics.pageContext(
            context, path: Site.Contributions.page(id),
            alternates: contribution.status.isListed ? [.json(basics.translator(context)("feed.alternate.json"), Site.API.contribution(id))] : [])), status: status)
    }

    func comment(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let id = try contributionID(context)
        let (user, form) = try await basics.posted(.comment, request, context)
        let parent = form["parent"].flatMap(Comment.ID.init)
        let field = parent.map { "reply-\($0)" } ?? "comment"
        try await basics.throttle.check(.comment, user, request, form: form, textFields: [field])
        let body = form.string(field).replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        guard Self.commentLength.contains(body.count) else {
            let key = body.count < Self.commentLength.lowerBound ? "error.comment.short" : "error.comment.long"
            return try await detail(id, context, commentText: parent == nil ? body : "",
                                    errors: [FieldError(field: "comment", messageKey: key)], status: .unprocessableContent)
        }
        do {
            let commentID = try await service.contributions.addComment(to: id, parent: parent, author: user.id, body: body)
            return .seeOther(Site.Contributions.page(id) + "#comment-\(commentID)")
        } catch StorageError.notFound {
            throw WebError.notFound
        }
    }

    /// The contribution of the route, when the visitor wrote it and may still change it.
    func ownOpenContribution(_ context: KonventRequestContext) async throws -> Contribution {
        let id = try contributionID(context)
        guard let contribution = try await service.contributions.contribution(id) else { throw WebError.notFound }
        try basics.require(.editOwnContent, on: .owned(by: contribution.authorID), context)
        guard contribution.isOpenForItsAuthor else { throw WebError.denied(.wrongState) }
        return contribution
    }

    func edit(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let id = try contributionID(context)
        guard let contribution = try await service.contributions.contribution(id) else { throw WebError.notFound }
        let (user, form) = try await basics.posted(.editOwnContent, on: .owned(by: contribution.authorID), request, context)
        let title = form.string("title"), text = form.string("text")
        func again(_ errors: [FieldError], _ status: HTTPResponse.Status) -> Response {
            .html(EditContributionPage.render(.init(id: contribution.id, title: title, text: text, errors: errors),
                                              basics.pageContext(context, path: Site.Contributions.edit(contribution.id))), status: status)
        }
        // Taken up while the author was typing: the text stays on the page, nothing is saved.
        guard contribution.isOpenForItsAuthor else { return again([FieldError(field: "title", messageKey: "contribution.edit.closed")], .conflict) }
        let checked: ContributionEdit
        do throws(ValidationFailure) { checked = try ContributionEdit.validate(title: title, text: text) } catch {
            return again(error.errors, .unprocessableContent)
        }
        do {
            try await service.contributions.edit(contribution.id, checked, by: user.id, at: .now)
        } catch StorageError.refused {
            return again([FieldError(field: "title", messageKey: "contribution.edit.closed")], .conflict)
        }
        return .seeOther(Site.Contributions.page(contribution.id).query(["edited": "1"]))
    }
}
