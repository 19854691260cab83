import Foundation
import Hummingbird
import KonventStorage
import NIOCore

/// What operators and their monitoring read: health, metrics, and the static assets.
struct OperationsRoutes {
    let services: Services

    func add(to router: Router<KonventRequestContext>) {
        router.get("/health") { _, _ in
            struct Health: Encodable {
                var status: String
                var database: String
                var schemaVersion: Int?
                var expectedSchemaVersion: Int
            }
            var health = Health(status: "ok", database: "reachable", schemaVersion: nil,
                                expectedSchemaVersion: Migrations.latestVersion)
            do {
                health.schemaVersion = try await Migrator(database: services.database, logger: services.logger).currentVersion()
                if health.schemaVersion != Migrations.latestVersion { health.status = "degraded" }
            } catch {
                health.status = "unavailable"
                health.database = "unreachable"
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return Response.json(Array(try encoder.encode(health)), status: health.status == "ok" ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            var gauges: [(name: String, help: String, value: Double)] = []
            if let pending = try? await services.outbox.pendingCount() {
                gauges.append(("konvent_outbox_pending", "Mails waiting in the outbox.", Double(pending)))
            }
            if let users = try? await services.accounts.countUsers() {
                gauges.append(("konvent_users", "Registered accounts.", Double(users)))
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: services.metrics.exposition(gauges: gauges))))
        }
        router.get("/static/{file}") { request, context in
            guard let name = context.parameters.get("file"), let asset = services.assets.files[name] else {
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
}
