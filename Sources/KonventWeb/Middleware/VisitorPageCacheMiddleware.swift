import Hummingbird
import KonventStorage
import NIOCore

/// Serves what a visitor without a session sees of the public pages from memory: rendered once per
/// address, language, data version and minute (pages such as the formats' "upcoming" change with
/// the clock too), then answered without reading the database again. Signed-in people always get
/// their pages fresh.
struct VisitorPageCacheMiddleware: RouterMiddleware {
    typealias Context = KonventRequestContext
    let cache: PageCache
    let database: any KonventDatabase

    /// The public areas; everything else (accounts, the office's desks, forms) is never kept.
    static let prefixes = [
        "/contributions", "/formats", "/measures", "/sessions", "/masterplan", "/report", "/participation", "/feeds",
        "/implementation", "/daten", "/search",
    ]

    static func serves(_ path: String) -> Bool {
        path == "/" || prefixes.contains { path == $0 || path.hasPrefix($0 + "/") || path.hasPrefix($0 + ".") }
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        // GET only: a HEAD answer has no body to keep.
        guard context.user == nil, request.method == .get, Self.serves(request.uri.path) else {
            return try await next(request, context)
        }
        let version = try await database.dataVersion().everything
        let minute = Timestamp.now.milliseconds / 60_000
        let key = "\(context.language.rawValue)|\(request.uri.description)|\(version)|\(minute)"
        if let entry = cache.lookup(key) { return cache.respond(entry, to: request) }
        let response = try await next(request, context)
        // Only bodies of a known size that the cache would keep are read into memory; a streamed
        // export (its size unknown) or a large file goes out as it is.
        // A page with a form carries this visitor's CSRF token: never shared.
        guard response.status == .ok, response.headers[.setCookie] == nil, context.csrf?.madeToken != true,
              cache.wouldKeep(response.body.contentLength)
        else {
            return response
        }
        let collector = BodyCollector()
        try await response.body.write(collector)
        return cache.respond(cache.store(key, collector.buffer, headers: response.headers), to: request)
    }
}

/// Takes a response body's bytes as the route wrote them.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ part: ByteBuffer) async throws {
        var part = part
        buffer.writeBuffer(&part)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
