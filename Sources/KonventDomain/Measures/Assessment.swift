/// One assessor's view of a measure in one review stage: every gate answered with a justification,
/// every criterion scored on its scale, and a free text.
public struct AssessmentContent: Sendable, Equatable, Codable {
    public struct GateAnswer: Sendable, Equatable, Codable {
        public var holds: Bool
        public var justification: String

        public init(holds: Bool, justification: String) {
            self.holds = holds
            self.justification = justification
        }
    }

    /// By gate key.
    public var gates: [String: GateAnswer]
    /// By criterion key: a position on the criterion's scale, from 1.
    public var scores: [String: Int]
    public var text: String

    public init(gates: [String: GateAnswer], scores: [String: Int], text: String) {
        self.gates = gates
        self.scores = scores
        self.text = text
    }

    public var allGatesHold: Bool { gates.values.allSatisfy(\.holds) }

    /// The weighted mean of the scores as a share of the scale (0…1), nil without criteria.
    public func weightedShare(in stage: ReviewConfiguration.Stage) -> Double? {
        var sum = 0.0, weights = 0
        for criterion in stage.criteria {
            guard let score = scores[criterion.key] else { continue }
            sum += Double(criterion.weight) * Double(score - 1) / Double(criterion.scale.count - 1)
            weights += criterion.weight
        }
        return weights == 0 ? nil : sum / Double(weights)
    }
}

/// Who writes an assessment: the office (a screening), one ministry, or a body (its decision in a session).
public enum Assessor: Sendable, Hashable, CustomStringConvertible {
    case office
    case ministry(String)
    case body(String)

    /// As stored: `office`, `ministry:smwa`, `body:lenkungskreis`.
    public var description: String {
        switch self {
        case .office: "office"
        case .ministry(let key): "ministry:\(key)"
        case .body(let key): "body:\(key)"
        }
    }

    public init?(_ text: String) {
        if text == "office" { self = .office; return }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "ministry": self = .ministry(parts[1])
        case "body": self = .body(parts[1])
        default: return nil
        }
    }
}

/// The assessment form as typed.
public struct AssessmentInput: Sendable, Equatable {
    /// By gate key: "yes", "no" or empty, and the justification.
    public var gates: [String: (holds: String, justification: String)] = [:]
    /// By criterion key, as typed.
    public var scores: [String: String] = [:]
    public var text = ""

    public init() {}

    public init(_ content: AssessmentContent) {
        gates = content.gates.mapValues { ($0.holds ? "yes" : "no", $0.justification) }
        scores = content.scores.mapValues(String.init)
        text = content.text
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.text == rhs.text && lhs.scores == rhs.scores
            && lhs.gates.mapValues { [$0.holds, $0.justification] } == rhs.gates.mapValues { [$0.holds, $0.justification] }
    }

    /// Every gate of the stage answered and justified, every criterion scored within its scale, a text.
    public func validate(stage: ReviewConfiguration.Stage) throws(ValidationFailure) -> AssessmentContent {
        var v = Validator()
        var gates: [String: AssessmentContent.GateAnswer] = [:]
        for gate in stage.gates {
            let answer = self.gates[gate.key]
            let justification = (answer?.justification ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
            guard let holds = answer.flatMap({ ["yes": true, "no": false][$0.holds] }) else {
                v.add("gate-\(gate.key)", "error.assessment.gate", ["criterion": gate.question])
                continue
            }
            guard (3...2000).contains(justification.count) else {
                v.add("gate-\(gate.key)", "error.assessment.justification", ["criterion": gate.question])
                continue
            }
            gates[gate.key] = .init(holds: holds, justification: justification)
        }
        var scores: [String: Int] = [:]
        for criterion in stage.criteria {
            let typed = (self.scores[criterion.key] ?? "").trimmingWhitespace()
            guard !typed.isEmpty else {
                v.add("score-\(criterion.key)", "error.assessment.score", ["criterion": criterion.name])
                continue
            }
            guard let score = Int(typed), (1...criterion.scale.count).contains(score) else {
                v.add("score-\(criterion.key)", "error.assessment.scale", ["criterion": criterion.name])
                continue
            }
            scores[criterion.key] = score
        }
        let text = self.text.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if !(10...20_000).contains(text.count) { v.add("text", "error.assessment.text") }
        try v.finish()
        return AssessmentContent(gates: gates, scores: scores, text: text)
    }
}

/// How a stage ended (or, for an agreed opinion, is proposed to end): the outcome with its reasons and
/// any conditions, and for a session decision the vote.
public struct Conclusion: Sendable, Equatable {
    public var outcome: String
    public var reasons: String
    public var conditions: String
    public var vote: Vote?

    public init(outcome: String, reasons: String, conditions: String, vote: Vote? = nil) {
        self.outcome = outcome
        self.reasons = reasons
        self.conditions = conditions
        self.vote = vote
    }
}

/// A body's decision: by consensus, or counted.
public enum Vote: Sendable, Equatable {
    case consensus
    case counted(yes: Int, no: Int, abstain: Int)

    /// As stored: how it was decided ("consensus" or "vote") and the counts.
    public var columns: (voting: String, yes: Int?, no: Int?, abstain: Int?) {
        switch self {
        case .consensus: ("consensus", nil, nil, nil)
        case .counted(let yes, let no, let abstain): ("vote", yes, no, abstain)
        }
    }

    public init?(voting: String?, yes: Int?, no: Int?, abstain: Int?) {
        switch voting {
        case "consensus": self = .consensus
        case "vote":
            guard let yes, let no, let abstain else { return nil }
            self = .counted(yes: yes, no: no, abstain: abstain)
        default: return nil
        }
    }
}

/// The form for an outcome: chosen from the stage's outcomes, with reasons, conditions where the outcome
/// carries them, and (for a session) how the body voted.
public struct ConclusionInput: Sendable, Equatable {
    public var outcome = ""
    public var reasons = ""
    public var conditions = ""
    /// "consensus" or "vote"; empty where the stage does not vote.
    public var voting = ""
    public var yes = ""
    public var no = ""
    public var abstain = ""

    public init() {}

    /// `gatesHold`: whether the assessments answered every gate with yes; a failed gate rules out an
    /// outcome that moves the measure forward.
    public func validate(stage: ReviewConfiguration.Stage, gatesHold: Bool, voting needsVote: Bool) throws(ValidationFailure) -> Conclusion {
        var v = Validator()
        let outcome = stage.outcome(self.outcome)
        if outcome == nil { v.add("outcome", "error.conclusion.outcome") }
        if let outcome, !gatesHold, outcome.isFavourable { v.add("outcome", "error.conclusion.gates") }
        let reasons = reasons.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if !(10...20_000).contains(reasons.count) { v.add("reasons", "error.conclusion.reasons") }
        let conditions = conditions.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if let outcome, outcome.hasConditions, !(5...5000).contains(conditions.count) { v.add("conditions", "error.conclusion.conditions") }
        if conditions.count > 5000 { v.add("conditions", "error.conclusion.conditions") }
        var vote: Vote?
        if needsVote {
            vote = self.vote(&v)
            // A counted decision that moves the measure on needs more votes for than against.
            if let outcome, outcome.isFavourable, case .counted(let yes, let no, _)? = vote, yes <= no { v.add("yes", "error.conclusion.majority") }
        }
        try v.finish()
        return Conclusion(outcome: outcome!.key, reasons: reasons, conditions: outcome!.hasConditions ? conditions : "", vote: vote)
    }
}

extension ConclusionInput {
    /// Consensus, or whole numbers of votes (at least one in all).
    func vote(_ v: inout Validator) -> Vote? {
        switch voting {
        case "consensus": return .consensus
        case "vote":
            let counts = [yes, no, abstain].map { Int($0.trimmingWhitespace()) }
            guard let yes = counts[0], let no = counts[1], let abstain = counts[2], [yes, no, abstain].allSatisfy((0...1000).contains),
                  yes + no + abstain > 0 else {
                v.add("yes", "error.conclusion.votes")
                return nil
            }
            return .counted(yes: yes, no: no, abstain: abstain)
        default:
            v.add("voting", "error.conclusion.voting")
            return nil
        }
    }

    /// An agenda item that decides no measure's stage: what was decided and how the body voted.
    public func validateItem() throws(ValidationFailure) -> Conclusion {
        var v = Validator()
        let reasons = reasons.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if !(3...20_000).contains(reasons.count) { v.add("reasons", "error.conclusion.decision") }
        let vote = self.vote(&v)
        try v.finish()
        return Conclusion(outcome: "", reasons: reasons, conditions: "", vote: vote)
    }
}
