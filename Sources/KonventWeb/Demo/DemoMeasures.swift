import KonventDomain
import KonventStorage

/// Measures for the demo, written from the most supported contributions of each field of action
/// and moved along the first steps of the review, so that the trace shows both ways.
struct DemoMeasures {
    let services: Services

    static let ministryByField = [
        "wirtschaft": "smwa", "wissenschaft-innovation": "smwk", "infrastruktur-mobilitaet": "smil",
        "bildung-fachkraefte": "smk", "daseinsvorsorge": "sms",
    ]

    func load(office: UserID) async throws {
        let region = services.region
        var number = 0
        for field in region.fieldsOfAction {
            var query = ContributionQuery()
            query.field = field.key
            query.sort = .mostSupported
            query.limit = 6
            let candidates = try await services.contributions.list(query).items
            for pair in stride(from: 0, to: min(candidates.count, 6), by: 2) {
                let sources = Array(candidates[pair..<min(pair + 2, candidates.count)])
                guard let lead = sources.first else { continue }
                let cost = 400_000 + (number % 7) * 350_000
                let content = MeasureContent(
                    kind: number % 3 == 0 ? .project : .measure, title: lead.title,
                    goal: "Aus den Beiträgen der Region: \(lead.title).",
                    description: lead.text + "\n\nDie Geschäftsstelle hat dazu gleichartige Beiträge zusammengefasst.",
                    fields: [field.key], territories: [lead.districtKey], sponsor: "Regionalkonvent mit Partnern aus der Region",
                    partners: "Kommunen, Kammern, Hochschulen", estimatedCost: cost,
                    financing: [FinancingLine(source: .state, programme: "Strukturentwicklung", amount: cost * 3 / 4),
                                FinancingLine(source: .municipal, programme: "Eigenanteil", amount: cost - cost * 3 / 4)],
                    timeframe: "2027–2030", indicators: [Indicator(name: "Beteiligte Betriebe und Einrichtungen", target: "25")],
                    maturity: number % 2 == 0 ? .outline : .idea, leadMinistry: Self.ministryByField[field.key] ?? region.ministries.first?.key)
                let id = try await services.measures.create(
                    content, codePrefix: field.code, sources: sources.map { ($0.id, "gleiches Anliegen, zusammengefasst") },
                    actor: office, at: .now)
                // A spread of states: some drafts, most submitted, some already in review.
                let steps: [MeasureTransition] = switch number % 3 {
                case 0: []
                case 1: [.submit]
                default: [.submit, .startReview]
                }
                for step in steps {
                    _ = try await services.measures.transition(id, step, reason: nil, machine: services.measureMachine, actor: office, at: .now)
                }
                number += 1
            }
        }
    }
}
