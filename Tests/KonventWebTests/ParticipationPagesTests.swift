import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("Project profiles, the overview and the export", .serialized)
struct ParticipationPagesTests {
    @Test("a project idea carries its profile; a bad profile is refused with every problem named")
    func projectProfile() async throws {
        try await withApp { browser, services in
            try await signIn(browser, services)
            let form = try await browser.get("/contributions/new")
            #expect(form.body.contains("Projektsteckbrief"))
            #expect(form.body.contains("Das Projekt wirkt überregional"), "the published gates from the configuration")
            var fields = goodContribution.filter { $0.0 != "kind" } + [("kind", "project_idea"), ("seenSimilar", "1")]
            let refused = try await browser.post(
                "/contributions", fields + [("profile_estimatedCost", "eine Million"), ("profile_gates", "erfunden")], csrfFrom: form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Bitte nennen Sie für die Projektidee einen Träger"))
            #expect(refused.body.contains("Bitte geben Sie einen Betrag in ganzen Euro an"))
            #expect(try await services.contributions.list(ContributionQuery()).items.isEmpty)
            fields += [("profile_sponsor", "Handwerkskammer Chemnitz"), ("profile_estimatedCost", "2.400.000"),
                       ("profile_financingNeed", "1.800.000"), ("profile_timeframe", "2027–2030"), ("profile_gates", "large"),
                       ("profile_gates", "supra_regional"), ("profile_jobsEffect", "120 Ausbildungsplätze <b>sicher</b>")]
            let created = try await browser.post("/contributions", fields, csrfFrom: form)
            #expect(created.status == .seeOther)
            let page = try await browser.get(try #require(created.headers[.location]))
            #expect(page.body.contains("<dd>Handwerkskammer Chemnitz</dd>"))
            #expect(page.body.contains("<dd>2.400.000 €</dd>"))
            #expect(page.body.contains("120 Ausbildungsplätze &lt;b&gt;sicher&lt;/b&gt;"))
            #expect(page.body.contains("<li>Ja: Das Projekt ist groß genug"))
            #expect(page.body.contains("<li>Nein: Das Projekt trägt nachweisbar"))
            let english = try await browser.get("/language?to=en&back=/")
            _ = english
            #expect(try await browser.get(try #require(created.headers[.location])).body.contains("<dd>€2,400,000</dd>"))
        }
    }

    @Test("the overview shows figures per district and per 1,000 inhabitants, SVG charts and maps with the attribution")
    func overview() async throws {
        try await withApp { browser, services in
            let user = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            for (district, title) in [("14511", "Eins in Chemnitz"), ("14511", "Zwei in Chemnitz"), ("14523", "Drei im Vogtland")] {
                _ = try await services.contributions.create(
                    ContributionDraft(kind: .idea, title: title, text: "Eine Beschreibung, lang genug.", fields: ["wirtschaft"],
                                      districtKey: district, municipalityKey: district == "14523" ? "14523320" : nil,
                                      organisationID: nil, anonymous: false), author: user.id, at: .now, status: .published)
            }
            let page = try await browser.get("/participation")
            #expect(page.status == .ok)
            // Chemnitz: 2 per 250,681 inhabitants = 0.0080 per 1,000, shown with two decimals.
            #expect(page.body.contains("<a href=\"/contributions?district=14511\">Chemnitz</a></th><td class=\"numeric\">250.681</td><td class=\"numeric\">2</td><td class=\"numeric\">0,01</td>"))
            #expect(page.body.contains("<svg viewBox="))
            #expect(page.body.contains("role=\"img\" aria-labelledby=\"district-map-title\""))
            #expect(page.body.components(separatedBy: "<path ").count > 180, "every district and municipality is drawn")
            #expect(page.body.contains("© GeoBasis-DE / BKG"))
            #expect(page.body.contains("<th scope=\"row\">Plauen</th><td class=\"numeric\">1</td>"))
            // The district map: classes from the smallest to the largest value, so that none, one and two contributions differ;
            // each district named on it; the legend says what the classes are.
            let districtMap = try #require(page.body.components(separatedBy: "aria-labelledby=\"district-map-title\"").dropFirst().first?
                .components(separatedBy: "</figure>").first)
            let fills = Set(districtMap.components(separatedBy: "<path ").dropFirst().compactMap {
                $0.components(separatedBy: "fill=\"").dropFirst().first?.split(separator: "\"").first
            })
            #expect(fills.count == 3, "no contribution, one in Vogtland, two in Chemnitz: three classes, not one")
            #expect(districtMap.contains("fill=\"#1b1f24\" aria-hidden=\"true\">Chemnitz</text>"))
            #expect(districtMap.contains("fünf gleich breite Klassen vom kleinsten bis zum größten Wert"))
            #expect(page.body.contains("<th scope=\"row\">Januar 2026</th>") || page.body.contains("<th scope=\"row\">Dezember 2026</th>"),
                    "months by name in the table")
        }
    }

    @Test("the account export carries contributions, comments, supports, follows and registrations")
    func export() async throws {
        try await withApp { browser, services in
            try await signIn(browser, services)
            let path = try await contribute(browser, title: "Fachkräftemangel im Handwerk", text: "Viele Betriebe finden niemanden mehr.")
            let page = try await browser.get(path)
            try await browser.post("\(path)/comments", [("comment", "Mein eigener Kommentar")], csrfFrom: page)
            try await browser.post("\(path)/follow", [], csrfFrom: page)
            let export = try await browser.get("/account/export.json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(export.body.utf8)) as? [String: Any])
            let participation = try #require(json["participation"] as? [String: Any])
            #expect((participation["contributions"] as? [[String: Any]])?.first?["title"] as? String == "Fachkräftemangel im Handwerk")
            #expect((participation["comments"] as? [[String: Any]])?.first?["text"] as? String == "Mein eigener Kommentar")
            #expect((participation["followed"] as? [Int])?.count == 1)
            #expect(participation["notify"] as? String == "immediately")
        }
    }
}
