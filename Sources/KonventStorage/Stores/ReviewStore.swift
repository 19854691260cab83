import KonventDomain

public struct StoredAssessment: Sendable, Equatable {
    public var id: Int64
    public var measure: MeasureID
    public var round: Int
    public var stage: String
    public var assessor: Assessor
    /// The version of the measure it was written on.
    public var measureVersion: Int
    public var content: AssessmentContent
    public var updatedAt: Timestamp
}

public struct StoredConclusion: Sendable, Equatable {
    public var measure: MeasureID
    public var round: Int
    public var stage: String
    public var conclusion: Conclusion
    public var session: BodySessionID?
    public var draftedAt: Timestamp
    /// Nil while an agreed opinion awaits its confirmations.
    public var concludedAt: Timestamp?
}

/// Why a review step was not taken.
public enum ReviewRefusal: Error, Sendable, Equatable {
    /// The measure is not in a stage (or phase) where this can happen now.
    case closed
    /// The assessor is not one the stage asks (a ministry not assigned, say).
    case notAssigned
    /// Only the lead ministry drafts the agreed opinion.
    case notLead
    /// These assessors have not assessed yet.
    case missingAssessments([String])
}

/// A measure on someone's desk: where it stands in its stage, and since when.
public struct DeskItem: Sendable, Equatable {
    public var measure: MeasureHeadline
    /// For a ministry: whether it has assessed (or confirmed, in the concluding phase) in this round.
    public var done: Bool
    public var lead: Bool
}

public protocol ReviewStore: Sendable {
    /// Writes (or rewrites) the assessor's assessment while its stage is assessing.
    func saveAssessment(
        _ measure: MeasureID, by assessor: Assessor, _ content: AssessmentContent, review: ReviewConfiguration, actor: UserID,
        at time: Timestamp) async throws
    /// A stage that one assessment concludes: the assessment, the outcome and the step, together.
    func conclude(
        _ measure: MeasureID, by assessor: Assessor, _ content: AssessmentContent, _ conclusion: Conclusion, machine: MeasureStateMachine,
        actor: UserID, at time: Timestamp) async throws -> MeasureState
    /// The lead ministry's draft of the agreed opinion, once every assigned ministry has assessed.
    func draftOpinion(
        _ measure: MeasureID, lead ministry: String, _ conclusion: Conclusion, machine: MeasureStateMachine, actor: UserID,
        at time: Timestamp) async throws -> MeasureState
    /// A co-ministry agrees; with the last agreement the stage concludes.
    func confirmOpinion(_ measure: MeasureID, ministry: String, machine: MeasureStateMachine, actor: UserID, at time: Timestamp)
        async throws -> MeasureState
    /// A co-ministry objects: the draft is withdrawn and the stage assesses again.
    func objectToOpinion(
        _ measure: MeasureID, ministry: String, reason: String, machine: MeasureStateMachine, actor: UserID, at time: Timestamp)
        async throws -> MeasureState
    func assessments(of measure: MeasureID) async throws -> [StoredAssessment]
    func conclusions(of measure: MeasureID) async throws -> [StoredConclusion]
    /// The co-ministries that confirmed the draft opinion of the measure's current stage.
    func confirmations(of measure: MeasureID, round: Int, stage: String) async throws -> [String]
    /// What lies with a ministry: measures assigned to it in a stage where ministries assess.
    func desk(ministry: String, review: ReviewConfiguration) async throws -> [DeskItem]
    /// The ministry's assessments, newest first.
    func assessed(by assessor: Assessor, limit: Int) async throws -> [(assessment: StoredAssessment, code: String, title: String)]
    /// Measures in these states, longest waiting first.
    func waiting(in states: [MeasureState], limit: Int) async throws -> [MeasureHeadline]
    /// Measures past their stage's due date, the most overdue first.
    func overdue(review: ReviewConfiguration, now: Int64, limit: Int) async throws -> [MeasureHeadline]
    /// How many measures are in each state, per field of action (public and internal); each measure
    /// once, under its own field.
    func pipeline() async throws -> [(field: String, state: MeasureState, count: Int)]
}
