import Foundation

/// Holds a JSON answer against the OpenAPI document's schema for its path: types, enums, required
/// fields, and above all no field the document does not name (`additionalProperties: false`).
struct OpenAPISchemaCheck {
    let document: [String: Any]

    init(_ bytes: [UInt8]) throws {
        document = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] ?? [:]
    }

    /// The schema of a GET's 200 answer for a path below the server ("/contributions/7").
    func responseSchema(for path: String) -> [String: Any]? {
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (template, item) in paths {
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == segments.count,
                  zip(parts, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) else { continue }
            let get = item["get"] as? [String: Any]
            let ok = (get?["responses"] as? [String: Any])?["200"] as? [String: Any]
            let content = ok?["content"] as? [String: [String: Any]]
            return content?.values.first?["schema"] as? [String: Any]
        }
        return nil
    }

    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]]
            guard let resolved = schemas?[name] else { return ["\(path): unknown schema \(ref)"] }
            return problems(value, resolved, at: path)
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            return ["\(path): \(value) is not one of the document's values"]
        }
        switch schema["type"] as? String {
        case "string":
            guard let text = value as? String else { return ["\(path): not a string"] }
            if schema["format"] as? String == "date-time",
               text.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$"#, options: .regularExpression) == nil {
                return ["\(path): \(text) is not a date-time with an offset"]
            }
            return []
        case "integer":
            guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
                return ["\(path): not an integer"]
            }
            return []
        case "boolean":
            return value is NSNumber ? [] : ["\(path): not a boolean"]
        case "array":
            guard let items = value as? [Any] else { return ["\(path): not an array"] }
            let itemSchema = schema["items"] as? [String: Any] ?? [:]
            return items.enumerated().flatMap { problems($1, itemSchema, at: "\(path)[\($0)]") }
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            var found: [String] = []
            for name in schema["required"] as? [String] ?? [] where object[name] == nil { found.append("\(path): \(name) missing") }
            for (name, member) in object {
                if let property = properties[name] {
                    found += problems(member, property, at: "\(path).\(name)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    found += problems(member, extra, at: "\(path).\(name)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path).\(name): not in the allow-list")
                }
            }
            return found
        default:
            return []
        }
    }
}
