import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The signed-in person's own account: overview, organisations, data export and deletion.
struct AccountRoutes {
    let services: Services

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Accounts.account.route) { _, context in
            let user = try services.signedInUser(context)
            try services.require(.viewAccount, on: .account(owner: user.id), context)
            return try await page(user, context, notice: nil)
        }
        router.get(Site.Accounts.export.route) { _, context in
            let user = try services.signedInUser(context)
            try services.require(.exportAccountData, on: .account(owner: user.id), context)
            guard let export = try await services.accounts.export(user.id) else { throw WebError.notFound }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            var response = Response.json(Array(try encoder.encode(export)))
            response.headers[.contentDisposition] = "attachment; filename=\"konvent-konto-\(user.id).json\""
            return response
        }
        router.post(Site.Accounts.confirmation.route) { _, context in
            let user = try services.signedInUser(context)
            try services.require(.editAccount, on: .account(owner: user.id), context)
            if !user.isConfirmed {
                let token = SecretToken()
                try await services.accounts.resendConfirmation(
                    for: user.id, token: token,
                    expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + AuthRoutes.confirmationLifetime),
                    mail: Mails(services: services).confirmation(
                        to: user.email, name: user.displayName, language: context.language, token: token))
            }
            return try await page(user, context, notice: services.catalog.translator(context.language)("account.resent"))
        }
        router.post(Site.Accounts.organisations.route) { request, context in
            var request = request
            let user = try services.signedInUser(context)
            try services.require(.editAccount, on: .account(owner: user.id), context)
            let form = try await request.form(context)
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
            let mails = Mails(services: services), requester = user.displayName
            let outcome = try await services.organisations.join(name: name, kind: kind, for: user.id, at: .now) { organisation, members in
                members.map { mails.joinRequest($0, requester: requester, organisation: organisation) }
            }
            let notice = switch outcome {
            case .founded: "account.organisations.added"
            case .requested: "account.organisations.requested"
            case .alreadyMember: "account.organisations.already"
            }
            return try await page(user, context, notice: services.catalog.translator(context.language)(notice))
        }
        router.post(Site.Accounts.leaveOrganisation.route) { _, context in
            let user = try services.signedInUser(context)
            try services.require(.editAccount, on: .account(owner: user.id), context)
            guard let id = context.parameters.get("id").flatMap(OrganisationID.init) else { throw WebError.notFound }
            try await services.organisations.leave(id, user: user.id, at: .now)
            return try await page(user, context, notice: services.catalog.translator(context.language)("account.organisations.removed"))
        }
        router.post(Site.Accounts.notifications.route) { request, context in
            var request = request
            let user = try services.signedInUser(context)
            try services.require(.editAccount, on: .account(owner: user.id), context)
            guard let mode = NotifyMode(rawValue: try await request.form(context).string("notify")) else {
                return try await page(user, context, notice: nil, errors: [FieldError(field: "notify", messageKey: "error.notify")],
                                      status: .unprocessableContent)
            }
            try await services.notifications.setMode(mode, of: user.id, at: .now)
            return try await page(user, context, notice: services.catalog.translator(context.language)("account.notify.saved"))
        }
        router.post(Site.Accounts.delete.route) { request, context in
            var request = request
            let user = try services.signedInUser(context)
            try services.require(.deleteAccount, on: .account(owner: user.id), context)
            let form = try await request.form(context)
            guard let stored = try await services.accounts.credentials(email: user.email),
                  try await services.hasher.verify(form.string("password"), against: stored.passwordHash)
            else {
                return try await page(user, context, notice: nil,
                                      errors: [FieldError(field: "password", messageKey: "error.password.wrong")],
                                      status: .unprocessableContent)
            }
            // Seats go back first, so that whoever waits for them moves up and is told.
            let mails = Mails(services: services)
            for registration in try await services.formats.registrations(of: user.id) where registration.status == .confirmed {
                try await services.formats.cancel(registration.format.id, user: user.id, at: .now) { recipient, format in
                    mails.movedUp(recipient, format: format, times: services.clock.times(format))
                }
            }
            try await services.accounts.deleteAccount(user.id)
            var signedOut = context
            signedOut.user = nil
            let t = services.catalog.translator(context.language)
            var response = Response.html(MessagePage.render(
                .init(title: t("account.deleted.title"), paragraphs: [t("account.deleted.text")], link: ("/", t("error.backHome"))),
                services.pageContext(signedOut, path: Site.Accounts.delete())))
            response.setCookie(Cookie(
                name: VisitorMiddleware.sessionCookie, value: "", maxAge: 0, path: Site.start(),
                secure: services.configuration.usesHTTPS, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    func page(
        _ user: User, _ context: KonventRequestContext, notice: String?, errors: [FieldError] = [],
        organisationName: String = "", status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let current = try await services.accounts.user(user.id) ?? user
        var model = AccountPage.Model(
            user: current, ministryName: current.ministry.flatMap { services.region.ministry($0)?.name[context.language] },
            organisations: try await services.organisations.memberships(of: user.id), errors: errors, notice: notice,
            organisationName: organisationName)
        model.requests = try await services.organisations.requests(forMember: user.id, limit: 100)
        model.notifications = try await services.moderation.notifications(of: user.id, limit: 50)
        model.contributions = try await services.contributions.contributions(by: user.id)
        model.registrations = try await services.formats.registrations(of: user.id).map {
            ($0.format, services.clock.times($0.format), $0.status)
        }
        model.notify = try await services.notifications.mode(of: user.id).rawValue
        return .html(AccountPage.render(model, services.pageContext(context, path: Site.Accounts.account())), status: status)
    }
}
