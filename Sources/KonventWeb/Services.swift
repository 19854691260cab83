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
    public let administration: any UserAdministration
    public let themes: any ThemeStore
    public let announcements: any AnnouncementStore
    public let organisations: any OrganisationStore
    public let contributions: any ContributionStore
    /// The search's analyzer, the region's synonyms and place names (for the index and bulk loading).
    public let search: SearchContext
    /// The region's places by name, for the place a search names.
    let placeNames: PlaceNames
    public let formats: any FormatStore
    public let measures: any MeasureStore
    public let implementation: any ImplementationStore
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
    let keys: DataKeys
    /// Shared by the participation page, the plan and the report.
    let figures: FiguresKeeper
    /// The calendar feeds of formats and sessions.
    let feeds = VersionedCache<[UInt8]>()
    /// The open data's GeoJSON files (the municipalities' outlines are about half a megabyte).
    let openDataFiles = VersionedCache<[UInt8]>(limit: 8)
    /// How many contributions a list's filters match: counted once per filter and change, and
    /// served for ten seconds under a stream of new contributions, so that paging costs no count.
    let listCounts = VersionedCache<Int>(minimumAge: .seconds(10), limit: 256)
    /// The office's cross-tabulations: each scans the selection, so a view asked for again is served
    /// from here until a contribution changes.
    let crossTabs = VersionedCache<CrossTabCounts>(limit: 64)
    /// The implementation overview's counts by status and sums by programme, once per change of the measures.
    let implementationSummaries = VersionedCache<ImplementationSummary>(limit: 2)
    /// The in-memory index of measures, formats, sessions and the masterplan, made anew at most every five seconds.
    let siteIndexes = VersionedCache<SiteSearchIndex>(minimumAge: .seconds(5), limit: 2)
    /// The plan and the report, with their caches (one for the server and the command line).
    let masterplanService: MasterplanService
    public let outbox: Outbox
    public let catalog: Catalog
    public let policy = PermissionPolicy()
    public let hasher: PasswordHasher
    public let rateLimiter: RateLimiter
    public let csrf: CSRFTokens
    public let metrics: Metrics
    public let assets: StaticAssets
    public let pageCache: PageCache
    public let logger: Logger

    public init(
        configuration: AppConfiguration, region: RegionConfiguration, database: any KonventDatabase, catalog: Catalog,
        secret: String, logger: Logger
    ) throws {
        self.configuration = configuration
        self.region = region
        self.database = database
        let accounts = SQLAccountStore(database: database)
        self.accounts = accounts
        self.administration = accounts
        self.themes = SQLThemeStore(database: database)
        self.announcements = SQLAnnouncementStore(database: database)
        self.organisations = SQLOrganisationStore(database: database)
        var places: [String: String] = [:]
        for territory in region.territories { places[territory.officialKey] = territory.name }
        self.search = SearchContext(synonyms: SearchSynonyms(region.searchSynonyms), places: places)
        self.placeNames = PlaceNames(region)
        self.contributions = SQLContributionStore(database: database, search: search)
        self.formats = SQLFormatStore(database: database)
        self.measures = SQLMeasureStore(database: database)
        self.implementation = SQLImplementationStore(database: database)
        self.measureMachine = MeasureStateMachine(review: region.review)
        self.reviews = SQLReviewStore(database: database)
        self.bodySessions = SQLBodySessionStore(database: database)
        self.moderation = SQLModerationStore(database: database)
        self.notifications = NotificationOutbox(database: database)
        self.statistics = ParticipationStatistics(database: database)
        self.settings = Settings(database: database)
        self.rateLimiter = RateLimiter(store: RateLimitStore(database: database))
        self.pageCache = PageCache(budgetBytes: configuration.pageCacheBytes)
        self.clock = try RegionClock(timeZone: region.timeZone)
        self.map = region.map.map { ProjectedMap($0) }
        self.outbox = Outbox(database: database)
        self.catalog = catalog
        self.hasher = PasswordHasher(cost: configuration.bcryptCost)
        self.csrf = CSRFTokens(secret: secret)
        self.metrics = Metrics()
        self.assets = try StaticAssets.bundled()
        self.logger = logger
        let keys = DataKeys(database: database)
        let figures = FiguresKeeper(statistics: statistics, keys: keys, interval: configuration.figuresInterval)
        self.keys = keys
        self.figures = figures
        self.masterplanService = MasterplanService(
            masterplan: MasterplanStore(database: database), measures: measures, implementation: implementation, reviews: reviews, figures: figures,
            calendar: ReviewCalendar(region: region, clock: clock, reviews: reviews), keys: keys, catalog: catalog, region: region,
            map: map, mails: Mails(catalog: catalog, region: region, baseURL: configuration.baseURL))
    }

    /// A published version of the plan, as stored.
    public func masterplan(version number: Int) async throws -> MasterplanDocument? {
        try await masterplanService.masterplan.version(number)
    }

    /// A version ("current" or its number) in a format; nil when there is no such version.
    public func exportMasterplan(version: String, format: MasterplanFormat, language: Language) async throws -> [UInt8]? {
        try await masterplanService.exportMasterplan(version: version, format: format, language: language)
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
            let services = try Services(
                configuration: configuration, region: region, database: database, catalog: catalog, secret: secret,
                logger: logger)
            let started = ContinuousClock.now
            if let indexed = try await SearchIndex.rebuildIfNeeded(database, services.search), indexed > 0 {
                logger.notice("search index rebuilt", metadata: [
                    "contributions": "\(indexed)", "seconds": "\((ContinuousClock.now - started).components.seconds)",
                ])
            }
            if let placed = try await SQLMeasureStore.indexMissingDistricts(database), placed > 0 {
                logger.notice("districts noted for measures saved before version 15", metadata: ["measures": "\(placed)"])
            }
            if let opened = try await SQLImplementationStore.openMissingFundingLines(database), opened > 0 {
                logger.notice("funding lines opened for measures adopted before version 12", metadata: ["measures": "\(opened)"])
            }
            return services
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// What every module's routes share.
    var basics: WebBasics {
        WebBasics(
            policy: policy, region: region, catalog: catalog, clock: clock, map: map, assetVersion: assets.version,
            pageCache: pageCache, throttle: WriteThrottle(limiter: rateLimiter, limits: configuration.rateLimits, logger: logger),
            mails: mails, usesHTTPS: configuration.usesHTTPS, trustedProxies: configuration.trustedProxies)
    }

    var mails: Mails { Mails(catalog: catalog, region: region, baseURL: configuration.baseURL) }

    var announcementService: AnnouncementService {
        AnnouncementService(announcements: announcements, measures: measures, formats: formats, keys: csrf)
    }

    var adminService: AdminService {
        AdminService(accounts: accounts, administration: administration, database: database, settings: settings, hasher: hasher)
    }

    var accountsService: AccountsService {
        AccountsService(
            accounts: accounts, organisations: organisations, notifications: notifications, moderation: moderation,
            contributions: contributions, measures: measures, formats: formats, hasher: hasher, rateLimiter: rateLimiter,
            rateLimits: configuration.rateLimits, sessionLifetime: configuration.sessionLifetime, announcements: announcements)
    }

    var participationService: ParticipationService {
        ParticipationService(
            contributions: contributions, moderation: moderation, organisations: organisations, formats: formats, measures: measures,
            settings: settings, figures: figures, listCounts: listCounts, keys: keys, places: placeNames, themes: themes)
    }

    var formatsService: FormatsService {
        FormatsService(formats: formats, accounts: accounts, contributions: contributions, feeds: feeds, keys: keys)
    }

    var measuresService: MeasuresService {
        MeasuresService(
            measures: measures, reviews: reviews, contributions: contributions, bodySessions: bodySessions,
            measureMachine: measureMachine, calendar: calendar, implementation: implementation, organisations: organisations, clock: clock,
            summaries: implementationSummaries, keys: keys, settings: settings)
    }

    var openDataService: OpenDataService {
        OpenDataService(
            contributions: contributions, formats: formats, measures: measures, reviews: reviews, implementation: implementation,
            bodySessions: bodySessions, masterplan: masterplanService.masterplan, figures: figures, measureStates: measureMachine.states,
            spans: OpenDataSpans(database: database), files: openDataFiles, keys: keys)
    }

    var sessionsService: SessionsService {
        SessionsService(
            bodySessions: bodySessions, accounts: accounts, reviews: reviews, measureMachine: measureMachine, feeds: feeds, keys: keys)
    }

    var operationsService: OperationsService {
        OperationsService(
            database: database, outbox: outbox, accounts: accounts, metrics: metrics, assets: assets, pageCache: pageCache,
            metricsToken: configuration.metricsToken, logger: logger)
    }

    var searchService: SearchService {
        SearchService(
            contributions: contributions, measures: measures, formats: formats, sessions: bodySessions,
            masterplan: masterplanService.masterplan, search: search, indexes: siteIndexes, keys: keys)
    }

    var calendar: ReviewCalendar { ReviewCalendar(region: region, clock: clock, reviews: reviews) }
}
