import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

func measureForm(version: String = "0", cost: String = "1.500.000", lines: [(String, String, String)] = [("state", "Strukturentwicklung", "1.000.000"), ("municipal", "", "500.000")]) -> [(String, String)] {
    var form: [(String, String)] = [
        ("version", version), ("kind", "project"), ("title", "Ausbildungszentrum Vogtland"),
        ("goal", "Mehr Auszubildende für Betriebe im Vogtland."), ("description", "Ein gemeinsames Zentrum von Kammern und Betrieben bildet aus."),
        ("fields", "bildung-fachkraefte"), ("territories", "14523"), ("sponsor", "Handwerkskammer Chemnitz"), ("estimatedCost", cost),
        ("timeframe", "2027–2029"), ("maturity", "outline"), ("leadMinistry", "smwa"),
        ("indicator-name-1", "Ausbildungsplätze"), ("indicator-target-1", "120"),
    ]
    for (index, line) in lines.enumerated() {
        form += [("financing-source-\(index + 1)", line.0), ("financing-programme-\(index + 1)", line.1), ("financing-amount-\(index + 1)", line.2)]
    }
    return form
}

@Suite("Measures through the web", .serialized)
struct MeasureFlowTests {
    @Test("the office turns a contribution into a measure, keeps versions, refuses stale saves, submits it; the trace shows both ways",
          arguments: TestDatabase.available)
    func fromContribution(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            try await signIn(browser, services)
            let contribution = try await contribute(browser, title: "Ausbildungszentrum im Vogtland", text: "Betriebe bilden gemeinsam aus.")
            let contributionID = String(contribution.split(separator: "/").last!)
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            var form = try await office.get("/measures/new?from=\(contributionID)")
            #expect(form.body.contains("value=\"Ausbildungszentrum im Vogtland\""), "prefilled from the contribution")
            let bad = try await office.post("/measures", measureForm(lines: [("state", "", "1.000.000")]) + [("from", contributionID)], csrfFrom: form)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("ergeben zusammen nicht die geschätzten Kosten"))
            #expect(try await services.measures.list({ var q = MeasureQuery(); q.publicOnly = false; return q }()).isEmpty)
            let created = try await office.post("/measures", measureForm() + [("from", contributionID)], csrfFrom: form)
            #expect(created.status == .seeOther)
            let path = String(try #require(created.headers[.location]).split(separator: "?")[0])
            var page = try await office.get(path)
            #expect(page.body.contains("<h1>BF-01 Ausbildungszentrum Vogtland</h1>"))
            #expect(page.body.contains("Ausgangspunkt der Maßnahme"))
            #expect(page.body.contains("1.000.000 €"))
            // Drafts are internal; the contribution does not point to them yet.
            #expect(try await browser.get(path).status == .notFound)
            #expect(!(try await browser.get(contribution)).body.contains("In Maßnahmen aufgegriffen"))

            form = try await office.get("\(path)/edit")
            let stale = try await office.post(path, measureForm(version: "1", cost: "2.000.000", lines: [("state", "x", "2.000.000")]), csrfFrom: form)
            #expect(stale.status == .seeOther)
            let conflict = try await office.post(path, measureForm(version: "1"), csrfFrom: form)
            #expect(conflict.status == .conflict)
            #expect(conflict.body.contains("Jemand hat die Maßnahme inzwischen geändert"))
            #expect(try await services.measures.versions(of: MeasureID(path.split(separator: "/").last!)!).count == 2)
            let versions = try await office.get("\(path)/versions")
            #expect(versions.status == .ok)
            #expect(versions.body.contains("Änderungen von Fassung 1 zu 2"))
            #expect(versions.body.contains("<ins><span class=\"visually-hidden\">neu: </span>2000000 €</ins>"))

            page = try await office.get(path)
            let step = try await office.post("\(path)/step", [("step", "submit"), ("version", "2"), ("reason", "")], csrfFrom: page)
            #expect(step.status == .seeOther)
            #expect(try await office.post("\(path)/step", [("step", "complete"), ("version", "2")], csrfFrom: page).status == .conflict)
            let public_ = try await browser.get(path)
            #expect(public_.status == .ok)
            #expect(public_.body.contains("eingereicht"))
            let traced = try await browser.get(contribution)
            #expect(traced.body.contains("In Maßnahmen aufgegriffen"))
            #expect(traced.body.contains("<a href=\"\(path)\">BF-01 Ausbildungszentrum Vogtland</a>"))
            #expect(traced.body.contains("aufgegriffen") || traced.body.contains("Maßnahme <a href=\"\(path)\">"))
            #expect(try await browser.get("/measures").body.contains("BF-01 Ausbildungszentrum Vogtland"))
            #expect(try await browser.get("\(path)/versions").status == .forbidden, "earlier versions include the internal drafts")
            #expect(!public_.body.contains("Fassungen vergleichen"))
            #expect(try await browser.post("\(path)/step", [("step", "start_review"), ("version", "2")],
                                           csrfFrom: try await browser.get("/account")).status == .forbidden)
            let overview = try await browser.get("/participation")
            #expect(overview.body.contains("<dt>in Maßnahmen aufgegriffen</dt><dd>1</dd>"))
            let account = try await browser.get("/account")
            #expect(account.body.contains("Maßnahme <a href=\"\(path)\">BF-01 Ausbildungszentrum Vogtland</a>: eingereicht"))
        }
    }
}
