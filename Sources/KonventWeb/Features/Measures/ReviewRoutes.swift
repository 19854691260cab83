import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The review of one measure: assessments, the agreed opinion with its confirmations, and the
/// co-ministries the office assigns. Which form anyone sees, and what they may post, is the policy's.
struct ReviewRoutes {
    let basics: WebBasics
    let service: MeasuresService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Measures.review.route) { request, context in
            let notice = request.uri.queryParameters.get("saved") == "1" ? basics.catalog.translator(context.language)("review.saved") : nil
            return try await page(context, saved: notice != nil) { $0.notice = notice }
        }
        router.post(Site.Measures.assessment.route) { request, context in try await assess(request, context) }
        router.post(Site.Measures.opinion.route) { request, context in try await draftOpinion(request, context) }
        router.post(Site.Measures.confirmOpinion.route) { _, context in try await confirm(context) }
        router.post(Site.Measures.objectToOpinion.route) { request, context in try await object(request, context) }
        router.post(Site.Measures.ministries.route) { request, context in try await assign(request, context) }
    }

    var measures: MeasureRoutes { MeasureRoutes(basics: basics, service: service) }

    /// The measure and its ministries, for those who may read its assessments.
    func reviewable(_ context: KonventRequestContext) async throws -> (Measure, [String]) {
        let measure = try await measures.visible(context)
        let ministries = try await service.measures.ministries(of: measure.id)
        try basics.require(.viewAssessments, on: .measure(state: measure.state, ministries: ministries), context)
        return (measure, ministries)
    }

    func page(
        _ context: KonventRequestContext, status: HTTPResponse.Status = .ok, saved: Bool = false, adjust: (inout ReviewPage.Model) -> Void = { _ in }
    ) async throws -> Response {
        let (measure, ministries) = try await reviewable(context)
        let assessments = try await service.reviews.assessments(of: measure.id)
        let endings = try await service.reviews.conclusions(of: measure.id)
        let stage = measure.state.stage.flatMap(basics.region.review.stage)
        var confirmations: [String] = []
        if let stage { confirmations = try await service.reviews.confirmations(of: measure.id, round: measure.round, stage: stage.key) }
        var model = ReviewPage.Model(
            region: basics.region, measure: measure, ministries: ministries,
            assessments: assessments.map {
                .init(round: $0.round, stage: $0.stage, assessor: $0.assessor, version: $0.measureVersion, content: $0.content,
                      date: CalendarDate.iso(milliseconds: $0.updatedAt.milliseconds))
            },
            endings: endings.map {
                .init(round: $0.round, stage: $0.stage, conclusion: $0.conclusion, concluded: $0.concludedAt != nil,
                      session: $0.session?.rawValue, date: CalendarDate.iso(milliseconds: ($0.concludedAt ?? $0.draftedAt).milliseconds))
            },
            confirmations: confirmations,
            tasks: tasks(measure, ministries, assessments.filter { $0.round == measure.round }, confirmations, context),
            mayAssign: basics.policy.allows(context.actor, .writeMeasures) && !measure.state.isDecided)
        model.due = service.calendar.due(stage: stage?.key, startedAt: measure.stageStartedAt, now: Timestamp.now.milliseconds)
        // The assessor's own assessment fills the form when they come back to it.
        if case .assess(let assessor, _)? = model.tasks.first,
           let own = assessments.first(where: { $0.round == measure.round && $0.stage == stage?.key && $0.assessor == assessor }) {
            model.input = AssessmentInput(own.content)
            if saved {
                model.saved = .init(round: own.round, stage: own.stage, assessor: own.assessor, version: own.measureVersion, content: own.content,
                                    date: CalendarDate.iso(milliseconds: own.updatedAt.milliseconds))
            }
        }
        model.sources = try await service.measures.sources(of: measure.id).map {
            MeasurePage.Source(id: $0.contribution.id.rawValue, title: $0.contribution.title, note: $0.note)
        }
        adjust(&model)
        return .html(ReviewPage.render(model, basics.pageContext(context, path: Site.Measures.review(measure.id))), status: status)
    }

    /// Whose turn it is, as far as the visitor is concerned.
    func tasks(
        _ measure: Measure, _ ministries: [String], _ current: [StoredAssessment], _ confirmations: [String], _ context: KonventRequestContext
    ) -> [ReviewPage.Task] {
        guard case .inReview(let key, let phase) = measure.state, let stage = basics.region.review.stage(key) else { return [] }
        let ministry: String? = if case .user(_, _, let ministry?, _) = context.actor, ministries.contains(ministry) { ministry } else { nil }
        switch (stage.assessors, phase) {
        case (.office, .assessing):
            let allowed = basics.policy.allows(context.actor, .assessMeasure, on: .assessment(by: .office, open: true))
            return allowed ? [.assess(.office, concludes: stage.conclusion == .single)] : []
        case (.ministries, .assessing):
            guard let ministry, basics.policy.allows(context.actor, .assessMeasure, on: .assessment(by: .ministry(ministry), open: true))
            else { return [] }
            var tasks: [ReviewPage.Task] = [.assess(.ministry(ministry), concludes: false)]
            if stage.conclusion == .agreedOpinion && ministry == ministries.first && ministry == measure.content.leadMinistry {
                let done = Set(current.filter { $0.stage == key }.map(\.assessor))
                tasks.append(.draftOpinion(missing: ministries.filter { !done.contains(.ministry($0)) }))
            }
            return tasks
        case (.ministries, .concluding):
            guard let ministry, ministry != measure.content.leadMinistry, !confirmations.contains(ministry),
                  basics.policy.allows(context.actor, .assessMeasure, on: .assessment(by: .ministry(ministry), open: true))
            else { return [] }
            return [.confirm(ministry: ministry)]
        default:
            return []
        }
    }

    func assess(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let user = try basics.signedInUser(context)
        let (measure, _) = try await reviewable(context)
        let who = context.parameters.get("who") ?? ""
        let assessor: Assessor
        if who == "office" { assessor = .office } else if basics.region.ministry(who) != nil { assessor = .ministry(who) } else {
            throw WebError.notFound
        }
        let stage = measure.state.stage.flatMap(basics.region.review.stage)
        let open = basics.region.review.takesAssessment(in: measure.state, from: assessor)
        try basics.require(.assessMeasure, on: .assessment(by: assessor, open: open), context)
        guard let stage else { throw WebError.denied(.wrongState) }
        let form = try await request.form(context)
        let input = AssessmentInput(form: form, stage: stage)
        let conclusionInput = ConclusionInput(form: form)
        let concludes = stage.conclusion == .single
        var errors: [FieldError] = []
        var content: AssessmentContent?
        do { content = try input.validate(stage: stage) } catch { errors += error.errors }
        var conclusion: Conclusion?
        if concludes {
            do {
                conclusion = try conclusionInput.validate(stage: stage, gatesHold: content?.allGatesHold ?? true, voting: false)
            } catch { errors += error.errors }
        }
        guard errors.isEmpty, let content else {
            return try await page(context, status: .unprocessableContent) {
                $0.input = input
                $0.conclusionInput = conclusionInput
                $0.errors = errors
            }
        }
        try await refusing {
            if let conclusion {
                _ = try await service.reviews.conclude(measure.id, by: assessor, content, conclusion, machine: service.measureMachine,
                                                        actor: user.id, at: .now)
                } else {
                try await service.reviews.saveAssessment(measure.id, by: assessor, content, review: basics.region.review, actor: user.id,
                                                          at: .now)
            }
        }
        return .seeOther(Site.Measures.review(measure.id) + "?saved=1")
    }

    /// The store's refusals as the visitor reads them.
    func refusing(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let refusal as ReviewRefusal {
            switch refusal {
            case .closed: throw WebError.denied(.wrongState)
            case .notAssigned, .notLead: throw WebError.denied(.notPermitted)
            case .missingAssessments: throw WebError.conflict("review.error.missing")
            }
        } catch let refusal as MeasureRefusal {
            guard case .illegal = refusal else { throw refusal }
            throw WebError.denied(.wrongState)
        }
    }

    /// The visitor's ministry, when the measure is assigned to it.
    func ministry(_ context: KonventRequestContext, _ ministries: [String]) throws -> String {
        guard case .user(_, _, let ministry?, _) = context.actor, ministries.contains(ministry) else { throw WebError.denied(.notPermitted) }
        return ministry
    }

    func draftOpinion(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let user = try basics.signedInUser(context)
        let (measure, ministries) = try await reviewable(context)
        let ministry = try ministry(context, ministries)
        let open = basics.region.review.takesAssessment(in: measure.state, from: .ministry(ministry))
        try basics.require(.assessMeasure, on: .assessment(by: .ministry(ministry), open: open), context)
        guard ministry == measure.content.leadMinistry, let stage = measure.state.stage.flatMap(basics.region.review.stage) else {
            throw WebError.denied(.notPermitted)
        }
        let input = ConclusionInput(form: try await request.form(context))
        let current = try await service.reviews.assessments(of: measure.id).filter { $0.round == measure.round && $0.stage == stage.key }
        let conclusion: Conclusion
        do {
            conclusion = try input.validate(stage: stage, gatesHold: current.allSatisfy(\.content.allGatesHold), voting: false)
        } catch {
            return try await page(context, status: .unprocessableContent) {
                $0.conclusionInput = input
                $0.errors = error.errors
            }
        }
        try await refusing {
            _ = try await service.reviews.draftOpinion(measure.id, lead: ministry, conclusion, machine: service.measureMachine, actor: user.id,
                                                        at: .now)
        }
        return .seeOther(Site.Measures.review(measure.id) + "?saved=1")
    }

    func confirm(_ context: KonventRequestContext) async throws -> Response {
        let user = try basics.signedInUser(context)
        let (measure, ministries) = try await reviewable(context)
        let ministry = try ministry(context, ministries)
        let open = basics.region.review.takesConfirmation(in: measure.state)
        try basics.require(.assessMeasure, on: .assessment(by: .ministry(ministry), open: open), context)
        try await refusing {
            _ = try await service.reviews.confirmOpinion(measure.id, ministry: ministry, machine: service.measureMachine, actor: user.id, at: .now)
        }
        return .seeOther(Site.Measures.review(measure.id) + "?saved=1")
    }

    func object(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let user = try basics.signedInUser(context)
        let (measure, ministries) = try await reviewable(context)
        let ministry = try ministry(context, ministries)
        let open = basics.region.review.takesConfirmation(in: measure.state)
        try basics.require(.assessMeasure, on: .assessment(by: .ministry(ministry), open: open), context)
        let reason = try await request.form(context).string("objection").trimmingWhitespace()
        guard (10...2000).contains(reason.count) else {
            return try await page(context, status: .unprocessableContent) {
                $0.errors = [FieldError(field: "objection", messageKey: "error.review.objection")]
            }
        }
        let name = basics.region.ministry(ministry)?.abbreviation ?? ministry
        try await refusing {
            _ = try await service.reviews.objectToOpinion(measure.id, ministry: ministry, reason: "\(name): \(reason)",
                                                           machine: service.measureMachine, actor: user.id, at: .now)
        }
        return .seeOther(Site.Measures.review(measure.id) + "?saved=1")
    }

    func assign(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let user = try basics.signedInUser(context)
        let (measure, _) = try await reviewable(context)
        try basics.require(.writeMeasures, context)
        guard !measure.state.isDecided else { throw WebError.denied(.wrongState) }
        let chosen = try await request.form(context).all("ministries")
        guard chosen.allSatisfy({ basics.region.ministry($0) != nil }) else {
            return try await page(context, status: .unprocessableContent) {
                $0.errors = [FieldError(field: "ministries", messageKey: "error.measure.ministry")]
            }
        }
        try await service.measures.assignCoMinistries(measure.id, chosen, actor: user.id, at: .now)
        return .seeOther(Site.Measures.review(measure.id) + "?saved=1")
    }
}
