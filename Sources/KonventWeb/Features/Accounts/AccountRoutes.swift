import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The signed-in person's own account: overview, organisations, data export and deletion.
struct AccountRoutes {
    let basics: WebBasics
    let service: AccountsService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Accounts.account.route) { _, context in
            let user = try basics.ownAccount(.viewAccount, context)
            return try await page(user, context, notice: nil)
        }
        router.get(Site.Accounts.export.route) { _, context in
            let user = try basics.ownAccount(.exportAccountData, context)
            guard let export = try await service.accounts.export(user.id) else { throw WebError.notFound }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            var response = Response.json(Array(try encoder.encode(export)))
            response.headers[.contentDisposition] = "attachment; filename=\"konvent-konto-\(user.id).json\""
            return response
        }
        router.post(Site.Accounts.confirmation.route) { _, context in
            let user = try basics.ownAccount(.editAccount, context)
            if !user.isConfirmed {
                let token = SecretToken()
                try await service.accounts.resendConfirmation(
                    for: user.id, token: token,
                    expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + AuthRoutes.confirmationLifetime),
                    mail: basics.mails.confirmation(
                        to: user.email, name: user.displayName, language: context.language, token: token))
            }
            return try await page(user, context, notice: basics.catalog.translator(context.language)("account.resent"))
        }
        router.post(Site.Accounts.organisations.route) { request, context in
            let (user, form) = try await basics.postedOnOwnAccount(.editAccount, request, context)
            var validator = Validator()
            let name = form.string("organisationName").trimmingWhitespace()
            if name.isEmpty { validator.add("organisationName", "error.organisationName.missing") }
            if name.count > 160 { validator.add("organisationName", "error.organisationName.long") }
            let kind = Organisation.Kind(rawValue: form.string("organisationKind"))
            if kind == nil { validator.add("organisationKind", "error.organisationKind.invalid") }
            guard let kind, validator.errors.isEmpty else {
                return try await page(user, context, notice: nil, errors: validator.errors, organisationName: name,
                                      status: .unprocessableContent)
            }
            let mails = basics.mails, requester = user.displayName
            let outcome = try await service.organisations.join(name: name, kind: kind, for: user.id, at: .now) { organisation, members in
                members.map { mails.joinRequest($0, requester: requester, organisation: organisation) }
            }
            let notice = switch outcome {
            case .founded: "account.organisations.added"
            case .requested: "account.organisations.requested"
            case .alreadyMember: "account.organisations.already"
            }
            return try await page(user, context, notice: basics.catalog.translator(context.language)(notice))
        }
        router.post(Site.Accounts.leaveOrganisation.route) { _, context in
            let user = try basics.ownAccount(.editAccount, context)
            guard let id = context.parameters.get("id").flatMap(OrganisationID.init) else { throw WebError.notFound }
            try await service.organisations.leave(id, user: user.id, at: .now)
            return try await page(user, context, notice: basics.catalog.translator(context.language)("account.organisations.removed"))
        }
        router.post(Site.Accounts.notifications.route) { request, context in
            var request = request
            let user = try basics.ownAccount(.editAccount, context)
            guard let mode = NotifyMode(rawValue: try await request.form(context).string("notify")) else {
                return try await page(user, context, notice: nil, errors: [FieldError(field: "notify", messageKey: "error.notify")],
                                      status: .unprocessableContent)
            }
            try await service.notifications.setMode(mode, of: user.id, at: .now)
            return try await page(user, context, notice: basics.catalog.translator(context.language)("account.notify.saved"))
        }
        router.post(Site.Accounts.name.route) { request, context in
            let (user, form) = try await basics.postedOnOwnAccount(.editAccount, request, context)
            let typed = form.string("displayName")
            do {
                let name = try AccountRules.displayName(typed)
                try await service.accounts.rename(user.id, to: name, at: .now)
                return try await page(user, context, notice: basics.translator(context)("account.name.saved"))
            } catch let error as FieldError {
                return try await page(user, context, notice: nil, errors: [error], status: .unprocessableContent) { $0.displayNameInput = typed }
            }
        }
        router.post(Site.Accounts.email.route) { request, context in
            let (user, form) = try await basics.postedOnOwnAccount(.editAccount, request, context)
            let typed = form.string("newEmail")
            let keep: @Sendable (inout AccountPage.Model) -> Void = { $0.newEmailInput = typed }
            let email: EmailAddress
            do throws(FieldError) { email = try EmailAddress(typed) } catch {
                return try await page(user, context, notice: nil, errors: [FieldError(field: "newEmail", messageKey: error.messageKey)],
                                      status: .unprocessableContent, keep)
            }
            guard try await verifiedPassword(form.string("emailPassword"), of: user, request, context) else {
                return try await page(user, context, notice: nil, errors: [FieldError(field: "emailPassword", messageKey: "error.password.wrong")],
                                      status: .unprocessableContent, keep)
            }
            if email.lookupKey == user.email.lookupKey {
                return try await page(user, context, notice: nil, errors: [FieldError(field: "newEmail", messageKey: "error.email.same")],
                                      status: .unprocessableContent, keep)
            }
            let token = SecretToken()
            do {
                try await service.accounts.requestEmailChange(
                    user.id, to: email, token: token,
                    expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + AuthRoutes.confirmationLifetime),
                    mails: [basics.mails.emailChange(to: email, user: user, token: token), basics.mails.emailChangeNotice(user, to: email)])
            } catch StorageError.duplicate {
                return try await page(user, context, notice: nil, errors: [FieldError(field: "newEmail", messageKey: "error.email.inUse")],
                                      status: .unprocessableContent, keep)
            }
            return try await page(user, context, notice: basics.translator(context)("account.email.sent", ["email": email.value]))
        }
        router.get(Site.Accounts.confirmEmail.route) { request, context -> Response in
            let token = SecretToken(value: request.uri.queryParameters.get("token") ?? "")
            let t = basics.translator(context)
            let changed: User?
            do { changed = try await service.accounts.confirmEmailChange(token: token, at: .now) } catch StorageError.duplicate {
                return .html(MessagePage.render(
                    .init(title: t("account.email.taken.title"), paragraphs: [t("error.email.inUse")], link: (Site.Accounts.account(), t("account.title"))),
                    basics.pageContext(context, path: Site.Accounts.confirmEmail())), status: .conflict)
            }
            guard let changed else {
                return .html(MessagePage.render(
                    .init(title: t("confirm.invalid.title"), paragraphs: [t("account.email.invalid")], link: (Site.Accounts.account(), t("account.title"))),
                    basics.pageContext(context, path: Site.Accounts.confirmEmail())), status: .notFound)
            }
            return .html(MessagePage.render(
                .init(title: t("account.email.changed.title"), paragraphs: [t("account.email.changed", ["email": changed.email.value])],
                      link: (Site.Accounts.account(), t("account.title"))),
                basics.pageContext(context, path: Site.Accounts.confirmEmail())))
        }
        router.post(Site.Accounts.password.route) { request, context in
            let (user, form) = try await basics.postedOnOwnAccount(.editAccount, request, context)
            guard try await verifiedPassword(form.string("currentPassword"), of: user, request, context) else {
                return try await page(user, context, notice: nil, errors: [FieldError(field: "currentPassword", messageKey: "error.password.wrong")],
                                      status: .unprocessableContent)
            }
            let password: String
            do throws(FieldError) { password = try AccountRules.password(form.string("newPassword"), field: "newPassword") } catch {
                return try await page(user, context, notice: nil, errors: [error], status: .unprocessableContent)
            }
            try await service.accounts.changePassword(
                user.id, passwordHash: try await service.hasher.hash(password), keeping: context.sessionToken, at: .now)
            return try await page(user, context, notice: basics.translator(context)("account.password.saved"))
        }
        router.post(Site.Accounts.delete.route) { request, context in
            let (user, form) = try await basics.postedOnOwnAccount(.deleteAccount, request, context)
            guard let stored = try await service.accounts.credentials(email: user.email),
                  try await service.hasher.verify(form.string("password"), against: stored.passwordHash)
            else {
                return try await page(user, context, notice: nil,
                                      errors: [FieldError(field: "password", messageKey: "error.password.wrong")],
                                      status: .unprocessableContent)
            }
            // Seats go back first, so that whoever waits for them moves up and is told.
            let mails = basics.mails
            for registration in try await service.formats.registrations(of: user.id) where registration.status == .confirmed {
                try await service.formats.cancel(registration.format.id, user: user.id, at: .now) { recipient, format in
                    mails.movedUp(recipient, format: format, times: basics.clock.times(format))
                }
            }
            try await service.accounts.deleteAccount(user.id)
            var signedOut = context
            signedOut.user = nil
            let t = basics.catalog.translator(context.language)
            var response = Response.html(MessagePage.render(
                .init(title: t("account.deleted.title"), paragraphs: [t("account.deleted.text")], link: ("/", t("error.backHome"))),
                basics.pageContext(signedOut, path: Site.Accounts.delete())))
            response.setCookie(Cookie(
                name: VisitorMiddleware.sessionCookie, value: "", maxAge: 0, path: Site.start(),
                secure: basics.usesHTTPS, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    /// Whether the person typed their own password; wrong guesses count against the account like
    /// failed sign-ins, so that a session left open does not let anyone try passwords without end.
    func verifiedPassword(_ password: String, of user: User, _ request: Request, _ context: KonventRequestContext) async throws -> Bool {
        let key = "login-account:\(user.email.value.lowercased())"
        guard let attempt = try await service.rateLimiter.begin([
            (key, service.rateLimits.signInFailuresPerAccount),
            ("login-address:\(basics.clientAddress(request, context))", service.rateLimits.signInFailuresPerAddress),
        ]) else { throw WebError.rateLimited }
        guard let stored = try await service.accounts.credentials(email: user.email),
              try await service.hasher.verify(password, against: stored.passwordHash) else { return false }
        try await service.rateLimiter.succeeded(attempt, clearing: [key])
        return true
    }

    func page(
        _ user: User, _ context: KonventRequestContext, notice: String?, errors: [FieldError] = [],
        organisationName: String = "", status: HTTPResponse.Status = .ok, _ adjust: (inout AccountPage.Model) -> Void = { _ in }
    ) async throws -> Response {
        let current = try await service.accounts.user(user.id) ?? user
        // The banner names the person as they are now, after a change of name on this request.
        var context = context
        context.user = current
        var model = AccountPage.Model(
            user: current, ministryName: current.ministry.flatMap { basics.region.ministry($0)?.name[context.language] },
            organisations: try await service.organisations.memberships(of: user.id), errors: errors, notice: notice,
            organisationName: organisationName)
        model.requests = try await service.organisations.requests(forMember: user.id, limit: 100)
        model.notifications = try await service.moderation.notifications(of: user.id, limit: 50)
        model.measureNotices = try await service.measures.notices(of: user.id, limit: 50)
        model.followedMeasures = try await service.measures.followed(by: user.id, limit: 200).filter(\.state.isPublic)
        model.contributions = try await service.contributions.contributions(by: user.id)
        model.registrations = try await service.formats.registrations(of: user.id).map {
            ($0.format, basics.clock.times($0.format), $0.status)
        }
        model.notify = try await service.notifications.mode(of: user.id).rawValue
        model.announcements = try await service.announcements.subscription(of: user.id)
        model.region = basics.region
        adjust(&model)
        return .html(AccountPage.render(model, basics.pageContext(context, path: Site.Accounts.account())), status: status)
    }
}
