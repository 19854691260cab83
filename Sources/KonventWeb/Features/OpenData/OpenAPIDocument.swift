import Foundation

/// The API's OpenAPI 3.1 document, shipped as a resource and served with this installation's address.
enum OpenAPIDocument {
    static var url: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources/api") else {
                throw CocoaError(.fileNoSuchFile)
            }
            return url
        }
    }

    /// `choices`: the values a query parameter takes in this installation (its fields of action,
    /// districts, states …), written into the parameter's schema, so that the document is exact.
    static func bytes(baseURL: String, choices: [String: [String]]) throws -> [UInt8] {
        guard var document = try JSONSerialization.jsonObject(with: Data(contentsOf: try url)) as? [String: Any],
              var paths = document["paths"] as? [String: [String: [String: Any]]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        for (path, methods) in paths {
            guard var get = methods["get"], let parameters = get["parameters"] as? [[String: Any]] else { continue }
            get["parameters"] = parameters.map { parameter in
                guard let name = parameter["name"] as? String, let values = choices[name], var schema = parameter["schema"] as? [String: Any] else {
                    return parameter
                }
                schema["enum"] = values
                var parameter = parameter
                parameter["schema"] = schema
                return parameter
            }
            paths[path]?["get"] = get
        }
        document["paths"] = paths
        document["servers"] = [["url": baseURL + "/api/v1", "description": "Konvent"]]
        return Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
    }
}
