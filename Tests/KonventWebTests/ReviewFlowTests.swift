import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

/// Every gate of the stage answered yes with a justification, each criterion scored.
func assessmentForm(_ stage: ReviewConfiguration.Stage, score: String = "4", text: String = "Gut vorbereitet, tragfähig und regional verankert.")
    -> [(String, String)] {
    stage.gates.flatMap { [("gate-\($0.key)", "yes"), ("justification-\($0.key)", "Trifft nachweislich zu.")] }
        + stage.criteria.map { ("score-\($0.key)", score) } + [("text", text)]
}

@Suite("The review path through the web", .serialized)
struct ReviewFlowTests {
    @Test("three contributions → a measure → screening → IMAG (lead and two co-ministries, agreed opinion) → Lenkungskreis adopts with conditions",
          arguments: TestDatabase.available)
    func journey(database: TestDatabase) async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await withApp(database, configure: { $0.smtp = SMTPConfiguration(host: "127.0.0.1", port: sink.port) }) { browser, services in
            let review = services.region.review
            // Three people contribute what becomes one measure.
            try await signIn(browser, services)
            let ben = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            let cleo = try await browserFor(browser, services, email: "cleo@example.org", name: "Cleo")
            var contributions: [String] = []
            for (who, title) in [(browser, "Ausbildungszentrum im Vogtland"), (ben, "Gemeinsame Lehrwerkstatt"), (cleo, "Azubi-Wohnen in Plauen")] {
                contributions.append(try await contribute(who, title: title, text: "Betriebe bilden gemeinsam aus, das stärkt die Region."))
            }
            let ids = contributions.map { String($0.split(separator: "/").last!) }
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            var page = try await office.get("/measures/new?from=\(ids[0])")
            let created = try await office.post("/measures", measureForm() + [("from", ids[0])], csrfFrom: page)
            let path = String(try #require(created.headers[.location]).split(separator: "?")[0])
            let id = try #require(MeasureID(path.split(separator: "/").last!))
            page = try await office.get(path)
            for source in ids.dropFirst() {
                #expect(try await office.post("\(path)/sources", [("contribution", source), ("note", "Gleiches Ziel")], csrfFrom: page).status == .seeOther)
            }
            for step in ["submit", "start_review"] {
                page = try await office.get(path)
                #expect(try await office.post("\(path)/step", [("step", step), ("version", "1")], csrfFrom: page).status == .seeOther)
            }

            // Screening by the office: every gate must be answered.
            let screening = review.stages[0]
            page = try await office.get("\(path)/review")
            #expect(page.body.contains("Ihre Bewertung (Geschäftsstelle)"))
            var bad = try await office.post("\(path)/assessments/office", [("text", "Kurz."), ("outcome", "passed")], csrfFrom: page)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("„\(screening.gates[0].question[.de])“: Bitte beantworten Sie diese Frage mit Ja oder Nein."),
                    "an error names its criterion")
            var failedGate = assessmentForm(screening)
            failedGate[0] = ("gate-\(screening.gates[0].key)", "no")
            bad = try await office.post("\(path)/assessments/office", failedGate + [("outcome", "passed"), ("reasons", "Passt ins Programm.")],
                                        csrfFrom: page)
            #expect(bad.body.contains("Ein Kriterium ist nicht erfüllt"), "a failed gate rules out passing")
            #expect(try await services.measures.measure(id)?.state == .inReview(stage: "screening", phase: .assessing), "nothing changed")
            let screened = try await office.post("\(path)/assessments/office",
                                                 assessmentForm(screening) + [("outcome", "passed"), ("reasons", "Alle Kriterien sind erfüllt.")],
                                                 csrfFrom: page)
            #expect(screened.status == .seeOther)
            #expect(try await services.measures.measure(id)?.state == .inReview(stage: "imag", phase: .assessing))
            // Edits to a closed stage are refused.
            #expect(try await office.post("\(path)/assessments/office", assessmentForm(screening) + [("outcome", "passed"),
                                                                                                   ("reasons", "Noch einmal geändert.")],
                                          csrfFrom: page).status == .forbidden)

            // The office assigns two co-ministries beside the lead (SMWA).
            page = try await office.get("\(path)/review")
            #expect(try await office.post("\(path)/ministries", [("ministries", "smf"), ("ministries", "smil")], csrfFrom: page).status == .seeOther)
            #expect(try await services.measures.ministries(of: id) == ["smwa", "smf", "smil"])

            let smwa = try await browserFor(browser, services, email: "smwa@example.org", name: "SMWA", role: "ministry_reviewer", ministry: "smwa")
            let smf = try await browserFor(browser, services, email: "smf@example.org", name: "SMF", role: "ministry_reviewer", ministry: "smf")
            let smil = try await browserFor(browser, services, email: "smil@example.org", name: "SMIL", role: "ministry_reviewer", ministry: "smil")
            let smk = try await browserFor(browser, services, email: "smk@example.org", name: "SMK", role: "ministry_reviewer", ministry: "smk")
            let imag = review.stages[1]
            // Another ministry reads and writes nothing here, not even by naming an assessor.
            #expect(try await smk.get("\(path)/review").status == .forbidden)
            let smkPage = try await smk.get("/review")
            #expect(try await smk.post("\(path)/assessments/smf", assessmentForm(imag), csrfFrom: smkPage).status == .forbidden)
            #expect(try await smk.post("\(path)/assessments/smk", assessmentForm(imag), csrfFrom: smkPage).status == .forbidden)
            page = try await smf.get("\(path)/review")
            #expect(try await smf.post("\(path)/assessments/smil", assessmentForm(imag), csrfFrom: page).status == .forbidden)
            // A score outside the scale.
            bad = try await smf.post("\(path)/assessments/smf", assessmentForm(imag, score: "7"), csrfFrom: page)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("„\(imag.criteria[0].name[.de])“: Die Bewertung liegt außerhalb der Skala."))
            // Beside the form: what is reviewed.
            let overview = try #require(page.body.range(of: "<aside class=\"review-layout__measure\"").map { String(page.body[$0.lowerBound...]) })
            for text in ["Mehr Auszubildende für Betriebe im Vogtland.", "Vogtlandkreis", "Handwerkskammer Chemnitz", "Ausbildungsplätze: 120",
                         "Gemeinsame Lehrwerkstatt", "Azubi-Wohnen in Plauen", "1.000.000"] {
                #expect(overview.prefix(6000).contains(text), "\(text)")
            }
            #expect(page.body.contains("die niedrigste Stufe 0 %, die höchste 100 %"), "the form says how the weighted result comes about")
            // The lead cannot draft before everyone assessed.
            var lead = try await smwa.get("\(path)/review")
            #expect(lead.body.contains("Noch ausstehend: SMWA, SMF, SMIL."))
            let early = try await smwa.post("\(path)/opinion", [("outcome", "recommend"), ("reasons", "Empfohlen, weil tragfähig.")], csrfFrom: lead)
            #expect(early.status == .forbidden || early.status == .conflict)
            let desk = try await smf.get("/review")
            #expect(desk.body.contains("Wartet auf Sie (1)"))
            for (ministry, who) in [("smwa", smwa), ("smf", smf), ("smil", smil)] {
                page = try await who.get("\(path)/review")
                let saved = try await who.post("\(path)/assessments/\(ministry)", assessmentForm(imag), csrfFrom: page)
                #expect(saved.status == .seeOther, "\(ministry)")
                if ministry == "smf" {
                    // After saving: the assessment as stored, with its weighted result explained, and the form still filled.
                    let after = try await who.get(try #require(saved.headers[.location]))
                    let shown = try #require(after.body.range(of: "Ihre gespeicherte Bewertung").map { String(after.body[$0.lowerBound...].prefix(4000)) })
                    #expect(shown.contains("Gut vorbereitet, tragfähig und regional verankert."))
                    let criterion = imag.criteria[0]
                    let share = Int((3.0 / Double(criterion.scale.count - 1) * 100).rounded())
                    #expect(shown.contains("\(criterion.name[.de]) 4 von \(criterion.scale.count) = \(share) %, Gewicht \(criterion.weight)"), "\(shown)")
                    #expect(after.body.contains("<option value=\"4\" selected"), "the form keeps the saved score")
                }
            }
            #expect(try await smf.get("/review").body.contains("Wartet auf Sie (0)"))
            lead = try await smwa.get("\(path)/review")
            #expect(lead.body.contains("bewertet auf Grundlage von Fassung 1"))
            bad = try await smwa.post("\(path)/opinion", [("outcome", "recommend_with_conditions"), ("reasons", "Empfohlen, wenn die Finanzierung steht.")],
                                      csrfFrom: lead)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Bitte nennen Sie die Auflagen"))
            let opinion = [("outcome", "recommend_with_conditions"), ("reasons", "Empfohlen, wenn die Finanzierung steht."),
                           ("conditions", "Kofinanzierung der Kammern bis 2027 nachweisen.")]
            #expect(try await smwa.post("\(path)/opinion", opinion, csrfFrom: lead).status == .seeOther)
            #expect(try await services.measures.measure(id)?.state == .inReview(stage: "imag", phase: .concluding))
            // SMIL objects: back to assessing, the draft withdrawn; the lead drafts again; both confirm.
            page = try await smil.get("\(path)/review")
            #expect(try await smil.post("\(path)/opinion/object", [("objection", "Die Verkehrsanbindung fehlt noch im Votum.")],
                                        csrfFrom: page).status == .seeOther)
            #expect(try await services.measures.measure(id)?.state == .inReview(stage: "imag", phase: .assessing))
            #expect(!(try await browser.get(path)).body.contains("Verkehrsanbindung"), "an objection is internal")
            #expect(!(try await browser.get(contributions[1])).body.contains("Verkehrsanbindung"), "and does not reach the contributors")
            lead = try await smwa.get("\(path)/review")
            #expect(try await smwa.post("\(path)/opinion", opinion, csrfFrom: lead).status == .seeOther)
            page = try await smf.get("\(path)/review")
            #expect(try await smf.post("\(path)/opinion/confirm", [], csrfFrom: page).status == .seeOther)
            #expect(try await services.measures.measure(id)?.state == .inReview(stage: "imag", phase: .concluding), "SMIL has not confirmed")
            page = try await smil.get("\(path)/review")
            #expect(try await smil.post("\(path)/opinion/confirm", [], csrfFrom: page).status == .seeOther)
            #expect(try await services.measures.measure(id)?.state == .inReview(stage: "lenkungskreis", phase: .assessing))
            // The IMAG stage is closed: no more edits to its assessments.
            page = try await smf.get("\(path)/review")
            #expect(try await smf.post("\(path)/assessments/smf", assessmentForm(imag), csrfFrom: page).status == .forbidden)
            // The opinion is internal.
            #expect(!(try await browser.get(path)).body.contains("Kofinanzierung der Kammern"))

            // The Lenkungskreis decides in a session chaired by a state secretary.
            let chair = try await browserFor(browser, services, email: "chair@example.org", name: "Staatssekretärin", role: "steering_committee_member")
            let chairID = try #require(try await services.accounts.users(withRole: .steeringCommitteeMember, limit: 5).first?.id)
            page = try await office.get("/sessions/new")
            let sessionForm = [("body", "lenkungskreis"), ("title", "3. Sitzung des Lenkungskreises"), ("start", "2026-11-20T10:00"),
                               ("end", "2026-11-20T12:00"), ("place", "Staatskanzlei Dresden"), ("chair", String(chairID.rawValue)),
                               ("participants", "Staatssekretärin (Vorsitz)\nGeschäftsstelle")]
            let session = try #require(try await office.post("/sessions", sessionForm, csrfFrom: page).headers[.location])
            let sessionPath = String(session.split(separator: "?")[0])
            let calendar = try await browser.get("\(sessionPath).ics")
            #expect(calendar.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(calendar.body.contains("SUMMARY:3. Sitzung des Lenkungskreises"))
            #expect(calendar.body.contains("DTSTART:20261120T090000Z"), "10:00 in Berlin is 09:00 UTC in November")
            #expect(try await browser.get("/sessions.ics").body.contains("SUMMARY:3. Sitzung des Lenkungskreises"))
            #expect(try await browser.get("/sessions").body.contains("3. Sitzung des Lenkungskreises"))
            #expect(try await chair.get("/review").body.contains("Ausbildungszentrum Vogtland"), "awaiting the steering committee")
            #expect(try await browser.get("/review").status == .forbidden, "the desk is for the review's participants")
            page = try await office.get(sessionPath)
            #expect(try await office.post("\(sessionPath)/items", [("title", "Ausbildungszentrum Vogtland"), ("measure", String(id.rawValue))],
                                          csrfFrom: page).status == .seeOther)
            let stored = try #require(try await services.bodySessions.session(BodySessionID(sessionPath.split(separator: "/").last!)!))
            let item = try #require(stored.items.first)
            let decisionPath = "\(sessionPath)/items/\(item.id)/decision"
            page = try await office.get(decisionPath)
            #expect(page.body.contains("fachliche Tragfähigkeit"))
            let lenkungskreis = review.stages[2]
            var decision = assessmentForm(lenkungskreis).filter { $0.0 != "text" } + [
                ("outcome", "adopted_with_conditions"), ("reasons", "Der Lenkungskreis beschließt das Zentrum als Leitprojekt."),
                ("conditions", "Kofinanzierung der Kammern bis 2027 nachweisen."), ("voting", "vote"), ("yes", "7"), ("no", "1"), ("abstain", "1"),
            ]
            bad = try await office.post(decisionPath, decision.filter { $0.0 != "score-relevance" }, csrfFrom: page)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Bitte bewerten Sie dieses Kriterium."))
            #expect(try await office.post(decisionPath, decision, csrfFrom: page).status == .seeOther)
            // Before release the decision is internal and the measure has not moved.
            #expect(!(try await browser.get(sessionPath)).body.contains("Leitprojekt"))
            #expect(try await services.measures.measure(id)?.state == .inReview(stage: "lenkungskreis", phase: .assessing))
            page = try await office.get(sessionPath)
            #expect(try await office.post("\(sessionPath)/publish", [], csrfFrom: page).status == .forbidden, "the chair releases")
            page = try await chair.get(sessionPath)
            let noMinutes = try await chair.post("\(sessionPath)/publish", [], csrfFrom: page)
            #expect(noMinutes.status == .unprocessableContent)
            #expect(noMinutes.body.contains("muss ein Protokoll der Sitzung vorliegen"))
            page = try await office.get("\(sessionPath)/edit")
            #expect(try await office.post(sessionPath, sessionForm + [("minutes", "TOP 1: Beschluss wie vorgelegt, mit Auflage.")], csrfFrom: page)
                .status == .seeOther)
            // Readers share the plan for a minute; the release drops it, so the adopted measure shows at once.
            #expect(!(try await browser.get("/masterplan")).body.contains("Ausbildungszentrum Vogtland"))
            page = try await chair.get(sessionPath)
            #expect(try await chair.post("\(sessionPath)/publish", [], csrfFrom: page).status == .seeOther)
            #expect(try await services.measures.measure(id)?.state == .adoptedWithConditions)
            #expect(try await browser.get("/masterplan").body.contains("Ausbildungszentrum Vogtland"), "in the plan right after the release")
            // Released: frozen.
            decision[0] = (decision[0].0, "no")
            #expect(try await office.post(decisionPath, decision, csrfFrom: page).status == .forbidden)

            // The public page: the state, the decision with its reasons, the conditions and the vote.
            let publicPage = try await browser.get(path)
            #expect(publicPage.body.contains("mit Auflagen beschlossen"))
            #expect(publicPage.body.contains("Der Lenkungskreis beschließt das Zentrum als Leitprojekt."))
            #expect(publicPage.body.contains("Kofinanzierung der Kammern bis 2027 nachweisen."))
            #expect(publicPage.body.contains("Abstimmung – Ja: 7, Nein: 1, Enthaltungen: 1"))
            let sessionPage = try await Browser(client: browser.client).get(sessionPath)
            #expect(sessionPage.body.contains("Leitprojekt") && sessionPage.body.contains("TOP 1: Beschluss wie vorgelegt"))
            // Each contributor's page and account show where their idea went.
            for (who, contribution) in zip([browser, ben, cleo], contributions) {
                let traced = try await who.get(contribution)
                #expect(traced.body.contains("Ausbildungszentrum Vogtland"))
                #expect(traced.body.contains("mit Auflagen beschlossen"))
                #expect(traced.body.contains(": Prüfung durch die IMAG") && traced.body.contains(": Entscheidung im Lenkungskreis"),
                        "each stage by its name")
                #expect(!traced.body.contains(": in Prüfung"), "not \"in Prüfung\" at every stage")
                #expect(try await who.get("/account").body.contains("mit Auflagen beschlossen"))
            }
            // And they hear of it by mail.
            #expect(try await services.queueNotificationMails(at: .now) == 3)
            let delivery = MailDelivery(
                outbox: services.outbox, client: SMTPClient(configuration: services.configuration.smtp!, from: "k@example.org"),
                interval: .seconds(1), logger: services.logger)
            #expect(await delivery.deliverDue() == 3)
            let mails = try await sink.waitForMail(count: 3)
            #expect(Set(mails.map(\.recipient)) == ["anna@example.org", "ben@example.org", "cleo@example.org"])
            for mail in mails {
                #expect(mail.body.contains("mit Auflagen beschlossen"), "\(mail.recipient)")
                let lines = mail.body.split(separator: "\n").filter { $0.hasPrefix("- ") }
                #expect(Set(lines).count == lines.count, "no line twice: \(lines)")
            }
            // The office's pipeline counts it; every step is in the verified audit chain.
            let officeDesk = try await office.get("/review")
            #expect(officeDesk.body.contains("Maßnahmen nach Handlungsfeld und Stand"))
            #expect(try await AuditTrail.verify(in: services.database).isIntact)
        }
    }
}
