import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import KonventStorage
import NIOCore
import Synchronization

/// Rendered bytes of pages that look the same for every anonymous visitor, with an ETag so that
/// browsers revalidate with a cheap 304. Only pages without a CSRF token are kept (a form carries
/// the visitor's own), under keys that name the data version they were made from.
///
/// Memory is bounded by a byte budget (`KONVENT_PAGE_CACHE_MB`, 64 MiB by default): past it, the
/// pages asked for least recently go first, and a single page above a sixteenth of the budget is
/// never kept.
public final class PageCache: Sendable {
    struct Entry: Sendable {
        let buffer: ByteBuffer
        let etag: String
        let headers: HTTPFields
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    public let budget: Int

    public init(budgetBytes: Int = 64 << 20) { budget = budgetBytes }

    /// What the cache holds now: pages and bytes (for `/metrics`).
    public var usage: (pages: Int, bytes: Int) { state.withLock { ($0.entries.count, $0.bytes) } }

    func response(key: String, request: Request, render: () -> [UInt8]) -> Response {
        let entry = lookup(key) ?? store(key, ByteBuffer(bytes: render()), headers: [.contentType: "text/html; charset=utf-8"])
        return respond(entry, to: request)
    }

    func lookup(_ key: String) -> Entry? {
        state.withLock { state in
            guard var entry = state.entries[key] else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry
        }
    }

    /// Whether a body of this many bytes would be kept (unknown sizes are streams: never).
    func wouldKeep(_ length: Int?) -> Bool {
        guard let length else { return false }
        return length <= budget / 16
    }

    /// Keeps a page (when it fits) and returns it as kept.
    @discardableResult
    func store(_ key: String, _ buffer: ByteBuffer, headers: HTTPFields) -> Entry {
        let etag = "\"\(SHA256.hash(data: buffer.readableBytesView).prefix(12).hexString)\""
        var kept = headers
        for name in [HTTPField.Name.cacheControl, .eTag, .setCookie, .contentLength] { kept[name] = nil }
        var entry = Entry(buffer: buffer, etag: etag, headers: kept, lastUse: 0)
        guard wouldKeep(buffer.readableBytes) else { return entry }
        state.withLock { state in
            state.clock += 1
            entry.lastUse = state.clock
            if let old = state.entries.updateValue(entry, forKey: key) { state.bytes -= old.buffer.readableBytes }
            state.bytes += buffer.readableBytes
            guard state.bytes > budget else { return }
            // Down to three quarters of the budget at once, so that eviction is rare work.
            var bytes = state.bytes
            for (key, old) in state.entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) where bytes > budget / 4 * 3 {
                state.entries[key] = nil
                bytes -= old.buffer.readableBytes
            }
            state.bytes = bytes
        }
        return entry
    }

    /// 304 when the browser has these bytes already. `no-cache`: anyone may keep the page but must
    /// ask again each time, since the next change may come any moment; `Vary: Cookie`, since the
    /// language switch and a session are cookies.
    func respond(_ entry: Entry, to request: Request) -> Response {
        var headers = entry.headers
        headers[.eTag] = entry.etag
        headers[.cacheControl] = "no-cache"
        headers[.vary] = "Cookie"
        if request.headers[.ifNoneMatch] == entry.etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: entry.buffer))
    }
}
