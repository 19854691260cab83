import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// Contributions: the public list with search and filters, the detail page, writing one, support
/// and comments.
struct ContributionRoutes {
    let services: Services

    static let commentLength = 2...5000

    func add(to router: Router<KonventRequestContext>) {
        router.get("/contributions") { request, context in try await list(request, context) }
        router.get("/contributions/new") { _, context in
            try services.require(.contribute, context)
            let user = try services.signedInUser(context)
            return Response.html(NewContributionPage.render(
                .init(region: services.region, organisations: try await services.accounts.organisations(of: user.id)),
                services.pageContext(context, path: "/contributions/new")))
        }
        router.post("/contributions") { request, context in try await create(request, context) }
        router.get("/contributions/{id}") { request, context in
            let created = request.uri.queryParameters.get("created") == "1"
            return try await detail(
                try contributionID(context), context,
                notice: created ? services.catalog.translator(context.language)("contribution.created") : nil)
        }
        router.post("/contributions/{id}/support") { _, context in
            let id = try contributionID(context)
            try services.require(.support, context)
            guard try await services.contributions.contribution(id)?.status.isListed == true else { throw WebError.notFound }
            do { try await services.contributions.support(id, by: try services.signedInUser(context).id) } catch StorageError.duplicate {
                // A second click changes nothing; the page says it is supported.
            }
            return Response.seeOther("/contributions/\(id)#support-title")
        }
        router.post("/contributions/{id}/support/withdraw") { _, context in
            let id = try contributionID(context)
            try services.require(.support, context)
            try await services.contributions.withdrawSupport(id, by: try services.signedInUser(context).id)
            return Response.seeOther("/contributions/\(id)#support-title")
        }
        router.post("/contributions/{id}/comments") { request, context in try await comment(request, context) }
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
        query.field = value("field").flatMap { key in services.region.fieldsOfAction.first { $0.key == key }?.key }
        query.district = value("district").flatMap { key in services.region.districts.first { $0.officialKey == key }?.officialKey }
        query.sort = value("sort").flatMap(ContributionQuery.Sort.init(rawValue:)) ?? .newest
        query.after = value("after").flatMap(PageKey.init)
        let page = try await services.contributions.list(query)
        var next: String?
        if let key = page.next {
            var items = [("q", query.search), ("kind", query.kind?.rawValue ?? ""), ("field", query.field ?? ""),
                         ("district", query.district ?? ""), ("sort", query.sort.rawValue)].filter { !$0.1.isEmpty }
            items.append(("after", key.description))
            next = "/contributions?" + items.map { "\($0.0)=\(Layout.percentEncoded($0.1))" }.joined(separator: "&")
        }
        let model = ContributionListPage.Model(
            region: services.region, items: page.items, search: query.search, kind: query.kind?.rawValue, field: query.field,
            district: query.district, sort: query.sort.rawValue, nextPage: next,
            mayContribute: services.policy.allows(context.actor, .contribute))
        return .html(ContributionListPage.render(model, services.pageContext(context, path: "/contributions")))
    }

    func create(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        try services.require(.contribute, context)
        let user = try services.signedInUser(context)
        let form = try await request.form(context)
        let organisations = try await services.accounts.organisations(of: user.id)
        var model = NewContributionPage.Model(region: services.region, organisations: organisations)
        model.kind = form.string("kind")
        model.title = form.string("title")
        model.text = form.string("text")
        model.fields = Set(form.all("fields"))
        model.district = form.string("district")
        model.municipality = form.string("municipality")
        model.organisation = form.string("organisation")
        model.anonymous = form.isChecked("anonymous")
        let page = services.pageContext(context, path: "/contributions/new")
        let draft: ContributionDraft
        do {
            draft = try ContributionDraft.validate(
                kind: model.kind, title: model.title, text: model.text, fields: form.all("fields"), district: model.district,
                municipality: model.municipality, organisation: model.organisation, anonymous: model.anonymous,
                region: services.region, organisations: organisations.map(\.id))
        } catch {
            model.errors = error.errors
            return .html(NewContributionPage.render(model, page), status: .unprocessableContent)
        }
        // Before the first submission goes through, show what exists already (works without JavaScript).
        if !form.isChecked("seenSimilar") {
            model.similar = try await services.contributions.similar(to: draft.title + " " + draft.text, limit: 5)
            if !model.similar.isEmpty { return .html(NewContributionPage.render(model, page)) }
        }
        let id = try await services.contributions.create(draft, author: user.id, at: .now)
        return .seeOther("/contributions/\(id)?created=1")
    }

    func detail(
        _ id: ContributionID, _ context: KonventRequestContext, commentText: String = "", errors: [FieldError] = [],
        status: HTTPResponse.Status = .ok, notice: String? = nil
    ) async throws -> Response {
        guard let contribution = try await services.contributions.contribution(id), contribution.status.isListed else {
            throw WebError.notFound
        }
        let comments = try await services.contributions.comments(on: id).map { comment in
            ContributionPage.CommentView(
                id: comment.id.rawValue, parentID: comment.parentID?.rawValue, authorName: comment.authorName, body: comment.body,
                date: CalendarDate.iso(milliseconds: comment.createdAt.milliseconds), deleted: comment.deleted,
                hiddenReason: comment.hiddenReason)
        }
        let supportDecision = services.policy.decide(context.actor, .support)
        var supported: Bool?
        if supportDecision.isAllowed, let user = context.user {
            supported = try await services.contributions.hasSupported(id, user: user.id)
        }
        var denialKey: String?
        if case .deny(let reason) = supportDecision { denialKey = reason.catalogKey }
        let model = ContributionPage.Model(
            region: services.region, contribution: contribution, comments: comments, supported: supported,
            mayComment: services.policy.allows(context.actor, .comment), denialKey: denialKey, commentText: commentText,
            errors: errors, notice: notice)
        return .html(ContributionPage.render(model, services.pageContext(context, path: "/contributions/\(id)")), status: status)
    }

    func comment(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let id = try contributionID(context)
        try services.require(.comment, context)
        let user = try services.signedInUser(context)
        let form = try await request.form(context)
        let parent = form["parent"].flatMap(Comment.ID.init)
        let field = parent.map { "reply-\($0)" } ?? "comment"
        let body = form.string(field).replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        guard Self.commentLength.contains(body.count) else {
            let key = body.count < Self.commentLength.lowerBound ? "error.comment.short" : "error.comment.long"
            return try await detail(id, context, commentText: parent == nil ? body : "",
                                    errors: [FieldError(field: "comment", messageKey: key)], status: .unprocessableContent)
        }
        do {
            let commentID = try await services.contributions.addComment(to: id, parent: parent, author: user.id, body: body)
            return .seeOther("/contributions/\(id)#comment-\(commentID)")
        } catch StorageError.notFound {
            throw WebError.notFound
        }
    }
}
