import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// An adopted measure's implementation on its page: reports (the office publishes those of the
/// sponsor and the lead ministry), indicator values, milestones, and the organisation that carries it.
extension MeasureRoutes {
    func addImplementation(to router: Router<KonventRequestContext>) {
        router.post(Site.Measures.progress.route) { request, context in try await report(request, context) }
        router.post(Site.Measures.publishProgress.route) { request, context in try await publish(request, context) }
        router.post(Site.Measures.indicatorValues.route) { request, context in try await recordValue(request, context) }
        router.post(Site.Measures.milestones.route) { request, context in try await addMilestone(request, context) }
        router.post(Site.Measures.reachMilestone.route) { request, context in try await reachMilestone(request, context) }
        router.post(Site.Measures.sponsor.route) { request, context in try await setSponsor(request, context) }
        router.post(Site.Measures.funding.route) { request, context in try await recordFunding(request, context) }
    }

    /// Who may report for the measure: its state, its ministries (lead first) and its sponsor's confirmed members.
    /// `ministries` when the caller read them already.
    func implementationSubject(_ measure: Measure, ministries: [String]? = nil) async throws -> Subject {
        let ministries = if let ministries { ministries } else { try await service.measures.ministries(of: measure.id) }
        return .implementation(state: measure.state, ministries: ministries,
                               sponsorMembers: try await service.implementation.sponsorMembers(of: measure.id))
    }

    /// What a report or value is checked against.
    func facts(_ measure: Measure) async throws -> ImplementationFacts {
        let steps = try await service.measures.steps(of: measure.id)
        let adopted = steps.first { $0.to.isAdopted }.map { service.clock.local($0.at.milliseconds).isoDate }
        let reports = try await service.implementation.reports(of: measure.id, includeUnpublished: true)
        var facts = ImplementationFacts(
            state: measure.state, adoptedOn: adopted, today: service.today,
            latest: reports.first { $0.replacedBy == nil }?.status, indicators: measure.content.indicators)
        facts.reports = Set(reports.filter { $0.replacedBy == nil }.map(\.id.rawValue))
        facts.values = Set(try await service.implementation.values(of: measure.id).filter { $0.replacedBy == nil }.map(\.id.rawValue))
        return facts
    }

    /// The section for the measure's page, as this visitor may see it.
    func implementationSection(
        _ measure: Measure, ministries: [String], _ context: KonventRequestContext, reportsBefore: (date: String, id: Int64)? = nil
    ) async throws -> ImplementationSection.Model {
        let subject = try await implementationSubject(measure, ministries: ministries)
        let mayReport = basics.policy.allows(context.actor, .reportProgress, on: subject)
        let mayPublish = basics.policy.allows(context.actor, .publishProgress, on: subject)
        var model = ImplementationSection.Model(
            measureID: measure.id, indicators: measure.content.indicators,
            reports: try await service.implementation.reports(
                of: measure.id, includeUnpublished: mayReport, before: nil, limit: ImplementationSection.reportsPerPage + 1),
            milestones: try await service.implementation.milestones(of: measure.id),
            values: try await service.implementation.values(of: measure.id), today: service.today)
        model.mayReport = mayReport
        model.mayPublish = mayPublish
        // A first page shorter than a page holds them all: no count needed.
        model.reportCount = model.reports.count <= ImplementationSection.reportsPerPage ? model.reports.count
            : try await service.implementation.reportCount(of: measure.id, includeUnpublished: mayReport)
        if let reportsBefore {
            model.olderPage = try await service.implementation.reports(
                of: measure.id, includeUnpublished: mayReport, before: reportsBefore, limit: ImplementationSection.reportsPerPage + 1)
        }
        // Only those who report but do not publish are told which way their report goes.
        if mayReport && !mayPublish { model.publishesDirectly = try await service.reportsPublishDirectly() }
        model.funding = try await service.implementation.fundingLines(of: measure.id)
        model.cost = measure.content.estimatedCost
        model.programmes = basics.region.fundingProgrammes
        if let sponsor = try await service.implementation.sponsorOrganisation(of: measure.id) {
            model.sponsorOrganisation = try await service.organisations.organisation(sponsor)?.name
        }
        return model
    }

    /// The measure, when the visitor may see it and report for it; the form with it.
    func reporting(_ request: Request, _ context: KonventRequestContext, _ action: Action = .reportProgress)
        async throws -> (measure: Measure, user: User, form: FormData)
    {
        let measure = try await visible(context)
        let (user, form) = try await basics.posted(action, on: try await implementationSubject(measure), request, context)
        return (measure, user, form)
    }

    func refused(_ measure: Measure, _ errors: [FieldError], _ context: KonventRequestContext,
                 _ adjust: @escaping @Sendable (inout ImplementationSection.Model) -> Void) async throws -> Response {
        try await detail(measure.id, context, notice: nil, errors: errors, status: .unprocessableContent, implementation: adjust)
    }

    func report(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (measure, user, form) = try await reporting(request, context)
        var input = ProgressInput()
        input.date = form.string("date")
        input.status = form.string("status")
        input.percent = form.string("percent")
        input.text = form.string("text")
        input.links = form.string("links")
        input.replaces = form.string("replaces")
        let facts = try await facts(measure)
        let draft: ProgressDraft
        do {
            draft = try input.validate(facts)
        } catch {
            return try await refused(measure, error.errors, context) { [input] in $0.progress = input }
        }
        // The office's own reports are public at once; those of the sponsor and the ministry wait
        // for it, unless it has let reports publish directly.
        let mayPublish = basics.policy.allows(context.actor, .publishProgress, on: try await implementationSubject(measure))
        let publish = if mayPublish { true } else { try await service.reportsPublishDirectly() }
        do {
            _ = try await service.implementation.report(draft, measure: measure.id, author: user.id, publish: publish, at: .now)
        } catch ImplementationRefusal.unknown {
            return try await refused(measure, [FieldError(field: "replaces", messageKey: "progress.error.replaces")], context) { [input] in
                $0.progress = input
            }
        }
        return Response.seeOther(Site.Measures.page(measure.id) + "?saved=1#implementation")
    }

    func publish(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (measure, user, _) = try await reporting(request, context, .publishProgress)
        guard let report = context.parameters.get("report").flatMap(Int64.init) else { throw WebError.notFound }
        do {
            _ = try await service.implementation.publish(ProgressReportID(report), measure: measure.id, actor: user.id, at: .now)
        } catch ImplementationRefusal.unknown {
            throw WebError.notFound
        }
        return Response.seeOther(Site.Measures.page(measure.id) + "#report-\(report)")
    }

    func recordValue(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (measure, user, form) = try await reporting(request, context)
        var input = IndicatorValueInput()
        input.indicator = form.string("indicator")
        input.date = form.string("valueDate")
        input.value = form.string("value")
        input.source = form.string("source")
        input.replaces = form.string("replacesValue")
        do {
            let draft = try input.validate(try await facts(measure))
            _ = try await service.implementation.record(draft, measure: measure.id, author: user.id, at: .now)
        } catch let error as ValidationFailure {
            return try await refused(measure, error.errors, context) { [input] in $0.value = input }
        } catch ImplementationRefusal.unknown {
            return try await refused(measure, [FieldError(field: "value", messageKey: "progress.error.replaces")], context) { [input] in
                $0.value = input
            }
        }
        return Response.seeOther(Site.Measures.page(measure.id) + "?saved=1#implementation")
    }

    func addMilestone(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (measure, user, form) = try await reporting(request, context)
        var input = MilestoneInput()
        input.title = form.string("milestoneTitle")
        input.planned = form.string("planned")
        input.actual = form.string("actual")
        let facts = try await facts(measure)
        let draft: MilestoneDraft
        do {
            draft = try input.validate(facts)
        } catch {
            return try await refused(measure, error.errors, context) { [input] in $0.milestone = input }
        }
        _ = try await service.implementation.addMilestone(draft, measure: measure.id, actor: user.id, at: .now)
        return Response.seeOther(Site.Measures.page(measure.id) + "?saved=1#implementation")
    }

    func reachMilestone(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (measure, user, form) = try await reporting(request, context)
        let facts = try await facts(measure)
        var v = Validator()
        let day = facts.checkDay(form.string("reachedOn"), &v, field: "reachedOn")
        let open = try await service.implementation.milestones(of: measure.id).filter { $0.actual == nil }
        let milestone = MilestoneID(form.string("milestone")).flatMap { id in open.first { $0.id == id } }
        if milestone == nil { v.add("milestone", "progress.error.milestone") }
        guard let day, let milestone, v.errors.isEmpty else { return try await refused(measure, v.errors, context) { _ in } }
        try await service.implementation.reach(milestone.id, on: day, measure: measure.id, actor: user.id, at: .now)
        return Response.seeOther(Site.Measures.page(measure.id) + "?saved=1#implementation")
    }

    func recordFunding(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (measure, user, form) = try await reporting(request, context)
        var input = FundingInput()
        input.line = form.string("fundingLine")
        input.status = form.string("fundingStatus")
        input.date = form.string("fundingDate")
        input.amount = form.string("fundingAmount")
        let facts = try await facts(measure)
        let lines = try await service.implementation.fundingLines(of: measure.id)
        let step: FundingStep
        do {
            step = try input.validate(facts, lines: lines)
        } catch {
            return try await refused(measure, error.errors, context) { [input] in $0.fundingInput = input }
        }
        do {
            try await service.implementation.recordFunding(step, measure: measure.id, author: user.id, at: .now)
        } catch ImplementationRefusal.unknown {
            // Someone moved the line meanwhile.
            return try await refused(measure, [FieldError(field: "fundingStatus", messageKey: "funding.error.step")], context) { [input] in
                $0.fundingInput = input
            }
        }
        return Response.seeOther(Site.Measures.page(measure.id) + "?saved=1#funding-title")
    }

    /// The office names the organisation that carries the measure (or none): its confirmed members then report.
    func setSponsor(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (measure, user, form) = try await reporting(request, context, .publishProgress)
        let name = form.string("organisation").trimmingWhitespace()
        var organisation: OrganisationID?
        if !name.isEmpty {
            guard name.count <= 200, let found = try await service.organisations.named(name) else {
                return try await refused(measure, [FieldError(field: "organisation", messageKey: "progress.error.organisation")], context) {
                    $0.sponsorInput = name
                }
            }
            organisation = found.id
        }
        try await service.implementation.setSponsorOrganisation(organisation, of: measure.id, actor: user.id, at: .now)
        return Response.seeOther(Site.Measures.page(measure.id) + "?saved=1#implementation")
    }
}
