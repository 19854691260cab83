import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// Formats: the public list and calendar, the page with registration and waitlist, and for their
/// facilitators and the office: creating, editing and documenting them.
struct FormatRoutes {
    let basics: WebBasics
    let service: FormatsService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Formats.list.route) { request, context in try await list(request, context) }
        router.get(Site.Formats.feed.route) { _, _ in try await feed() }
        router.get(Site.Formats.new.route) { _, context in
            try basics.require(.manageFormats, context)
            var model = FormatFormPage.Model(region: basics.region, id: nil, input: FormatDraft.Input())
            model.facilitators = try await facilitators(context)
            return form(model, context)
        }
        router.post(Site.Formats.list.route) { request, context in try await save(nil, request, context) }
        router.get(Site.Formats.calendar.route) { _, context in try await calendar(try formatID(context)) }
        router.get(Site.Formats.page.route) { request, context in
            let notice = request.uri.queryParameters.get("notice").flatMap { key in
                ["registered", "waitlisted", "cancelled", "saved", "documented"].contains(key) ? key : nil
            }
            return try await detail(try formatID(context), context, notice: notice.map { "format.notice.\($0)" })
        }
        router.get(Site.Formats.edit.route) { _, context in
            let format = try await managed(context)
            var model = FormatFormPage.Model(region: basics.region, id: format.id.rawValue, input: input(from: format))
            model.facilitators = try await facilitators(context)
            model.facilitator = format.facilitatorID.map { String($0.rawValue) } ?? ""
            return form(model, context)
        }
        router.post(Site.Formats.page.route) { request, context in try await save(try await managed(context).id, request, context) }
        router.post(Site.Formats.register.route) { request, context in try await register(request, context) }
        router.post(Site.Formats.cancel.route) { _, context in
            let id = try formatID(context)
            try basics.require(.attendFormat, context)
            let user = try basics.signedInUser(context)
            let mails = basics.mails
            try await service.formats.cancel(id, user: user.id, at: .now) { recipient, format in
                mails.movedUp(recipient, format: format, times: basics.clock.times(format))
            }
            return Response.seeOther(Site.Formats.page(id) + "?notice=cancelled")
        }
        router.get(Site.Formats.documentation.route) { _, context in
            let format = try await managed(context)
            let d = format.documentation
            let participants = if let d { String(d.participants) } else { try await attendedCount(format.id) }
            return Response.html(FormatDocumentationPage.render(
                .init(format: format, summary: d?.summary ?? "", participants: participants,
                      attachments: d?.attachments ?? ""), basics.pageContext(context, path: Site.Formats.documentation(format.id))))
        }
        router.post(Site.Formats.documentation.route) { request, context in try await document(request, context) }
        router.get(Site.Formats.participants.route) { _, context in try await participants(try await managed(context), context, notice: nil) }
        router.post(Site.Formats.participants.route) { request, context in
            let format = try await managed(context)
            let (user, form) = try await basics.posted(.manageFormats, on: .owned(by: format.facilitatorID), request, context)
            let attended = Set(form.all("attended").compactMap { UserID($0) })
            let came = try await service.formats.recordAttendance(format.id, attended: attended, actor: user.id, at: .now)
            return try await participants(format, context, notice: basics.translator(context).count("participants.saved", came))
        }
        FormatResultRoutes(basics: basics, service: service).add(to: router)
    }

    /// The documentation's participants, suggested from the attendance when it was marked.
    func attendedCount(_ id: FormatID) async throws -> String {
        let came = try await service.formats.participants(id).filter(\.attended).count
        return came > 0 ? String(came) : ""
    }

    func participants(_ format: Format, _ context: KonventRequestContext, notice: String?) async throws -> Response {
        let people = try await service.formats.participants(format.id).map {
            FormatParticipantsPage.Person(id: $0.id.rawValue, name: $0.name, seated: $0.status == .confirmed, attended: $0.attended)
        }
        return .html(FormatParticipantsPage.render(
            .init(format: format, times: basics.clock.times(format), region: basics.region, people: people, notice: notice),
            basics.pageContext(context, path: Site.Formats.participants(format.id))))
    }

    func formatID(_ context: KonventRequestContext) throws -> FormatID {
        guard let id = context.parameters.get("id").flatMap(FormatID.init) else { throw WebError.notFound }
        return id
    }

    /// The format, when the visitor may run it (its facilitator, or the office).
    func managed(_ context: KonventRequestContext) async throws -> Format {
        guard let format = try await service.formats.format(try formatID(context)) else { throw WebError.notFound }
        try basics.require(.manageFormats, on: .owned(by: format.facilitatorID), context)
        return format
    }

    /// Whom the visitor may make a format's facilitator: the office chooses among facilitators;
    /// facilitators run their own formats.
    func facilitators(_ context: KonventRequestContext) async throws -> [(id: Int64, name: String)] {
        guard basics.policy.allows(context.actor, .manageFormats, on: .owned(by: nil)) else { return [] }
        return try await service.accounts.users(withRole: .facilitator, limit: 500).map { ($0.id.rawValue, $0.displayName) }
    }

    func list(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        func value(_ name: String) -> String? { parameters.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        var query = FormatQuery()
        query.when = value("when").flatMap(FormatQuery.When.init(rawValue:)) ?? .upcoming
        query.kind = value("kind").flatMap(Format.Kind.init(rawValue:))
        query.field = value("field").flatMap { basics.region.fieldOfAction($0)?.key }
        query.district = value("district").flatMap { key in basics.region.districts.first { $0.officialKey == key }?.officialKey }
        query.after = value("after").flatMap(PageKey.init)
        query.before = value("before").flatMap(PageKey.init)
        let now = Timestamp.now
        let page = try await service.formats.list(query, now: now)
        func link(_ direction: String, _ key: PageKey?) -> String? {
            key.map { key in
                Site.Formats.list().query([
                    ("when", query.when.rawValue), ("kind", query.kind?.rawValue), ("field", query.field),
                    ("district", query.district), (direction, key.description),
                ])
            }
        }
        var model = FormatListPage.Model(
            region: basics.region, items: page.items.map { ($0, basics.clock.times($0)) }, when: query.when.rawValue,
            kind: query.kind?.rawValue, field: query.field, district: query.district, nextPage: link("after", page.next),
            mayCreate: basics.policy.allows(context.actor, .manageFormats))
        model.previousPage = link("before", page.previous)
        model.total = try await service.formats.count(query, now: now)
        model.totalIsCapped = model.total > ContributionPage.countLimit
        return Response.html(FormatListPage.render(model, basics.pageContext(context, path: Site.Formats.list())))
    }

    func detail(_ id: FormatID, _ context: KonventRequestContext, notice: String?) async throws -> Response {
        guard let format = try await service.formats.format(id) else { throw WebError.notFound }
        let decision = basics.policy.decide(context.actor, .attendFormat)
        var registration: RegistrationStatus?
        if decision.isAllowed, let user = context.user {
            registration = try await service.formats.registration(id, user: user.id)
        }
        var denialKey: String?
        if case .deny(let reason) = decision { denialKey = reason.catalogKey }
        let mayManage = basics.policy.allows(context.actor, .manageFormats, on: .owned(by: format.facilitatorID))
        let participants = mayManage ? try await service.formats.participants(id).map { ($0.name, $0.email, $0.status) } : []
        let t = basics.catalog.translator(context.language)
        let model = FormatPage.Model(
            region: basics.region, format: format, times: basics.clock.times(format), isOver: format.isOver(at: Timestamp.now.milliseconds),
            registration: registration, mayRegister: decision.isAllowed, denialKey: denialKey, mayManage: mayManage,
            participants: participants, notice: notice.map { t($0) })
        return Response.html(FormatPage.render(model, basics.pageContext(context, path: Site.Formats.page(id))))
    }

    func register(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let id = try formatID(context)
        try basics.require(.attendFormat, context)
        let user = try basics.signedInUser(context)
        try await basics.throttle.check(.registration, user, request)
        do {
            let status = try await basics.seats(service.formats).book(id, for: user.id)
            return Response.seeOther(Site.Formats.page(id) + "?notice=\(status == .confirmed ? "registered" : "waitlisted")")
        } catch let refusal as RegistrationRefusal {
            guard let key = SeatBooking.messageKey(refusal) else { throw WebError.notFound }
            throw WebError.conflict(key)
        }
    }

    func form(_ model: FormatFormPage.Model, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        let path = model.id.map { Site.Formats.edit(FormatID($0)) } ?? Site.Formats.new()
        return .html(FormatFormPage.render(model, basics.pageContext(context, path: path)), status: status)
    }

    func input(from format: Format) -> FormatDraft.Input {
        var input = FormatDraft.Input()
        input.kind = format.kind.rawValue
        input.title = format.title
        input.description = format.description
        input.fields = format.fields
        input.district = format.districtKey
        input.municipality = format.municipalityKey ?? ""
        input.place = format.place
        input.onlineURL = format.onlineURL ?? ""
        input.start = basics.clock.local(format.startsAt).description
        input.end = basics.clock.local(format.endsAt).description
        input.capacity = format.capacity.map(String.init) ?? ""
        input.bring = format.bring
        return input
    }

    func save(_ id: FormatID?, _ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (user, form) = try await basics.posted(.manageFormats, request, context)
        let input = FormatDraft.Input(form: form)
        let choices = try await facilitators(context)
        var model = FormatFormPage.Model(region: basics.region, id: id?.rawValue, input: input)
        model.facilitators = choices
        model.facilitator = form.string("facilitator")
        var facilitator: UserID?
        if !model.facilitator.isEmpty {
            facilitator = choices.first { String($0.id) == model.facilitator }.map { UserID($0.id) }
            if facilitator == nil {
                model.errors = [FieldError(field: "facilitator", messageKey: "error.format.facilitator")]
                return self.form(model, context, status: .unprocessableContent)
            }
        }
        let draft: FormatDraft
        do {
            draft = try FormatDraft.validate(input, region: basics.region, toUTC: basics.clock.utc)
        } catch {
            model.errors = error.errors
            return self.form(model, context, status: .unprocessableContent)
        }
        if let id {
            do { try await service.formats.update(id, draft, facilitator: facilitator, actor: user.id, at: .now) } catch StorageError.duplicate {
                model.errors = [FieldError(field: "capacity", messageKey: "error.format.capacityBelowRegistered")]
                return self.form(model, context, status: .unprocessableContent)
            }
            return Response.seeOther(Site.Formats.page(id) + "?notice=saved")
        }
        let created = try await service.formats.create(draft, facilitator: facilitator ?? user.id, actor: user.id, at: .now)
        return Response.seeOther(Site.Formats.page(created) + "?notice=saved")
    }

    func document(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let format = try await managed(context)
        let user = try basics.signedInUser(context)
        let form = try await request.form(context)
        do {
            let documentation = try FormatDocumentationInput.validate(
                summary: form.string("summary"), participants: form.string("participants"), attachments: form.string("attachments"))
            try await service.formats.document(format.id, documentation, actor: user.id, at: .now)
            return Response.seeOther(Site.Formats.page(format.id) + "?notice=documented")
        } catch let failure as ValidationFailure {
            return Response.html(FormatDocumentationPage.render(
                .init(format: format, summary: form.string("summary"), participants: form.string("participants"),
                      attachments: form.string("attachments"), errors: failure.errors),
                basics.pageContext(context, path: Site.Formats.documentation(format.id))), status: .unprocessableContent)
        }
    }

    func calendar(_ id: FormatID) async throws -> Response {
        guard let format = try await service.formats.format(id) else { throw WebError.notFound }
        return Response.calendar(Array(ICalendar.calendar(name: format.title, events: [event(format)]).utf8), filename: "format-\(id).ics")
    }

    func feed() async throws -> Response {
        let routes = self
        // From a month back: a new day is a new feed too.
        let version = try await service.keys.keyWithDay([.formats])
        let (bytes, _) = try await service.feeds.value("formats", version: version) {
            // From a month back, so that a subscribed calendar keeps recent formats.
            let formats = try await routes.service.formats.calendar(
                from: Timestamp(milliseconds: Timestamp.now.milliseconds - 30 * 86_400_000), limit: 500)
            return Array(ICalendar.calendar(name: routes.basics.region.process.title[.de], events: formats.map(routes.event)).utf8)
        }
        return Response.calendar(bytes, filename: "formate.ics")
    }

    func event(_ format: Format) -> ICalendar.Event { basics.mails.calendarEvent(format) }

}
