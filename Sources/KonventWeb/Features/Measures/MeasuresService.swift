import KonventDomain
import KonventStorage

/// What measures, their review and the review desk work with.
struct MeasuresService: Sendable {
    let measures: any MeasureStore
    let reviews: any ReviewStore
    /// A measure's source contributions.
    let contributions: any ContributionStore
    /// The next sessions on the steering committee's desk.
    let bodySessions: any BodySessionStore
    let measureMachine: MeasureStateMachine
    let calendar: ReviewCalendar
    /// Adopted measures' progress, milestones and indicator values, and the organisation that carries them.
    let implementation: any ImplementationStore
    let organisations: any OrganisationStore
    let clock: RegionClock
    let summaries: VersionedCache<ImplementationSummary>
    let keys: DataKeys
    /// Whether the reports of sponsors and ministries are public at once (`progress_publishing`).
    let settings: Settings

    /// Reports publish without the office when it has said so.
    func reportsPublishDirectly() async throws -> Bool {
        try await settings.value(Self.publishingSetting) == "direct"
    }

    static let publishingSetting = "progress_publishing"

    /// Today in the region (ISO), the latest day a report may speak of.
    var today: String { clock.local(Timestamp.now.milliseconds).isoDate }
}

/// What `/implementation` shows of all adopted measures at once: counts by status, money by programme.
struct ImplementationSummary: Sendable {
    var counts: [ProgressStatus?: Int]
    var sums: [FundingSum]
    /// Adopted measures by district key ("": placed in none, for the whole region).
    var districts: [String: Int]
}
