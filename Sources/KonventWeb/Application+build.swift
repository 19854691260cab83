import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL

/// The one place where the server is put together; the CLI and the tests both call it.
public func buildApplication(services: Services) throws -> some ApplicationProtocol {
    let router = Router(context: KonventRequestContext.self)
    // Order matters: middlewares wrap the routes added after them, the first one outermost.
    router.add(middleware: ObservabilityMiddleware(metrics: services.metrics))
    router.add(middleware: SecurityHeadersMiddleware(https: services.configuration.usesHTTPS))
    router.add(middleware: VisitorMiddleware(services: services))
    router.add(middleware: ErrorPageMiddleware(services: services))
    router.add(middleware: CSRFMiddleware(services: services))
    PageRoutes(services: services).add(to: router)
    AuthRoutes(services: services).add(to: router)
    AccountRoutes(services: services).add(to: router)
    ContributionRoutes(services: services).add(to: router)
    ModerationRoutes(services: services).add(to: router)
    OrganisationRoutes(services: services).add(to: router)
    FormatRoutes(services: services).add(to: router)
    ParticipationRoutes(services: services).add(to: router)
    MeasureRoutes(services: services).add(to: router)
    ReviewRoutes(services: services).add(to: router)
    ReviewDeskRoutes(services: services).add(to: router)
    SessionRoutes(services: services).add(to: router)
    MasterplanRoutes(services: services).add(to: router)
    OperationsRoutes(services: services).add(to: router)

    let configuration = services.configuration
    var app = Application(
        router: router, server: try serverBuilder(configuration, connections: OpenConnections()),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Konvent"),
        logger: services.logger)
    app.addServices(MailDelivery(
        outbox: services.outbox,
        client: configuration.smtp.map { SMTPClient(configuration: $0, from: configuration.mailFrom) },
        interval: configuration.mailPollInterval, logger: services.logger,
        prepare: { try await services.queueNotificationMails(at: .now) }))
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
