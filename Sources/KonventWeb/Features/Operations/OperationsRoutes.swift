import KonventViews
import Foundation
import Hummingbird
import KonventStorage
import NIOCore

/// What operators and their monitoring read: health, metrics, and the static assets.
struct OperationsRoutes {
    let basics: WebBasics
    let service: OperationsService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.health.route) { _, _ in try await readiness() }
        router.get(Site.healthReady.route) { _, _ in try await readiness() }
        router.get(Site.healthLive.route) { _, _ in
            Response.json(Array(#"{"status":"live","version":"\#(KonventVersion.release)"}"#.utf8), status: .ok)
        }
        router.get(Site.metrics.route) { request, context in
            guard mayReadMetrics(request, context) else {
                return Response(
                    status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                    body: .init(byteBuffer: ByteBuffer(string: """
                        Kennzahlen nur von diesem Rechner oder mit dem Token aus KONVENT_METRICS_TOKEN.
                        Metrics only from this machine or with the token from KONVENT_METRICS_TOKEN.

                        """)))
            }
            var gauges: [(name: String, help: String, value: Double)] = []
            if let pending = try? await service.outbox.pendingCount() {
                gauges.append(("konvent_outbox_pending", "Mails waiting in the outbox.", Double(pending)))
            }
            let cached = service.pageCache.usage
            gauges.append(("konvent_page_cache_bytes", "Bytes of public pages kept for visitors.", Double(cached.bytes)))
            gauges.append(("konvent_page_cache_pages", "Public pages kept for visitors.", Double(cached.pages)))
            if let users = try? await service.accounts.countUsers() {
                gauges.append(("konvent_users", "Registered accounts.", Double(users)))
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: service.metrics.exposition(gauges: gauges))))
        }
        router.get(Site.asset.route) { request, context in
            guard let name = context.parameters.get("file"), let asset = service.assets.files[name] else {
                throw WebError.notFound
            }
            if request.headers[.ifNoneMatch] == asset.etag {
                return Response(status: .notModified, headers: [.eTag: asset.etag])
            }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .eTag: asset.etag, .cacheControl: "public, max-age=31536000, immutable"],
                body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }

    /// Ready when the database answers and its schema is the one this build expects: a load balancer
    /// sends traffic only then, e.g. not to an instance started before its upgrade's migration ran.
    private func readiness() async throws -> Response {
        struct Health: Encodable {
            var status: String
            var version = KonventVersion.release
            var database: String
            var schemaVersion: Int?
            var expectedSchemaVersion: Int
        }
        var health = Health(status: "ok", database: "reachable", schemaVersion: nil, expectedSchemaVersion: KonventVersion.schema)
        do {
            health.schemaVersion = try await Migrator(database: service.database, logger: service.logger).currentVersion()
            if health.schemaVersion != KonventVersion.schema { health.status = "degraded" }
        } catch {
            health.status = "unavailable"
            health.database = "unreachable"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response.json(Array(try encoder.encode(health)), status: health.status == "ok" ? .ok : .serviceUnavailable)
    }

    /// Monitoring on the machine itself reads freely; from elsewhere only with the configured bearer
    /// token, compared in constant time. Behind a proxy the address is the client's, not the proxy's.
    func mayReadMetrics(_ request: Request, _ context: KonventRequestContext) -> Bool {
        if let token = service.metricsToken {
            let sent = request.headers[.authorization].map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : "" } ?? ""
            return constantTimeEqual(Array(sent.utf8), Array(token.utf8))
        }
        let address = basics.clientAddress(request, context)
        return address != "localhost" && HostName.isLoopback(address)
    }
}

func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
}
