import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import Testing

/// A measure that a one-stage review adopts.
func adoptedMeasure(_ db: any KonventDatabase, office: UserID) async throws -> MeasureID {
    let store = SQLMeasureStore(database: db)
    let machine = screeningOnly()
    let id = try await store.create(measureContent(), codePrefix: "WT", sources: [], actor: office, at: .now)
    for step in [MeasureTransition.submit, .startReview, .conclude(.adopt)] {
        _ = try await store.transition(id, step, reason: nil, machine: machine, actor: office, at: .now)
    }
    return id
}

@Suite("Implementation in storage")
struct ImplementationStoreTests {
    @Test("reports wait for the office, corrections keep what they replace, milestones and values; every change audited",
          arguments: TestDatabase.available)
    func progress(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db), store = SQLImplementationStore(database: db)
            let office = try await person(accounts, "office@example.org"), sponsor = try await person(accounts, "kammer@example.org")
            let measure = try await adoptedMeasure(db, office: office.id)
            let before = try await AuditTrail.entries(after: 0, limit: 1000, in: db).count

            let first = try await store.report(
                ProgressDraft(date: "2027-02-01", status: .started, percent: 10, text: "Auftakt mit den Kammern.", links: ["https://example.org/a"]),
                measure: measure, author: sponsor.id, publish: false, at: .now)
            #expect(try await store.reports(of: measure, includeUnpublished: false).isEmpty, "submitted, not yet public")
            #expect(try await store.reports(of: measure, includeUnpublished: true).map(\.id) == [first])
            #expect(try await store.publish(first, measure: measure, actor: office.id, at: .now))
            #expect(try await store.publish(first, measure: measure, actor: office.id, at: .now) == false, "once")
            let corrected = try await store.report(
                ProgressDraft(date: "2027-02-01", status: .started, percent: 15, text: "Auftakt, richtig gezählt.", links: [], replaces: first),
                measure: measure, author: office.id, publish: true, at: .now)
            let reports = try await store.reports(of: measure, includeUnpublished: false)
            #expect(reports.count == 2, "the corrected one stays visible")
            #expect(reports.first { $0.id == first }?.replacedBy == corrected)
            #expect(reports.first { $0.id == corrected }?.replaces == first)
            #expect(reports.first { $0.id == first }?.links == ["https://example.org/a"])
            // A second correction of the same report is refused, and nothing of it is written.
            await #expect(throws: ImplementationRefusal.unknown) {
                _ = try await store.report(
                    ProgressDraft(date: "2027-02-01", status: .started, percent: 20, text: "Noch einmal.", links: [], replaces: first),
                    measure: measure, author: office.id, publish: true, at: .now)
            }
            #expect(try await store.reports(of: measure, includeUnpublished: true).count == 2)

            let milestone = try await store.addMilestone(
                MilestoneDraft(title: "Allianz gegründet", planned: "2027-06-30", actual: nil), measure: measure, actor: office.id, at: .now)
            #expect(try await store.milestones(of: measure).first?.isOverdue(today: "2027-07-01") == true)
            try await store.reach(milestone, on: "2027-06-15", measure: measure, actor: sponsor.id, at: .now)
            #expect(try await store.milestones(of: measure).map(\.actual) == ["2027-06-15"])

            let value = try await store.record(
                IndicatorValueDraft(indicator: "Neue Ausbildungsverträge", date: "2027-12-31", value: 120, source: "Kammerstatistik"),
                measure: measure, author: sponsor.id, at: .now)
            _ = try await store.record(
                IndicatorValueDraft(indicator: "Neue Ausbildungsverträge", date: "2027-12-31", value: 125.5, source: "Kammerstatistik, berichtigt",
                                    replaces: value), measure: measure, author: office.id, at: .now)
            let values = try await store.values(of: measure)
            #expect(values.map(\.value) == [120, 125.5])
            #expect(values[0].replacedBy == values[1].id)

            let founded = try await SQLOrganisationStore(database: db).join(
                name: "Handwerkskammer Chemnitz", kind: .association, for: sponsor.id, at: .now) { _, _ in [] }
            guard case .founded(let chamber) = founded else { Issue.record("not founded"); return }
            try await store.setSponsorOrganisation(chamber.id, of: measure, actor: office.id, at: .now)
            #expect(try await store.sponsorOrganisation(of: measure) == chamber.id)
            #expect(try await store.sponsorMembers(of: measure) == [sponsor.id])

            let actions = try await AuditTrail.entries(after: 0, limit: 1000, in: db).dropFirst(before).map(\.event.action)
            #expect(actions.filter { $0 == "progress.reported" }.count == 2)
            #expect(actions.filter { $0 == "progress.published" }.count == 1)
            #expect(actions.contains("milestone.added") && actions.contains("milestone.reached") && actions.contains("measure.sponsor"))
            #expect(actions.filter { $0 == "indicator.recorded" }.count == 2)
        }
    }
}
