import Hummingbird
import Logging

/// The one place where the server is put together; the CLI and the tests both call it.
public func buildApplication(services: Services) -> some ApplicationProtocol {
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
    OperationsRoutes(services: services).add(to: router)

    let configuration = services.configuration
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Konvent"),
        logger: services.logger)
    app.addServices(MailDelivery(
        outbox: services.outbox,
        client: configuration.smtp.map { SMTPClient(configuration: $0, from: configuration.mailFrom) },
        interval: configuration.mailPollInterval, logger: services.logger))
    return app
}
