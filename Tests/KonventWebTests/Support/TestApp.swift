import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KonventStorage
import KonventTestSupport
import KonventViews
import KonventWeb
import Logging
import NIOCore
import Testing

/// Builds the real application over a fresh database and drives it like a browser would:
/// cookies are kept, and the CSRF token is read from the page's form.
func withApp(
    _ database: TestDatabase = .sqlite, configure: (inout AppConfiguration) -> Void = { _ in }, logger: Logger = TestDatabase.logger,
    _ body: @Sendable (Browser, Services) async throws -> Void
) async throws {
    try await database.with { db in
        var configuration = AppConfiguration()
        configuration.bcryptCost = 4
        configuration.baseURL = "http://konvent.test"
        // The router test runs the app's services too; tests deliver mail themselves, at the moment they choose.
        configuration.mailPollInterval = .seconds(3600)
        configure(&configuration)
        let services = try Services(
            configuration: configuration, region: try RegionLoader.load(nil), database: db, catalog: try Catalog.bundled(),
            secret: "test-secret", logger: logger)
        let app = try buildApplication(services: services)
        try await app.test(.router) { client in
            try await body(Browser(client: client), services)
        }
    }
}

struct Page {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
    /// The body as sent (for files that are not text).
    var bytes: [UInt8] = []

    /// The value of the first hidden `_csrf` field.
    var csrfToken: String? { field("_csrf") }

    func field(_ name: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = body[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

actor Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// Posts a form; `_csrf` is taken from `from` (a page) unless the form sets it.
    @discardableResult
    func post(_ uri: String, _ form: [(String, String)], csrfFrom page: Page? = nil) async throws -> Page {
        var fields = form
        if !fields.contains(where: { $0.0 == "_csrf" }), let token = page?.csrfToken { fields.append(("_csrf", token)) }
        let body = fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                              body: ByteBuffer(string: body))
    }

    /// Posts `multipart/form-data` with one file, as a browser's file upload does.
    @discardableResult
    func upload(_ uri: String, file: (field: String, name: String, bytes: [UInt8]), csrfFrom page: Page) async throws -> Page {
        let boundary = "----KonventTestBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(page.csrfToken ?? "")\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n".utf8)
        body += Array("Content-Type: text/csv\r\n\r\n".utf8) + file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await send(uri, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                              body: ByteBuffer(bytes: body))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body),
                    bytes: Array(response.body.readableBytesView))
    }

    nonisolated func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
