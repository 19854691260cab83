import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("Public pages and operations")
struct PublicPagesTests {
    @Test("the start page shows the five fields of action and the five districts with population and source")
    func startPage() async throws {
        try await withApp { browser, _ in
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            for field in ["Wirtschaft", "Wissenschaft und Innovation", "Infrastruktur und Mobilität", "Bildung und Fachkräfte",
                          "Öffentliche Daseinsvorsorge"] {
                #expect(page.body.contains("<h3>\(field)</h3>"), "\(field)")
            }
            for district in ["Chemnitz", "Erzgebirgskreis", "Landkreis Mittelsachsen", "Vogtlandkreis", "Landkreis Zwickau"] {
                #expect(page.body.contains("<th scope=\"row\">\(district)</th>"), "\(district)")
            }
            #expect(page.body.contains("250.681"))
            #expect(page.body.contains("1.409.949"))
            #expect(page.body.contains("© GeoBasis-DE / BKG (2025)"))
            #expect(page.body.contains("Einreichungsfrist für Projektideen"))
            #expect(page.body.contains("href=\"/contributions?field=wirtschaft\""), "a field of action leads to its contributions")
            #expect(page.body.contains("href=\"/measures?field=wirtschaft\""), "and to its measures")
            #expect(page.body.contains("So machen Sie mit") && page.body.contains("Zurzeit sind keine Veranstaltungen angekündigt."))
        }
    }

    @Test("the start page shows the next format, and the list says how many contributions match and pages both ways")
    func startAndList() async throws {
        try await withApp { browser, services in
            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            _ = try await createFormat(facilitator)
            let start = try await browser.get("/")
            #expect(start.body.contains("Zukunftswerkstatt Mobilität in Plauen"), "the next format on the start page")
            let author = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            for index in 0..<25 {
                _ = try await services.contributions.create(
                    ContributionDraft(kind: .idea, title: "Idee Nummer \(index)", text: "Eine Beschreibung, lang genug, \(index).",
                                      fields: ["wirtschaft"], districtKey: "14511", municipalityKey: nil, organisationID: nil, anonymous: false),
                    author: author.id, at: Timestamp(milliseconds: 1_800_000_000_000 + Int64(index)), status: .published)
            }
            let first = try await browser.get("/contributions")
            #expect(first.body.contains("<h2 id=\"results-title\">25 Beiträge</h2>"))
            #expect(!first.body.contains("rel=\"prev\""))
            let nextLink = try #require(first.body.components(separatedBy: "rel=\"next\"").first?.components(separatedBy: "href=\"").last?
                .components(separatedBy: "\"").first?.replacingOccurrences(of: "&amp;", with: "&"))
            let second = try await browser.get(nextLink)
            #expect(second.body.contains("25 Beiträge") && second.body.contains("rel=\"prev\"") && second.body.contains("Vorherige Seite"))
            #expect(second.body.contains("Idee Nummer 4<") && !second.body.contains("Idee Nummer 24<"))
            let one = try await browser.get("/contributions?q=24")
            #expect(one.body.contains("<h2 id=\"results-title\">1 Beitrag</h2>"), "one, not „1 Beiträge“")
        }
    }

    @Test("the measure and format lists say how many match and page both ways")
    func measureAndFormatPages() async throws {
        try await withApp { browser, services in
            let office = try await services.addUser(email: "o@example.org", name: "O", role: "convention_office", ministry: nil, password: password)
            for number in 1...52 {
                let content = MeasureContent(
                    kind: .measure, title: "Maßnahme Nummer \(number)", goal: "Ein Ziel.", description: "Eine Beschreibung.",
                    fields: ["wirtschaft"], territories: ["14521"], sponsor: "", partners: "", estimatedCost: 1_000, financing: [],
                    timeframe: "", indicators: [], maturity: .outline, leadMinistry: "smwa")
                let id = try await services.measures.create(content, codePrefix: "WT", sources: [], actor: office.id, at: .now)
                _ = try await services.measures.transition(id, .submit, reason: nil, machine: services.measureMachine, actor: office.id, at: .now)
            }
            func link(_ rel: String, _ body: String) -> String? {
                guard body.contains("rel=\"\(rel)\"") else { return nil }
                return body.components(separatedBy: "rel=\"\(rel)\"").first?.components(separatedBy: "href=\"").last?
                    .components(separatedBy: "\"").first?.replacingOccurrences(of: "&amp;", with: "&")
            }
            let first = try await browser.get("/measures?field=wirtschaft")
            #expect(first.body.contains("<h2 id=\"results-title\">52 Maßnahmen und Projekte</h2>"))
            #expect(first.body.contains("WT-50") && !first.body.contains("WT-51"))
            #expect(link("prev", first.body) == nil)
            let next = try #require(link("next", first.body))
            #expect(next == "/measures?field=wirtschaft&after=WT-50")
            let second = try await browser.get(next)
            #expect(second.body.contains("WT-51") && second.body.contains("WT-52") && !second.body.contains("WT-50<"))
            #expect(link("next", second.body) == nil)
            let previous = try #require(link("prev", second.body))
            let back = try await browser.get(previous)
            #expect(back.body.contains("WT-01") && back.body.contains("WT-50") && !back.body.contains("WT-51"))
            #expect(link("prev", back.body) == nil, "back on the first page")
            #expect(link("next", back.body) == next)

            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            _ = try await createFormat(facilitator)
            let formats = try await browser.get("/formats")
            #expect(formats.body.contains("1 Format<"), "one, not „1 Formate“")
        }
    }

    @Test("the language switch sets a cookie and the pages answer in English")
    func english() async throws {
        try await withApp { browser, _ in
            let switched = try await browser.get("/language?to=en&back=/impressum")
            #expect(switched.status == .seeOther)
            #expect(switched.headers[.location] == "/impressum")
            let page = try await browser.get("/impressum")
            #expect(page.body.contains("<html lang=\"en\">"))
            #expect(page.body.contains("<h1>Legal notice</h1>"))
            // Only local paths are accepted as the way back.
            #expect(try await browser.get("/language?to=de&back=//evil.example").headers[.location] == "/")
        }
    }

    @Test("German is the default, whatever the browser prefers, until the visitor switches")
    func germanFirst() async throws {
        try await withApp { browser, _ in
            let page = try await browser.get("/", headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(page.body.contains("<html lang=\"de\">"))
            #expect(page.body.contains("Die Handlungsfelder"))
        }
    }

    @Test("the configured legal and accessibility pages exist", arguments: ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"])
    func legalPages(page: String) async throws {
        try await withApp { browser, services in
            let response = try await browser.get("/\(page)")
            #expect(response.status == .ok)
            #expect(response.body.contains("<h1>\(services.region.pages[page]!.title[.de])</h1>"))
        }
    }

    @Test("health reports the database and the schema version")
    func health() async throws {
        try await withApp { browser, _ in
            let page = try await browser.get("/health")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "application/json; charset=utf-8")
            let json = try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as! [String: Any]
            #expect(json["status"] as? String == "ok")
            #expect(json["database"] as? String == "reachable")
            #expect(json["schemaVersion"] as? Int == json["expectedSchemaVersion"] as? Int)
        }
    }

    @Test("metrics are Prometheus text and count requests")
    func metrics() async throws {
        try await withApp(configure: { $0.metricsToken = "token" }) { browser, _ in
            try await browser.get("/")
            let page = try await browser.get("/metrics", headers: [.authorization: "Bearer token"])
            #expect(page.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(page.body.contains("konvent_http_requests_total{method=\"GET\",route=\"/\",status=\"200\"} 1"))
            #expect(page.body.contains("konvent_outbox_pending 0"))
        }
    }

    @Test("security headers on pages, errors and assets", arguments: ["/", "/does-not-exist", "/static/app.css"])
    func securityHeaders(path: String) async throws {
        try await withApp { browser, _ in
            let page = try await browser.get(path)
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[.init("Referrer-Policy")!] != nil)
            #expect(page.headers[.strictTransportSecurity] == nil, "no HSTS over plain http")
        }
    }

    @Test("HSTS and Secure cookies when the base URL is https")
    func https() async throws {
        try await withApp(configure: { $0.baseURL = "https://konvent.example" }) { browser, _ in
            let page = try await browser.get("/login")
            #expect(page.headers[.strictTransportSecurity]?.hasPrefix("max-age=") == true)
            #expect(page.headers[values: .setCookie].allSatisfy { $0.contains("Secure") && $0.contains("HttpOnly") })
        }
    }

    @Test("unknown pages answer 404 with a page in German")
    func notFound() async throws {
        try await withApp { browser, _ in
            let page = try await browser.get("/nirgendwo")
            #expect(page.status == .notFound)
            #expect(page.body.contains("Diese Seite gibt es nicht."))
        }
    }

    @Test("static assets are cached and revalidated by ETag")
    func assets() async throws {
        try await withApp { browser, _ in
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let etag = try #require(css.headers[.eTag])
            #expect(try await browser.get("/static/app.css", headers: [.ifNoneMatch: etag]).status == .notModified)
        }
    }

    @Test("visitors' public pages are shared and revalidated by ETag; signed-in pages are personal")
    func pageCache() async throws {
        try await withApp { browser, services in
            let first = try await browser.get("/")
            let etag = try #require(first.headers[.eTag])
            #expect(first.headers[.cacheControl] == "no-cache")
            let again = try await browser.get("/", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.isEmpty)
            try await browser.get("/language?to=en&back=/")
            let english = try await browser.get("/", headers: [.ifNoneMatch: etag])
            #expect(english.status == .ok, "another language is another page")
            #expect(english.headers[.eTag] != etag)

            _ = try await services.addUser(email: "anna@example.org", name: "Anna", role: "participant", ministry: nil,
                                           password: "ein langes passwort")
            let login = try await browser.get("/login")
            try await browser.post("/login", [("email", "anna@example.org"), ("password", "ein langes passwort")], csrfFrom: login)
            let personal = try await browser.get("/", headers: [.ifNoneMatch: etag])
            #expect(personal.status == .ok)
            #expect(personal.headers[.eTag] == nil)
            #expect(personal.headers[.cacheControl] == "no-store")
            #expect(personal.body.contains("My account (Anna)"))
        }
    }
}
