import Foundation
import KonventDomain

/// Reads a region configuration file and the territory table it names.
public enum RegionLoader {
    /// The bundled default: Region Chemnitz/Südwestsachsen.
    public static var defaultFile: URL {
        Bundle.module.url(forResource: "suedwestsachsen", withExtension: "json", subdirectory: "Resources/region")!
    }

    public static func load(_ path: String?) throws(ConfigurationError) -> RegionConfiguration {
        let url = path.map { URL(fileURLWithPath: $0) } ?? defaultFile
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConfigurationError("cannot read the configuration file \(url.path): \(error.localizedDescription)")
        }
        let file: RegionConfigurationFile
        do { file = try JSONDecoder().decode(RegionConfigurationFile.self, from: data) } catch let error as DecodingError {
            throw ConfigurationError("configuration file \(url.path): \(describe(error))")
        } catch {
            throw ConfigurationError("configuration file \(url.path): \(error)")
        }
        let table = url.deletingLastPathComponent().appendingPathComponent(file.territories.file)
        let text: String
        do { text = try String(contentsOf: table, encoding: .utf8) } catch {
            throw ConfigurationError("cannot read the territory table \(table.path) named in \(url.lastPathComponent)")
        }
        return try file.resolve(territoryTable: text)
    }

    /// Says where in the file the problem is, in terms a person editing it understands.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "top level" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError { return "not valid JSON (\(underlying.localizedDescription))" }
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
