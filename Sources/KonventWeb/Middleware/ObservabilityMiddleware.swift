import Hummingbird
import Logging

/// Counts and times every request for /metrics and writes one structured log line per request.
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = KonventRequestContext
    let metrics: Metrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let route = context.endpointPath ?? "unmatched"
            metrics.record(method: request.method.rawValue, route: route, status: status, seconds: seconds)
            context.logger.info("request", metadata: [
                "method": "\(request.method)", "route": "\(route)", "status": "\(status)",
                "ms": "\(Int(seconds * 1000))",
            ])
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}
