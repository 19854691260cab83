/// Outlines of territories in longitude/latitude, read from the configuration's GeoJSON file; the
/// participation page projects them into an SVG map.
public struct RegionMap: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var longitude: Double
        public var latitude: Double

        public init(longitude: Double, latitude: Double) {
            self.longitude = longitude
            self.latitude = latitude
        }
    }

    /// Rings (outer boundaries and holes) per territory key.
    public var shapes: [String: [[Point]]]
    /// The same as polygons, each its outer ring first and then its holes, as the file has them
    /// (what the open data's GeoJSON gives back).
    public var polygons: [String: [[[Point]]]]

    public init(shapes: [String: [[Point]]], polygons: [String: [[[Point]]]] = [:]) {
        self.shapes = shapes
        self.polygons = polygons.isEmpty ? shapes.mapValues { $0.map { [$0] } } : polygons
    }

    /// The bounding box of every shape: (west, south, east, north).
    public var bounds: (west: Double, south: Double, east: Double, north: Double) {
        var west = Double.infinity, south = Double.infinity, east = -Double.infinity, north = -Double.infinity
        for rings in shapes.values {
            for ring in rings {
                for point in ring {
                    west = min(west, point.longitude)
                    east = max(east, point.longitude)
                    south = min(south, point.latitude)
                    north = max(north, point.latitude)
                }
            }
        }
        return (west, south, east, north)
    }
}
