import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("Implementation through the web", .serialized)
struct ImplementationFlowTests {
    /// An adopted measure of the demo's, and one still in review.
    static func measures(_ services: Services) async throws -> (adopted: Measure, inReview: Measure) {
        try await SampleData(services: services).generate(.init(contributions: 300, comments: 0, supports: 300, people: 20, seed: 7))
        try await SampleData(services: services).measures(35)
        var query = MeasureQuery()
        query.publicOnly = false
        let all = try await services.measures.list(query)
        let adopted = try #require(all.first { $0.state.isAdopted && !$0.content.indicators.isEmpty }, "\(all.map(\.state))")
        let inReview = try #require(all.first { !$0.state.isAdopted && $0.state.isPublic })
        return (adopted, inReview)
    }

    @Test("the sponsor's member reports, the office publishes and corrects; values, milestones; bad input changes nothing",
          arguments: TestDatabase.available)
    func progress(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let (measure, inReview) = try await Self.measures(services)
            let path = "/measures/\(measure.id.rawValue)"
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let member = try await browserFor(browser, services, email: "kammer@example.org", name: "Karla Kammer")
            let outsider = try await browserFor(browser, services, email: "eve@example.org", name: "Eve")
            let karla = try #require(try await services.accounts.credentials(email: EmailAddress("kammer@example.org"))?.user.id)
            _ = try await services.organisations.join(name: "Handwerkskammer Chemnitz", kind: .association, for: karla, at: .now) { _, _ in [] }

            var page = try await outsider.get(path)
            #expect(page.body.contains("<h2 id=\"implementation-title\">Umsetzung</h2>"))
            #expect(page.body.contains("Zur Umsetzung liegt noch kein veröffentlichter Bericht vor."))
            #expect(!page.body.contains("Fortschritt melden"), "no form for someone who does not report")
            let report = [("date", services.clock.local(Timestamp.now.milliseconds).isoDate), ("status", "on_track"), ("percent", "40"),
                          ("text", "Die Allianz hat ihre Arbeit aufgenommen."), ("links", "https://example.org/bericht.pdf")]
            #expect(try await outsider.post("\(path)/progress", report, csrfFrom: page).status == .forbidden)

            page = try await office.get(path)
            #expect(page.body.contains("Trägerorganisation"))
            let unknown = try await office.post("\(path)/sponsor", [("organisation", "Gibt es nicht")], csrfFrom: page)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.body.contains("Eine Organisation dieses Namens ist nicht bekannt."))
            #expect(try await office.post("\(path)/sponsor", [("organisation", "handwerkskammer chemnitz")], csrfFrom: page).status == .seeOther)

            page = try await member.get(path)
            #expect(page.body.contains("Fortschritt melden"))
            #expect(page.body.contains("Träger der Umsetzung: Handwerkskammer Chemnitz"))
            let tooMuch = try await member.post("\(path)/progress", report.map { $0.0 == "percent" ? ("percent", "140") : $0 }, csrfFrom: page)
            #expect(tooMuch.status == .unprocessableContent)
            #expect(tooMuch.body.contains("Bitte geben Sie eine ganze Zahl von 0 bis 100 an."))
            #expect(tooMuch.body.contains("Die Allianz hat ihre Arbeit aufgenommen."), "what was typed stays")
            let future = try await member.post("\(path)/progress", report.map { $0.0 == "date" ? ("date", "2099-01-01") : $0 }, csrfFrom: page)
            #expect(future.status == .unprocessableContent)
            #expect(try await services.implementation.reports(of: measure.id, includeUnpublished: true).isEmpty, "nothing written")
            #expect(try await member.post("\(path)/progress", report, csrfFrom: page).status == .seeOther)

            #expect(!(try await outsider.get(path)).body.contains("Die Allianz hat ihre Arbeit aufgenommen."), "waits for the office")
            // The office's desk lists what waits for it, and what owes a report.
            let desk = try await office.get("/review").body
            #expect(desk.contains("Berichte, die auf Freigabe warten (1)"))
            #expect(desk.contains("href=\"\(path)#implementation\">\(measure.code) \(measure.content.title)</a> – Bericht vom"))
            #expect(desk.contains("Ohne Bericht seit mehr als 92 Tagen"))
            let owing = try await services.implementation.overdueReports(reportedBefore: "2999-01-01", adoptedBefore: Int64.max, limit: 100)
            #expect(owing.contains { $0.measure.id == measure.id && $0.lastReport == nil }, "adopted, never reported in public")
            #expect(try await services.implementation.overdueReports(reportedBefore: "2000-01-01", adoptedBefore: 0, limit: 100).isEmpty)
            page = try await office.get(path)
            #expect(page.body.contains("Noch nicht veröffentlicht"))
            let submitted = try #require(try await services.implementation.reports(of: measure.id, includeUnpublished: true).first)
            #expect(try await member.post("\(path)/progress/\(submitted.id.rawValue)/publish", [], csrfFrom: page).status == .forbidden)
            #expect(try await office.post("\(path)/progress/\(submitted.id.rawValue)/publish", [], csrfFrom: page).status == .seeOther)
            page = try await outsider.get(path)
            #expect(page.body.contains("<strong>Im Plan</strong> · 40 % umgesetzt"))
            #expect(page.body.contains("<progress id=\"progress-bar\" max=\"100\" value=\"40\""))
            #expect(page.body.contains("Gemeldet von Karla Kammer"))
            // The way back: the source contributions' people are told, and their pages show the progress.
            let source = try #require(try await services.measures.sources(of: measure.id).first?.contribution)
            let author = try #require(source.authorID)
            let told = try await services.moderation.notifications(of: author, limit: 20).map(\.event)
            #expect(told.contains { $0.kind == .progress && $0.relatedID == measure.id.rawValue && $0.detail == "on_track:40" })
            let sourcePage = try await outsider.get("/contributions/\(source.id.rawValue)").body
            #expect(sourcePage.contains("Bericht zur Umsetzung der Maßnahme"))
            #expect(sourcePage.contains("Umsetzung: Im Plan, 40 %"))

            // The office corrects it; the earlier report stays, marked.
            page = try await office.get(path)
            let correction = report.map { $0.0 == "percent" ? ("percent", "35") : $0 } + [("replaces", String(submitted.id.rawValue))]
            #expect(try await office.post("\(path)/progress", correction, csrfFrom: page).status == .seeOther)
            page = try await outsider.get(path)
            #expect(page.body.contains("35 % umgesetzt"))
            #expect(page.body.contains("class=\"report report--replaced\""))
            #expect(page.body.contains("2 Berichte zur Umsetzung"))
            page = try await office.get(path)
            let again = try await office.post("\(path)/progress", correction, csrfFrom: page)
            #expect(again.status == .unprocessableContent, "a corrected report is not corrected twice")

            // The overview shows what the published reports say, filtered by status; overdue milestones flagged.
            var overview = try await outsider.get("/implementation?status=on_track")
            #expect(overview.status == .ok)
            #expect(overview.body.contains("\(measure.code) \(measure.content.title)"))
            #expect(overview.body.contains("<td class=\"numeric\">35 %</td>"))
            overview = try await outsider.get("/implementation?status=none")
            #expect(!overview.body.contains("\(measure.code) \(measure.content.title)"))
            #expect(try await outsider.get("/implementation?status=%3Cscript%3E&field=nirgends&district=x&programme=y").status == .ok,
                    "unknown filters are ignored")
            // By district (a municipality counts for its district) and by programme; the map counts by district.
            let district = try #require(measure.content.territories.first.map { String($0.prefix(5)) }, "the demo places its measures")
            let elsewhere = try #require(services.region.districts.map(\.officialKey).first { key in
                !measure.content.territories.contains { $0.hasPrefix(key) }
            })
            #expect(try await outsider.get("/implementation?district=\(district)").body.contains("\(measure.code) \(measure.content.title)"))
            #expect(!(try await outsider.get("/implementation?district=\(elsewhere)").body.contains("\(measure.code) \(measure.content.title)")))
            let programme = try #require(measure.content.financing.compactMap(\.programmeKey).first, "the demo names programmes")
            let byProgramme = try await outsider.get("/implementation?programme=\(programme)").body
            #expect(byProgramme.contains("\(measure.code) \(measure.content.title)"))
            #expect(byProgramme.contains("<option value=\"\(programme)\" selected>"))
            overview = try await outsider.get("/implementation")
            #expect(overview.body.contains("<h2 id=\"districts-title\">Nach Landkreis</h2>"))
            #expect(overview.body.contains("href=\"/implementation?district=\(district)#results-title\""))

            // A step back to "planned" is refused.
            page = try await member.get(path)
            let back = try await member.post("\(path)/progress", report.map { $0.0 == "status" ? ("status", "planned") : $0 }, csrfFrom: page)
            #expect(back.status == .unprocessableContent)
            #expect(back.body.contains("Dieser Stand ist nach dem letzten Bericht nicht möglich"))

            let indicator = measure.content.indicators[0]
            let value = [("indicator", indicator.name), ("valueDate", report[0].1), ("value", "12,5"), ("source", "Kammerstatistik")]
            #expect(try await member.post("\(path)/indicator-values", value.map { $0.0 == "indicator" ? ("indicator", "Erfunden") : $0 },
                                          csrfFrom: page).status == .unprocessableContent)
            #expect(try await member.post("\(path)/indicator-values", value, csrfFrom: page).status == .seeOther)
            page = try await outsider.get(path)
            #expect(page.body.contains("\(indicator.name): Messwerte im Zeitverlauf und Zielwert"))
            #expect(page.body.contains("<td class=\"numeric\">12,5</td>"))

            let milestone = [("milestoneTitle", "Allianz gegründet"), ("planned", "2026-01-31"), ("actual", "")]
            page = try await member.get(path)
            #expect(try await member.post("\(path)/milestones", milestone, csrfFrom: page).status == .seeOther)
            page = try await outsider.get(path)
            #expect(page.body.contains("<th scope=\"row\">Allianz gegründet</th>"))
            #expect(page.body.contains("überfällig"))
            #expect(try await outsider.get("/implementation").body.contains("1 Meilenstein überfällig"))
            #expect(try await office.get("/review").body.contains("Allianz gegründet, geplant für den 31.01.2026"))
            let open = try #require(try await services.implementation.milestones(of: measure.id).first)
            page = try await member.get(path)
            #expect(try await member.post("\(path)/milestones/reached", [("milestone", String(open.id.rawValue)), ("reachedOn", report[0].1)],
                                          csrfFrom: page).status == .seeOther)
            #expect(!(try await outsider.get(path)).body.contains("überfällig"))

            // Money: each line applied for, then approved; a skipped step is refused; covered cost is "gesichert".
            let lines = try await services.implementation.fundingLines(of: measure.id)
            #expect(lines.count == measure.content.financing.count && lines.allSatisfy { $0.status == .planned })
            page = try await member.get(path)
            #expect(page.body.contains("Bewilligt: 0 € von"))
            let skipped = try await member.post("\(path)/funding", [("fundingLine", "0"), ("fundingStatus", "approved"),
                                                                 ("fundingDate", report[0].1), ("fundingAmount", "1")], csrfFrom: page)
            #expect(skipped.status == .unprocessableContent)
            #expect(skipped.body.contains("Dieser Stand folgt nicht auf den bisherigen"))
            for line in lines {
                for (status, amount) in [("applied", ""), ("approved", String(line.planned))] {
                    page = try await member.get(path)
                    let moved = try await member.post("\(path)/funding", [("fundingLine", String(line.index)), ("fundingStatus", status),
                                                                       ("fundingDate", report[0].1), ("fundingAmount", amount)], csrfFrom: page)
                    #expect(moved.status == .seeOther, "\(line.programme) \(status)")
                }
            }
            #expect(try await outsider.get(path).body.contains("Finanzierungsweg gesichert"))
            let overviewWithMoney = try await outsider.get("/implementation").body
            #expect(overviewWithMoney.contains("Mittel nach Quelle und Programm"))
            #expect(overviewWithMoney.contains("<td>Finanzierungsweg gesichert</td>"))
            // The status report for the cabinet has its chapter on implementation, from the same data.
            let statusReport = try await outsider.get("/report").body
            #expect(statusReport.contains("Umsetzungsstand"))
            #expect(statusReport.contains("davon mit veröffentlichtem Bericht zur Umsetzung: 1."))
            #expect(statusReport.contains("gesichert ist der Finanzierungsweg bei 1 Maßnahme."))

            // The office lets reports publish directly (audited); only the office may.
            var importPage = try await office.get("/implementation/import")
            #expect(importPage.body.contains("werden erst öffentlich, wenn die Geschäftsstelle sie freigibt"))
            #expect(try await member.post("/implementation/publishing", [("direct", "1")], csrfFrom: page).status == .forbidden)
            #expect(try await office.post("/implementation/publishing", [("direct", "1")], csrfFrom: importPage).status == .seeOther)
            importPage = try await office.get("/implementation/import")
            #expect(importPage.body.contains("Berichte von Trägern und Ressorts sind sofort öffentlich"))
            page = try await member.get(path)
            #expect(page.body.contains("Ihr Bericht ist sofort öffentlich."))
            #expect(try await member.post("\(path)/progress", report.map { $0.0 == "percent" ? ("percent", "45") : $0 }, csrfFrom: page)
                .status == .seeOther)
            #expect(try await outsider.get(path).body.contains("45 % umgesetzt"), "public without the office")
            #expect(try await office.post("/implementation/publishing", [("direct", "0")], csrfFrom: importPage).status == .seeOther)
            #expect(try await member.get(path).body.contains("Ihr Bericht wird öffentlich, sobald die Geschäftsstelle ihn freigibt."))

            // To the end: the office starts the implementation, the last report says it is done, the
            // office completes the measure, and the way back shows it from the source contribution.
            for step in ["start_implementation", "complete"] {
                if step == "complete" {
                    page = try await member.get(path)
                    let done = report.map { $0.0 == "status" ? ("status", "completed") : $0.0 == "percent" ? ("percent", "100") : $0 }
                    #expect(try await member.post("\(path)/progress", done, csrfFrom: page).status == .seeOther)
                    let last = try #require(try await services.implementation.reports(of: measure.id, includeUnpublished: true)
                        .first { !$0.published })
                    page = try await office.get(path)
                    #expect(try await office.post("\(path)/progress/\(last.id.rawValue)/publish", [], csrfFrom: page).status == .seeOther)
                }
                page = try await office.get(path)
                let version = try #require(try await services.measures.measure(measure.id)?.version)
                #expect(try await office.post("\(path)/step", [("step", step), ("reason", ""), ("version", String(version))],
                                              csrfFrom: page).status == .seeOther, "\(step)")
            }
            #expect(try await services.measures.measure(measure.id)?.state == .completed)
            page = try await outsider.get(path)
            #expect(page.body.contains("<strong>Abgeschlossen</strong> · 100 % umgesetzt"))
            #expect(try await outsider.get("/implementation?status=completed").body.contains("\(measure.code) \(measure.content.title)"))
            #expect(try await outsider.get("/contributions/\(source.id.rawValue)").body.contains("Umsetzung: Abgeschlossen, 100 %"))
            let toldAtTheEnd = try await services.moderation.notifications(of: author, limit: 20).map(\.event)
            #expect(toldAtTheEnd.contains { $0.kind == .progress && $0.relatedID == measure.id.rawValue && $0.detail == "completed:100" })
            let finalReport = try await outsider.get("/report").body
            #expect(finalReport.contains("Umsetzungsstand"))
            #expect(finalReport.contains("Abgeschlossen"))
            #expect(finalReport.contains("Indikatoren der beschlossenen Maßnahmen nach Stand gegenüber ihrem Zielwert"))
            // The plan's monitoring is counted from the same data.
            let plan = try await outsider.get("/masterplan").body
            #expect(plan.contains("Monitoring: Stand der Umsetzung"))
            #expect(plan.contains("davon mit veröffentlichtem Bericht zur Umsetzung"))
            if DecimalText.parse(indicator.target) != nil {
                let measurePage = try await outsider.get(path).body
                #expect(measurePage.contains("Ziel erreicht") || measurePage.contains("Ziel noch nicht erreicht"))
            }

            // A measure still in review takes no progress.
            let reviewPath = "/measures/\(inReview.id.rawValue)"
            page = try await office.get(reviewPath)
            #expect(!page.body.contains("id=\"implementation-title\""))
            #expect(try await office.post("\(reviewPath)/progress", report, csrfFrom: page).status == .forbidden)

            let actions = try await AuditTrail.entries(after: 0, limit: 5000, in: services.database).map(\.event.action)
            #expect(actions.filter { $0 == "progress.reported" }.count == 4)
            #expect(actions.filter { $0 == "setting.changed" }.count == 2)
            #expect(actions.contains("progress.published") && actions.contains("indicator.recorded") && actions.contains("milestone.reached"))
        }
    }

    @Test("the office imports many measures' progress from a CSV file: all rows or none, a report per line, a template",
          arguments: TestDatabase.available)
    func importFile(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let (measure, inReview) = try await Self.measures(services)
            var query = MeasureQuery()
            query.states = ImplementationFlowTests.adopted
            let second = try #require(try await services.measures.list(query).first { $0.id != measure.id })
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let resident = try await browserFor(browser, services, email: "anna@example.org", name: "Anna")
            #expect(try await resident.get("/implementation/import").status == .forbidden)
            let template = try await office.get("/implementation/import/vorlage.csv")
            #expect(template.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(template.body.hasPrefix("\u{FEFF}Kennung;Datum;Stand;Prozent;Bericht;Indikator;Wert;Quelle\r\n"))
            let today = services.clock.local(Timestamp.now.milliseconds).isoDate
            let indicator = measure.content.indicators[0].name
            let bad = "Kennung;Datum;Stand;Prozent;Bericht;Indikator;Wert;Quelle\n"
                + "\(measure.code);\(today);Im Plan;30;Gut unterwegs.;\(indicator);7;Träger\n"
                + "\(inReview.code);\(today);Im Plan;30;Noch nicht beschlossen.;;;\n"
                + "\(second.code);\(today);Im Plan;300;Zu viel.;;;\n"
            var page = try await office.get("/implementation/import")
            let refused = try await office.upload("/implementation/import", file: ("file", "umsetzung.csv", Array(bad.utf8)), csrfFrom: page)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Nichts importiert: 2 Probleme in der Datei"))
            #expect(refused.body.contains("Keine beschlossene Maßnahme mit dieser Kennung."))
            #expect(refused.body.contains("Bitte geben Sie eine ganze Zahl von 0 bis 100 an."))
            #expect(try await services.implementation.reports(of: measure.id, includeUnpublished: true).isEmpty, "nothing of the good row either")
            let good = "Kennung;Datum;Stand;Prozent;Bericht;Indikator;Wert;Quelle\n"
                + "\(measure.code);\(today);Im Plan;30;Gut unterwegs.;\(indicator);7;Träger\n"
                + "\(second.code);\(today);Verzögert;10;Die Bewilligung steht aus.;;;\n"
            page = try await office.get("/implementation/import")
            let imported = try await office.upload("/implementation/import", file: ("file", "umsetzung.csv", Array(good.utf8)), csrfFrom: page)
            #expect(imported.status == .seeOther)
            let location = try #require(imported.headers[.location])
            #expect(try await office.get(location).body.contains("Importiert: 2 Berichte und 1 Messwert."))
            #expect(try await services.measures.measure(measure.id)?.progress == ProgressSummary(status: .onTrack, percent: 30, date: today))
            #expect(try await services.measures.measure(second.id)?.progress?.status == .delayed)
            #expect(try await services.implementation.values(of: measure.id).map(\.value) == [7])

            // Many reports: the page shows the newest ten and goes back by key.
            let many = "Kennung;Datum;Stand;Prozent;Bericht;Indikator;Wert;Quelle\n"
                + (31...42).map { "\(measure.code);\(today);Im Plan;\($0);Bericht Nummer \($0).;;;\n" }.joined()
            page = try await office.get("/implementation/import")
            #expect(try await office.upload("/implementation/import", file: ("file", "viele.csv", Array(many.utf8)), csrfFrom: page).status == .seeOther)
            let newest = try await resident.get("/measures/\(measure.id.rawValue)").body
            #expect(newest.contains("13 Berichte zur Umsetzung"))
            #expect(newest.contains("Bericht Nummer 42.") && newest.contains("Bericht Nummer 33.") && !newest.contains("Bericht Nummer 32."))
            let olderLink = try #require(newest.range(of: "?reports=").map { start in
                String(newest[start.lowerBound...].prefix { $0 != "\"" })
            })
            let older = try await resident.get("/measures/\(measure.id.rawValue)" + olderLink.replacingOccurrences(of: "&amp;", with: "&")).body
            #expect(older.contains("Bericht Nummer 32.") && older.contains("Bericht Nummer 31.") && older.contains("Gut unterwegs."))
            #expect(!older.contains("Bericht Nummer 33.") && !older.contains("Ältere Berichte"))
            #expect(older.contains("Zu den neuesten Berichten"))
            #expect(try await resident.get("/measures/\(measure.id.rawValue)?reports=kaputt").status == .ok, "a bad key shows the newest")
        }
    }

    static let adopted = MeasureState.adoptedStates
}
