import KonventDomain

extension AssessmentInput {
    /// An assessment form as sent, for the gates and criteria of `stage`.
    init(form: FormData, stage: ReviewConfiguration.Stage) {
        self.init()
        for gate in stage.gates {
            gates[gate.key] = (form.string("gate-\(gate.key)"), form.string("justification-\(gate.key)"))
        }
        for criterion in stage.criteria { scores[criterion.key] = form.string("score-\(criterion.key)") }
        text = form.string("text")
    }
}

extension ConclusionInput {
    /// A conclusion or decision form as sent.
    init(form: FormData) {
        self.init()
        outcome = form.string("outcome")
        reasons = form.string("reasons")
        conditions = form.string("conditions")
        voting = form.string("voting")
        yes = form.string("yes")
        no = form.string("no")
        abstain = form.string("abstain")
    }
}
