import Foundation
import KonventDomain

/// Projects a region's outlines into SVG path data once, at start-up: an equirectangular projection
/// corrected for the region's latitude, points closer than half a pixel dropped, whole pixels only.
public struct ProjectedMap: Sendable {
    public var width: Int
    public var height: Int
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
        var paths: [String: String] = [:]
        for (key, rings) in map.shapes {
            var data = ""
            for ring in rings {
                var last: (Int, Int)?
                var count = 0
                for point in ring {
                    let x = Int((((point.longitude - bounds.west) * xScale) * scale + margin).rounded())
                    let y = Int(((bounds.north - point.latitude) * scale + margin).rounded())
                    if let last, last == (x, y) { continue }
                    data += (count == 0 ? "M" : "L") + "\(x) \(y)"
                    last = (x, y)
                    count += 1
                }
                if count > 2 { data += "Z" }
            }
            paths[key] = data
        }
        self.paths = paths
    }
}
