import Foundation

/// Holds an object against the OParl 1.1 schemas as the specification ships them: types, required
/// properties, patterns, the formats url, date and date-time, embedded objects (`schema`), and no
/// property the schema does not declare.
// Immutable after loading, so that it may be shared with the app's test closure.
struct OParlSchemaCheck: @unchecked Sendable {
    let schemas: [String: [String: Any]]

    init(folder: URL) throws {
        var schemas: [String: [String: Any]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            schemas[file] = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file))) as? [String: Any]
        }
        self.schemas = schemas
    }

    /// The fixtures folder of the repository, found from this file.
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/oparl-1.1")
    }

    /// The object checked against the schema its `type` names.
    func problems(_ object: [String: Any], at path: String) -> [String] {
        guard let type = object["type"] as? String, type.hasPrefix("https://schema.oparl.org/1.1/") else { return ["\(path): no OParl type"] }
        let name = String(type.dropFirst("https://schema.oparl.org/1.1/".count)) + ".json"
        guard let schema = schemas[name] else { return ["\(path): no schema \(name)"] }
        return problems(object, schema, at: path)
    }

    func problems(_ value: Any, _ schema: [String: Any], at path: String) -> [String] {
        if let embedded = schema["schema"] as? String {
            guard let object = value as? [String: Any], let inner = schemas[embedded] else { return ["\(path): not an embedded \(embedded)"] }
            return problems(object, inner, at: path)
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            guard let properties = schema["properties"] as? [String: [String: Any]] else { return [] }
            var found = (schema["required"] as? [String] ?? []).filter { object[$0] == nil }.map { "\(path): \($0) missing" }
            for (name, member) in object {
                guard let property = properties[name] else { found.append("\(path).\(name): not in the schema"); continue }
                found += problems(member, property, at: "\(path).\(name)")
            }
            return found
        case "array":
            guard let items = value as? [Any] else { return ["\(path): not an array"] }
            let itemSchema = schema["items"] as? [String: Any] ?? [:]
            return items.enumerated().flatMap { problems($1, itemSchema, at: "\(path)[\($0)]") }
        case "string":
            guard let text = value as? String else { return ["\(path): not a string"] }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                return ["\(path): \(text) does not match \(pattern)"]
            }
            let formats = ["url": #"^https?://\S+$"#, "date": #"^\d{4}-\d\d-\d\d$"#,
                           "date-time": #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$"#]
            if let format = schema["format"] as? String, let pattern = formats[format], text.range(of: pattern, options: .regularExpression) == nil {
                return ["\(path): \(text) is not a \(format)"]
            }
            return []
        case "integer":
            return (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } == true ? [] : ["\(path): not an integer"]
        case "boolean":
            return value is NSNumber ? [] : ["\(path): not a boolean"]
        default:
            return []
        }
    }
}
