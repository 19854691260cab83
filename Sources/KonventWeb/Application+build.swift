import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL

/// The one place where the server is put together; the CLI and the tests both call it.
public func buildApplication(services: Services) throws -> some ApplicationProtocol {
    // HEAD answers like GET without the body (link checkers and monitors ask so), for every page.
    let router = Router(context: KonventRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Order matters: middlewares wrap the routes added after them, the first one outermost.
    router.add(middleware: ObservabilityMiddleware(metrics: services.metrics))
    router.add(middleware: SecurityHeadersMiddleware(https: services.configuration.usesHTTPS))
    router.add(middleware: VisitorMiddleware(
        accounts: services.accounts, csrf: services.csrf, usesHTTPS: services.configuration.usesHTTPS))
    let basics = services.basics
    let configuration = services.configuration
    router.add(middleware: ErrorPageMiddleware(basics: basics))
    router.add(middleware: OpenDataMiddleware(catalog: services.catalog))
    router.add(middleware: CSRFMiddleware(csrf: services.csrf))
    router.add(middleware: VisitorPageCacheMiddleware(cache: services.pageCache, database: services.database))
    // The feature modules: each area's routes get the shared basics and their own service only.
    PageRoutes(basics: basics, service: StartService(formats: services.formats, sessions: services.bodySessions, keys: services.keys))
        .add(to: router)
    let accounts = services.accountsService
    AuthRoutes(basics: basics, service: accounts).add(to: router)
    AccountRoutes(basics: basics, service: accounts).add(to: router)
    OrganisationRoutes(basics: basics, service: accounts).add(to: router)
    let participation = services.participationService
    ContributionRoutes(basics: basics, service: participation).add(to: router)
    ModerationRoutes(basics: basics, service: participation).add(to: router)
    AnalysisRoutes(basics: basics, contributions: services.contributions, baseURL: services.configuration.baseURL,
                   crossTabs: services.crossTabs, keys: services.keys, themes: services.themes).add(to: router)
    ParticipationRoutes(basics: basics, service: participation).add(to: router)
    AdminRoutes(basics: basics, service: services.adminService).add(to: router)
    ThemeRoutes(basics: basics, themes: services.themes, contributions: services.contributions).add(to: router)
    AnnouncementRoutes(basics: basics, service: services.announcementService).add(to: router)
    FeedRoutes(basics: basics, contributions: services.contributions, announcements: services.announcements,
               masterplan: services.masterplanService.masterplan, sessions: services.bodySessions).add(to: router)
    APIRoutes(basics: basics, service: services.openDataService, openAPI: try OpenAPIDocument.bytes(
        baseURL: configuration.baseURL, choices: APIRoutes.choices(
            services.region, states: services.measureMachine.states, policy: services.policy)))
        .add(to: router)
    OParlRoutes(basics: basics, service: services.openDataService).add(to: router)
    OpenDataRoutes(basics: basics, service: services.openDataService).add(to: router)
    FormatRoutes(basics: basics, service: services.formatsService).add(to: router)
    let measures = services.measuresService
    MeasureRoutes(basics: basics, service: measures).add(to: router)
    ReviewRoutes(basics: basics, service: measures).add(to: router)
    ReviewDeskRoutes(basics: basics, service: measures).add(to: router)
    ImplementationRoutes(basics: basics, service: measures).add(to: router)
    SessionRoutes(basics: basics, service: services.sessionsService).add(to: router)
    MasterplanRoutes(basics: basics, service: services.masterplanService).add(to: router)
    OperationsRoutes(basics: basics, service: services.operationsService).add(to: router)
    SearchRoutes(basics: basics, service: services.searchService).add(to: router)

    var app = Application(
        router: router, server: try serverBuilder(configuration, connections: OpenConnections()),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Konvent"),
        logger: services.logger)
    app.addServices(MailDelivery(
        outbox: services.outbox,
        client: configuration.smtp.map { SMTPClient(configuration: $0, from: configuration.mailFrom, domain: configuration.mailDomain) },
        interval: configuration.mailPollInterval, logger: services.logger,
        prepare: {
            try await services.queueNotificationMails(at: .now)
            try await services.queueFormatReminders(at: .now)
        }))
    return app
}

/// Plain HTTP/1.1, or HTTPS when a certificate and key are configured; every connection under the
/// limits of `ConnectionGuard`.
func serverBuilder(_ configuration: AppConfiguration, connections: OpenConnections) throws -> HTTPServerBuilder {
    let limits = configuration.connections
    let http1 = HTTPServerBuilder.http1(configuration: .init(
        additionalChannelHandlers: [ConnectionGuard(limits: limits, connections: connections)]))
    guard let tls = configuration.tls else { return http1 }
    let chain = try NIOSSLCertificate.fromPEMFile(tls.certificateChain).map { NIOSSLCertificateSource.certificate($0) }
    let key = try NIOSSLPrivateKey(file: tls.privateKey, format: .pem)
    return try .tls(http1, tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
}
