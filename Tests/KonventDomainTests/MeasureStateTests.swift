import KonventDomain
import Testing

/// The default review of the region: screening by the office, the IMAG's agreed opinion, the
/// Lenkungskreis deciding in a session.
func defaultReview() -> ReviewConfiguration {
    let text = { (de: String) in LocalizedText(de: de) }
    return ReviewConfiguration(stages: [
        .init(key: "screening", body: "regionalkonvent", name: text("Vorprüfung"), assessors: .office, conclusion: .single,
              gates: [.init(key: "large", question: text("Groß?"))], criteria: [],
              outcomes: [.init(key: "passed", label: text("bestanden"), effect: .advance),
                         .init(key: "revise", label: text("überarbeiten"), effect: .revise)], dueDays: 14),
        .init(key: "imag", body: "imag", name: text("IMAG"), assessors: .ministries, conclusion: .agreedOpinion, gates: [],
              criteria: [.init(key: "feasibility", name: text("Umsetzbarkeit"), scale: [text("gering"), text("hoch")], weight: 1)],
              outcomes: [.init(key: "recommend", label: text("empfohlen"), effect: .advance),
                         .init(key: "revise", label: text("überarbeiten"), effect: .revise)], dueDays: 28),
        .init(key: "lenkungskreis", body: "lenkungskreis", name: text("Lenkungskreis"), assessors: .body, conclusion: .sessionDecision,
              gates: [], criteria: [],
              outcomes: [.init(key: "adopted", label: text("beschlossen"), effect: .adopt),
                         .init(key: "adopted_with_conditions", label: text("mit Auflagen"), effect: .adoptWithConditions),
                         .init(key: "revision", label: text("zurück"), effect: .revise),
                         .init(key: "deferred", label: text("vertagt"), effect: .defer_),
                         .init(key: "rejected", label: text("abgelehnt"), effect: .reject)], dueDays: 28),
    ])
}

@Suite("Measure state machine")
struct MeasureStateTests {
    let machine = MeasureStateMachine(review: defaultReview())

    /// Every allowed step, written out; everything not listed must be refused.
    static let allowed: [String: MeasureState] = [
        "draft submit": .submitted,
        "revision submit": .submitted,
        "deferred resubmit": .submitted,
        "submitted start_review": .inReview(stage: "screening", phase: .assessing),
        "review:screening:assessing conclude:advance": .inReview(stage: "imag", phase: .assessing),
        "review:screening:assessing conclude:revise": .revision,
        "review:imag:assessing draft_opinion": .inReview(stage: "imag", phase: .concluding),
        "review:imag:concluding reopen": .inReview(stage: "imag", phase: .assessing),
        "review:imag:concluding conclude:advance": .inReview(stage: "lenkungskreis", phase: .assessing),
        "review:imag:concluding conclude:revise": .revision,
        "review:lenkungskreis:assessing conclude:adopt": .adopted,
        "review:lenkungskreis:assessing conclude:adopt_with_conditions": .adoptedWithConditions,
        "review:lenkungskreis:assessing conclude:revise": .revision,
        "review:lenkungskreis:assessing conclude:defer": .deferred,
        "review:lenkungskreis:assessing conclude:reject": .rejected,
        "adopted start_implementation": .inImplementation,
        "adopted_with_conditions start_implementation": .inImplementation,
        "in_implementation complete": .completed,
    ]

    @Test("every state × every step: exactly the listed steps are possible")
    func exhaustive() {
        var checked = 0
        for state in machine.states {
            for transition in MeasureTransition.all() {
                let expected = Self.allowed["\(state) \(transition)"]
                do {
                    let next = try machine.apply(transition, to: state)
                    #expect(next == expected, "\(state) \(transition)")
                } catch {
                    #expect(expected == nil, "\(state) \(transition) was refused")
                }
                checked += 1
            }
        }
        #expect(checked == machine.states.count * MeasureTransition.all().count)
        #expect(machine.states.count == 13)
    }

    @Test("states survive being stored as text")
    func storedForm() {
        for state in machine.states { #expect(MeasureState(state.description) == state) }
        #expect(MeasureState("review:imag:thinking") == nil)
        #expect(MeasureState("review::assessing") == nil)
        #expect(MeasureState("adoptedd") == nil)
    }

    @Test("a configuration where only the last stage decides, with known bodies")
    func configurationChecks() throws {
        try defaultReview().validate(bodies: ["regionalkonvent", "imag", "lenkungskreis"])
        #expect(throws: ConfigurationError.self) { try defaultReview().validate(bodies: ["imag", "lenkungskreis"]) }
        var early = defaultReview()
        early.stages[0].outcomes.append(.init(key: "adopt", label: LocalizedText(de: "x"), effect: .adopt))
        #expect(throws: ConfigurationError.self) { try early.validate(bodies: ["regionalkonvent", "imag", "lenkungskreis"]) }
        var last = defaultReview()
        last.stages[2].outcomes.append(.init(key: "on", label: LocalizedText(de: "x"), effect: .advance))
        #expect(throws: ConfigurationError.self) { try last.validate(bodies: ["regionalkonvent", "imag", "lenkungskreis"]) }
    }
}
