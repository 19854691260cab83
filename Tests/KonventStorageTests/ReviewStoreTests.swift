import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import Testing

/// Screening by the office, an agreed opinion of the ministries, a decision of the steering committee.
func threeStageReview() -> ReviewConfiguration {
    let text = { (de: String) in LocalizedText(de: de) }
    let scale = [text("gering"), text("mittel"), text("hoch")]
    return ReviewConfiguration(stages: [
        .init(key: "screening", body: "regionalkonvent", name: text("Vorprüfung"), assessors: .office, conclusion: .single,
              gates: [.init(key: "large", question: text("Groß genug?"))], criteria: [],
              outcomes: [.init(key: "passed", label: text("weiter"), effect: .advance), .init(key: "revise", label: text("zurück"), effect: .revise)],
              dueDays: 14),
        .init(key: "imag", body: "imag", name: text("IMAG"), assessors: .ministries, conclusion: .agreedOpinion, gates: [],
              criteria: [.init(key: "feasibility", name: text("Umsetzbarkeit"), scale: scale, weight: 1)],
              outcomes: [.init(key: "recommend", label: text("empfohlen"), effect: .advance)], dueDays: 28),
        .init(key: "lenkungskreis", body: "lenkungskreis", name: text("Lenkungskreis"), assessors: .body, conclusion: .sessionDecision,
              gates: [], criteria: [.init(key: "relevance", name: text("Relevanz"), scale: scale, weight: 2)],
              outcomes: [.init(key: "adopted", label: text("beschlossen"), effect: .adopt),
                         .init(key: "rejected", label: text("abgelehnt"), effect: .reject)], dueDays: 42),
    ])
}

@Suite("Review in storage")
struct ReviewStoreTests {
    let machine = MeasureStateMachine(review: threeStageReview())
    let screened = AssessmentContent(gates: ["large": .init(holds: true, justification: "ja")], scores: [:], text: "Passt gut.")
    let scored = AssessmentContent(gates: [:], scores: ["feasibility": 2], text: "Machbar.")

    @Test("each step only in its stage, by its assessors; the opinion waits for every ministry; a session releases all or nothing",
          arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let measures = SQLMeasureStore(database: db), reviews = SQLReviewStore(database: db), sessions = SQLBodySessionStore(database: db)
            let office = try await person(accounts, "office@example.org").id
            let review = machine.review
            var ids: [MeasureID] = []
            for title in ["Erste Maßnahme", "Zweite Maßnahme"] {
                let id = try await measures.create(measureContent(title), codePrefix: "WT", sources: [], actor: office, at: .now)
                await #expect(throws: ReviewRefusal.closed) {
                    try await reviews.saveAssessment(id, by: .office, screened, review: review, actor: office, at: .now)
                }
                _ = try await measures.transition(id, .submit, reason: nil, machine: machine, actor: office, at: .now)
                _ = try await measures.transition(id, .startReview, reason: nil, machine: machine, actor: office, at: .now)
                await #expect(throws: ReviewRefusal.notAssigned) {
                    try await reviews.saveAssessment(id, by: .ministry("smwa"), scored, review: review, actor: office, at: .now)
                }
                #expect(try await reviews.conclude(id, by: .office, screened, Conclusion(outcome: "passed", reasons: "Alles erfüllt.", conditions: ""),
                                                   machine: machine, actor: office, at: .now) == .inReview(stage: "imag", phase: .assessing))
                try await measures.assignCoMinistries(id, ["smf"], actor: office, at: .now)
                await #expect(throws: ReviewRefusal.notAssigned) {
                    try await reviews.saveAssessment(id, by: .ministry("smk"), scored, review: review, actor: office, at: .now)
                }
                try await reviews.saveAssessment(id, by: .ministry("smwa"), scored, review: review, actor: office, at: .now)
                let opinion = Conclusion(outcome: "recommend", reasons: "Empfohlen.", conditions: "")
                await #expect(throws: ReviewRefusal.missingAssessments(["smf"])) {
                    try await reviews.draftOpinion(id, lead: "smwa", opinion, machine: machine, actor: office, at: .now)
                }
                try await reviews.saveAssessment(id, by: .ministry("smf"), scored, review: review, actor: office, at: .now)
                await #expect(throws: ReviewRefusal.notLead) {
                    try await reviews.draftOpinion(id, lead: "smf", opinion, machine: machine, actor: office, at: .now)
                }
                _ = try await reviews.draftOpinion(id, lead: "smwa", opinion, machine: machine, actor: office, at: .now)
                await #expect(throws: ReviewRefusal.closed, "assessments freeze while the opinion is out") {
                    try await reviews.saveAssessment(id, by: .ministry("smf"), scored, review: review, actor: office, at: .now)
                }
                await #expect(throws: ReviewRefusal.notAssigned, "the lead does not confirm its own draft") {
                    try await reviews.confirmOpinion(id, ministry: "smwa", machine: machine, actor: office, at: .now)
                }
                #expect(try await reviews.confirmOpinion(id, ministry: "smf", machine: machine, actor: office, at: .now)
                        == .inReview(stage: "lenkungskreis", phase: .assessing))
                ids.append(id)
            }
            #expect(try await reviews.assessments(of: ids[0]).map(\.assessor) == [.office, .ministry("smwa"), .ministry("smf")])
            #expect(try await reviews.conclusions(of: ids[0]).allSatisfy { $0.concludedAt != nil })
            #expect(try await reviews.desk(ministry: "smf", review: review).isEmpty, "nothing left for the SMF")

            let start = Timestamp.now.milliseconds + 86_400_000
            let session = try await sessions.create(
                BodySessionDraft(body: "lenkungskreis", title: "Sitzung", startsAt: start, endsAt: start + 3_600_000, place: "Dresden",
                                 participants: "", chairID: office), actor: office, at: .now)
            for id in ids { try await sessions.addItem(session, title: "Vorhaben", measure: id, actor: office, at: .now) }
            let items = try #require(try await sessions.session(session)?.items)
            let body = AssessmentContent(gates: [:], scores: ["relevance": 3], text: "Bedeutsam.")
            await #expect(throws: ReviewRefusal.closed, "an outcome the stage does not know") {
                try await sessions.recordDecision(session, item: items[0].id, Conclusion(outcome: "recommend", reasons: "x", conditions: "", vote: .consensus),
                                                  assessment: body, review: review, actor: office, at: .now)
            }
            for item in items {
                try await sessions.recordDecision(session, item: item.id, Conclusion(outcome: "adopted", reasons: "Beschlossen.", conditions: "",
                                                                                      vote: .counted(yes: 5, no: 0, abstain: 0)),
                                                  assessment: body, review: review, actor: office, at: .now)
            }
            await #expect(throws: SessionRefusal.noMinutes) { try await sessions.publish(session, machine: machine, actor: office, at: .now) }
            let draft = try #require(try await sessions.session(session)).draft
            try await sessions.update(session, draft, minutes: "Protokoll.", actor: office, at: .now)
            // Meanwhile the second measure is sent back by other means: releasing must change nothing at all.
            let moved = ids[1].rawValue
            try await db.write { sql in try await sql.raw("UPDATE measures SET state = 'revision' WHERE id = \(bind: moved)").run() }
            await #expect(throws: ReviewRefusal.closed) { try await sessions.publish(session, machine: machine, actor: office, at: .now) }
            #expect(try await measures.measure(ids[0])?.state == .inReview(stage: "lenkungskreis", phase: .assessing))
            #expect(try await sessions.session(session)?.isPublished == false)
            try await sessions.removeItem(session, item: items[1].id, actor: office, at: .now)
            try await sessions.publish(session, machine: machine, actor: office, at: .now)
            #expect(try await measures.measure(ids[0])?.state == .adopted)
            #expect(try await reviews.conclusions(of: ids[0]).last?.session == session)
            await #expect(throws: SessionRefusal.published) {
                try await sessions.addItem(session, title: "Nachtrag", measure: nil, actor: office, at: .now)
            }
            #expect(try await AuditTrail.verify(in: db).isIntact)
        }
    }

    @Test("overdue: past the stage's due date, the most overdue first", arguments: TestDatabase.available)
    func overdue(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let measures = SQLMeasureStore(database: db), reviews = SQLReviewStore(database: db)
            let office = try await person(accounts, "office@example.org").id
            let day: Int64 = 86_400_000, now = Timestamp.now.milliseconds
            var ids: [MeasureID] = []
            for started in [now - 20 * day, now - 30 * day, now - 2 * day] {
                let id = try await measures.create(measureContent(), codePrefix: "WT", sources: [], actor: office, at: .now)
                _ = try await measures.transition(id, .submit, reason: nil, machine: machine, actor: office, at: Timestamp(milliseconds: started))
                _ = try await measures.transition(id, .startReview, reason: nil, machine: machine, actor: office, at: Timestamp(milliseconds: started))
                ids.append(id)
            }
            // The screening is due after 14 days: the second is 16 days late, the first 6, the third not yet.
            #expect(try await reviews.overdue(review: machine.review, now: now, limit: 10).map(\.id) == [ids[1], ids[0]])
        }
    }

    @Test("the measure list pages by code: WT-9 before WT-10, every measure once", arguments: TestDatabase.available)
    func paging(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let measures = SQLMeasureStore(database: db)
            let office = try await person(accounts, "office@example.org").id
            for number in 1...12 {
                let id = try await measures.create(measureContent("Maßnahme \(number)"), codePrefix: number % 2 == 0 ? "WT" : "BF", sources: [],
                                                   actor: office, at: .now)
                _ = try await measures.transition(id, .submit, reason: nil, machine: machine, actor: office, at: .now)
            }
            var query = MeasureQuery()
            query.limit = 5
            var seen: [String] = []
            while true {
                let page = try await measures.list(query)
                seen += page.map(\.code)
                guard page.count == query.limit, let last = page.last else { break }
                query.after = ("\(last.code.prefix(2))", Int(last.code.dropFirst(3))!)
            }
            #expect(seen == (1...6).map { "BF-0\($0)" } + (1...6).map { "WT-0\($0)" })
            query.after = nil
            query.before = ("WT", 2)
            #expect(try await measures.list(query).map(\.code) == ["BF-03", "BF-04", "BF-05", "BF-06", "WT-01"], "backwards, in code order")
            query.before = ("BF", 3)
            #expect(try await measures.list(query).map(\.code) == ["BF-01", "BF-02"])
            #expect(try await measures.count(query) == 12, "the count ignores the page")
            query.states = [.draft]
            #expect(try await measures.count(query) == 0)
        }
    }
}
