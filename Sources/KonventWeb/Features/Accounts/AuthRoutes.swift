import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// Registration, e-mail confirmation, sign-in and sign-out, and the password reset.
struct AuthRoutes {
    let basics: WebBasics
    let service: AccountsService
    var mails: Mails { basics.mails }

    static let confirmationLifetime: Int64 = 48 * 3600 * 1000
    static let resetLifetime: Int64 = 3600 * 1000

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Accounts.register.route) { request, context in
            let next = localPath(request.uri.queryParameters.get("next"))
            if context.user != nil { return Response.seeOther(next ?? Site.Accounts.account()) }
            var model = RegisterPage.Model()
            model.next = next
            model.attend = try await attending(request.uri.queryParameters.get("attend"))
            return Response.html(RegisterPage.render(model, basics.pageContext(context, path: Site.Accounts.register())))
        }
        router.post(Site.Accounts.register.route) { request, context in try await register(request, context) }
        router.get(Site.Accounts.registerSent.route) { _, context in
            let t = basics.catalog.translator(context.language)
            return Response.html(MessagePage.render(
                .init(title: t("register.done.title"), paragraphs: [t("register.done.text"), t("register.done.next")],
                      link: (Site.Accounts.login(), t("layout.nav.login"))),
                basics.pageContext(context, path: Site.Accounts.registerSent())))
        }
        router.get(Site.Accounts.confirm.route) { request, context in try await confirm(request, context) }
        router.get(Site.Accounts.login.route) { request, context in
            if context.user != nil { return Response.seeOther(Site.Accounts.account()) }
            let next = localPath(request.uri.queryParameters.get("next"))
            return Response.html(LoginPage.render(.init(next: next), basics.pageContext(context, path: Site.Accounts.login())))
        }
        router.post(Site.Accounts.login.route) { request, context in try await login(request, context) }
        router.post(Site.Accounts.logout.route) { _, context in
            if let token = context.sessionToken { try await service.accounts.endSession(token: token) }
            var response = Response.seeOther(Site.start())
            response.setCookie(expired(VisitorMiddleware.sessionCookie))
            return response
        }
        router.get(Site.Accounts.forgotPassword.route) { _, context in
            Response.html(ForgotPasswordPage.render(email: "", errors: [], basics.pageContext(context, path: Site.Accounts.forgotPassword())))
        }
        router.post(Site.Accounts.forgotPassword.route) { request, context in try await forgot(request, context) }
        router.get(Site.Accounts.resetPassword.route) { request, context in
            let token = request.uri.queryParameters.get("token") ?? ""
            guard try await service.accounts.isUsable(token: SecretToken(value: token), purpose: .resetPassword, at: .now) else {
                return invalidLink(context)
            }
            return Response.html(ResetPasswordPage.render(token: token, errors: [], basics.pageContext(context, path: Site.Accounts.resetPassword())))
        }
        router.post(Site.Accounts.resetPassword.route) { request, context in try await reset(request, context) }
    }

    func register(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        try basics.require(.register, context)
        let form = try await request.form(context)
        let limits = service.rateLimits
        guard try await service.rateLimiter.begin([
            ("register-address:\(basics.clientAddress(request, context))", limits.registerPerAddress),
            ("register-email:\(form.string("email").trimmingWhitespace().lowercased())", limits.registerPerEmail),
        ]) != nil else { throw WebError.rateLimited }
        let page = basics.pageContext(context, path: Site.Accounts.register())
        let next = localPath(form["next"])
        let attend = try await attending(form["attend"])
        func again(_ errors: [FieldError], status: HTTPResponse.Status) -> Response {
            var model = RegisterPage.Model(
                email: form.string("email"), displayName: form.string("displayName"),
                acceptedPrivacy: form.isChecked("acceptPrivacy"), errors: errors)
            model.next = next
            model.attend = attend
            return .html(RegisterPage.render(model, page), status: status)
        }
        let registration: Registration
        do {
            registration = try Registration.validate(
                email: form.string("email"), displayName: form.string("displayName"), password: form.string("password"),
                passwordRepeat: form.string("passwordRepeat"), acceptedTerms: form.isChecked("acceptPrivacy"),
                language: context.language)
        } catch {
            return again(error.errors, status: .unprocessableContent)
        }
        let token = SecretToken()
        do {
            _ = try await service.accounts.register(
                registration, passwordHash: try await service.hasher.hash(registration.password), confirmation: token,
                expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + Self.confirmationLifetime),
                mail: mails.confirmation(
                    to: registration.email, name: registration.displayName, language: registration.language, token: token, next: next,
                    attend: attend.map { $0.id.rawValue }))
        } catch StorageError.duplicate {
            return again([FieldError(field: "email", messageKey: "error.email.taken")], status: .conflict)
        }
        return .seeOther(Site.Accounts.registerSent())
    }

    func confirm(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let token = SecretToken(value: request.uri.queryParameters.get("token") ?? "")
        guard let user = try await service.accounts.confirmEmail(token: token, at: .now) else { return invalidLink(context) }
        let t = basics.catalog.translator(context.language)
        var paragraphs = [t("confirm.done.text")]
        // Someone who made the account on a format's page asked for a seat there: they get it now,
        // so that the flow ends registered; signing in then leads back to the format.
        var next = localPath(request.uri.queryParameters.get("next"))
        if let format = try await attending(request.uri.queryParameters.get("attend")),
           basics.policy.decide(Actor(user), .attendFormat, on: .platform).isAllowed {
            next = Site.Formats.page(format.id)
            paragraphs.append(try await take(format, for: user, t))
        }
        let link = switch (context.user, next) {
        case (nil, let next?): (Site.Accounts.login(next: next), t("confirm.done.continue"))
        case (nil, nil): (Site.Accounts.login(), t("layout.nav.login"))
        case (_, let next?): (next, t("confirm.done.continueSignedIn"))
        case (_, nil): (Site.Accounts.account(), t("account.title"))
        }
        return .html(MessagePage.render(
            .init(title: t("confirm.done.title"), paragraphs: paragraphs, link: link),
            basics.pageContext(context, path: Site.Accounts.confirm())))
    }

    /// The format a new account was made for, when it still takes registrations.
    func attending(_ raw: String?) async throws -> RegisterPage.Attending? {
        guard let raw, let number = Int64(raw), number > 0,
              let format = try await service.formats.format(FormatID(number)), !format.isOver(at: Timestamp.now.milliseconds) else { return nil }
        return .init(id: format.id, title: format.title)
    }

    /// Books the seat and says what came of it.
    func take(_ format: RegisterPage.Attending, for user: User, _ t: Translator) async throws -> String {
        do {
            let status = try await basics.seats(service.formats).book(format.id, for: user.id)
            return t(status == .confirmed ? "confirm.done.registered" : "confirm.done.waitlisted", ["title": format.title])
        } catch let refusal as RegistrationRefusal {
            return SeatBooking.messageKey(refusal).map { t($0) } ?? t("format.over")
        }
    }

    func invalidLink(_ context: KonventRequestContext) -> Response {
        let t = basics.catalog.translator(context.language)
        return .html(MessagePage.render(
            .init(title: t("confirm.invalid.title"), paragraphs: [t("confirm.invalid.text")], link: (Site.Accounts.login(), t("layout.nav.login"))),
            basics.pageContext(context, path: Site.Accounts.confirm())), status: .notFound)
    }

    func login(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        try basics.require(.signIn, context)
        let form = try await request.form(context)
        let next = localPath(form["next"])
        let limits = service.rateLimits
        let accountKey = "login-account:\(form.string("email").trimmingWhitespace().lowercased())"
        // Only failures count: the attempt is held against the account and the address while the
        // password is checked, and let go when it was right.
        guard let attempt = try await service.rateLimiter.begin([
            (accountKey, limits.signInFailuresPerAccount),
            ("login-address:\(basics.clientAddress(request, context))", limits.signInFailuresPerAddress),
        ]) else { throw WebError.rateLimited }
        let password = form.string("password")
        var user: User?
        if let email = try? EmailAddress(form.string("email")),
           let found = try await service.accounts.credentials(email: email) {
            if try await service.hasher.verify(password, against: found.passwordHash) { user = found.user }
        } else {
            try await service.hasher.verifyAgainstDummy(password)
        }
        guard let user else {
            let errors = [FieldError(field: "email", messageKey: "error.login.failed")]
            return .html(LoginPage.render(.init(email: form.string("email"), errors: errors, next: next),
                                          basics.pageContext(context, path: Site.Accounts.login())), status: .unauthorized)
        }
        try await service.rateLimiter.succeeded(attempt, clearing: [accountKey])
        let token = SecretToken()
        let lifetime = service.sessionLifetime.components.seconds
        try await service.accounts.createSession(
            for: user.id, token: token, expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + lifetime * 1000))
        var response = Response.seeOther(next ?? Site.Accounts.account())
        response.setCookie(Cookie(
            name: VisitorMiddleware.sessionCookie, value: token.value, maxAge: Int(lifetime), path: Site.start(),
            secure: basics.usesHTTPS, httpOnly: true, sameSite: .lax))
        return response
    }

    func forgot(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form(context)
        let limits = service.rateLimits
        guard try await service.rateLimiter.begin([
            ("reset-address:\(basics.clientAddress(request, context))", limits.passwordResetPerAddress),
            ("reset-email:\(form.string("email").trimmingWhitespace().lowercased())", limits.passwordResetPerEmail),
        ]) != nil else { throw WebError.rateLimited }
        let page = basics.pageContext(context, path: Site.Accounts.forgotPassword())
        let email: EmailAddress
        do { email = try EmailAddress(form.string("email")) } catch {
            return .html(ForgotPasswordPage.render(email: form.string("email"), errors: [error], page), status: .unprocessableContent)
        }
        let mails = self.mails, token = SecretToken()
        try await service.accounts.requestPasswordReset(
            email: email, token: token, expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + Self.resetLifetime)
        ) { mails.passwordReset(to: $0, token: token) }
        let t = page.t
        return .html(MessagePage.render(.init(title: t("forgot.done.title"), paragraphs: [t("forgot.done.text")]), page))
    }

    func reset(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form(context)
        let token = form.string("token")
        let page = basics.pageContext(context, path: Site.Accounts.resetPassword())
        var validator = Validator()
        let password = validator.check("password") { () throws(FieldError) in try AccountRules.password(form.string("password")) }
        if password != nil, form.string("password") != form.string("passwordRepeat") {
            validator.add("passwordRepeat", "error.password.mismatch")
        }
        guard let password, validator.errors.isEmpty else {
            return .html(ResetPasswordPage.render(token: token, errors: validator.errors, page), status: .unprocessableContent)
        }
        guard try await service.accounts.resetPassword(
            token: SecretToken(value: token), passwordHash: try await service.hasher.hash(password), at: .now) != nil
        else { return invalidLink(context) }
        let t = page.t
        var response = Response.html(MessagePage.render(
            .init(title: t("reset.done.title"), paragraphs: [t("reset.done.text")], link: (Site.Accounts.login(), t("layout.nav.login"))), page))
        response.setCookie(expired(VisitorMiddleware.sessionCookie))
        return response
    }

    func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: Site.start(), secure: basics.usesHTTPS, httpOnly: true, sameSite: .lax)
    }
}
