import KonventStorage
import KonventViews

/// What the start page shows besides the configuration: the next formats and the latest decisions.
struct StartService: Sendable {
    let formats: any FormatStore
    let sessions: any BodySessionStore
    let keys: DataKeys
    /// The start page's model, made again when formats or sessions change, or when the hour turns
    /// (a format that began is no longer next).
    let models = VersionedCache<StartPage.Model>(limit: 4)
}
