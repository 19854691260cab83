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
    let listCounts: VersionedCache<Int>
    let keys: DataKeys
    /// The places a search may name, to offer their filter.
    let places: PlaceNames
    /// The office's themes, for its filters and the contribution's office section.
    let themes: any ThemeStore

    /// How many contributions the query's filters match (its page aside), up to the list's limit.
    func count(_ query: ContributionQuery) async throws -> Int {
        var filters = query
        filters.after = nil
        filters.before = nil
        filters.sort = .newest
        let slot = [filters.search, filters.kind?.rawValue ?? "", filters.field ?? "", filters.district ?? "", filters.municipality ?? "",
                    filters.status?.rawValue ?? "", filters.format.map { String($0.rawValue) } ?? "",
                    filters.theme.map { String($0.rawValue) } ?? ""].joined(separator: "|")
        let store = contributions, counted = filters
        return try await listCounts.value(slot, version: try await keys.key([.contributions])) { try await store.count(counted) }.value
    }
}
