import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// Announcements: the office writes one, sees whom it reaches, and sends it through the outbox to
/// the people who asked for announcements and confirmed by mail; a public archive keeps them; every
/// mail carries a link (and a `List-Unsubscribe` header) that stops them without signing in.
struct AnnouncementRoutes {
    let basics: WebBasics
    let service: AnnouncementService

    /// Recipients queued per transaction.
    static let batch = 500
    static let confirmationValidity: Int64 = 7 * 24 * 3_600_000

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Announcements.archive.route) { request, context in
            let before = request.uri.queryParameters.get("before").flatMap(Int64.init)
            let items = try await service.announcements.archive(before: before, limit: 21)
            let t = basics.translator(context)
            let model = AnnouncementPages.ArchiveModel(
                items: items.prefix(20).map { ($0, day($0.sentAt, t)) },
                nextPage: items.count > 20 ? Site.Announcements.archive().query(["before": items[19].id.description]) : nil,
                mayAnnounce: basics.policy.allows(context.actor, .announce))
            return Response.html(AnnouncementPages.archive(model, basics.pageContext(
                context, path: Site.Announcements.archive(),
                alternates: [.atom(basics.translator(context)("feed.alternate.announcements"), Site.Feeds.announcements())])))
        }
        router.get(Site.Announcements.new.route) { _, context in
            try basics.require(.announce, context)
            return try await form(AnnouncementPages.FormModel(region: basics.region), context)
        }
        router.post(Site.Announcements.new.route) { request, context in try await post(request, context) }
        router.get(Site.Announcements.page.route) { _, context in
            guard let id = context.parameters.get("id").flatMap(AnnouncementID.init),
                  let announcement = try await service.announcements.announcement(id), announcement.sentAt != nil else { throw WebError.notFound }
            return Response.html(AnnouncementPages.page(announcement, date: day(announcement.sentAt, basics.translator(context)),
                                                        basics.pageContext(context, path: Site.Announcements.page(id))))
        }
        router.post(Site.Announcements.subscribe.route) { request, context in
            let (user, _) = try await basics.postedOnOwnAccount(.editAccount, request, context)
            let token = SecretToken()
            try await service.announcements.requestSubscription(
                user.id, token: token, expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + Self.confirmationValidity),
                mail: basics.mails.announcementsConfirmation(to: user, token: token), at: .now)
            return Response.seeOther(Site.Accounts.account().fragment("announcements-title"))
        }
        router.post(Site.Announcements.stop.route) { request, context in
            let (user, _) = try await basics.postedOnOwnAccount(.editAccount, request, context)
            try await service.announcements.unsubscribe(user.id, at: .now)
            return Response.seeOther(Site.Accounts.account().fragment("announcements-title"))
        }
        router.get(Site.Announcements.confirm.route) { request, context in
            let t = basics.translator(context)
            let token = request.uri.queryParameters.get("token").map { SecretToken(value: String($0)) }
            guard let token, try await service.announcements.confirmSubscription(token: token, at: .now) != nil else {
                throw WebError.notFound
            }
            return Response.html(MessagePage.render(
                .init(title: t("announcements.confirmed.title"), paragraphs: [t("announcements.confirmed.text")],
                      link: (Site.Announcements.archive(), t("announcements.archive.link"))),
                basics.pageContext(context, path: Site.Announcements.confirm())))
        }
        router.get(Site.Announcements.unsubscribe.route) { request, context in
            let (_, query) = try unsubscriber(request)
            return Response.html(AnnouncementPages.unsubscribe(query: query, done: false,
                                                               basics.pageContext(context, path: Site.Announcements.unsubscribe())))
        }
        router.post(Site.Announcements.unsubscribe.route) { request, context in
            let (user, query) = try unsubscriber(request)
            try await service.announcements.unsubscribe(user, at: .now)
            return Response.html(AnnouncementPages.unsubscribe(query: query, done: true,
                                                               basics.pageContext(context, path: Site.Announcements.unsubscribe())))
        }
    }

    /// The person a mail's link names, when its key is the installation's HMAC of them.
    func unsubscriber(_ request: Request) throws -> (UserID, String) {
        let parameters = request.uri.queryParameters
        guard let user = parameters.get("user").flatMap(UserID.init), let key = parameters.get("key"),
              service.keys.isValid(key, cookie: "unsubscribe:\(user)", session: nil) else { throw WebError.notFound }
        return (user, "".query(["user": user.description, "key": key]))
    }

    func day(_ milliseconds: Int64?, _ t: Translator) -> String {
        milliseconds.map { t.date(iso: basics.clock.local($0).isoDate) } ?? ""
    }

    func form(_ model: AnnouncementPages.FormModel, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        var model = model
        model.measures = try await service.measures.list(MeasureQuery()).map { ($0.id.description, "\($0.code) \($0.content.title)") }
        var formats = FormatQuery()
        formats.limit = 100
        var past = formats
        past.when = .past
        let offered = try await service.formats.list(formats, now: .now).items + service.formats.list(past, now: .now).items
        model.formats = offered.map { ($0.id.description, $0.title) }
        return Response.html(AnnouncementPages.form(model, basics.pageContext(context, path: Site.Announcements.new())), status: status)
    }

    func post(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (user, form) = try await basics.posted(.announce, request, context)
        var model = AnnouncementPages.FormModel(region: basics.region)
        model.title = form.string("title")
        model.body = form.string("body")
        (model.district, model.field, model.measure, model.format) = (form.string("district"), form.string("field"), form.string("measure"),
                                                                       form.string("format"))
        var errors: [FieldError] = []
        var text: (title: String, body: String)?
        do throws(ValidationFailure) { text = try Announcement.validate(title: model.title, body: model.body) } catch { errors += error.errors }
        var audience = AnnouncementAudience()
        if !model.district.isEmpty {
            audience.district = basics.region.districts.first { $0.officialKey == model.district }?.officialKey
            if audience.district == nil { errors.append(FieldError(field: "district", messageKey: "announcement.error.audience")) }
        }
        if !model.field.isEmpty {
            audience.field = basics.region.fieldOfAction(model.field)?.key
            if audience.field == nil { errors.append(FieldError(field: "field", messageKey: "announcement.error.audience")) }
        }
        if !model.measure.isEmpty {
            audience.measure = MeasureID(model.measure)
            if audience.measure == nil { errors.append(FieldError(field: "measure", messageKey: "announcement.error.audience")) }
        }
        if !model.format.isEmpty {
            audience.format = FormatID(model.format)
            if audience.format == nil { errors.append(FieldError(field: "format", messageKey: "announcement.error.audience")) }
        }
        let reach = errors.isEmpty ? try await service.announcements.count(audience) : nil
        model.reach = reach
        if form.string("intent") == "send", reach == 0 { errors.append(FieldError(field: "district", messageKey: "announcement.error.nobody")) }
        guard errors.isEmpty, let text else {
            model.errors = errors
            return try await self.form(model, context, status: .unprocessableContent)
        }
        guard form.string("intent") == "send" else { return try await self.form(model, context) }
        let mails = basics.mails, links = service
        let id = try await service.announcements.send(
            title: text.title, body: text.body, audience: audience, actor: user.id, at: .now, batch: Self.batch
        ) { id, recipient in
            mails.announcement(id, title: text.title, body: text.body, to: recipient, unsubscribe: links.unsubscribeLink(recipient.id))
        }
        return Response.seeOther(Site.Announcements.page(id))
    }
}

/// What announcements need: their store, the measures and formats an audience may name, and the
/// installation's keys for the unsubscribe links.
struct AnnouncementService: Sendable {
    let announcements: any AnnouncementStore
    let measures: any MeasureStore
    let formats: any FormatStore
    let keys: CSRFTokens

    /// The link in every announcement that stops them: the person and the installation's HMAC of them.
    func unsubscribeLink(_ user: UserID) -> String {
        Site.Announcements.unsubscribe().query(["user": user.description, "key": keys.token(cookie: "unsubscribe:\(user)", session: nil)])
    }
}
