import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import SQLKit
import Testing

func users(_ services: Services) async throws -> Int { try await services.accounts.countUsers() }

let password = "ein sehr langes passwort"

/// Registers Anna through the form and returns the page that followed.
func register(_ browser: Browser, email: String = "anna@example.org") async throws -> Page {
    let form = try await browser.get("/register")
    return try await browser.post("/register", [
        ("email", email), ("displayName", "Anna Ärmel"), ("password", password), ("passwordRepeat", password),
        ("acceptPrivacy", "on"),
    ], csrfFrom: form)
}

@Suite("Accounts through the web", .serialized)
struct AccountFlowTests {
    @Test("register → confirmation mail over SMTP → confirm → sign in → sign out", arguments: TestDatabase.available)
    func fullFlow(database: TestDatabase) async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await withApp(database, configure: {
            $0.smtp = SMTPConfiguration(host: "127.0.0.1", port: sink.port)
            $0.mailFrom = "Regionalkonvent Südwestsachsen <konvent@example.org>"
        }) { browser, services in
            let registered = try await register(browser)
            #expect(registered.status == .seeOther)
            #expect(registered.headers[.location] == "/register/sent")

            let delivery = MailDelivery(
                outbox: services.outbox, client: SMTPClient(configuration: services.configuration.smtp!, from: services.configuration.mailFrom),
                interval: .seconds(1), logger: services.logger)
            #expect(await delivery.deliverDue() == 1)
            let mail = try #require(try await sink.waitForMail().first)
            #expect(mail.recipient == "anna@example.org")
            #expect(mail.subject == "Bitte bestätigen Sie Ihre E-Mail-Adresse")
            #expect(mail.body.contains("Guten Tag Anna Ärmel"))
            let link = try #require(mail.link(startingWith: "http://konvent.test/confirm?token="))
            #expect(try await services.outbox.pendingCount() == 0)

            let confirmed = try await browser.get(String(link.dropFirst("http://konvent.test".count)))
            #expect(confirmed.status == .ok)
            #expect(confirmed.body.contains("E-Mail-Adresse bestätigt"))
            #expect(try await browser.get(String(link.dropFirst("http://konvent.test".count))).status == .notFound)

            let loginForm = try await browser.get("/login")
            let signedIn = try await browser.post("/login", [("email", "ANNA@example.org"), ("password", password)], csrfFrom: loginForm)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/account")
            let account = try await browser.get("/account")
            #expect(account.status == .ok)
            #expect(account.body.contains("Mein Konto (Anna Ärmel)"))
            #expect(account.body.contains(">bestätigt<"))

            let out = try await browser.post("/logout", [], csrfFrom: account)
            #expect(out.status == .seeOther)
            let after = try await browser.get("/account")
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/login?next=/account")
        }
    }

    @Test("a POST without a valid CSRF token is refused with 403 and changes nothing")
    func csrf() async throws {
        try await withApp { browser, services in
            let fields = [("email", "anna@example.org"), ("displayName", "Anna"), ("password", password),
                          ("passwordRepeat", password), ("acceptPrivacy", "on")]
            let missing = try await browser.post("/register", fields)
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("Das Formular ist abgelaufen"))
            try await browser.get("/register")
            let wrong = try await browser.post("/register", fields + [("_csrf", "falsch")])
            #expect(wrong.status == .forbidden)
            // A token from another browser (another CSRF cookie) does not fit this one.
            let other = Browser(client: browser.client)
            let foreign = try await other.get("/register")
            let stolen = try await browser.post("/register", fields, csrfFrom: foreign)
            #expect(stolen.status == .forbidden)
            #expect(try await users(services) == 0)
            #expect(try await services.outbox.pendingCount() == 0)
        }
    }

    @Test("bad registrations get messages linked to the fields, 4xx, and write nothing")
    func badRegistration() async throws {
        try await withApp { browser, services in
            let form = try await browser.get("/register")
            let page = try await browser.post("/register", [
                ("email", "kein-at-zeichen"), ("displayName", "Anna"), ("password", "zu kurz"), ("passwordRepeat", "zu kurz"),
            ], csrfFrom: form)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("class=\"error-summary\""))
            #expect(page.body.contains("<a href=\"#field-email\">Bitte geben Sie eine gültige E-Mail-Adresse ein"))
            #expect(page.body.contains("<a href=\"#field-password\">Das Passwort muss mindestens 12 Zeichen lang sein.</a>"))
            #expect(page.body.contains("<a href=\"#field-acceptPrivacy\">"))
            #expect(page.body.contains("value=\"kein-at-zeichen\""), "what was typed is kept")
            #expect(!page.body.contains("zu kurz"), "passwords are never echoed")
            #expect(try await users(services) == 0)
        }
    }

    @Test("a duplicate account is refused with 409")
    func duplicate() async throws {
        try await withApp { browser, services in
            _ = try await register(browser)
            let again = try await register(browser, email: "Anna@Example.org")
            #expect(again.status == .conflict)
            #expect(again.body.contains("Zu dieser E-Mail-Adresse gibt es schon ein Konto."))
            #expect(try await users(services) == 1)
            #expect(try await services.outbox.pendingCount() == 1)
        }
    }

    @Test("a wrong password gets 401 and the same message as an unknown address")
    func wrongPassword() async throws {
        try await withApp { browser, _ in
            _ = try await register(browser)
            let form = try await browser.get("/login")
            let wrong = try await browser.post("/login", [("email", "anna@example.org"), ("password", "falsches passwort!")], csrfFrom: form)
            let unknown = try await browser.post("/login", [("email", "nobody@example.org"), ("password", "falsches passwort!")], csrfFrom: form)
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.body.contains("Die E-Mail-Adresse oder das Passwort ist nicht richtig."))
            #expect(unknown.body.contains("Die E-Mail-Adresse oder das Passwort ist nicht richtig."))
        }
    }

    @Test("sign-in attempts are limited")
    func rateLimit() async throws {
        try await withApp(configure: { $0.rateLimits.signInFailuresPerAccount = RateLimit(attempts: 3, window: .seconds(600)) }) { browser, _ in
            let form = try await browser.get("/login")
            for _ in 0..<3 {
                let attempt = try await browser.post("/login", [("email", "a@example.org"), ("password", "xxxxxxxxxxxxx")], csrfFrom: form)
                #expect(attempt.status == .unauthorized)
            }
            let blocked = try await browser.post("/login", [("email", "a@example.org"), ("password", "xxxxxxxxxxxxx")], csrfFrom: form)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.contains("Zu viele Versuche"))
        }
    }

    @Test("an oversized body is refused with 413 and writes nothing")
    func oversized() async throws {
        try await withApp { browser, services in
            let form = try await browser.get("/register")
            let page = try await browser.post("/register", [
                ("email", "anna@example.org"), ("displayName", String(repeating: "x", count: 300_000)),
            ], csrfFrom: form)
            #expect(page.status == .contentTooLarge)
            #expect(try await users(services) == 0)
        }
    }

    @Test("sign-in only redirects to local paths")
    func openRedirect() async throws {
        try await withApp { browser, _ in
            _ = try await register(browser)
            let form = try await browser.get("/login?next=https://evil.example")
            #expect(form.field("next") == nil)
            let page = try await browser.post("/login", [
                ("email", "anna@example.org"), ("password", password), ("next", "//evil.example/"),
            ], csrfFrom: form)
            #expect(page.headers[.location] == "/account")
        }
    }

    @Test("password reset by mail link ends old sessions and works once")
    func passwordReset() async throws {
        try await withApp { browser, services in
            _ = try await register(browser)
            let forgot = try await browser.get("/password/forgot")
            let sent = try await browser.post("/password/forgot", [("email", "anna@example.org")], csrfFrom: forgot)
            #expect(sent.body.contains("Wenn es zu dieser Adresse ein Konto gibt"))
            let unknown = try await browser.post("/password/forgot", [("email", "niemand@example.org")], csrfFrom: forgot)
            #expect(unknown.body == sent.body, "the answer does not reveal who has an account")
            let mails = try await services.outbox.due()
            #expect(mails.count == 2)
            let body = mails[1].mail.body
            let token = try #require(body.split(separator: "token=").last?.split(whereSeparator: \.isWhitespace).first)

            let form = try await browser.get("/password/reset?token=\(token)")
            #expect(form.status == .ok)
            let short = try await browser.post("/password/reset", [("token", String(token)), ("password", "kurz"), ("passwordRepeat", "kurz")], csrfFrom: form)
            #expect(short.status == .unprocessableContent)
            let done = try await browser.post("/password/reset", [
                ("token", String(token)), ("password", "ein neues langes passwort"), ("passwordRepeat", "ein neues langes passwort"),
            ], csrfFrom: form)
            #expect(done.body.contains("Passwort geändert"))
            #expect(try await browser.get("/password/reset?token=\(token)").status == .notFound)

            let login = try await browser.get("/login")
            #expect(try await browser.post("/login", [("email", "anna@example.org"), ("password", password)], csrfFrom: login).status == .unauthorized)
            #expect(try await browser.post("/login", [("email", "anna@example.org"), ("password", "ein neues langes passwort")], csrfFrom: login).status == .seeOther)
        }
    }

    @Test("account: organisations, JSON export and deletion with password")
    func accountData() async throws {
        try await withApp { browser, services in
            _ = try await register(browser)
            let login = try await browser.get("/login")
            try await browser.post("/login", [("email", "anna@example.org"), ("password", password)], csrfFrom: login)
            var account = try await browser.get("/account")
            let empty = try await browser.post("/account/organisations", [("organisationName", " "), ("organisationKind", "company")], csrfFrom: account)
            #expect(empty.status == .unprocessableContent)
            let badKind = try await browser.post("/account/organisations", [("organisationName", "X"), ("organisationKind", "sekte")], csrfFrom: account)
            #expect(badKind.status == .unprocessableContent)
            account = try await browser.post("/account/organisations", [("organisationName", "Gemeinde Amtsberg"), ("organisationKind", "municipality")], csrfFrom: account)
            #expect(account.body.contains("Gemeinde Amtsberg (Gemeinde oder Stadt)"))

            let export = try await browser.get("/account/export.json")
            #expect(export.headers[.contentDisposition]?.contains("attachment") == true)
            let json = try JSONSerialization.jsonObject(with: Data(export.body.utf8)) as! [String: Any]
            #expect((json["profile"] as? [String: Any])?["email"] as? String == "anna@example.org")
            #expect((json["organisations"] as? [[String: Any]])?.first?["name"] as? String == "Gemeinde Amtsberg")

            let wrong = try await browser.post("/account/delete", [("password", "nicht das passwort")], csrfFrom: account)
            #expect(wrong.status == .unprocessableContent)
            #expect(try await users(services) == 1)
            let deleted = try await browser.post("/account/delete", [("password", password)], csrfFrom: account)
            #expect(deleted.status == .ok)
            #expect(deleted.body.contains("Konto gelöscht"))
            #expect(try await users(services) == 0)
            #expect(try await browser.get("/account").status == .seeOther)
        }
    }

    @Test("another person's organisation id cannot be removed from their account")
    func organisationOfOthers() async throws {
        try await withApp { browser, services in
            let ben = try await services.addUser(email: "ben@example.org", name: "Ben", role: "participant", ministry: nil, password: password)
            let organisation = try await services.organisations.join(
                name: "Bens Firma", kind: .company, for: ben.id, at: .now, mail: { _, _ in [] }).organisation
            _ = try await register(browser)
            let login = try await browser.get("/login")
            try await browser.post("/login", [("email", "anna@example.org"), ("password", password)], csrfFrom: login)
            let account = try await browser.get("/account")
            try await browser.post("/account/organisations/\(organisation.id)/remove", [], csrfFrom: account)
            #expect(try await services.organisations.organisations(of: ben.id).count == 1)
        }
    }
}
