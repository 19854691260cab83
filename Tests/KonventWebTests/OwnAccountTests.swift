import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("A person changes their own name, address and password", .serialized)
struct OwnAccountTests {
    @Test("the name changes; an empty or overlong one is refused with the typed text kept", arguments: TestDatabase.available)
    func rename(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await signIn(browser, services)
            let account = try await browser.get("/account")
            let refused = try await browser.post("/account/name", [("displayName", String(repeating: "x", count: 81))], csrfFrom: account)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains(String(repeating: "x", count: 81)), "the typed name is kept")
            #expect(refused.body.contains("<details class=\"account-change\" open>"), "the fold with the error is open")
            let renamed = try await browser.post("/account/name", [("displayName", "  Anna Becker  ")], csrfFrom: account)
            #expect(renamed.status == .ok)
            #expect(renamed.body.contains("Mein Konto (Anna Becker)"))
            let user = try #require(try await services.accounts.credentials(email: EmailAddress("anna@example.org"))?.user)
            #expect(user.displayName == "Anna Becker")
        }
    }

    @Test("a new address: link to it and notice to the old over SMTP; valid only once confirmed, and only once", arguments: TestDatabase.available)
    func changeEmail(database: TestDatabase) async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await withApp(database, configure: {
            $0.smtp = SMTPConfiguration(host: "127.0.0.1", port: sink.port)
            $0.mailFrom = "Regionalkonvent <konvent@example.org>"
        }) { browser, services in
            try await signIn(browser, services)
            _ = try await services.addUser(email: "bernd@example.org", name: "Bernd", role: "participant", ministry: nil, password: password)
            let account = try await browser.get("/account")
            for (fields, problem) in [
                ([("newEmail", "kein-at-zeichen"), ("emailPassword", password)], "Bitte geben Sie eine gültige E-Mail-Adresse ein"),
                ([("newEmail", "anna.neu@example.org"), ("emailPassword", "falsch")], "Das Passwort ist nicht richtig."),
                ([("newEmail", "Bernd@example.org"), ("emailPassword", password)], "Zu dieser E-Mail-Adresse gibt es schon ein anderes Konto."),
                ([("newEmail", "anna@example.org"), ("emailPassword", password)], "Das ist bereits die E-Mail-Adresse Ihres Kontos."),
            ] {
                let refused = try await browser.post("/account/email", fields, csrfFrom: account)
                #expect(refused.status == .unprocessableContent, "\(fields)")
                #expect(refused.body.contains(problem), "\(problem)")
            }
            #expect(try await services.outbox.pendingCount() == 0, "nothing refused sends a mail")

            let requested = try await browser.post(
                "/account/email", [("newEmail", "anna.neu@example.org"), ("emailPassword", password)], csrfFrom: account)
            #expect(requested.status == .ok)
            #expect(requested.body.contains("Bestätigungslink an anna.neu@example.org"))
            let delivery = MailDelivery(
                outbox: services.outbox, client: SMTPClient(configuration: services.configuration.smtp!, from: services.configuration.mailFrom),
                interval: .seconds(1), logger: services.logger)
            #expect(await delivery.deliverDue() == 2)
            let mails = try await sink.waitForMail(count: 2)
            let toNew = try #require(mails.first { $0.recipient == "anna.neu@example.org" })
            let toOld = try #require(mails.first { $0.recipient == "anna@example.org" })
            #expect(toOld.subject == "Änderung Ihrer E-Mail-Adresse beantragt")
            #expect(toOld.body.contains("anna.neu@example.org") && toOld.body.contains("ändern Sie bitte sofort Ihr Passwort"))
            let link = try #require(toNew.link(startingWith: "http://konvent.test/account/email/confirm?token="))
            #expect(try await services.accounts.credentials(email: EmailAddress("anna@example.org")) != nil, "the old address holds until confirmed")

            let confirmed = try await browser.get(String(link.dropFirst("http://konvent.test".count)))
            #expect(confirmed.status == .ok)
            #expect(confirmed.body.contains("Ihr Konto hat jetzt die E-Mail-Adresse anna.neu@example.org"))
            #expect(try await services.accounts.credentials(email: EmailAddress("anna@example.org")) == nil)
            let moved = try #require(try await services.accounts.credentials(email: EmailAddress("anna.neu@example.org"))?.user)
            #expect(moved.isConfirmed && moved.displayName == "Anna Ärmel")
            #expect(try await browser.get(String(link.dropFirst("http://konvent.test".count))).status == .notFound, "a link works once")
        }
    }

    @Test("a second request for an address someone took meanwhile fails at the click, changing nothing", arguments: TestDatabase.available)
    func addressTakenMeanwhile(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await signIn(browser, services)
            let anna = try #require(try await services.accounts.credentials(email: EmailAddress("anna@example.org"))?.user)
            let token = SecretToken()
            try await services.accounts.requestEmailChange(
                anna.id, to: EmailAddress("frei@example.org"), token: token,
                expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + 60_000), mails: [])
            _ = try await services.addUser(email: "frei@example.org", name: "Schneller", role: "participant", ministry: nil, password: password)
            let clicked = try await browser.get("/account/email/confirm?token=\(token.value)")
            #expect(clicked.status == .conflict)
            #expect(try await services.accounts.user(anna.id)?.email.value == "anna@example.org")
        }
    }

    @Test("a new password needs the current one; every other session ends, this one stays", arguments: TestDatabase.available)
    func changePassword(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await signIn(browser, services)
            let laptop = Browser(client: browser.client)
            let login = try await laptop.get("/login")
            try await laptop.post("/login", [("email", "anna@example.org"), ("password", password)], csrfFrom: login)
            #expect(try await laptop.get("/account").status == .ok)

            let account = try await browser.get("/account")
            let wrong = try await browser.post(
                "/account/password", [("currentPassword", "falsch"), ("newPassword", "ein ganz neues passwort")], csrfFrom: account)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("Das Passwort ist nicht richtig."))
            let short = try await browser.post("/account/password", [("currentPassword", password), ("newPassword", "kurz")], csrfFrom: account)
            #expect(short.status == .unprocessableContent)
            #expect(try await laptop.get("/account").status == .ok, "nothing refused ends a session")

            let changed = try await browser.post(
                "/account/password", [("currentPassword", password), ("newPassword", "ein ganz neues passwort")], csrfFrom: account)
            #expect(changed.status == .ok)
            #expect(changed.body.contains("Auf allen anderen Geräten wurden Sie abgemeldet."))
            #expect(try await browser.get("/account").status == .ok, "the session that changed it stays")
            #expect(try await laptop.get("/account").status == .seeOther, "the other device is signed out")
            let stored = try #require(try await services.accounts.credentials(email: EmailAddress("anna@example.org")))
            #expect(try await services.hasher.verify("ein ganz neues passwort", against: stored.passwordHash))
        }
    }
}
