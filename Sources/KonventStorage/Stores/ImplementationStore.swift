import KonventDomain

/// Why a report, value or milestone was not taken.
public enum ImplementationRefusal: Error, Sendable, Equatable {
    /// What it would correct or publish is not this measure's, or was corrected already.
    case unknown
}

/// A row of a progress import, for its measure.
public struct ImportedProgress: Sendable, Equatable {
    public var measure: MeasureID
    public var report: ProgressDraft?
    public var value: IndicatorValueDraft?

    public init(measure: MeasureID, report: ProgressDraft?, value: IndicatorValueDraft?) {
        self.measure = measure
        self.report = report
        self.value = value
    }
}

/// Planned, approved and paid money of the adopted measures' lines on one programme.
public struct FundingSum: Sendable, Equatable {
    public var source: FinancingLine.Source
    public var programme: String
    public var planned: Int
    public var approved: Int
    public var paid: Int
    public var lines: Int
}

/// An adopted measure's implementation: progress reports, milestones and indicator values. Every
/// change is one transaction with its entry in the audit trail.
public protocol ImplementationStore: Sendable {
    /// Stores a report; `publish` makes it public at once (the office's own). A correction marks the
    /// report it replaces once it is public.
    func report(_ draft: ProgressDraft, measure: MeasureID, author: UserID, publish: Bool, at time: Timestamp) async throws -> ProgressReportID
    /// Makes a submitted report public; false when it was public already.
    /// Many measures' reports (published) and values in one transaction: all of them or none.
    func importProgress(_ items: [ImportedProgress], author: UserID, at time: Timestamp) async throws -> (reports: Int, values: Int)
    func publish(_ report: ProgressReportID, measure: MeasureID, actor: UserID, at time: Timestamp) async throws -> Bool
    /// Newest day first; unpublished ones only with `includeUnpublished`.
    func reports(of measure: MeasureID, includeUnpublished: Bool) async throws -> [ProgressReport]
    /// Newest first, `limit` of them, after the key (day, id) of the last report of the page before.
    func reports(of measure: MeasureID, includeUnpublished: Bool, before: (date: String, id: Int64)?, limit: Int) async throws
        -> [ProgressReport]
    func reportCount(of measure: MeasureID, includeUnpublished: Bool) async throws -> Int
    func addMilestone(_ draft: MilestoneDraft, measure: MeasureID, actor: UserID, at time: Timestamp) async throws -> MilestoneID
    /// Records the day a milestone was reached.
    func reach(_ milestone: MilestoneID, on day: String, measure: MeasureID, actor: UserID, at time: Timestamp) async throws
    /// By planned day.
    func milestones(of measure: MeasureID) async throws -> [Milestone]
    func record(_ draft: IndicatorValueDraft, measure: MeasureID, author: UserID, at time: Timestamp) async throws -> IndicatorValueID
    /// By indicator, then day.
    func values(of measure: MeasureID) async throws -> [IndicatorValue]
    /// The organisation that carries the measure; its confirmed members report for it.
    func setSponsorOrganisation(_ organisation: OrganisationID?, of measure: MeasureID, actor: UserID, at time: Timestamp) async throws
    func sponsorOrganisation(of measure: MeasureID) async throws -> OrganisationID?
    func sponsorMembers(of measure: MeasureID) async throws -> [UserID]
    /// For a page of measures: how many milestones each has that are planned before `today` and not reached.
    func overdueMilestones(of measures: [MeasureID], today: String) async throws -> [MeasureID: Int]
    /// Adopted public measures, not finished, whose last public report is older than `reportedBefore`
    /// (ISO day), or that have none and were adopted before `adoptedBefore`; the longest waiting first.
    func overdueReports(reportedBefore: String, adoptedBefore: Int64, limit: Int) async throws -> [OverdueReport]
    /// Milestones planned before `today` and not reached, of public measures; the oldest first.
    func overdueMilestoneList(today: String, limit: Int) async throws -> [OverdueMilestone]
    /// Reports that wait for the office, the oldest first.
    func unpublishedReports(limit: Int) async throws -> [OverdueReport]
    /// Each measure's indicators (by name) with their first and latest standing values.
    func indicatorEnds(of measures: [MeasureID]) async throws -> [MeasureID: [String: IndicatorEnds]]
    /// The lines of an adopted measure's financing plan with where their money stands.
    func fundingLines(of measure: MeasureID) async throws -> [FundingLineState]
    /// Moves a line one step; refused (`unknown`) when the line does not exist or may not take the step.
    func recordFunding(_ step: FundingStep, measure: MeasureID, author: UserID, at time: Timestamp) async throws
    /// For a page of measures: approved (or paid) money of their lines.
    func securedFunding(of measures: [MeasureID]) async throws -> [MeasureID: Int]
    /// The public adopted measures' money by source and programme.
    func fundingSums() async throws -> [FundingSum]
    /// Public measures in these states by their latest published status (nil: none yet).
    func progressCounts(states: [MeasureState]) async throws -> [ProgressStatus?: Int]
    /// Public measures in these states by district; those placed in no district are counted under "".
    func districtCounts(states: [MeasureState]) async throws -> [String: Int]
}
