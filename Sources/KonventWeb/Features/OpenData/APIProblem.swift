import Foundation
import HTTPTypes
import Hummingbird
import KonventViews

/// A refusal of the open-data interfaces, answered as `application/problem+json` (RFC 9457) with a
/// `detail` from the catalog in the asker's language, never as a page.
struct APIProblem: Error, Sendable {
    var status: HTTPResponse.Status
    var key: String
    var values: [String: String] = [:]
    /// The query parameter at fault, as an extension member, so that a client can point at it.
    var parameter: String?

    static let notFound = APIProblem(status: .notFound, key: "api.problem.notFound")
    static let notAcceptable = APIProblem(status: .notAcceptable, key: "api.problem.notAcceptable")
    static let methodNotAllowed = APIProblem(status: .methodNotAllowed, key: "api.problem.methodNotAllowed")
    static let internalError = APIProblem(status: .internalServerError, key: "api.problem.internal")

    static func unknownParameter(_ name: String, allowed: [String]) -> APIProblem {
        APIProblem(status: .badRequest, key: "api.problem.unknownParameter",
                   values: ["name": name, "allowed": allowed.sorted().joined(separator: ", ")], parameter: name)
    }

    static func repeated(_ name: String) -> APIProblem {
        APIProblem(status: .badRequest, key: "api.problem.repeatedParameter", values: ["name": name], parameter: name)
    }

    static func empty(_ name: String) -> APIProblem {
        APIProblem(status: .badRequest, key: "api.problem.emptyParameter", values: ["name": name], parameter: name)
    }

    static func tooLong(_ name: String, _ maxLength: Int) -> APIProblem {
        APIProblem(status: .badRequest, key: "api.problem.tooLong", values: ["name": name, "max": String(maxLength)], parameter: name)
    }

    static func badValue(_ name: String, _ value: String, allowed: [String]? = nil) -> APIProblem {
        guard let allowed else {
            return APIProblem(status: .badRequest, key: "api.problem.badValue", values: ["name": name, "value": value], parameter: name)
        }
        return APIProblem(status: .badRequest, key: "api.problem.badChoice",
                          values: ["name": name, "value": value, "allowed": allowed.joined(separator: ", ")], parameter: name)
    }

    static func badCursor(_ value: String) -> APIProblem {
        APIProblem(status: .badRequest, key: "api.problem.badCursor", values: ["value": value], parameter: "cursor")
    }

    static func badLimit(_ value: String, range: ClosedRange<Int>) -> APIProblem {
        APIProblem(status: .badRequest, key: "api.problem.badLimit",
                   values: ["value": value, "min": String(range.lowerBound), "max": String(range.upperBound)], parameter: "limit")
    }

    /// The problem document; `instance` is the path asked for.
    func response(_ t: Translator, instance: String) -> Response {
        var object: [String: any Sendable] = [
            "type": "about:blank", "title": status.reasonPhrase, "status": status.code, "detail": t(key, values), "instance": instance,
        ]
        if let parameter { object["parameter"] = parameter }
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        var headers: HTTPFields = [
            .contentType: "application/problem+json; charset=utf-8", .cacheControl: "no-store", .contentLanguage: t.language.rawValue,
            .vary: "Accept-Language",
        ]
        if status == .methodNotAllowed { headers[.allow] = OpenDataMiddleware.methods }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
