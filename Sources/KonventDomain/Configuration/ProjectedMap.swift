import Foundation

/// A region's outlines projected once, at start-up, into whole pixels: an equirectangular
/// projection corrected for the region's latitude, points closer than half a pixel dropped. The
/// site draws them as SVG paths, the documents as SVG and as PNG.
public struct ProjectedMap: Sendable {
    public struct Pixel: Sendable, Equatable {
        public var x: Int
        public var y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    public var width: Int
    public var height: Int
    /// Rings (outer boundaries and holes) per territory key.
    public var rings: [String: [[Pixel]]]
    /// SVG path data per territory key.
    public var paths: [String: String]

    public init(_ map: RegionMap, width: Int = 640) {
        let bounds = map.bounds
        let middle = (bounds.south + bounds.north) / 2 * .pi / 180
        let xScale = cos(middle)
        let spanX = max((bounds.east - bounds.west) * xScale, 1e-9), spanY = max(bounds.north - bounds.south, 1e-9)
        let margin = 4.0
        let scale = (Double(width) - 2 * margin) / spanX
        self.width = width
        self.height = Int((spanY * scale + 2 * margin).rounded(.up))
        var rings: [String: [[Pixel]]] = [:]
        for (key, shapes) in map.shapes {
            rings[key] = shapes.compactMap { ring in
                var pixels: [Pixel] = []
                for point in ring {
                    let pixel = Pixel(x: Int((((point.longitude - bounds.west) * xScale) * scale + margin).rounded()),
                                      y: Int(((bounds.north - point.latitude) * scale + margin).rounded()))
                    if pixels.last != pixel { pixels.append(pixel) }
                }
                return pixels.count > 2 ? pixels : nil
            }
        }
        self.rings = rings
        self.paths = rings.mapValues(Self.pathData)
    }

    /// SVG path data of closed rings.
    public static func pathData(_ rings: [[Pixel]]) -> String {
        rings.map { ring in ring.enumerated().map { "\($0 == 0 ? "M" : "L")\($1.x) \($1.y)" }.joined() + "Z" }.joined()
    }
}
