/// How measures are reviewed: stages in order, each with its criteria, who assesses, how it concludes
/// and what its outcomes do. Comes from the configuration file; nothing here is specific to a region.
public struct ReviewConfiguration: Sendable, Equatable, Codable {
    public var stages: [Stage]

    public init(stages: [Stage]) { self.stages = stages }

    public struct Stage: Sendable, Equatable, Codable {
        public var key: String
        /// The body that runs the stage (a key of the configuration's bodies).
        public var body: String
        public var name: LocalizedText
        public var assessors: Assessors
        public var conclusion: Conclusion
        /// Must hold; each is answered yes or no with a justification.
        public var gates: [Gate]
        public var criteria: [Criterion]
        public var outcomes: [Outcome]
        /// Days from the start of the stage to its due date.
        public var dueDays: Int

        public init(
            key: String, body: String, name: LocalizedText, assessors: Assessors, conclusion: Conclusion, gates: [Gate],
            criteria: [Criterion], outcomes: [Outcome], dueDays: Int
        ) {
            self.key = key
            self.body = body
            self.name = name
            self.assessors = assessors
            self.conclusion = conclusion
            self.gates = gates
            self.criteria = criteria
            self.outcomes = outcomes
            self.dueDays = dueDays
        }

        public func outcome(_ key: String) -> Outcome? { outcomes.first { $0.key == key } }
    }

    public enum Assessors: String, Sendable, Equatable, Codable {
        /// The convention office (a screening).
        case office
        /// The lead ministry and the co-ministries the office assigns.
        case ministries
        /// The members of the stage's body, deciding in a session.
        case body
    }

    public enum Conclusion: String, Sendable, Equatable, Codable {
        /// One assessment concludes the stage.
        case single
        /// The lead ministry drafts one opinion; every co-ministry must confirm it.
        case agreedOpinion = "agreed_opinion"
        /// The body decides in a session.
        case sessionDecision = "session_decision"
    }

    public struct Gate: Sendable, Equatable, Codable {
        public var key: String
        public var question: LocalizedText

        public init(key: String, question: LocalizedText) {
            self.key = key
            self.question = question
        }
    }

    public struct Criterion: Sendable, Equatable, Codable {
        public var key: String
        public var name: LocalizedText
        /// The labels of the scale, lowest first; a score is an index into it, from 1.
        public var scale: [LocalizedText]
        public var weight: Int

        public init(key: String, name: LocalizedText, scale: [LocalizedText], weight: Int) {
            self.key = key
            self.name = name
            self.scale = scale
            self.weight = weight
        }
    }

    public struct Outcome: Sendable, Equatable, Codable {
        public var key: String
        public var label: LocalizedText
        public var effect: Effect
        /// Whether the outcome carries conditions (always so for adoption with conditions).
        public var conditions: Bool?
        /// Whether the outcome speaks for the measure; by default what moves it on does. A negative
        /// recommendation that still goes on to the deciding body sets this to false.
        public var favourable: Bool?

        public init(key: String, label: LocalizedText, effect: Effect, conditions: Bool? = nil, favourable: Bool? = nil) {
            self.key = key
            self.label = label
            self.effect = effect
            self.conditions = conditions
            self.favourable = favourable
        }

        public var hasConditions: Bool { conditions ?? (effect == .adoptWithConditions) }
        public var isFavourable: Bool { favourable ?? [.advance, .adopt, .adoptWithConditions].contains(effect) }
    }

    /// What an outcome does to the measure.
    public enum Effect: String, Sendable, Equatable, Codable, CaseIterable {
        /// On to the next stage (the last stage cannot advance; it decides).
        case advance
        case revise
        case adopt
        case adoptWithConditions = "adopt_with_conditions"
        case defer_ = "defer"
        case reject
    }

    public func stage(_ key: String) -> Stage? { stages.first { $0.key == key } }

    /// The states as tables count them, in the order of the way: review stages by key (their phases together).
    public var stateKeys: [String] {
        ["draft", "submitted"] + stages.map(\.key)
            + ["revision", "adopted", "adopted_with_conditions", "deferred", "rejected", "in_implementation", "completed"]
    }

    /// Whether a measure in this state takes an assessment from this assessor now: its stage is
    /// assessing and is assessed by the assessor's kind (office, ministries, body).
    public func takesAssessment(in state: MeasureState, from assessor: Assessor) -> Bool {
        guard case .inReview(let key, .assessing) = state, let stage = stage(key) else { return false }
        switch (stage.assessors, assessor) {
        case (.office, .office), (.ministries, .ministry), (.body, .body): return true
        default: return false
        }
    }

    /// Whether a measure in this state waits for the co-ministries to confirm an agreed opinion.
    public func takesConfirmation(in state: MeasureState) -> Bool {
        guard case .inReview(let key, .concluding) = state, let stage = stage(key) else { return false }
        return stage.conclusion == .agreedOpinion
    }

    public func index(of key: String) -> Int? { stages.firstIndex { $0.key == key } }

    /// Checks the parts against each other: unique keys, known bodies, a scale on every criterion, and
    /// only the last stage may decide (earlier ones advance or send back).
    public func validate(bodies: [String]) throws(ConfigurationError) {
        guard !stages.isEmpty else { throw ConfigurationError("review.stages: at least one stage is required") }
        var seen = Set<String>()
        for (index, stage) in stages.enumerated() {
            let at = "review.stages[\(index)]"
            guard !stage.key.isEmpty, seen.insert(stage.key).inserted else { throw ConfigurationError("\(at): missing or repeated key") }
            guard bodies.contains(stage.body) else { throw ConfigurationError("\(at).body: unknown body '\(stage.body)'") }
            guard !stage.outcomes.isEmpty else { throw ConfigurationError("\(at).outcomes: at least one is required") }
            guard stage.dueDays > 0 else { throw ConfigurationError("\(at).dueDays: must be at least 1") }
            for criterion in stage.criteria where criterion.scale.count < 2 || criterion.weight < 1 {
                throw ConfigurationError("\(at).criteria '\(criterion.key)': a scale of at least two labels and a weight of at least 1")
            }
            let last = index == stages.count - 1
            for outcome in stage.outcomes {
                let decides = [.adopt, .adoptWithConditions, .defer_, .reject].contains(outcome.effect)
                if last && outcome.effect == .advance || !last && decides {
                    throw ConfigurationError("\(at).outcomes '\(outcome.key)': only the last stage decides, and it cannot advance")
                }
            }
            if stage.conclusion == .sessionDecision && stage.assessors != .body {
                throw ConfigurationError("\(at): a session decision needs assessors 'body'")
            }
        }
    }
}
