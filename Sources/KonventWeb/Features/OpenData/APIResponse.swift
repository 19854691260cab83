import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// A JSON answer of the open-data interfaces: its ETag is the hash of its bytes, so that a client
/// asking again with `If-None-Match` gets a 304 without a body.
enum APIResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ value: some Encodable, _ request: Request, contentType: String = "application/json; charset=utf-8",
                     maxAge: Int = 60) throws -> Response {
        bytes(Array(try encoder.encode(value)), request, contentType: contentType, maxAge: maxAge)
    }

    static func bytes(_ body: [UInt8], _ request: Request, contentType: String, maxAge: Int = 60) -> Response {
        let tag = "\"" + SHA256.hash(data: body).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        var headers: HTTPFields = [.eTag: tag, .cacheControl: "public, max-age=\(maxAge)", .vary: "Accept-Language"]
        if let asked = request.headers[.ifNoneMatch], asked.split(separator: ",").contains(where: {
            let candidate = $0.trimmingCharacters(in: .whitespaces)
            return candidate == tag || candidate == "W/" + tag || candidate == "*"
        }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
