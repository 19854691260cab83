import Foundation
import KonventDomain
import KonventStorage
import KonventViews
import Logging

/// Everything the routes need, built once at start-up and passed in; nothing is global.
public struct Services: Sendable {
    public let configuration: AppConfiguration
    public let region: RegionConfiguration
    public let database: any KonventDatabase
    public let accounts: any AccountStore
    public let organisations: any OrganisationStore
    public let contributions: any ContributionStore
    public let formats: any FormatStore
    public let measures: any MeasureStore
    /// The measures' life cycle over the configured review.
    public let measureMachine: MeasureStateMachine
    public let reviews: any ReviewStore
    public let bodySessions: any BodySessionStore
    public let moderation: any ModerationStore
    public let notifications: NotificationOutbox
    public let statistics: ParticipationStatistics
    public let settings: Settings
    public let clock: RegionClock
    /// The region's outlines, projected once for the participation maps.
    public let map: ProjectedMap?
    /// Sums over every contribution: made anew when contributions, formats or memberships changed,
    /// but at most every `figuresInterval`, so that a stream of comments does not recount them each time.
    let figures: VersionedCache<ParticipationFigures>
    /// The calendar feeds as served.
    let feeds = VersionedCache<[UInt8]>()
    /// The masterplan and the status report as documents and as files: assembling a plan of hundreds
    /// of measures takes a good part of a second, so readers share one while its data stay the same.
    let planDocuments = VersionedCache<MasterplanDocument>(limit: 16)
    let planFiles = VersionedCache<[UInt8]>(limit: 32)
    public let outbox: Outbox
    public let catalog: Catalog
    public let policy = PermissionPolicy()
    public let hasher: PasswordHasher
    public let rateLimiter = RateLimiter()
    public let csrf: CSRFTokens
    public let metrics: Metrics
    public let assets: StaticAssets
    public let pageCache = PageCache()
    public let logger: Logger

    public init(
        configuration: AppConfiguration, region: RegionConfiguration, database: any KonventDatabase, catalog: Catalog,
        secret: String, logger: Logger
    ) throws {
        self.configuration = configuration
        self.figures = VersionedCache(minimumAge: configuration.figuresInterval)
        self.region = region
        self.database = database
        self.accounts = SQLAccountStore(database: database)
        self.organisations = SQLOrganisationStore(database: database)
        self.contributions = SQLContributionStore(database: database)
        self.formats = SQLFormatStore(database: database)
        self.measures = SQLMeasureStore(database: database)
        self.measureMachine = MeasureStateMachine(review: region.review)
        self.reviews = SQLReviewStore(database: database)
        self.bodySessions = SQLBodySessionStore(database: database)
        self.moderation = SQLModerationStore(database: database)
        self.notifications = NotificationOutbox(database: database)
        self.statistics = ParticipationStatistics(database: database)
        self.settings = Settings(database: database)
        self.clock = try RegionClock(timeZone: region.timeZone)
        self.map = region.map.map { ProjectedMap($0) }
        self.outbox = Outbox(database: database)
        self.catalog = catalog
        self.hasher = PasswordHasher(cost: configuration.bcryptCost)
        self.csrf = CSRFTokens(secret: secret)
        self.metrics = Metrics()
        self.assets = try StaticAssets.bundled()
        self.logger = logger
    }

    /// Opens the database, migrates it and reads the installation secret: everything a server or a
    /// CLI command needs before it can work.
    public static func start(configuration: AppConfiguration, logger: Logger) async throws -> Services {
        let region = try RegionLoader.load(configuration.regionFile)
        let catalog = try Catalog.bundled()
        let database = try await DatabaseFactory.open(configuration.database, logger: logger)
        do {
            try await Migrator(database: database, logger: logger).migrate()
            let secret = try await Settings(database: database).value("csrf_secret") { SecretToken().value }
            return try Services(
                configuration: configuration, region: region, database: database, catalog: catalog, secret: secret,
                logger: logger)
        } catch {
            await database.shutdown()
            throw error
        }
    }

    func pageContext(_ context: KonventRequestContext, path: String) -> PageContext {
        PageContext(
            t: catalog.translator(context.language), siteName: region.name[context.language], path: path,
            user: context.user.map {
                .init(displayName: $0.displayName, role: $0.role, mayModerate: policy.allows(context.actor, .moderate),
                      mayReview: policy.allows(context.actor, .viewDecisions, on: .session(chair: nil, published: false)))
            }, csrfToken: context.csrfToken,
            assetVersion: assets.version)
    }

    /// The key of the data a cached value is made from, by area.
    func dataKey(_ areas: some Sequence<DataArea>) async throws -> String {
        try await database.dataVersion().key(areas)
    }

    func link(_ path: String) -> String {
        var base = configuration.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
