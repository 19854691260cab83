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

    public init(shapes: [String: [[Point]]]) { self.shapes = shapes }

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
