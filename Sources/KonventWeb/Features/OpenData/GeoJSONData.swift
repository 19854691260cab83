import Foundation
import KonventDomain
import KonventStorage
import KonventViews

/// The open data on the map (RFC 7946): districts and municipalities with their outlines and what
/// happened there (contributions, formats, measures, absolute and per 1,000 inhabitants), and the
/// formats as points. The outlines' attribution travels with every file.
struct GeoJSONData {
    let region: RegionConfiguration
    let link: (String) -> String
    let time: (Int64) -> String

    static let contentType = "application/geo+json; charset=utf-8"

    struct Counts {
        var contributions: [String: Int]
        var formats: [String: Int]
        var measures: [String: Int]
    }

    func collection(_ name: String, _ features: [[String: Any]]) throws -> [UInt8] {
        let attribution = (region.openData.attribution?[.de] ?? region.name[.de]) + "; Gebiete: " + region.territoryAttribution
        let object: [String: Any] = [
            "type": "FeatureCollection", "name": name, "attribution": attribution, "license": region.openData.licenceURI,
            "features": features,
        ]
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    func geometry(_ key: String) -> [String: Any]? {
        guard let polygons = region.map?.polygons[key], !polygons.isEmpty else { return nil }
        let coordinates = polygons.map { $0.map { ring in ring.map { [$0.longitude, $0.latitude] } } }
        return coordinates.count == 1 ? ["type": "Polygon", "coordinates": coordinates[0]] : ["type": "MultiPolygon", "coordinates": coordinates]
    }

    static func perThousand(_ count: Int, _ population: Int) -> Double? {
        population > 0 ? (Double(count) * 1000 / Double(population) * 100).rounded() / 100 : nil
    }

    /// One feature per territory of the level, with its counts.
    func territories(_ territories: [Territory], _ counts: Counts, filter: String) -> [[String: Any]] {
        territories.map { territory in
            let key = territory.officialKey
            let contributions = counts.contributions[key] ?? 0, measures = counts.measures[key] ?? 0, formats = counts.formats[key] ?? 0
            var properties: [String: Any] = [
                "key": key, "name": territory.name, "kind": territory.kind.rawValue, "population": territory.population,
                "populationYear": territory.populationYear, "contributions": contributions, "formats": formats, "measures": measures,
                "contributionsLink": link(Site.Contributions.list().query([(filter, key)])),
            ]
            if territory.kind == .municipality { properties["district"] = territory.parentKey }
            properties["contributionsPerThousand"] = Self.perThousand(contributions, territory.population) ?? NSNull()
            properties["measuresPerThousand"] = Self.perThousand(measures, territory.population) ?? NSNull()
            return ["type": "Feature", "id": key, "geometry": geometry(key) ?? NSNull(), "properties": properties]
        }
    }

    /// A point inside the territory for what has no coordinates of its own: the centroid of its
    /// largest polygon's outer ring.
    func centre(_ key: String) -> [Double]? {
        guard let polygons = region.map?.polygons[key] else { return nil }
        func area(_ ring: [RegionMap.Point]) -> Double {
            zip(ring, ring.dropFirst() + ring.prefix(1)).reduce(0) { $0 + $1.0.longitude * $1.1.latitude - $1.1.longitude * $1.0.latitude } / 2
        }
        guard let ring = polygons.compactMap(\.first).max(by: { abs(area($0)) < abs(area($1)) }), abs(area(ring)) > 0 else { return nil }
        let a = area(ring)
        var x = 0.0, y = 0.0
        for (p, q) in zip(ring, ring.dropFirst() + ring.prefix(1)) {
            let cross = p.longitude * q.latitude - q.longitude * p.latitude
            x += (p.longitude + q.longitude) * cross
            y += (p.latitude + q.latitude) * cross
        }
        return [(x / (6 * a) * 1e6).rounded() / 1e6, (y / (6 * a) * 1e6).rounded() / 1e6]
    }

    func formats(_ formats: [Format]) -> [[String: Any]] {
        formats.map { format in
            let at = format.municipalityKey ?? format.districtKey
            var properties: [String: Any] = [
                "id": format.id.rawValue, "kind": format.kind.rawValue, "title": format.title, "startsAt": time(format.startsAt),
                "endsAt": time(format.endsAt), "place": format.place, "district": format.districtKey,
                "positionOf": format.municipalityKey == nil ? "district" : "municipality",
                "link": link(Site.Formats.page(format.id)), "api": link(Site.API.format(format.id)),
            ]
            properties["municipality"] = format.municipalityKey ?? NSNull()
            let point: Any = centre(at).map { ["type": "Point", "coordinates": $0] } ?? NSNull()
            return ["type": "Feature", "id": format.id.rawValue, "geometry": point, "properties": properties]
        }
    }
}
