import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// Measures and projects: the public list and page, and for the office writing them (also from a
/// contribution in one step), linking their sources and moving them along their way.
struct MeasureRoutes {
    let basics: WebBasics
    let service: MeasuresService

    /// The steps the office takes by hand; concluding a review stage comes from its assessments.
    static let officeSteps: [MeasureTransition] = [.submit, .startReview, .resubmit, .startImplementation, .complete]
    static let pageSize = 50

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Measures.list.route) { request, context in
            var query = MeasureQuery()
            query.publicOnly = !basics.policy.allows(context.actor, .writeMeasures)
            query.field = request.uri.queryParameters.get("field").flatMap { basics.region.fieldOfAction($0)?.key }
            let offered = service.measureMachine.states.filter { $0.isPublic || !query.publicOnly }
            let state = request.uri.queryParameters.get("state").flatMap(MeasureState.init).flatMap { offered.contains($0) ? $0 : nil }
            query.states = state.map { [$0] } ?? []
            query.after = request.uri.queryParameters.get("after").flatMap(MeasureQuery.key(ofCode:))
            query.before = request.uri.queryParameters.get("before").flatMap(MeasureQuery.key(ofCode:))
            query.limit = Self.pageSize + 1
            var items = try await service.measures.list(query)
            // One row more than a page says whether the list goes on in the direction it was read.
            let more = items.count > Self.pageSize
            if more { if query.before != nil { items.removeFirst() } else { items.removeLast() } }
            func link(_ direction: String, _ measure: Measure?) -> String? {
                measure.map { Site.Measures.list().query([("field", query.field), ("state", state?.description), (direction, $0.code)]) }
            }
            let backwards = query.before != nil
            var model = MeasureListPage.Model(
                region: basics.region, items: items, field: query.field, mayWrite: basics.policy.allows(context.actor, .writeMeasures))
            model.state = state?.description
            model.states = offered
            model.nextPage = backwards || more ? link("after", items.last) : nil
            model.previousPage = (backwards ? more : query.after != nil) ? link("before", items.first) : nil
            model.total = try await service.measures.count(query)
            model.totalIsCapped = model.total > ContributionPage.countLimit
            return Response.html(MeasureListPage.render(model, basics.pageContext(context, path: Site.Measures.list())))
        }
        router.get(Site.Measures.new.route) { request, context in
            try basics.require(.writeMeasures, context)
            var model = MeasureFormPage.Model(region: basics.region, id: nil, version: 0, input: MeasureInput())
            if let id = request.uri.queryParameters.get("from").flatMap(ContributionID.init),
               let contribution = try await service.contributions.contribution(id), contribution.status.isListed {
                model.input = Self.input(from: contribution)
                model.from = (id.rawValue, contribution.title)
            }
            return form(model, context)
        }
        router.post(Site.Measures.list.route) { request, context in try await save(nil, request, context) }
        router.get(Site.Measures.page.route) { request, context in
            let notice = request.uri.queryParameters.get("saved") == "1" ? basics.catalog.translator(context.language)("measure.saved") : nil
            return try await detail(try measureID(context), context, notice: notice,
                                    sourceSearch: request.uri.queryParameters.get("findSource") ?? "",
                                    reportsBefore: request.uri.queryParameters.get("reports").flatMap(ImplementationSection.reportKey))
        }
        router.get(Site.Measures.edit.route) { _, context in
            let measure = try await visible(context)
            try await requireWrite(measure, context)
            return form(MeasureFormPage.Model(
                region: basics.region, id: measure.id.rawValue, version: measure.version, input: MeasureInput(measure.content)), context)
        }
        router.post(Site.Measures.page.route) { request, context in try await save(try measureID(context), request, context) }
        router.post(Site.Measures.step.route) { request, context in try await step(request, context) }
        router.get(Site.Measures.versions.route) { request, context in
            let measure = try await visible(context)
            // Earlier versions include the internal drafts: for the office, the bodies and the assigned ministries.
            try basics.require(.viewAssessments, on: try await subject(measure), context)
            let versions = try await service.measures.versions(of: measure.id)
            let numbers = versions.map(\.version)
            let to = request.uri.queryParameters.get("to").flatMap(Int.init).flatMap { numbers.contains($0) ? $0 : nil } ?? measure.version
            let from = request.uri.queryParameters.get("from").flatMap(Int.init).flatMap { numbers.contains($0) ? $0 : nil }
                ?? max(1, to - 1)
            let old = versions.first { $0.version == from }?.content ?? measure.content
            let new = versions.first { $0.version == to }?.content ?? measure.content
            let model = MeasureVersionsPage.Model(
                measure: measure, versions: versions.map { ($0.version, CalendarDate.iso(milliseconds: $0.at.milliseconds)) },
                from: from, to: to, changes: MeasureDiff.changes(from: old, to: new))
            return Response.html(MeasureVersionsPage.render(model, basics.pageContext(context, path: Site.Measures.versions(measure.id))))
        }
        router.post(Site.Measures.sources.route) { request, context in try await addSource(request, context) }
        router.post(Site.Measures.follow.route) { _, context in
            let measure = try await visible(context)
            try basics.require(.follow, on: try await subject(measure), context)
            try await service.measures.follow(measure.id, user: try basics.signedInUser(context).id, at: .now)
            return Response.seeOther(Site.Measures.page(measure.id) + "#follow-title")
        }
        router.post(Site.Measures.unfollow.route) { _, context in
            let id = try measureID(context)
            try basics.require(.follow, context)
            try await service.measures.unfollow(id, user: try basics.signedInUser(context).id, at: .now)
            return Response.seeOther(Site.Measures.page(id) + "#follow-title")
        }
        addImplementation(to: router)
    }

    func measureID(_ context: KonventRequestContext) throws -> MeasureID {
        guard let id = context.parameters.get("id").flatMap(MeasureID.init) else { throw WebError.notFound }
        return id
    }

    func subject(_ measure: Measure) async throws -> Subject {
        .measure(state: measure.state, ministries: try await service.measures.ministries(of: measure.id))
    }

    /// The measure, when the visitor may see it; a draft is as absent as a missing one for everyone else.
    func visible(_ context: KonventRequestContext) async throws -> Measure {
        guard let measure = try await service.measures.measure(try measureID(context)),
              basics.policy.allows(context.actor, .viewMeasure, on: try await subject(measure))
        else { throw WebError.notFound }
        return measure
    }

    func requireWrite(_ measure: Measure, _ context: KonventRequestContext) async throws {
        try basics.require(.writeMeasures, on: try await subject(measure), context)
    }

    static func input(from contribution: Contribution) -> MeasureInput {
        var input = MeasureInput()
        input.kind = contribution.kind == .projectIdea ? Measure.Kind.project.rawValue : Measure.Kind.measure.rawValue
        input.title = contribution.title
        input.description = contribution.text
        input.fields = contribution.fields
        input.territories = [contribution.districtKey]
        if let profile = contribution.profile {
            input.sponsor = profile.sponsor
            input.partners = profile.partners
            input.estimatedCost = profile.estimatedCost.map(String.init) ?? ""
            input.timeframe = profile.timeframe
        }
        input.maturity = Measure.Maturity.idea.rawValue
        return input
    }

    func form(_ model: MeasureFormPage.Model, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        let path = model.id.map { Site.Measures.edit(MeasureID($0)) } ?? Site.Measures.new()
        return .html(MeasureFormPage.render(model, basics.pageContext(context, path: path)), status: status)
    }

    /// The page; `implementation` fills the implementation section's forms again after a refusal.
    func detail(_ id: MeasureID, _ context: KonventRequestContext, notice: String?, errors: [FieldError] = [],
                status: HTTPResponse.Status = .ok, sourceSearch: String = "", reportsBefore: (date: String, id: Int64)? = nil,
                implementation adjust: @Sendable (inout ImplementationSection.Model) -> Void = { _ in }) async throws -> Response {
        guard let measure = try await service.measures.measure(id) else { throw WebError.notFound }
        let subject = try await subject(measure)
        guard basics.policy.allows(context.actor, .viewMeasure, on: subject) else { throw WebError.notFound }
        let office = basics.policy.allows(context.actor, .writeMeasures)
        let sources = try await service.measures.sources(of: id).map {
            MeasurePage.Source(id: $0.contribution.id.rawValue, title: $0.contribution.title, note: $0.note)
        }
        let steps = try await service.measures.steps(of: id).map {
            MeasurePage.Step(to: $0.to, reason: $0.reason, date: CalendarDate.iso(milliseconds: $0.at.milliseconds),
                             withinStage: $0.to.stage != nil && $0.to.stage == $0.from.stage)
        }
        let versions = try await service.measures.versions(of: id).map { ($0.version, CalendarDate.iso(milliseconds: $0.at.milliseconds)) }
        guard case .measure(_, let ministries) = subject else { throw WebError.notFound }
        var model = MeasurePage.Model(
            region: basics.region, measure: measure, sources: sources, steps: steps, ministries: ministries, versions: versions,
            nextSteps: office ? Self.officeSteps.filter { service.measureMachine.allows($0, from: measure.state) } : [],
            mayEdit: basics.policy.allows(context.actor, .writeMeasures, on: subject), notice: notice)
        model.mayCompareVersions = basics.policy.allows(context.actor, .viewAssessments, on: subject)
        // The bodies' decisions are public once their session is released (only then are they concluded).
        model.decisions = try await service.reviews.conclusions(of: id).compactMap { ending in
            guard let concluded = ending.concludedAt, ending.session != nil else { return nil }
            return (ending.stage, ending.conclusion, ending.session?.rawValue, CalendarDate.iso(milliseconds: concluded.milliseconds))
        }
        model.errors = errors
        if measure.state.isPublic {
            if case .user(let user, _, _, _) = context.actor, basics.policy.allows(context.actor, .follow, on: subject) {
                model.following = try await service.measures.isFollowing(id, user: user)
            }
            model.offersFollowing = true
        }
        if measure.state.isAdopted {
            var section = try await implementationSection(measure, ministries: ministries, context, reportsBefore: reportsBefore)
            section.errors = errors
            adjust(&section)
            model.implementation = section
        }
        if office, !sourceSearch.trimmingWhitespace().isEmpty {
            model.sourceSearch = String(sourceSearch.trimmingWhitespace().prefix(200))
            model.sourceCandidates = try await service.contributions.find(model.sourceSearch, except: Set(sources.map(\.id)))
        }
        return .html(MeasurePage.render(model, basics.pageContext(
            context, path: Site.Measures.page(id),
            alternates: measure.state.isPublic ? [.json(basics.translator(context)("feed.alternate.json"), Site.API.measure(id))] : [])), status: status)
    }

    func save(_ id: MeasureID?, _ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let user = try basics.signedInUser(context)
        if let id {
            guard let measure = try await service.measures.measure(id) else { throw WebError.notFound }
            try await requireWrite(measure, context)
        } else {
            try basics.require(.writeMeasures, context)
        }
        let form = try await request.form(context)
        let input = MeasureInput(form: form)
        let version = Int(form.string("version")) ?? 0
        var model = MeasureFormPage.Model(region: basics.region, id: id?.rawValue, version: version, input: input)
        let from = form["from"].flatMap(ContributionID.init)
        if let from, let contribution = try await service.contributions.contribution(from) { model.from = (from.rawValue, contribution.title) }
        let content: MeasureContent
        do {
            content = try input.validate(region: basics.region)
        } catch {
            // Rows of a table share one place in the form for their message.
            model.errors = error.errors.map { problem in
                for prefix in ["financing-", "indicator-"] where problem.field.hasPrefix(prefix) {
                    return FieldError(field: "\(prefix)1", messageKey: problem.messageKey)
                }
                return problem
            }
            return self.form(model, context, status: .unprocessableContent)
        }
        if let id {
            do {
                try await service.measures.update(id, content, expectedVersion: version, actor: user.id, at: .now)
            } catch MeasureRefusal.stale(let current) {
                model.version = current
                model.notice = basics.catalog.translator(context.language)("measure.stale", ["version": String(current)])
                return self.form(model, context, status: .conflict)
            } catch MeasureRefusal.notEditable {
                throw WebError.denied(.wrongState)
            }
            return Response.seeOther(Site.Measures.page(id) + "?saved=1")
        }
        let prefix = content.fields.first.flatMap { basics.region.fieldOfAction($0)?.code } ?? "M"
        let sources = from.map { [($0, basics.catalog.translator(.de)("measure.source.origin"))] } ?? []
        do {
            let created = try await service.measures.create(content, codePrefix: prefix, sources: sources, actor: user.id, at: .now)
            return Response.seeOther(Site.Measures.page(created) + "?saved=1")
        } catch MeasureRefusal.unknownContribution {
            throw WebError.notFound
        }
    }

    func step(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let measure = try await visible(context)
        let (user, form) = try await basics.posted(.writeMeasures, request, context)
        guard let transition = Self.officeSteps.first(where: { $0.description == form.string("step") }) else {
            return try await detail(measure.id, context, notice: nil,
                                    errors: [FieldError(field: "step", messageKey: "measure.error.step")], status: .unprocessableContent)
        }
        let reason = form.string("reason").trimmingWhitespace()
        guard reason.count <= 500, !reason.contains(where: \.isNewline) else {
            return try await detail(measure.id, context, notice: nil,
                                    errors: [FieldError(field: "reason", messageKey: "moderation.error.reason")], status: .unprocessableContent)
        }
        // The form names the version it saw: a step on a measure that changed meanwhile is refused.
        guard Int(form.string("version")) == measure.version else { throw WebError.conflict("measure.stale.step") }
        do {
            _ = try await service.measures.transition(
                measure.id, transition, reason: reason.isEmpty ? nil : reason, machine: service.measureMachine, actor: user.id, at: .now)
        } catch MeasureRefusal.illegal {
            throw WebError.conflict("measure.error.illegal")
        }
        return Response.seeOther(Site.Measures.page(measure.id))
    }

    func addSource(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let measure = try await visible(context)
        let (user, form) = try await basics.posted(.writeMeasures, request, context)
        let note = form.string("note").trimmingWhitespace()
        guard let contribution = ContributionID(form.string("contribution").trimmingWhitespace()), note.count <= 500 else {
            return try await detail(measure.id, context, notice: nil,
                                    errors: [FieldError(field: "contribution", messageKey: "measure.error.source")], status: .unprocessableContent)
        }
        do {
            try await service.measures.addSource(measure.id, contribution: contribution, note: note, actor: user.id, at: .now)
        } catch MeasureRefusal.unknownContribution {
            return try await detail(measure.id, context, notice: nil,
                                    errors: [FieldError(field: "contribution", messageKey: "measure.error.source")], status: .unprocessableContent)
        }
        return Response.seeOther(Site.Measures.page(measure.id) + "#sources-title")
    }
}
