import KonventDomain
import KonventStorage

/// What contributions, their discussion and moderation, and the participation overview work with.
struct ParticipationService: Sendable {
    let contributions: any ContributionStore
    let moderation: any ModerationStore
    let organisations: any OrganisationStore
    /// Formats a contribution came from, and measures it went into (its page links both).
    let formats: any FormatStore
    let measures: any MeasureStore
    /// Pre-moderation is a setting of the office.
    let settings: Settings
    let figures: FiguresKeeper
}
