import Foundation
@testable import KonventWeb
import KonventDomain
import KonventStorage
import KonventTestSupport
import Testing

/// The defects of the trust issue, each through the site as a person (or an attacker) meets it.
@Suite("Trust and abuse through the web")
struct TrustFlowTests {
    @Test("eighty people behind one address all sign in; one account's eleventh wrong password is refused, the others go on")
    func workshopSignIn() async throws {
        try await withApp { browser, services in
            for index in 0..<80 {
                _ = try await services.addUser(
                    email: "teilnehmer\(index)@example.org", name: "Teilnehmer \(index)", role: "participant", ministry: nil,
                    password: password)
            }
            for index in 0..<80 {
                let person = Browser(client: browser.client)
                let form = try await person.get("/login")
                let answer = try await person.post(
                    "/login", [("email", "teilnehmer\(index)@example.org"), ("password", password)], csrfFrom: form)
                #expect(answer.status == .seeOther, "participant \(index)")
            }
            let guesser = Browser(client: browser.client)
            let form = try await guesser.get("/login")
            for attempt in 0..<10 {
                let wrong = try await guesser.post("/login", [("email", "teilnehmer0@example.org"), ("password", "falsch \(attempt) xxxxx")],
                                                   csrfFrom: form)
                #expect(wrong.status == .unauthorized)
            }
            let eleventh = try await guesser.post("/login", [("email", "Teilnehmer0@example.org"), ("password", password)], csrfFrom: form)
            #expect(eleventh.status == .tooManyRequests, "even the right password waits once the account is locked")
            let other = Browser(client: browser.client)
            let otherForm = try await other.get("/login")
            let signedIn = try await other.post("/login", [("email", "teilnehmer1@example.org"), ("password", password)], csrfFrom: otherForm)
            #expect(signedIn.status == .seeOther)
        }
    }

    @Test("a successful sign-in clears the account's failures")
    func successResets() async throws {
        try await withApp(configure: { $0.rateLimits.signInFailuresPerAccount = RateLimit(attempts: 3, window: .seconds(600)) }) { browser, services in
            _ = try await services.addUser(email: "anna@example.org", name: "Anna", role: "participant", ministry: nil, password: password)
            for round in 0..<3 {
                for _ in 0..<2 {
                    let guesser = Browser(client: browser.client)
                    let form = try await guesser.get("/login")
                    let wrong = try await guesser.post(
                        "/login", [("email", "anna@example.org"), ("password", "xxxxxxxxxxxxx")], csrfFrom: form)
                    #expect(wrong.status == .unauthorized, "round \(round)")
                }
                let person = Browser(client: browser.client)
                let login = try await person.get("/login")
                let right = try await person.post("/login", [("email", "anna@example.org"), ("password", password)], csrfFrom: login)
                #expect(right.status == .seeOther, "round \(round)")
            }
        }
    }

    @Test("X-Forwarded-For is read from the right, as many hops as there are trusted proxies")
    func forwardedFor() {
        let header = ["203.0.113.9, 198.51.100.7", "192.0.2.1"]
        #expect(forwardedClientAddress(forwardedFor: header, peer: "10.0.0.1", trustedProxies: 0) == "10.0.0.1")
        #expect(forwardedClientAddress(forwardedFor: header, peer: "10.0.0.1", trustedProxies: 1) == "192.0.2.1")
        #expect(forwardedClientAddress(forwardedFor: header, peer: "10.0.0.1", trustedProxies: 2) == "198.51.100.7")
        #expect(forwardedClientAddress(forwardedFor: ["1.2.3.4"], peer: "10.0.0.1", trustedProxies: 3) == "1.2.3.4")
        #expect(forwardedClientAddress(forwardedFor: [], peer: "10.0.0.1", trustedProxies: 1) == "10.0.0.1")
    }

    @Test("a spoofed X-Forwarded-For does not give an attacker fresh sign-in attempts behind one proxy")
    func spoofedAddress() async throws {
        try await withApp(configure: {
            $0.trustedProxies = 1
            $0.rateLimits.signInFailuresPerAddress = RateLimit(attempts: 3, window: .seconds(600))
        }) { browser, _ in
            let form = try await browser.get("/login")
            var statuses: [Int] = []
            for attempt in 0..<4 {
                // The client writes a new address each time; the proxy appends the real one.
                let page = try await browser.send(
                    "/login", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-For")!: "10.9.9.\(attempt), 192.0.2.50"],
                    body: .init(string: "email=nobody\(attempt)%40example.org&password=xxxxxxxxxxxxxx&_csrf=\(form.csrfToken ?? "")"))
                statuses.append(page.status.code)
            }
            #expect(statuses == [401, 401, 401, 429])
        }
    }

    @Test("a flood of comments from one account stops at the limit with a 429 that keeps the text")
    func commentFlood() async throws {
        try await withApp(configure: { $0.rateLimits.comments = RateLimit(attempts: 3, window: .seconds(600)) }) { browser, services in
            try await signIn(browser, services)
            let form = try await browser.get("/contributions/new")
            let created = try await browser.post("/contributions", goodContribution, csrfFrom: form)
            let path = try #require(created.headers[.location]).split(separator: "?")[0]
            let page = try await browser.get(String(path))
            for index in 0..<3 {
                let ok = try await browser.post("\(path)/comments", [("comment", "Kommentar \(index)")], csrfFrom: page)
                #expect(ok.status == .seeOther)
            }
            let refused = try await browser.post("\(path)/comments", [("comment", "Mein <b>vierter</b> Gedanke")], csrfFrom: page)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.init("Retry-After")!] != nil)
            #expect(refused.body.contains("Bitte kurz warten"))
            #expect(refused.body.contains("Mein &lt;b&gt;vierter&lt;/b&gt; Gedanke</textarea>"), "the typed text comes back, escaped")
            #expect(refused.body.contains("action=\"\(path)/comments\""))
            let stored = try await services.contributions.comments(on: ContributionID(Int64(path.split(separator: "/").last!)!))
            #expect(stored.count == 3)
        }
    }

    @Test("text with a NUL byte or another control character is refused with a message and handed back cleaned")
    func controlCharacters() async throws {
        try await withApp { browser, services in
            try await signIn(browser, services)
            let form = try await browser.get("/contributions/new")
            var contribution = goodContribution
            contribution[1] = ("title", "Fachkräfte\u{0}mangel im Handwerk")
            let refused = try await browser.post("/contributions", contribution, csrfFrom: form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Steuerzeichen"))
            #expect(refused.body.contains("Fachkräfte mangel im Handwerk</textarea>"))
            #expect(!refused.body.contains("\u{0}"))
            #expect(try await services.contributions.list(ContributionQuery()).items.isEmpty)
            // Line breaks and tabs are text.
            contribution[1] = ("title", "Fachkräftemangel im Handwerk")
            contribution[2] = ("text", "Viele Betriebe finden\tkeine Auszubildenden mehr.\r\nAuch im Vogtland.")
            let accepted = try await browser.post("/contributions", contribution, csrfFrom: form)
            #expect(accepted.status == .seeOther, "\(accepted.body)")
        }
    }

    @Test("/metrics answers loopback or the bearer token, nobody else")
    func metrics() async throws {
        try await withApp { browser, _ in
            // The test client has no peer address: like a request from elsewhere.
            let page = try await browser.get("/metrics")
            #expect(page.status == .forbidden)
            #expect(!page.body.contains("konvent_users"))
        }
        try await withApp(configure: { $0.metricsToken = "geheimes-token-123" }) { browser, _ in
            #expect(try await browser.get("/metrics", headers: [.authorization: "Bearer falsch"]).status == .forbidden)
            let page = try await browser.get("/metrics", headers: [.authorization: "Bearer geheimes-token-123"])
            #expect(page.status == .ok)
            #expect(page.body.contains("konvent_users"))
        }
    }

    @Test("joining an existing organisation waits for its member; only then can one contribute for it")
    func organisationJoin() async throws {
        try await withApp { browser, services in
            let mayor = try await services.addUser(email: "mayor@example.org", name: "Bürgermeisterin", role: "participant",
                                                   ministry: nil, password: password)
            let town = try await services.organisations.join(
                name: "Stadt Musterhausen", kind: .municipality, for: mayor.id, at: .now, mail: { _, _ in [] }).organisation
            try await signIn(browser, services, email: "eve@example.org")
            let account = try await browser.get("/account")
            let asked = try await browser.post("/account/organisations", [
                ("organisationName", "Stadt Musterhausen"), ("organisationKind", "municipality"),
            ], csrfFrom: account)
            #expect(asked.body.contains("Diese Organisation gibt es bereits"))
            #expect(asked.body.contains("Anfrage offen"))
            let newForm = try await browser.get("/contributions/new")
            #expect(!newForm.body.contains("Stadt Musterhausen"), "not offered before confirmation")
            var forged = goodContribution
            forged.append(("organisation", String(town.id.rawValue)))
            let refused = try await browser.post("/contributions", forged, csrfFrom: newForm)
            #expect(refused.status == .unprocessableContent)
            #expect(try await services.outbox.pendingCount() >= 1, "the mayor is asked by mail")

            // The intruder cannot confirm themself.
            let eve = try #require(try await services.accounts.credentials(email: try EmailAddress("eve@example.org"))).user
            let selfConfirm = try await browser.post("/organisations/\(town.id)/members/\(eve.id)/confirm", [], csrfFrom: newForm)
            #expect(selfConfirm.status == .forbidden)

            let mayorBrowser = Browser(client: browser.client)
            let login = try await mayorBrowser.get("/login")
            try await mayorBrowser.post("/login", [("email", "mayor@example.org"), ("password", password)], csrfFrom: login)
            let mayorAccount = try await mayorBrowser.get("/account")
            #expect(mayorAccount.body.contains("Anna Ärmel möchte für „Stadt Musterhausen“ handeln"))
            let confirmed = try await mayorBrowser.post("/organisations/\(town.id)/members/\(eve.id)/confirm", [], csrfFrom: mayorAccount)
            #expect(confirmed.status == .ok)
            #expect(confirmed.body.contains("Die Mitgliedschaft ist bestätigt."))
            let nowOffered = try await browser.get("/contributions/new")
            #expect(nowOffered.body.contains("Stadt Musterhausen"))
            #expect(try await browser.post("/contributions", forged, csrfFrom: nowOffered).status == .seeOther)
        }
    }

    @Test("the office sees requests and memberships to review, verifies and removes; a participant may not")
    func officeOrganisations() async throws {
        try await withApp { browser, services in
            let anna = try await services.addUser(email: "anna@example.org", name: "Anna", role: "participant", ministry: nil, password: password)
            let verein = try await services.organisations.join(
                name: "Heimatverein", kind: .association, for: anna.id, at: .now, mail: { _, _ in [] }).organisation
            _ = try await services.addUser(email: "office@example.org", name: "Geschäftsstelle", role: "convention_office",
                                           ministry: nil, password: password)
            let participant = Browser(client: browser.client)
            let login = try await participant.get("/login")
            try await participant.post("/login", [("email", "anna@example.org"), ("password", password)], csrfFrom: login)
            #expect(try await participant.get("/organisations").status == .forbidden)
            let annaAccount = try await participant.get("/account")
            #expect(try await participant.post("/organisations/\(verein.id)/verification", [("verified", "1")], csrfFrom: annaAccount)
                .status == .forbidden)

            let form = try await browser.get("/login")
            try await browser.post("/login", [("email", "office@example.org"), ("password", password)], csrfFrom: form)
            let list = try await browser.get("/organisations")
            #expect(list.status == .ok)
            #expect(list.body.contains("Heimatverein"))
            let detail = try await browser.get("/organisations/\(verein.id)")
            let verified = try await browser.post("/organisations/\(verein.id)/verification", [("verified", "1")], csrfFrom: detail)
            #expect(verified.body.contains("als geprüft gekennzeichnet"))
            #expect(try await services.organisations.organisation(verein.id)?.verified == true)
            let removed = try await browser.post("/organisations/\(verein.id)/members/\(anna.id)/remove", [], csrfFrom: detail)
            #expect(removed.status == .ok)
            #expect(try await services.organisations.organisations(of: anna.id).isEmpty)
        }
    }
}
