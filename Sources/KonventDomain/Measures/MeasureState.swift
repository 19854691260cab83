/// Where a measure stands on its way from draft to decision and implementation. Review stages come
/// from the configuration: a measure in review names its stage by key.
public enum MeasureState: Sendable, Hashable, CustomStringConvertible {
    case draft
    case submitted
    /// In a review stage: assessing, or (for an agreed opinion) the lead's draft awaiting confirmation.
    case inReview(stage: String, phase: ReviewPhase)
    /// Sent back; the reasons stay with the decision that sent it.
    case revision
    case adopted
    case adoptedWithConditions
    case deferred
    case rejected
    case inImplementation
    case completed

    public enum ReviewPhase: String, Sendable, Hashable, CaseIterable {
        case assessing
        case concluding
    }

    /// As stored: `draft`, `review:imag:assessing`, …
    public var description: String {
        switch self {
        case .draft: "draft"
        case .submitted: "submitted"
        case .inReview(let stage, let phase): "review:\(stage):\(phase.rawValue)"
        case .revision: "revision"
        case .adopted: "adopted"
        case .adoptedWithConditions: "adopted_with_conditions"
        case .deferred: "deferred"
        case .rejected: "rejected"
        case .inImplementation: "in_implementation"
        case .completed: "completed"
        }
    }

    public init?(_ text: String) {
        switch text {
        case "draft": self = .draft
        case "submitted": self = .submitted
        case "revision": self = .revision
        case "adopted": self = .adopted
        case "adopted_with_conditions": self = .adoptedWithConditions
        case "deferred": self = .deferred
        case "rejected": self = .rejected
        case "in_implementation": self = .inImplementation
        case "completed": self = .completed
        default:
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "review", !parts[1].isEmpty, let phase = ReviewPhase(rawValue: String(parts[2])) else {
                return nil
            }
            self = .inReview(stage: String(parts[1]), phase: phase)
        }
    }

    /// The catalog key of the state's name (a review stage is named by the configuration instead).
    public var catalogKey: String {
        switch self {
        case .inReview(_, let phase): "measure.state.review.\(phase.rawValue)"
        default: "measure.state.\(description)"
        }
    }

    /// Whether the public sees the measure (drafts stay with the office until they are submitted).
    public var isPublic: Bool { self != .draft }

    /// Whether the measure's content may still change (every change after submission is a version).
    public var isEditable: Bool {
        switch self {
        case .draft, .revision, .submitted: true
        default: false
        }
    }

    /// The review stage the measure is in, if any.
    public var stage: String? {
        if case .inReview(let stage, _) = self { return stage }
        return nil
    }

    /// A decision was taken (the last stage concluded).
    public var isDecided: Bool {
        [.adopted, .adoptedWithConditions, .deferred, .rejected, .inImplementation, .completed].contains(self)
    }
}

/// A step a measure can take. Whether it may take it here is for `MeasureStateMachine` to say.
public enum MeasureTransition: Sendable, Hashable, CustomStringConvertible {
    case submit
    case startReview
    /// The lead ministry's draft of the agreed opinion goes to the co-ministries.
    case draftOpinion
    /// A co-ministry objects to the draft: back to assessing, the objection kept with the step.
    case reopen
    case conclude(ReviewConfiguration.Effect)
    /// A deferred measure comes back for review.
    case resubmit
    case startImplementation
    case complete

    public var description: String {
        switch self {
        case .submit: "submit"
        case .startReview: "start_review"
        case .draftOpinion: "draft_opinion"
        case .reopen: "reopen"
        case .conclude(let effect): "conclude:\(effect.rawValue)"
        case .resubmit: "resubmit"
        case .startImplementation: "start_implementation"
        case .complete: "complete"
        }
    }

    public static func all(_ effects: [ReviewConfiguration.Effect] = ReviewConfiguration.Effect.allCases) -> [MeasureTransition] {
        [.submit, .startReview, .draftOpinion, .reopen, .resubmit, .startImplementation, .complete] + effects.map { .conclude($0) }
    }
}

public struct IllegalTransition: Error, Sendable, Equatable, CustomStringConvertible {
    public var from: MeasureState
    public var transition: MeasureTransition

    public var description: String { "\(transition) is not possible from \(from)" }
}

/// The measure's life cycle over the configured review. The only way to a new state: storage writes
/// what `apply` returns, so an illegal step cannot reach the database.
public struct MeasureStateMachine: Sendable {
    public let review: ReviewConfiguration

    public init(review: ReviewConfiguration) { self.review = review }

    public func apply(_ transition: MeasureTransition, to state: MeasureState) throws(IllegalTransition) -> MeasureState {
        guard let next = next(state, transition) else { throw IllegalTransition(from: state, transition: transition) }
        return next
    }

    public func allows(_ transition: MeasureTransition, from state: MeasureState) -> Bool { next(state, transition) != nil }

    func next(_ state: MeasureState, _ transition: MeasureTransition) -> MeasureState? {
        switch (state, transition) {
        case (.draft, .submit), (.revision, .submit), (.deferred, .resubmit):
            return .submitted
        case (.submitted, .startReview):
            return review.stages.first.map { .inReview(stage: $0.key, phase: .assessing) }
        case (.inReview(let key, .assessing), .draftOpinion):
            guard review.stage(key)?.conclusion == .agreedOpinion else { return nil }
            return .inReview(stage: key, phase: .concluding)
        case (.inReview(let key, .concluding), .reopen):
            return .inReview(stage: key, phase: .assessing)
        case (.inReview(let key, let phase), .conclude(let effect)):
            guard let index = review.index(of: key) else { return nil }
            let stage = review.stages[index]
            // An agreed opinion concludes only once drafted; other stages conclude from assessing.
            guard (stage.conclusion == .agreedOpinion) == (phase == .concluding),
                  stage.outcomes.contains(where: { $0.effect == effect }) else { return nil }
            switch effect {
            case .advance:
                guard index + 1 < review.stages.count else { return nil }
                return .inReview(stage: review.stages[index + 1].key, phase: .assessing)
            case .revise: return .revision
            case .adopt: return .adopted
            case .adoptWithConditions: return .adoptedWithConditions
            case .defer_: return .deferred
            case .reject: return .rejected
            }
        case (.adopted, .startImplementation), (.adoptedWithConditions, .startImplementation):
            return .inImplementation
        case (.inImplementation, .complete):
            return .completed
        default:
            return nil
        }
    }

    /// Every state a measure can be in under this configuration.
    public var states: [MeasureState] {
        [.draft, .submitted] + review.stages.flatMap { stage in
            stage.conclusion == .agreedOpinion
                ? [MeasureState.inReview(stage: stage.key, phase: .assessing), .inReview(stage: stage.key, phase: .concluding)]
                : [.inReview(stage: stage.key, phase: .assessing)]
        } + [.revision, .adopted, .adoptedWithConditions, .deferred, .rejected, .inImplementation, .completed]
    }
}
