import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import Testing

func measureContent(_ title: String = "Fachkräfteallianz Südwestsachsen", cost: Int = 1_000_000) -> MeasureContent {
    MeasureContent(
        kind: .measure, title: title, goal: "Mehr Fachkräfte für die Betriebe der Region.",
        description: "Eine Allianz aus Kammern, Schulen und Betrieben wirbt gemeinsam um Fachkräfte.", fields: ["wirtschaft"],
        territories: ["14521"], sponsor: "Handwerkskammer", partners: "", estimatedCost: cost,
        financing: [FinancingLine(source: .state, programme: "Strukturentwicklung", amount: cost)], timeframe: "2027–2030",
        indicators: [Indicator(name: "Neue Ausbildungsverträge", target: "300")], maturity: .outline, leadMinistry: "smwa")
}

/// A review of one stage: the office screens, and passing adopts.
func screeningOnly() -> MeasureStateMachine {
    MeasureStateMachine(review: ReviewConfiguration(stages: [
        .init(key: "screening", body: "regionalkonvent", name: LocalizedText(de: "Vorprüfung"), assessors: .office,
              conclusion: .single, gates: [], criteria: [],
              outcomes: [.init(key: "passed", label: LocalizedText(de: "ok"), effect: .adopt)], dueDays: 14),
    ]))
}

@Suite("Measures in storage")
struct MeasureStoreTests {
    @Test("codes per prefix, versions with optimistic locking, sources taken up and told when the measure goes public",
          arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let contributions = SQLContributionStore(database: db)
            let moderation = SQLModerationStore(database: db)
            let store = SQLMeasureStore(database: db)
            let machine = screeningOnly()
            let anna = try await person(accounts, "anna@example.org"), ben = try await person(accounts, "ben@example.org")
            let office = try await person(accounts, "office@example.org")
            let first = try await contributions.create(draft("Fachkräfte fehlen", "Betriebe finden niemanden mehr."), author: anna.id,
                                                       at: .now, status: .published)
            try await moderation.follow(first, user: ben.id, at: .now)
            let id = try await store.create(measureContent(), codePrefix: "WT", sources: [(first, "Kern der Maßnahme")], actor: office.id,
                                            at: .now)
            let second = try await store.create(measureContent("Zweite Maßnahme"), codePrefix: "WT", sources: [], actor: office.id, at: .now)
            #expect(try await store.measure(id)?.code == "WT-01")
            #expect(try await store.measure(second)?.code == "WT-02")
            #expect(try await store.list(MeasureQuery()).isEmpty, "drafts are internal")

            try await store.update(id, measureContent(cost: 2_000_000), expectedVersion: 1, actor: office.id, at: .now)
            await #expect(throws: MeasureRefusal.stale(current: 2)) {
                try await store.update(id, measureContent(), expectedVersion: 1, actor: office.id, at: .now)
            }
            #expect(try await store.versions(of: id).map(\.content.estimatedCost) == [1_000_000, 2_000_000])
            #expect(try await contributions.contribution(first)?.status == .published, "a draft takes nothing up yet")
            #expect(try await store.ministries(of: id) == ["smwa"])
            try await store.assignCoMinistries(id, ["smil", "smf", "smwa"], actor: office.id, at: .now)
            #expect(try await store.ministries(of: id) == ["smwa", "smf", "smil"])

            await #expect(throws: MeasureRefusal.self) {
                try await store.transition(id, .startReview, reason: nil, machine: machine, actor: office.id, at: .now)
            }
            #expect(try await store.transition(id, .submit, reason: nil, machine: machine, actor: office.id, at: .now) == .submitted)
            let taken = try #require(try await contributions.contribution(first))
            #expect(taken.status == .takenUp && taken.statusReason == "WT-01")
            #expect(try await store.list(MeasureQuery()).map(\.code) == ["WT-01"])
            await #expect(throws: MeasureRefusal.notEditable) {
                _ = try await store.transition(id, .startReview, reason: nil, machine: machine, actor: office.id, at: .now)
                try await store.update(id, measureContent(), expectedVersion: 2, actor: office.id, at: .now)
            }
            _ = try await store.transition(id, .conclude(.adopt), reason: "Einstimmig", machine: machine, actor: office.id, at: .now)
            #expect(try await store.measures(from: first).map(\.state) == [.adopted])
            #expect(try await store.steps(of: id).map(\.to) == [.submitted, .inReview(stage: "screening", phase: .assessing), .adopted])
            let told = try await moderation.notifications(of: ben.id, limit: 10).map(\.event)
            #expect(told.filter { $0.kind == .measure }.map(\.detail) == ["adopted", "review:screening:assessing", "submitted"])
            #expect(try await moderation.notifications(of: anna.id, limit: 10).count == 3, "the author as well")
            let actions = try await AuditTrail.entries(after: 0, limit: 100, in: db).map(\.event.action)
            #expect(actions.filter { $0 == "measure.transition" }.count == 3)
            #expect(try await AuditTrail.verify(in: db).isIntact)
        }
    }
}
