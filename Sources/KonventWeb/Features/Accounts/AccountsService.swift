import KonventDomain
import KonventStorage

/// What registration, sign-in, the account page and organisations work with.
struct AccountsService: Sendable {
    let accounts: any AccountStore
    let organisations: any OrganisationStore
    let notifications: NotificationOutbox
    /// The notifications a person received (their account page).
    let moderation: any ModerationStore
    /// The person's own contributions and format registrations (their account page, deletion).
    let contributions: any ContributionStore
    /// The measures a person follows and what they were told of them (their account page).
    let measures: any MeasureStore
    let formats: any FormatStore
    let hasher: PasswordHasher
    let rateLimiter: RateLimiter
    let rateLimits: AppConfiguration.RateLimits
    let sessionLifetime: Duration
    /// Whether the person asked for the office's announcements (their account page).
    let announcements: any AnnouncementStore
}
