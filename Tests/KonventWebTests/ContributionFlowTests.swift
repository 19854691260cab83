import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

/// Creates a confirmed participant and signs the browser in.
func signIn(_ browser: Browser, _ services: Services, email: String = "anna@example.org") async throws {
    _ = try await services.addUser(email: email, name: "Anna Ärmel", role: "participant", ministry: nil, password: password)
    let login = try await browser.get("/login")
    try await browser.post("/login", [("email", email), ("password", password)], csrfFrom: login)
}

let goodContribution = [
    ("kind", "challenge"), ("title", "Fachkräftemangel im Handwerk"),
    ("text", "Viele Betriebe im Vogtland finden keine Auszubildenden mehr.\n\n- Bäcker\n- Elektriker"),
    ("fields", "bildung-fachkraefte"), ("fields", "wirtschaft"), ("district", "14523"), ("municipality", ""),
]

@Suite("Contributions through the web", .serialized)
struct ContributionFlowTests {
    @Test("submit, find by a German word form, support once, comment and answer", arguments: TestDatabase.available)
    func flow(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await signIn(browser, services)
            let form = try await browser.get("/contributions/new")
            #expect(form.status == .ok)
            let created = try await browser.post("/contributions", goodContribution, csrfFrom: form)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let detail = try await browser.get(location)
            #expect(detail.body.contains("<h1>Fachkräftemangel im Handwerk</h1>"))
            #expect(detail.body.contains("<li>Bäcker</li>"))
            #expect(detail.body.contains("Ihr Beitrag ist veröffentlicht"))
            #expect(detail.body.contains("Wirtschaft, Bildung und Fachkräfte"), "in the order of the configuration")

            let found = try await browser.get("/contributions?q=Fachkr%C3%A4fte")
            #expect(found.body.contains("Fachkräftemangel im Handwerk"))
            let notFound = try await browser.get("/contributions?q=Radweg")
            #expect(!notFound.body.contains("Fachkräftemangel im Handwerk"))
            #expect(try await browser.get("/contributions?district=14511").body.contains("Keine Beiträge gefunden"))

            let path = String(location.split(separator: "?")[0])
            try await browser.post("\(path)/support", [], csrfFrom: detail)
            try await browser.post("\(path)/support", [], csrfFrom: detail)
            let supported = try await browser.get(path)
            #expect(supported.body.contains("1 Unterstützung<"))
            #expect(supported.body.contains("Unterstützung zurückziehen"))

            let commented = try await browser.post("\(path)/comments", [("comment", "Sehr wichtig <script>x</script>")], csrfFrom: supported)
            #expect(commented.status == .seeOther)
            var page = try await browser.get(path)
            #expect(page.body.contains("Sehr wichtig &lt;script&gt;x&lt;/script&gt;"))
            let parent = try #require(page.field("parent"))
            try await browser.post("\(path)/comments", [("parent", parent), ("reply-\(parent)", "Stimmt!")], csrfFrom: page)
            page = try await browser.get(path)
            #expect(page.body.contains("2 Kommentare"))
            #expect(page.body.contains("comments--answers"))
        }
    }

    @Test("bad contributions are refused with messages and write nothing")
    func badInput() async throws {
        try await withApp { browser, services in
            try await signIn(browser, services)
            let form = try await browser.get("/contributions/new")
            let page = try await browser.post("/contributions", [
                ("kind", "rant"), ("title", "Hi"), ("text", "zu kurz"), ("fields", "astrologie"), ("district", "14523"),
                ("municipality", "14511000"), ("organisation", "999"),
            ], csrfFrom: form)
            #expect(page.status == .unprocessableContent)
            for field in ["kind", "title", "text", "fields", "municipality", "organisation"] {
                #expect(page.body.contains("<a href=\"#field-\(field)\">"), "\(field)")
            }
            #expect(page.body.contains("value=\"Hi\""))
            #expect(try await services.contributions.list(ContributionQuery()).items.isEmpty)
        }
    }

    @Test("similar contributions are shown before a near-duplicate goes in, also without JavaScript")
    func similarFirst() async throws {
        try await withApp { browser, services in
            try await signIn(browser, services)
            var form = try await browser.get("/contributions/new")
            try await browser.post("/contributions", goodContribution, csrfFrom: form)
            form = try await browser.get("/contributions/new")
            var again = goodContribution
            again[1] = ("title", "Auszubildende fehlen überall")
            let shown = try await browser.post("/contributions", again, csrfFrom: form)
            #expect(shown.status == .ok)
            #expect(shown.body.contains("Gibt es Ihren Beitrag vielleicht schon?"))
            #expect(shown.body.contains("Fachkräftemangel im Handwerk"))
            #expect(shown.field("seenSimilar") == "1")
            #expect(try await services.contributions.list(ContributionQuery()).items.count == 1)
            let submitted = try await browser.post("/contributions", again + [("seenSimilar", "1")], csrfFrom: shown)
            #expect(submitted.status == .seeOther)
            #expect(try await services.contributions.list(ContributionQuery()).items.count == 2)
        }
    }

    @Test("visitors read; they are sent to sign in before writing; unconfirmed accounts are told to confirm")
    func permissions() async throws {
        try await withApp { browser, services in
            #expect(try await browser.get("/contributions").status == .ok)
            let redirect = try await browser.get("/contributions/new")
            #expect(redirect.status == .seeOther)
            #expect(redirect.headers[.location] == "/login?next=/contributions/new")
            _ = try await register(browser)
            let login = try await browser.get("/login")
            try await browser.post("/login", [("email", "anna@example.org"), ("password", password)], csrfFrom: login)
            let unconfirmed = try await browser.get("/contributions/new")
            #expect(unconfirmed.status == .forbidden)
            #expect(unconfirmed.body.contains("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
            let list = try await browser.get("/contributions")
            let refused = try await browser.post("/contributions", goodContribution, csrfFrom: list)
            #expect(refused.status == .forbidden)
            #expect(try await services.contributions.list(ContributionQuery()).items.isEmpty)
            #expect(try await browser.get("/contributions/12345").status == .notFound)
            #expect(try await browser.get("/contributions/abc").status == .notFound)
        }
    }

    @Test("pages go on by key, with the filters kept")
    func paging() async throws {
        try await withApp { browser, services in
            let user = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            for index in 0..<23 {
                _ = try await services.contributions.create(
                    ContributionDraft(kind: .idea, title: "Idee Nummer \(index)", text: "Eine Beschreibung, lang genug.",
                                      fields: ["wirtschaft"], districtKey: "14521", municipalityKey: nil, organisationID: nil,
                                      anonymous: index == 0),
                    author: user.id, at: Timestamp(milliseconds: 1_700_000_000_000 + Int64(index)), status: .published)
            }
            let first = try await browser.get("/contributions?kind=idea")
            #expect(first.body.contains("Idee Nummer 22") && !first.body.contains("Idee Nummer 2<"))
            let next = try #require(first.body.range(of: "href=\"/contributions?kind=idea&amp;sort=newest&amp;after=")
                .map { String(first.body[$0.lowerBound...].dropFirst(6).prefix { $0 != "\"" }) })
            let second = try await browser.get(next.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.body.contains("Idee Nummer 2<") && second.body.contains("Idee Nummer 0<"))
            #expect(!second.body.contains("rel=\"next\""), "the last page offers no next one")
            #expect(try await browser.get("/contributions?after=kaputt&sort=xyz").status == .ok)
        }
    }

    @Test("visitors see how to take part instead of a button that would fail")
    func visitorDetail() async throws {
        try await withApp { browser, services in
            let user = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            let id = try await services.contributions.create(
                ContributionDraft(kind: .potential, title: "Ein Potenzial hier", text: "Eine Beschreibung, lang genug.",
                                  fields: ["wirtschaft"], districtKey: "14521", municipalityKey: nil, organisationID: nil, anonymous: true),
                author: user.id, at: .now, status: .published)
            let page = try await browser.get("/contributions/\(id)")
            #expect(!page.body.contains("Diesen Beitrag unterstützen"))
            #expect(page.body.contains("Bitte melden Sie sich an. <a href=\"/login?next=/contributions/\(id)\">Anmelden</a>"))
            #expect(page.body.contains("<dd>anonym</dd>"), "an anonymous author's name stays hidden")
            #expect(!page.body.contains("<dd>A</dd>"))
        }
    }
}
