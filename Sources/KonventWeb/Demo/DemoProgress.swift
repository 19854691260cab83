import KonventDomain
import KonventStorage

/// The implementation of the demo's adopted measures since their adoption: reports every two
/// weeks (some delayed, some at risk, one waiting for the office), the first indicator measured
/// on the same days, and milestones reached, overdue and ahead.
struct DemoProgress {
    let services: Services
    static let day: Int64 = 86_400_000

    func load(office: UserID) async throws {
        var query = MeasureQuery()
        query.states = [.adopted, .adoptedWithConditions, .inImplementation, .completed]
        query.limit = 500
        let now = Timestamp.now.milliseconds
        func iso(_ milliseconds: Int64) -> String { services.clock.local(milliseconds).isoDate }
        for (index, measure) in try await services.measures.list(query).enumerated() {
            guard let adopted = try await services.measures.steps(of: measure.id).first(where: { $0.to.isAdopted })?.at.milliseconds
            else { continue }
            let store = services.implementation
            let days = Int((now - adopted) / Self.day)
            let later: ProgressStatus = index % 5 == 4 ? .atRisk : index % 3 == 2 ? .delayed : .onTrack
            var percent = 0
            for (number, offset) in stride(from: 7, through: days, by: 14).enumerated() {
                percent += later == .onTrack ? 8 : 4
                let status: ProgressStatus = number == 0 ? .started : later
                let waiting = index % 4 == 1 && offset + 14 > days
                _ = try await store.report(
                    ProgressDraft(date: iso(adopted + Int64(offset) * Self.day), status: status, percent: min(percent, 95),
                                  text: Self.text(status, measure: measure.content.title), links: []),
                    measure: measure.id, author: office, publish: !waiting, at: Timestamp(milliseconds: adopted + Int64(offset) * Self.day))
            }
            if let indicator = measure.content.indicators.first {
                let target = DecimalText.parse(indicator.target) ?? 100
                for (number, offset) in stride(from: 0, through: days, by: 14).enumerated() {
                    let share = Double(number) * (later == .onTrack ? 0.06 : 0.03)
                    _ = try await store.record(
                        IndicatorValueDraft(indicator: indicator.name, date: iso(adopted + Int64(offset) * Self.day),
                                            value: (target * share).rounded(), source: "Meldung des Trägers"),
                        measure: measure.id, author: office, at: Timestamp(milliseconds: adopted + Int64(offset) * Self.day))
                }
            }
            let steps: [(String, Int, Int?)] = [
                ("Projektteam und Steuerungsgruppe eingerichtet", 14, 10),
                ("Förderantrag eingereicht", 30, index % 2 == 0 ? 28 : nil),
                ("Erste Ergebnisse öffentlich vorgestellt", 180, nil),
            ]
            for (title, planned, actual) in steps {
                let reached = actual.flatMap { $0 <= days ? iso(adopted + Int64($0) * Self.day) : nil }
                _ = try await store.addMilestone(
                    MilestoneDraft(title: title, planned: iso(adopted + Int64(planned) * Self.day), actual: reached),
                    measure: measure.id, actor: office, at: Timestamp(milliseconds: adopted))
            }
        }
    }

    static func text(_ status: ProgressStatus, measure title: String) -> String {
        switch status {
        case .started: "Die Arbeit an „\(title)“ hat begonnen: Der Träger hat das Projektteam benannt und den Zeitplan abgestimmt."
        case .onTrack: "Die Umsetzung liegt im Zeitplan. Die nächsten Schritte sind mit den Partnern vereinbart."
        case .delayed: "Die Umsetzung verzögert sich, weil die Bewilligung der Fördermittel noch aussteht. Der Zeitplan wird angepasst."
        case .atRisk: "Die Finanzierung ist noch nicht gesichert. Träger und federführendes Ressort suchen eine andere Förderlinie."
        default: "Stand der Umsetzung wie geplant."
        }
    }
}
