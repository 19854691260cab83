import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// Who may act for an organisation: members decide on requests to join; the office verifies
/// organisations, reviews memberships made before confirmation was needed, and removes members.
struct OrganisationRoutes {
    let basics: WebBasics
    let service: AccountsService
    static let pageSize = 100

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Organisations.list.route) { request, context in
            try basics.require(.manageOrganisations, context)
            return try await list(after: request.uri.queryParameters.get("after"), context, notice: nil)
        }
        router.get(Site.Organisations.page.route) { request, context in
            try basics.require(.manageOrganisations, context)
            return try await detail(try organisationID(context), context, notice: nil,
                                    mergeSearch: request.uri.queryParameters.get("findDuplicate") ?? "")
        }
        router.post(Site.Organisations.merge.route) { request, context in
            let (actor, form) = try await basics.posted(.manageOrganisations, request, context)
            let id = try organisationID(context)
            guard let survivor = OrganisationID(form.string("into")) else {
                return try await detail(id, context, notice: nil, errors: [FieldError(field: "into", messageKey: "organisations.merge.choose")],
                                        status: .unprocessableContent)
            }
            do { try await service.organisations.merge(id, into: survivor, by: actor.id, at: .now) } catch StorageError.notFound {
                throw WebError.notFound
            } catch StorageError.refused {
                throw WebError.unprocessable("organisations.merge.itself")
            }
            return try await detail(survivor, context, notice: t(context)("organisations.merge.done"))
        }
        router.post(Site.Organisations.verification.route) { request, context in
            var request = request
            try basics.require(.manageOrganisations, context)
            let id = try organisationID(context), actor = try basics.signedInUser(context)
            let verified = try await request.form(context).string("verified") == "1"
            do { try await service.organisations.setVerified(id, verified, by: actor.id, at: .now) } catch StorageError.notFound {
                throw WebError.notFound
            }
            return try await detail(id, context, notice: t(context)(verified ? "organisations.verified" : "organisations.unverified"))
        }
        router.post(Site.Organisations.confirm.route) { request, context in
            try await decide(accept: true, request, context)
        }
        router.post(Site.Organisations.decline.route) { request, context in
            try await decide(accept: false, request, context)
        }
        router.post(Site.Organisations.keep.route) { _, context in
            try basics.require(.manageOrganisations, context)
            let (id, member) = try ids(context)
            try await service.organisations.markReviewed(id, member: member, by: try basics.signedInUser(context).id, at: .now)
            return try await list(after: nil, context, notice: t(context)("organisations.review.kept"))
        }
        router.post(Site.Organisations.remove.route) { _, context in
            try basics.require(.manageOrganisations, context)
            let (id, member) = try ids(context)
            do {
                try await service.organisations.removeMember(id, member: member, by: try basics.signedInUser(context).id, at: .now)
            } catch StorageError.notFound { throw WebError.notFound }
            return try await detail(id, context, notice: t(context)("organisations.member.removed"))
        }
    }

    /// A member's or the office's answer to a request; members return to their account page.
    func decide(accept: Bool, _ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (id, member) = try ids(context)
        let actor = try basics.signedInUser(context)
        let members = try await service.organisations.confirmedMembers(of: id)
        try basics.require(.confirmMembership, on: .organisation(members: members), context)
        guard try await service.organisations.decide(id, member: member, accept: accept, by: actor.id, at: .now) else {
            throw WebError.conflict("organisation.request.gone")
        }
        let notice = accept ? "organisation.request.confirmed" : "organisation.request.declined"
        if members.contains(actor.id) { return try await AccountRoutes(basics: basics, service: service).page(actor, context, notice: t(context)(notice)) }
        return try await detail(id, context, notice: t(context)(notice))
    }

    func list(after: String?, _ context: KonventRequestContext, notice: String?) async throws -> Response {
        let rows = try await service.organisations.list(after: after, limit: Self.pageSize + 1)
        let model = OrganisationsPage.Model(
            requests: try await service.organisations.openRequests(limit: 200),
            toReview: try await service.organisations.membershipsToReview(limit: 200),
            organisations: Array(rows.prefix(Self.pageSize)),
            next: rows.count > Self.pageSize ? rows[Self.pageSize - 1].organisation.name : nil, notice: notice)
        return .html(OrganisationsPage.render(model, basics.pageContext(context, path: Site.Organisations.list())))
    }

    func detail(
        _ id: OrganisationID, _ context: KonventRequestContext, notice: String?, mergeSearch: String = "", errors: [FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let organisation = try await service.organisations.organisation(id) else { throw WebError.notFound }
        let members = try await service.organisations.members(of: id, limit: 500)
        let search = String(mergeSearch.trimmingWhitespace().prefix(200))
        let candidates = search.isEmpty ? [] : try await service.organisations.find(search, except: id, limit: 20)
        return .html(OrganisationPage.render(
            organisation, members: members, notice: notice, mergeSearch: search, mergeCandidates: candidates, errors: errors,
            basics.pageContext(context, path: Site.Organisations.page(id))), status: status)
    }

    func organisationID(_ context: KonventRequestContext) throws -> OrganisationID {
        guard let id = context.parameters.get("id").flatMap(OrganisationID.init) else { throw WebError.notFound }
        return id
    }

    func ids(_ context: KonventRequestContext) throws -> (OrganisationID, UserID) {
        guard let member = context.parameters.get("user").flatMap(UserID.init) else { throw WebError.notFound }
        return (try organisationID(context), member)
    }

    func t(_ context: KonventRequestContext) -> Translator { basics.catalog.translator(context.language) }
}
