import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("Search through the web")
struct SearchFlowTests {
    static func add(_ services: Services, _ title: String, _ text: String, district: String = "14524", municipality: String? = nil,
                    at minute: Int64) async throws {
        var author = try await services.accounts.credentials(email: EmailAddress("autor@example.org"))?.user
        if author == nil {
            author = try await services.addUser(email: "autor@example.org", name: "Autorin", role: "participant", ministry: nil, password: password)
        }
        guard let author else { return }
        _ = try await services.contributions.create(
            ContributionDraft(kind: .challenge, title: title, text: text, fields: ["daseinsvorsorge"], districtKey: district,
                              municipalityKey: municipality, organisationID: nil, anonymous: false),
            author: author.id, at: Timestamp(milliseconds: 1_800_000_000_000 + minute * 60_000), status: .published)
    }

    @Test("a search ranks by relevance, offers the place it names, corrects a typo, and takes any input without harm")
    func listing() async throws {
        try await withApp { browser, services in
            try await Self.add(services, "Ärztemangel in Glauchau", "Drei Hausarztpraxen haben geschlossen.", municipality: "14524080", at: 1)
            try await Self.add(services, "Neue Spielplätze", "Im Text steht nebenbei auch einmal Arzt.", at: 2)
            try await Self.add(services, "Breitbandausbau in den Ortsteilen", "Die Gemeinden sollten gemeinsam ausschreiben.", at: 3)
            // A ranking needs a corpus: words in most of a handful of texts weigh nothing.
            for minute in 4...12 as ClosedRange<Int64> {
                try await Self.add(services, "Radweg Nummer \(minute)", "Der Weg endet im Wald.", at: minute)
            }
            let ranked = try await browser.get("/contributions?q=Arzt")
            #expect(ranked.body.contains("<option value=\"relevance\" selected>beste Treffer zuerst</option>"))
            let first = try #require(ranked.body.range(of: "Ärztemangel in Glauchau")), second = try #require(ranked.body.range(of: "Neue Spielplätze"))
            #expect(first.lowerBound < second.lowerBound, "the title's match first, though the other is newer")
            let newest = try await browser.get("/contributions?q=Arzt&sort=newest")
            #expect(try #require(newest.body.range(of: "Neue Spielplätze")).lowerBound < (try #require(newest.body.range(of: "Ärztemangel in Glauchau"))).lowerBound)

            let place = try await browser.get("/contributions?q=Glauchau")
            #expect(place.body.contains("Ärztemangel in Glauchau"))
            #expect(place.body.contains("href=\"/contributions?q=Glauchau&amp;sort=relevance&amp;municipality=14524080\">Nur Beiträge aus Glauchau zeigen</a>"))

            let typo = try await browser.get("/contributions?q=Breitbnad")
            #expect(typo.body.contains("Keine Treffer für „Breitbnad“. Gezeigt werden die Treffer für „Breitband“."))
            #expect(typo.body.contains("Breitbandausbau in den Ortsteilen"))
            let nothing = try await browser.get("/contributions?q=Raumfahrt")
            #expect(nothing.body.contains("<h2 id=\"results-title\">0 Beiträge</h2>") && !nothing.body.contains("Gezeigt werden"))

            let long = String(repeating: "Ärztemangel ", count: 900)
            for hostile in ["\"Arzt\" NEAR(Glauchau) * OR -", "<script>alert(1)</script>", "'; DROP TABLE contributions; --", long, "%ED%A0%80"] {
                let encoded = hostile == "%ED%A0%80" ? hostile : hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let page = try await browser.get("/contributions?q=\(encoded)")
                #expect(page.status == .ok, "\(hostile.prefix(40))")
                #expect(!page.body.contains("<script>alert"), "echoed escaped")
            }
            #expect(try await services.contributions.count(ContributionQuery()) == 12, "nothing changed")
        }
    }

    @Test("the similar hint finds the original by its rare words, the title's first, and says which words they share")
    func similarReason() async throws {
        try await withApp { browser, services in
            try await Self.add(services, "Ärztemangel in Glauchau", "Drei Hausarztpraxen haben in zwei Jahren geschlossen.", at: 1)
            for minute in 2...9 as ClosedRange<Int64> {
                try await Self.add(services, "Angebote für Familien \(minute)", "Aber alle Angebote in der Stadt sind für Familien gedacht.", at: minute)
            }
            try await signIn(browser, services)
            let form = try await browser.get("/contributions/new")
            let shown = try await browser.post("/contributions", [
                ("kind", "challenge"), ("title", "Ärztemangel in Glauchau"),
                ("text", "Aber alle Familien in der Stadt warten auf einen Termin beim Arzt."), ("fields", "daseinsvorsorge"),
                ("district", "14524"), ("municipality", ""),
            ], csrfFrom: form)
            #expect(shown.body.contains("Gibt es Ihren Beitrag vielleicht schon?"))
            let hint = try #require(shown.body.components(separatedBy: "similar-title").last)
            let original = try #require(hint.range(of: "Ärztemangel in Glauchau"))
            if let other = hint.range(of: "Angebote für Familien") { #expect(original.lowerBound < other.lowerBound, "the original first") }
            #expect(hint.contains("Gleiche Begriffe: Ärztemangel, Glauchau"))
        }
    }
}

extension SearchFlowTests {
    @Test("one search over the site: contributions, measures, formats, sessions and the plan; drafts only for the office")
    func siteWide() async throws {
        try await withApp { browser, services in
            _ = try await DemoData(services: services).load()
            let page = try await browser.get("/search?q=Wasserstoff")
            #expect(page.status == .ok)
            for kind in ["Beiträge", "Maßnahmen und Projekte", "Formate und Termine"] {
                #expect(page.body.contains("<a href=\"#search-") && page.body.contains(">\(kind) ("), "\(kind)")
            }
            #expect(page.body.contains("Wasserstoff-Testfeld für Verkehr und Industrie"))
            let decisions = try await browser.get("/search?q=Lenkungskreis&type=sessions")
            #expect(decisions.body.contains("Sitzungen und Beschlüsse (") && decisions.body.contains("href=\"/sessions/"))
            #expect(!decisions.body.contains("id=\"search-contributions\""), "limited to the kind asked for")
            // A draft measure: its title is found by the office only.
            var query = MeasureQuery()
            query.publicOnly = false
            query.states = [.draft]
            let draft = try #require(try await services.measures.list(query).first)
            let title = draft.content.title
            let encoded = title.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let visitor = try await browser.get("/search?q=\(encoded)&type=measures")
            #expect(!visitor.body.contains("href=\"/measures/\(draft.id.rawValue)\""))
            let office = Browser(client: browser.client)
            let login = try await office.get("/login")
            try await office.post("/login", [("email", "geschaeftsstelle@demo.konvent.localhost"), ("password", DemoData.password)], csrfFrom: login)
            #expect(try await office.get("/search?q=\(encoded)&type=measures").body.contains("href=\"/measures/\(draft.id.rawValue)\""))
            let header = try await browser.get("/")
            #expect(header.body.contains("<form class=\"site-search\" role=\"search\" method=\"get\" action=\"/search\""))
        }
    }
}
