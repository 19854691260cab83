import KonventDomain
import Testing

@Suite("Assessments, outcomes and sessions: checks")
struct AssessmentTests {
    let review = defaultReview()

    func input(gate: String = "yes", justification: String = "Belegt durch den Antrag.", score: String = "2", text: String = "Tragfähig und gut begründet.")
        -> AssessmentInput {
        var input = AssessmentInput()
        input.gates["large"] = (gate, justification)
        input.scores["feasibility"] = score
        input.text = text
        return input
    }

    @Test("every gate answered and justified, every score on its scale, a text")
    func assessment() throws {
        let screening = review.stages[0], imag = review.stages[1]
        // Each error names its gate or criterion, so that a message can say which one it is about.
        let gate = ["criterion": screening.gates[0].question], criterion = ["criterion": imag.criteria[0].name]
        let content = try input().validate(stage: screening)
        #expect(content.gates["large"] == .init(holds: true, justification: "Belegt durch den Antrag."))
        #expect(content.scores.isEmpty, "the screening has no criteria")
        #expect(throws: ValidationFailure([FieldError(field: "gate-large", messageKey: "error.assessment.gate", values: gate)])) {
            try input(gate: "").validate(stage: screening)
        }
        #expect(throws: ValidationFailure([FieldError(field: "gate-large", messageKey: "error.assessment.justification", values: gate)])) {
            try input(justification: " ").validate(stage: screening)
        }
        #expect(try input().validate(stage: imag).scores == ["feasibility": 2])
        for bad in ["0", "3", "-1", "zwei"] {
            #expect(throws: ValidationFailure([FieldError(field: "score-feasibility", messageKey: "error.assessment.scale", values: criterion)]), "\(bad)") {
                try input(score: bad).validate(stage: imag)
            }
        }
        #expect(throws: ValidationFailure([FieldError(field: "score-feasibility", messageKey: "error.assessment.score", values: criterion),
                                           FieldError(field: "text", messageKey: "error.assessment.text")])) {
            try input(score: "", text: "kurz").validate(stage: imag)
        }
        // The weighted share: (2-1)/(2-1) = 100 %.
        #expect(try input().validate(stage: imag).weightedShare(in: imag) == 1.0)
        #expect(AssessmentInput(try input().validate(stage: imag)) == { var typed = input(); typed.gates = [:]; return typed }(),
                "the form refilled from stored content")
    }

    @Test("an outcome of the stage, reasons, conditions where it carries them; a failed gate rules out a favourable outcome")
    func outcome() throws {
        let decide = review.stages[2], screening = review.stages[0]
        var input = ConclusionInput()
        input.outcome = "adopted_with_conditions"
        input.reasons = "Strategisch bedeutsam für die Region."
        input.voting = "consensus"
        #expect(throws: ValidationFailure([FieldError(field: "conditions", messageKey: "error.conclusion.conditions")])) {
            try input.validate(stage: decide, gatesHold: true, voting: true)
        }
        input.conditions = "Kofinanzierung nachweisen."
        #expect(try input.validate(stage: decide, gatesHold: true, voting: true).vote == .consensus)
        input.voting = "vote"
        input.yes = "3"
        input.no = "3"
        input.abstain = "0"
        #expect(throws: ValidationFailure([FieldError(field: "yes", messageKey: "error.conclusion.majority")])) {
            try input.validate(stage: decide, gatesHold: true, voting: true)
        }
        input.outcome = "rejected"
        #expect(try input.validate(stage: decide, gatesHold: true, voting: true).conditions == "", "only outcomes with conditions keep them")
        input.yes = "-1"
        #expect(throws: ValidationFailure([FieldError(field: "yes", messageKey: "error.conclusion.votes")])) {
            try input.validate(stage: decide, gatesHold: true, voting: true)
        }
        var screen = ConclusionInput()
        screen.outcome = "passed"
        screen.reasons = "Alle Kriterien erfüllt."
        #expect(throws: ValidationFailure([FieldError(field: "outcome", messageKey: "error.conclusion.gates")])) {
            try screen.validate(stage: screening, gatesHold: false, voting: false)
        }
        screen.outcome = "revise"
        #expect(try screen.validate(stage: screening, gatesHold: false, voting: false).outcome == "revise")
        screen.outcome = "adopted"
        #expect(throws: ValidationFailure([FieldError(field: "outcome", messageKey: "error.conclusion.outcome")])) {
            try screen.validate(stage: screening, gatesHold: true, voting: false)
        }
    }

    @Test("a session: a known body, a title, an end after the start, a chair from the list")
    func session() throws {
        let region = try testRegion()
        var input = BodySessionDraft.Input()
        input.body = region.bodies[0].key
        input.title = "1. Sitzung"
        input.start = "2026-12-10T10:00"
        input.end = "2026-12-10T12:00"
        input.place = "Chemnitz"
        input.chair = "7"
        let toUTC = { (local: LocalDateTime) -> Int64? in Int64(local.hour * 3_600_000 + local.day * 86_400_000) }
        let draft = try BodySessionDraft.validate(input, region: region, chairs: [UserID(7)], toUTC: toUTC)
        #expect(draft.chairID == UserID(7))
        input.body = "bundestag"
        input.end = "2026-12-10T09:00"
        input.chair = "8"
        #expect(throws: ValidationFailure([FieldError(field: "body", messageKey: "error.session.body"),
                                           FieldError(field: "end", messageKey: "error.format.endBeforeStart"),
                                           FieldError(field: "chair", messageKey: "error.session.chair")])) {
            try BodySessionDraft.validate(input, region: region, chairs: [UserID(7)], toUTC: toUTC)
        }
    }

    @Test("assessors survive being stored as text")
    func assessors() {
        for assessor in [Assessor.office, .ministry("smwa"), .body("lenkungskreis")] { #expect(Assessor(assessor.description) == assessor) }
        #expect(Assessor("ministry:") == nil)
        #expect(Assessor("someone") == nil)
    }
}
