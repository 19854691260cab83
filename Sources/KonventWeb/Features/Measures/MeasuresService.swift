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
}
