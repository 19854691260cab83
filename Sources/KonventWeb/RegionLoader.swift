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
        var region = try file.resolve(territoryTable: text)
        if let mapFile = file.territories.map {
            region.map = try loadMap(url.deletingLastPathComponent().appendingPathComponent(mapFile), region: region)
        }
        return region
    }

    /// Reads the outlines of the region's territories from GeoJSON (Polygon and MultiPolygon features
    /// with an `ags` property); features of other territories are left out.
    static func loadMap(_ url: URL, region: RegionConfiguration) throws(ConfigurationError) -> RegionMap {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) } catch {
            throw ConfigurationError("cannot read the map file \(url.path): \(error.localizedDescription)")
        }
        guard let features = (object as? [String: Any])?["features"] as? [[String: Any]] else {
            throw ConfigurationError("map file \(url.lastPathComponent): not a GeoJSON FeatureCollection")
        }
        var shapes: [String: [[RegionMap.Point]]] = [:]
        var outlines: [String: [[[RegionMap.Point]]]] = [:]
        for feature in features {
            guard let key = (feature["properties"] as? [String: Any])?["ags"] as? String, region.territory(key) != nil,
                  let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else { continue }
            let polygons: [Any]
            switch type {
            case "Polygon": polygons = [geometry["coordinates"] as Any]
            case "MultiPolygon": polygons = geometry["coordinates"] as? [Any] ?? []
            default: continue
            }
            for polygon in polygons {
                let rings = (polygon as? [[[Double]]] ?? []).map { ring in
                    ring.compactMap { pair in pair.count >= 2 ? RegionMap.Point(longitude: pair[0], latitude: pair[1]) : nil }
                }
                shapes[key, default: []] += rings
                outlines[key, default: []].append(rings)
            }
        }
        guard !shapes.isEmpty else { throw ConfigurationError("map file \(url.lastPathComponent): no outline of a territory of the region") }
        return RegionMap(shapes: shapes, polygons: outlines)
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
