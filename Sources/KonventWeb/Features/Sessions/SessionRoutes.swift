import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The sessions of the bodies: planned by the office, decided item by item, released by the chair;
/// public with their decisions once released, and in calendars like the formats.
struct SessionRoutes {
    let basics: WebBasics
    let service: SessionsService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Sessions.list.route) { _, context in try await list(context) }
        router.get(Site.Sessions.feed.route) { _, _ in try await feed() }
        router.get(Site.Sessions.new.route) { _, context in
            try basics.require(.manageSessions, context)
            var input = BodySessionDraft.Input()
            input.body = basics.region.bodies.last?.key ?? ""
            return form(.init(region: basics.region, id: nil, input: input, minutes: "", chairs: try await chairs()), context)
        }
        router.post(Site.Sessions.list.route) { request, context in try await save(nil, request, context) }
        router.get(Site.Sessions.calendar.route) { _, context in try await calendar(try sessionID(context)) }
        router.get(Site.Sessions.page.route) { request, context in
            let notice = request.uri.queryParameters.get("saved") == "1" ? basics.catalog.translator(context.language)("session.saved") : nil
            return try await detail(try sessionID(context), context) { $0.notice = notice }
        }
        router.get(Site.Sessions.edit.route) { _, context in
            let session = try await managed(context)
            var input = BodySessionDraft.Input()
            input.body = session.draft.body
            input.title = session.draft.title
            input.start = basics.clock.local(session.draft.startsAt).description
            input.end = basics.clock.local(session.draft.endsAt).description
            input.place = session.draft.place
            input.participants = session.draft.participants
            input.chair = session.draft.chairID.map { String($0.rawValue) } ?? ""
            return form(.init(region: basics.region, id: session.id.rawValue, input: input, minutes: session.minutes,
                                        chairs: try await chairs()), context)
        }
        router.post(Site.Sessions.page.route) { request, context in try await save(try sessionID(context), request, context) }
        router.post(Site.Sessions.items.route) { request, context in try await addItem(request, context) }
        router.post(Site.Sessions.removeItem.route) { _, context in
            let session = try await managed(context)
            let user = try basics.signedInUser(context)
            guard let item = context.parameters.get("item").flatMap(Int64.init) else { throw WebError.notFound }
            try await refusing { try await service.bodySessions.removeItem(session.id, item: item, actor: user.id, at: .now) }
            return Response.seeOther(Site.Sessions.page(session.id) + "?saved=1")
        }
        router.get(Site.Sessions.decision.route) { _, context in
            let (session, item) = try await decidable(context)
            var model = DecisionFormPage.Model(
                region: basics.region, sessionID: session.id.rawValue, sessionTitle: session.draft.title, item: item,
                stage: session.decidingStage(item, review: basics.region.review))
            model.input.reasons = item.decision
            model.input.conditions = item.conditions
            model.input.outcome = item.outcome ?? ""
            return decisionForm(model, context)
        }
        router.post(Site.Sessions.decision.route) { request, context in try await decide(request, context) }
        router.post(Site.Sessions.publish.route) { _, context in try await publish(context) }
    }

    func sessionID(_ context: KonventRequestContext) throws -> BodySessionID {
        guard let id = context.parameters.get("id").flatMap(BodySessionID.init) else { throw WebError.notFound }
        return id
    }

    func load(_ context: KonventRequestContext) async throws -> BodySession {
        guard let session = try await service.bodySessions.session(try sessionID(context)) else { throw WebError.notFound }
        return session
    }

    static func subject(_ session: BodySession) -> Subject { .session(chair: session.draft.chairID, published: session.isPublished) }

    func managed(_ context: KonventRequestContext) async throws -> BodySession {
        let session = try await load(context)
        try basics.require(.manageSessions, on: Self.subject(session), context)
        return session
    }

    func decidable(_ context: KonventRequestContext) async throws -> (BodySession, AgendaItem) {
        let session = try await load(context)
        try basics.require(.decideMeasure, on: Self.subject(session), context)
        guard let id = context.parameters.get("item").flatMap(Int64.init), let item = session.items.first(where: { $0.id == id }) else {
            throw WebError.notFound
        }
        return (session, item)
    }

    func list(_ context: KonventRequestContext) async throws -> Response {
        let now = Timestamp.now.milliseconds
        let entry = { (s: BodySessionSummary) in
            SessionListPage.Entry(id: s.id.rawValue, body: s.body, title: s.title, start: CalendarDate.iso(milliseconds: s.startsAt),
                                  place: s.place, published: s.publishedAt != nil)
        }
        let model = SessionListPage.Model(
            region: basics.region, upcoming: try await service.bodySessions.list(upcoming: true, now: now, limit: 100).map(entry),
            past: try await service.bodySessions.list(upcoming: false, now: now, limit: 200).map(entry),
            mayManage: basics.policy.allows(context.actor, .manageSessions))
        return .html(SessionListPage.render(model, basics.pageContext(
            context, path: Site.Sessions.list(),
            alternates: [.atom(basics.translator(context)("feed.alternate.decisions"), Site.Feeds.decisions())])))
    }

    func detail(
        _ id: BodySessionID, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok,
        adjust: (inout SessionPage.Model) -> Void = { _ in }
    ) async throws -> Response {
        guard let session = try await service.bodySessions.session(id) else { throw WebError.notFound }
        let subject = Self.subject(session)
        let chair = try await session.draft.chairID.asyncMap { try await service.accounts.user($0)?.displayName }
        var model = SessionPage.Model(
            region: basics.region, session: session, start: basics.clock.local(session.draft.startsAt).description,
            end: basics.clock.local(session.draft.endsAt).description, chair: chair ?? nil,
            mayViewDecisions: basics.policy.allows(context.actor, .viewDecisions, on: subject),
            mayManage: basics.policy.allows(context.actor, .manageSessions, on: subject),
            mayDecide: basics.policy.allows(context.actor, .decideMeasure, on: subject),
            mayRelease: basics.policy.allows(context.actor, .releaseSession, on: subject))
        if model.mayManage {
            let open = service.measureMachine.states.filter { $0.stage != nil || $0 == .submitted || $0 == .deferred }
            model.candidates = try await service.reviews.waiting(in: open, limit: 300).map { ($0.id.rawValue, "\($0.code) \($0.title)") }
        }
        adjust(&model)
        return .html(SessionPage.render(model, basics.pageContext(context, path: Site.Sessions.page(id))), status: status)
    }

    /// Who may chair: the members of the bodies and the office.
    func chairs() async throws -> [(id: Int64, name: String)] {
        var chairs: [(id: Int64, name: String)] = []
        for role in [Role.steeringCommitteeMember, .ministryReviewer, .conventionOffice] {
            chairs += try await service.accounts.users(withRole: role, limit: 200).map { ($0.id.rawValue, $0.displayName) }
        }
        return chairs
    }

    func form(_ model: SessionFormPage.Model, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        let path = model.id.map { Site.Sessions.edit(BodySessionID($0)) } ?? Site.Sessions.new()
        return .html(SessionFormPage.render(model, basics.pageContext(context, path: path)), status: status)
    }

    func save(_ id: BodySessionID?, _ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let user = try basics.signedInUser(context)
        if id != nil { _ = try await managed(context) } else { try basics.require(.manageSessions, context) }
        let form = try await request.form(context)
        let input = BodySessionDraft.Input(form: form)
        let minutes = form.string("minutes").replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        let chairs = try await chairs()
        var model = SessionFormPage.Model(region: basics.region, id: id?.rawValue, input: input, minutes: minutes, chairs: chairs)
        let draft: BodySessionDraft
        do {
            draft = try BodySessionDraft.validate(input, region: basics.region, chairs: Set(chairs.map { UserID($0.id) }),
                                                  toUTC: basics.clock.utc)
            guard minutes.count <= 50_000 else { throw ValidationFailure([FieldError(field: "minutes", messageKey: "error.session.minutes")]) }
        } catch let failure as ValidationFailure {
            model.errors = failure.errors
            return self.form(model, context, status: .unprocessableContent)
        }
        if let id {
            try await refusing { try await service.bodySessions.update(id, draft, minutes: minutes, actor: user.id, at: .now) }
            return .seeOther(Site.Sessions.page(id) + "?saved=1")
        }
        let created = try await service.bodySessions.create(draft, actor: user.id, at: .now)
        return .seeOther(Site.Sessions.page(created) + "?saved=1")
    }

    func addItem(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let session = try await managed(context)
        let user = try basics.signedInUser(context)
        let form = try await request.form(context)
        let title = form.string("title").trimmingWhitespace()
        let measure = form.string("measure")
        var errors: [FieldError] = []
        if !(3...200).contains(title.count) || title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.append(FieldError(field: "title", messageKey: "error.session.item"))
        }
        if !measure.isEmpty && MeasureID(measure) == nil { errors.append(FieldError(field: "measure", messageKey: "error.session.measure")) }
        if errors.isEmpty {
            do {
                try await service.bodySessions.addItem(session.id, title: title, measure: MeasureID(measure), actor: user.id, at: .now)
                return .seeOther(Site.Sessions.page(session.id) + "?saved=1")
            } catch SessionRefusal.unknownMeasure {
                errors.append(FieldError(field: "measure", messageKey: "error.session.measure"))
            } catch SessionRefusal.published {
                throw WebError.denied(.wrongState)
            }
        }
        return try await detail(session.id, context, status: .unprocessableContent) { $0.errors = errors }
    }

    func decisionForm(_ model: DecisionFormPage.Model, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        .html(DecisionFormPage.render(model, basics.pageContext(context, path: Site.Sessions.decision(BodySessionID(model.sessionID), model.item.id))),
              status: status)
    }

    func decide(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let (session, item) = try await decidable(context)
        let user = try basics.signedInUser(context)
        let form = try await request.form(context)
        let stage = session.decidingStage(item, review: basics.region.review)
        var model = DecisionFormPage.Model(
            region: basics.region, sessionID: session.id.rawValue, sessionTitle: session.draft.title, item: item, stage: stage)
        model.input = ConclusionInput(form: form)
        var errors: [FieldError] = []
        var assessment: AssessmentContent?
        var decision: Conclusion?
        if let stage {
            model.assessment = AssessmentInput(form: form, stage: stage)
            // A body's decision states its reasons; they are the text of its assessment too.
            var input = model.assessment
            input.text = model.input.reasons
            do { assessment = try input.validate(stage: stage) } catch { errors += error.errors.filter { $0.field != "text" } }
            do {
                decision = try model.input.validate(stage: stage, gatesHold: assessment?.allGatesHold ?? true, voting: true)
            } catch { errors += error.errors }
        } else {
            do { decision = try model.input.validateItem() } catch { errors += error.errors }
        }
        guard errors.isEmpty, let decision else {
            model.errors = errors
            return decisionForm(model, context, status: .unprocessableContent)
        }
        try await refusing {
            try await service.bodySessions.recordDecision(session.id, item: item.id, decision, assessment: assessment,
                                                           review: basics.region.review, actor: user.id, at: .now)
        }
        return .seeOther(Site.Sessions.page(session.id) + "?saved=1#item-\(item.position)")
    }

    func publish(_ context: KonventRequestContext) async throws -> Response {
        let session = try await load(context)
        try basics.require(.releaseSession, on: Self.subject(session), context)
        let user = try basics.signedInUser(context)
        do {
            try await service.bodySessions.publish(session.id, machine: service.measureMachine, actor: user.id, at: .now)
        } catch SessionRefusal.noMinutes {
            return try await detail(session.id, context, status: .unprocessableContent) {
                $0.errors = [FieldError(field: "minutes", messageKey: "error.session.noMinutes")]
            }
        } catch SessionRefusal.undecided(let positions) {
            return try await detail(session.id, context, status: .unprocessableContent) {
                $0.errors = positions.map { FieldError(field: "item-\($0)", messageKey: "error.session.undecided") }
            }
        } catch ReviewRefusal.closed, ReviewRefusal.notAssigned {
            throw WebError.conflict("session.error.moved")
        }
        return .seeOther(Site.Sessions.page(session.id) + "?saved=1")
    }

    func refusing(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let refusal as SessionRefusal {
            switch refusal {
            case .published: throw WebError.denied(.wrongState)
            case .unknownItem, .unknownMeasure: throw WebError.notFound
            default: throw WebError.conflict("session.error.moved")
            }
        } catch is ReviewRefusal {
            throw WebError.conflict("session.error.moved")
        }
    }

    func calendar(_ id: BodySessionID) async throws -> Response {
        guard let session = try await service.bodySessions.session(id) else { throw WebError.notFound }
        let summary = BodySessionSummary(session)
        return Response.calendar(Array(ICalendar.calendar(name: session.draft.title, events: [event(summary)]).utf8),
                                                    filename: "sitzung-\(id).ics")
    }

    func feed() async throws -> Response {
        let routes = self
        let version = try await service.keys.keyWithDay([.sessions, .measures])
        let (bytes, _) = try await service.feeds.value("sessions", version: version) {
            // From three months back, so that a subscribed calendar keeps the recent sessions.
            let from = Timestamp.now.milliseconds - 90 * 86_400_000
            let sessions = try await routes.service.bodySessions.list(upcoming: true, now: from, limit: 300)
            return Array(ICalendar.calendar(name: routes.basics.region.process.title[.de], events: sessions.map(routes.event)).utf8)
        }
        return Response.calendar(bytes, filename: "sitzungen.ics")
    }

    func event(_ session: BodySessionSummary) -> ICalendar.Event {
        let host = URL(string: basics.mails.baseURL)?.host ?? "konvent"
        return ICalendar.Event(
            uid: "session-\(session.id)@\(host)", start: session.startsAt, end: session.endsAt, stamp: Timestamp.now.milliseconds,
            summary: session.title, description: basics.region.body(session.body)?.name[.de] ?? session.body, location: session.place,
            url: basics.mails.link(Site.Sessions.page(session.id)))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
