import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The administrator's console: accounts (find, invite, role and ministry, deactivate, sessions),
/// the audit trail with its verification, the configuration as loaded, and the settings. Every act
/// is one store call that writes its audit entry in the same transaction.
struct AdminRoutes {
    let basics: WebBasics
    let service: AdminService

    /// How long an invitation's link to set a password stays usable.
    static let invitationValidity: Int64 = 7 * 24 * 3_600_000

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Admin.index.route) { _, context in
            try basics.require(.manageUsers, context)
            let overview = AdminPage.Overview(users: try await service.accounts.countUsers(), auditEntries: try await service.auditCount())
            return Response.html(AdminPage.index(overview, basics.pageContext(context, path: Site.Admin.index())))
        }
        router.get(Site.Admin.users.route) { request, context in try await users(request, context) }
        router.post(Site.Admin.invite.route) { request, context in try await invite(request, context) }
        router.get(Site.Admin.user.route) { request, context in
            try basics.require(.manageUsers, context)
            return try await userPage(try userID(context), context, notice: request.uri.queryParameters["done"].map(String.init))
        }
        router.post(Site.Admin.role.route) { request, context in try await changeRole(request, context) }
        router.post(Site.Admin.active.route) { request, context in
            let (admin, form) = try await basics.posted(.manageUsers, request, context)
            let id = try userID(context)
            let active = form.string("active") == "1"
            try await refusingLastAdministrator(id, context) {
                try await service.administration.setActive(id, active, actor: admin.id, at: .now)
            }
            return Response.seeOther(Site.Admin.user(id).query(["done": active ? "reactivated" : "deactivated"]))
        }
        router.post(Site.Admin.endSessions.route) { request, context in
            let (admin, _) = try await basics.posted(.manageUsers, request, context)
            let id = try userID(context)
            guard try await service.administration.listing(id, at: .now) != nil else { throw WebError.notFound }
            try await service.administration.endSessions(of: id, actor: admin.id, at: .now)
            return Response.seeOther(Site.Admin.user(id).query(["done": "sessions"]))
        }
        router.post(Site.Admin.invitation.route) { request, context in
            let (admin, _) = try await basics.posted(.manageUsers, request, context)
            let id = try userID(context)
            guard let user = try await service.accounts.user(id) else { throw WebError.notFound }
            let token = SecretToken()
            do {
                try await service.administration.sendInvitation(
                    to: id, token: token, expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + Self.invitationValidity),
                    mail: basics.mails.invitation(to: user.email, name: user.displayName, role: user.role, language: user.locale, token: token),
                    actor: admin.id, at: .now)
            } catch StorageError.refused {
                throw WebError.conflict("admin.error.confirmedAlready")
            }
            return Response.seeOther(Site.Admin.user(id).query(["done": "invitation"]))
        }
        router.get(Site.Admin.audit.route) { request, context in try await audit(request, context, verify: false) }
        router.get(Site.Admin.verify.route) { request, context in try await audit(request, context, verify: true) }
        router.get(Site.Admin.configuration.route) { _, context in
            try basics.require(.manageUsers, context)
            return Response.html(AdminPage.configuration(basics.region, basics.pageContext(context, path: Site.Admin.configuration())))
        }
        router.get(Site.Admin.settings.route) { request, context in
            try basics.require(.manageUsers, context)
            return try await settingsPage(context, notice: request.uri.queryParameters["done"] == "saved" ? basics.translator(context)("admin.settings.saved") : nil)
        }
        router.post(Site.Admin.settings.route) { request, context in
            let (admin, form) = try await basics.posted(.manageUsers, request, context)
            let premoderation = form.string("premoderation"), progress = form.string("progress")
            guard ["on", "off"].contains(premoderation), ["direct", "office"].contains(progress) else {
                throw WebError.unprocessable("admin.error.setting")
            }
            try await service.settings.set(AdminService.premoderationSetting, to: premoderation, actor: admin.id, at: .now)
            try await service.settings.set(MeasuresService.publishingSetting, to: progress, actor: admin.id, at: .now)
            return Response.seeOther(Site.Admin.settings().query(["done": "saved"]))
        }
    }

    func userID(_ context: KonventRequestContext) throws -> UserID {
        guard let id = context.parameters.get("id").flatMap(UserID.init) else { throw WebError.notFound }
        return id
    }

    func refusingLastAdministrator(_ id: UserID, _ context: KonventRequestContext, _ act: () async throws -> Void) async throws {
        do { try await act() } catch StorageError.notFound {
            throw WebError.notFound
        } catch StorageError.refused {
            throw WebError.conflict("admin.error.lastAdministrator")
        }
    }

    func users(_ request: Request, _ context: KonventRequestContext, invitation: AdminUsersPage.Invitation = .init(), notice: String? = nil,
               status: HTTPResponse.Status = .ok) async throws -> Response {
        try basics.require(.manageUsers, context)
        let parameters = request.uri.queryParameters
        var query = UserQuery()
        query.search = String((parameters["q"].map(String.init) ?? "").prefix(200))
        let role = parameters["withRole"].map(String.init) ?? ""
        query.role = Role(rawValue: role)
        query.after = parameters["after"].flatMap { Int64(String($0)) }
        let page = try await service.administration.listUsers(query, at: .now)
        let rows = page.items.map {
            AdminUsersPage.Row(id: $0.user.id, name: $0.user.displayName, email: $0.user.email.value, role: $0.user.role,
                               ministry: $0.user.ministry, confirmed: $0.user.isConfirmed, active: $0.isActive)
        }
        let next = page.next.map { Site.Admin.users().query([("q", query.search), ("withRole", query.role?.rawValue), ("after", String($0))]) }
        let t = basics.translator(context)
        // The notice names the address only when it is one, so that a crafted link cannot put other words into it.
        let done = parameters["done"] == "invited"
            ? parameters["email"].flatMap { try? EmailAddress(String($0)) }.map { t("admin.invite.done", ["email": $0.value]) } : nil
        let model = AdminUsersPage.Model(region: basics.region, rows: rows, search: query.search, role: query.role?.rawValue ?? "",
                                         nextPage: next, invitation: invitation, notice: notice ?? done)
        return Response.html(AdminUsersPage.render(model, basics.pageContext(context, path: Site.Admin.users())), status: status)
    }

    /// Checks a role and its ministry: a reviewer needs one the configuration knows; others have none.
    func assignment(_ form: FormData) -> (role: Role?, ministry: String?, errors: [FieldError]) {
        guard let role = Role(rawValue: form.string("role")) else { return (nil, nil, [FieldError(field: "role", messageKey: "admin.error.role")]) }
        let ministry = form.string("ministry")
        guard role == .ministryReviewer else { return (role, nil, []) }
        guard !ministry.isEmpty else { return (role, nil, [FieldError(field: "ministry", messageKey: "admin.error.ministryRequired")]) }
        guard basics.region.ministry(ministry) != nil else { return (role, nil, [FieldError(field: "ministry", messageKey: "admin.error.ministry")]) }
        return (role, ministry, [])
    }

    func invite(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (admin, form) = try await basics.posted(.manageUsers, request, context)
        var sent = AdminUsersPage.Invitation()
        sent.email = form.string("email").trimmingWhitespace()
        sent.name = form.string("name").trimmingWhitespace()
        sent.role = form.string("role")
        sent.ministry = form.string("ministry")
        var errors: [FieldError] = []
        var email: EmailAddress?
        do { email = try EmailAddress(sent.email) } catch { errors.append(FieldError(field: "email", messageKey: error.messageKey)) }
        var name = ""
        do { name = try AccountRules.displayName(sent.name) } catch { errors.append(FieldError(field: "name", messageKey: error.messageKey)) }
        let assignment = assignment(form)
        errors += assignment.errors
        guard errors.isEmpty, let email, let role = assignment.role else {
            sent.errors = errors
            return try await users(request, context, invitation: sent, status: .unprocessableContent)
        }
        let token = SecretToken()
        do {
            _ = try await service.administration.invite(
                email: email, displayName: name, role: role, ministry: assignment.ministry, language: context.language,
                passwordHash: try await service.hasher.hash(SecretToken().value), token: token,
                expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + Self.invitationValidity),
                mail: basics.mails.invitation(to: email, name: name, role: role, language: context.language, token: token),
                actor: admin.id, at: .now)
        } catch StorageError.duplicate {
            sent.errors = [FieldError(field: "email", messageKey: "admin.error.emailTaken")]
            return try await users(request, context, invitation: sent, status: .conflict)
        }
        return Response.seeOther(Site.Admin.users().query(["done": "invited", "email": email.value]))
    }

    func userPage(
        _ id: UserID, _ context: KonventRequestContext, notice: String?, sent: (role: String, ministry: String)? = nil, errors: [FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let listing = try await service.administration.listing(id, at: .now) else { throw WebError.notFound }
        let t = basics.translator(context)
        var model = AdminUserPage.Model(region: basics.region, user: listing.user, active: listing.isActive, sessions: listing.sessions,
                                        created: when(Timestamp(listing.user.createdAt), t))
        if let sent {
            model.role = sent.role
            model.ministry = sent.ministry
        }
        model.errors = errors
        model.notice = notice.flatMap { ["role", "deactivated", "reactivated", "sessions", "invitation"].contains($0) ? t("admin.done.\($0)") : nil }
        return Response.html(AdminUserPage.render(model, basics.pageContext(context, path: Site.Admin.user(id))), status: status)
    }

    func changeRole(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let (admin, form) = try await basics.posted(.manageUsers, request, context)
        let id = try userID(context)
        let assignment = assignment(form)
        guard assignment.errors.isEmpty, let role = assignment.role else {
            return try await userPage(id, context, notice: nil, sent: (form.string("role"), form.string("ministry")), errors: assignment.errors,
                                      status: .unprocessableContent)
        }
        try await refusingLastAdministrator(id, context) {
            try await service.administration.changeRole(id, to: role, ministry: assignment.ministry, actor: admin.id, at: .now)
        }
        return Response.seeOther(Site.Admin.user(id).query(["done": "role"]))
    }

    func when(_ time: Timestamp, _ t: Translator) -> String {
        let local = basics.clock.local(time.milliseconds)
        return "\(t.date(iso: local.isoDate)), \(local.clock)"
    }

    func audit(_ request: Request, _ context: KonventRequestContext, verify: Bool) async throws -> Response {
        try basics.require(.viewAuditTrail, context)
        let parameters = request.uri.queryParameters
        var filters = AdminAuditPage.Filters()
        var query = AuditQuery()
        var errors: [FieldError] = []
        filters.actor = String((parameters["actor"].map(String.init) ?? "").prefix(200)).trimmingWhitespace()
        if !filters.actor.isEmpty {
            if let id = UserID(filters.actor) {
                query.actor = id
            } else if let email = try? EmailAddress(filters.actor), let id = try await service.administration.userID(email: email) {
                query.actor = id
            } else {
                errors.append(FieldError(field: "actor", messageKey: "admin.audit.error.actor"))
            }
        }
        filters.action = String((parameters["action"].map(String.init) ?? "").prefix(100))
        query.action = filters.action.isEmpty ? nil : filters.action
        filters.subject = String((parameters["subject"].map(String.init) ?? "").prefix(200)).trimmingWhitespace()
        query.subject = filters.subject.isEmpty ? nil : filters.subject
        for (name, isUntil) in [("from", false), ("until", true)] {
            let text = String((parameters[Substring(name)].map(String.init) ?? "").prefix(20))
            if isUntil { filters.until = text } else { filters.from = text }
            guard !text.isEmpty else { continue }
            guard let day = LocalDateTime(text + "T00:00"), let start = basics.clock.utc(day) else {
                errors.append(FieldError(field: name, messageKey: "admin.audit.error.date"))
                continue
            }
            if isUntil {
                // The whole day counts: up to the next day's midnight (23, 24 or 25 hours later).
                let next = basics.clock.local(start + 26 * 3_600_000)
                query.until = basics.clock.utc(LocalDateTime(year: next.year, month: next.month, day: next.day, hour: 0, minute: 0)) ?? start
            } else {
                query.from = start
            }
        }
        query.before = parameters["before"].flatMap { Int64(String($0)) }
        let t = basics.translator(context)
        let actions = try await AuditTrail.actions(in: service.database)
        var rows: [AdminAuditPage.Row] = []
        var next: String?
        if errors.isEmpty {
            let page = try await AuditTrail.search(query, in: service.database)
            let names = try await service.administration.displayNames(Set(page.items.compactMap(\.event.actor)))
            rows = page.items.map { entry in
                AdminAuditPage.Row(
                    id: entry.id, at: when(entry.at, t),
                    actor: entry.event.actor.map { "\(names[$0] ?? t("admin.audit.deletedAccount")) (\($0))" } ?? t("admin.audit.system"),
                    action: entry.event.action, subject: entry.event.subject, detail: entry.event.detail)
            }
            next = page.next.map {
                Site.Admin.audit().query([("actor", filters.actor), ("action", filters.action), ("subject", filters.subject), ("from", filters.from),
                                          ("until", filters.until), ("before", String($0))])
            }
        }
        let verification = verify ? try await AuditTrail.verify(in: service.database) : nil
        let model = AdminAuditPage.Model(
            rows: rows, filters: filters, actions: actions, nextPage: next,
            verification: verification.map { AdminAuditPage.Verification(checked: $0.checked, firstBroken: $0.firstBrokenID) }, errors: errors)
        return Response.html(AdminAuditPage.render(model, basics.pageContext(context, path: Site.Admin.audit())),
                     status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    func settingsPage(_ context: KonventRequestContext, notice: String?) async throws -> Response {
        let model = AdminPage.SettingsModel(
            premoderation: try await service.settings.value(AdminService.premoderationSetting) == "on",
            progressDirect: try await service.settings.value(MeasuresService.publishingSetting) == "direct", notice: notice)
        return Response.html(AdminPage.settings(model, basics.pageContext(context, path: Site.Admin.settings())))
    }
}

/// What the console works with: the accounts, their administration, the audit trail's database,
/// the settings and the password hasher (an invitation's account gets an unguessable password).
struct AdminService: Sendable {
    let accounts: any AccountStore
    let administration: any UserAdministration
    let database: any KonventDatabase
    let settings: Settings
    let hasher: PasswordHasher

    static let premoderationSetting = "premoderation"

    func auditCount() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}
