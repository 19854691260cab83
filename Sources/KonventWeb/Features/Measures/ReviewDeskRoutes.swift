import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// `/review`: each reviewer's desk, decided by role (and for a ministry reviewer, their ministry).
struct ReviewDeskRoutes {
    let basics: WebBasics
    let service: MeasuresService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Measures.desk.route) { _, context in try await desk(context) }
    }

    func due(_ measure: MeasureHeadline, now: Int64) -> (date: String, daysLeft: Int)? {
        service.calendar.due(stage: measure.state.stage, startedAt: measure.stageStartedAt, now: now)
    }

    func desk(_ context: KonventRequestContext) async throws -> Response {
        // The desk is for those who take part in the review: office, bodies, ministries.
        try basics.require(.viewDecisions, on: .session(chair: nil, published: false), context)
        guard case .user(_, let role, let ministry, _) = context.actor else { throw WebError.denied(.signInRequired) }
        let t = basics.catalog.translator(context.language)
        let now = Timestamp.now.milliseconds
        let deadline = basics.region.process.deadline
        let review = basics.region.review
        var model = ReviewDeskPage.Model(
            region: basics.region, owner: t(role.catalogKey), deadline: deadline,
            daysToDeadline: service.calendar.daysToDeadline(now: now))
        let entry = { (measure: MeasureHeadline) in ReviewDeskPage.Entry(measure: measure, due: due(measure, now: now)) }
        switch role {
        case .ministryReviewer:
            guard let ministry else { break }
            model.owner = basics.region.ministry(ministry)?.abbreviation ?? ministry
            let items = try await service.reviews.desk(ministry: ministry, review: review)
            model.awaiting = items.filter { !$0.done }.map { ReviewDeskPage.Entry(measure: $0.measure, due: due($0.measure, now: now), lead: $0.lead) }
            model.waitingForOthers = items.filter(\.done).map { ReviewDeskPage.Entry(measure: $0.measure, due: due($0.measure, now: now), lead: $0.lead) }
            model.assessed = try await service.reviews.assessed(by: .ministry(ministry), limit: 50).map {
                .init(measureID: $0.assessment.measure.rawValue, code: $0.code, title: $0.title, stage: $0.assessment.stage,
                      date: CalendarDate.iso(milliseconds: $0.assessment.updatedAt.milliseconds))
            }
        case .steeringCommitteeMember:
            let deciding = review.stages.filter { $0.conclusion == .sessionDecision }
            model.owner = deciding.first.flatMap { basics.region.body($0.body)?.name[context.language] } ?? model.owner
            model.awaiting = try await service.reviews.waiting(
                in: deciding.map { .inReview(stage: $0.key, phase: .assessing) }, limit: 200).map(entry)
            model.sessions = try await upcomingSessions(now)
        default:
            model.owner = t("review.assessor.office")
            let office = review.stages.filter { $0.assessors == .office }.map { MeasureState.inReview(stage: $0.key, phase: .assessing) }
            model.awaiting = try await service.reviews.waiting(in: [.submitted] + office, limit: 200).map(entry)
            model.overdue = try await service.reviews.overdue(review: review, now: now, limit: 100).map(entry)
            model.pipeline = try await service.calendar.pipelineByField()
            model.implementation = try await implementationLists(now)
            model.sessions = try await upcomingSessions(now)
        }
        return .html(ReviewDeskPage.render(model, basics.pageContext(context, path: Site.Measures.desk())))
    }

    /// The office's lists for adopted measures: due reports, late milestones, reports to release.
    func implementationLists(_ now: Int64) async throws -> ReviewDeskPage.Implementation {
        let days = basics.region.progressReportDays
        var lists = ReviewDeskPage.Implementation(reportEveryDays: days)
        let before = now - Int64(days) * 86_400_000
        lists.dueReports = try await service.implementation.overdueReports(
            reportedBefore: service.clock.local(before).isoDate, adoptedBefore: before, limit: 100)
        lists.lateMilestones = try await service.implementation.overdueMilestoneList(today: service.today, limit: 100)
        lists.waiting = try await service.implementation.unpublishedReports(limit: 100)
        return lists
    }

    func upcomingSessions(_ now: Int64) async throws -> [ReviewDeskPage.Session] {
        try await service.bodySessions.list(upcoming: true, now: now, limit: 10).map {
            .init(id: $0.id.rawValue, title: $0.title, date: CalendarDate.iso(milliseconds: $0.startsAt))
        }
    }
}
