import KonventDomain
import KonventStorage

/// What formats, registrations, their documentation and results work with.
struct FormatsService: Sendable {
    let formats: any FormatStore
    /// Facilitators to choose from.
    let accounts: any AccountStore
    /// Results captured from a format become contributions.
    let contributions: any ContributionStore
    let feeds: VersionedCache<[UInt8]>
    let keys: DataKeys
}
