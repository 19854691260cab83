import Crypto
import Foundation
import Hummingbird
import KonventStorage
import NIOCore
import Synchronization

/// Rendered bytes of pages that look the same for every anonymous visitor, with an ETag so that
/// browsers revalidate with a cheap 304. Only pages without forms are cached (a form carries the
/// visitor's own CSRF token), and only pages whose content comes from the configuration; pages
/// built from changing data will add the database's data version to their key.
public final class PageCache: Sendable {
    struct Entry: Sendable {
        let buffer: ByteBuffer
        let etag: String
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let limit: Int

    public init(limit: Int = 256) { self.limit = limit }

    func response(key: String, request: Request, render: () -> [UInt8]) -> Response {
        let entry = entries.withLock { $0[key] } ?? store(key, render())
        if request.headers[.ifNoneMatch] == entry.etag {
            return Response(status: .notModified, headers: [.eTag: entry.etag, .cacheControl: "no-cache"])
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache", .eTag: entry.etag],
            body: ResponseBody(byteBuffer: entry.buffer))
    }

    private func store(_ key: String, _ bytes: [UInt8]) -> Entry {
        let entry = Entry(buffer: ByteBuffer(bytes: bytes), etag: "\"\(SHA256.hash(data: bytes).prefix(12).hexString)\"")
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll() }
            entries[key] = entry
        }
        return entry
    }
}
