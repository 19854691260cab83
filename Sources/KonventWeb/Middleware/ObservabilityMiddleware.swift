import Foundation
import HTTPTypes
import Hummingbird
import KonventStorage
import Logging
import Synchronization

/// Counts and times every request for /metrics, gives it a request id (in the log lines and in the
/// response's `X-Request-Id`) and writes one structured log line per request.
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = KonventRequestContext
    let metrics: Metrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let id = RequestIdentifier.accepted(request.headers[.requestID]) ?? RequestIdentifier.make()
        var context = context
        // In place of Hummingbird's own id, so that a log line names one id, the one the response carries.
        context.logger[metadataKey: "hb.request.id"] = .string(id)
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
            var response = try await next(request, context)
            status = response.status.code
            response.headers[.requestID] = id
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-Id")!
}

/// The id that ties a response to its log lines. A proxy's id (nginx's `$request_id`) is kept so
/// that both logs name the same request; anything else a client sends is replaced, so that no log
/// line carries text a visitor chose beyond a short token.
enum RequestIdentifier {
    static func accepted(_ sent: String?) -> String? {
        guard let sent, (8...64).contains(sent.utf8.count),
              sent.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { return nil }
        return sent
    }

    /// 32 hex digits that say nothing about how many requests came before, made without a system
    /// call: two keyed hashes (SipHash, seeded per process) of a per-process counter and a random
    /// number drawn once. Ids need to tell requests apart in the logs, not to be secrets; drawing
    /// 16 bytes from the kernel per request cost 3 % of a request's CPU.
    static func make() -> String {
        let count = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return withUnsafeBytes(of: (lane(0, count).bigEndian, lane(1, count).bigEndian)) { $0.hexString }
    }

    private static let processKey = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(0)

    private static func lane(_ lane: UInt8, _ count: UInt64) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(processKey)
        hasher.combine(count)
        hasher.combine(lane)
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}
