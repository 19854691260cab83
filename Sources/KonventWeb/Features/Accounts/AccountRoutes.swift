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

    func page(
        _ user: User, _ context: KonventRequestContext, notice: String?, errors: [FieldError] = [],
        organisationName: String = "", status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let current = try await service.accounts.user(user.id) ?? user
        var model = AccountPage.Model(
            user: current, ministryName: current.ministry.flatMap { basics.region.ministry($0)?.name[context.language] },
            organisations: try await service.organisations.memberships(of: user.id), errors: errors, notice: notice,
            organisationName: organisationName)
        model.requests = try await service.organisations.requests(forMember: user.id, limit: 100)
        model.notifications = try await service.moderation.notifications(of: user.id, limit: 50)
        model.contributions = try await service.contributions.contributions(by: user.id)
        model.registrations = try await service.formats.registrations(of: user.id).map {
            ($0.format, basics.clock.times($0.format), $0.status)
        }
        model.notify = try await service.notifications.mode(of: user.id).rawValue
        return .html(AccountPage.render(model, basics.pageContext(context, path: Site.Accounts.account())), status: status)
    }
}
