import Crypto
import Foundation
import KonventDomain

/// The stylesheet, the small script and the icon, read once at start-up and served from memory.
public struct StaticAssets: Sendable {
    public struct Asset: Sendable {
        public let bytes: [UInt8]
        public let contentType: String
        public let etag: String
    }

    public let files: [String: Asset]
    /// Changes whenever any asset changes; pages append it to asset URLs.
    public let version: String

    static let types = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
    ]

    public static func bundled() throws -> StaticAssets {
        guard let folder = Bundle.module.url(forResource: "public", withExtension: nil, subdirectory: "Resources") else {
            throw ConfigurationError("static assets are missing from the bundle")
        }
        var files: [String: Asset] = [:]
        var all = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            guard let type = types[(name as NSString).pathExtension] else { continue }
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            all.append(data)
            let digest = SHA256.hash(data: data).prefix(8).hexString
            files[name] = Asset(bytes: Array(data), contentType: type, etag: "\"\(digest)\"")
        }
        return StaticAssets(files: files, version: String(SHA256.hash(data: all).prefix(6).hexString))
    }
}
