/// A chart or the map inside a document: what it shows, not how. Every output draws it from its
/// `Drawing` (the page and ODT as SVG, DOCX as SVG with a PNG for older readers); the numbers also
/// stand in a table or in the text beside it, which is the accessible form.
public struct Figure: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Horizontal bars, one per item.
        case bars
        /// The territories coloured by their value's class; items keyed by territory.
        case map
    }

    public struct Item: Sendable, Equatable, Codable {
        /// The territory's key on a map; the row's key in a bar chart.
        public var key: String
        public var label: String
        public var value: Double
        /// The value as the document writes it.
        public var text: String

        public init(key: String, label: String, value: Double, text: String) {
            self.key = key
            self.label = label
            self.value = value
            self.text = text
        }
    }

    public var id: String
    public var kind: Kind
    public var caption: String
    public var items: [Item]
    /// A map's classes, light to dark, as the document writes their bounds (equal intervals from the
    /// smallest to the largest value, so that close values still differ in colour).
    public var legend: [String]

    public init(id: String, kind: Kind, caption: String, items: [Item], legend: [String] = []) {
        self.id = id
        self.kind = kind
        self.caption = caption
        self.items = items
        self.legend = legend
    }

    /// The fill colours of a map's classes, light to dark (from the third class on each at least
    /// 3:1 against white, so that the strongest values stand out).
    public static let classColours = ["#e8f1fa", "#b9d4ee", "#7fb0dd", "#3f84c5", "#1b5a96"]
    public static let barColour = "#1b5a96"
    public static let ink = "#1b1f24"

    /// Equal intervals from `lower` to `upper`: the class of `value`.
    public static func classIndex(_ value: Double, lower: Double = 0, upper: Double) -> Int {
        guard upper > lower else { return value > 0 ? classColours.count - 1 : 0 }
        return max(0, min(classColours.count - 1, Int((value - lower) / (upper - lower) * Double(classColours.count))))
    }

    /// The lower and upper bound of each class.
    public static func classBounds(lower: Double = 0, upper: Double) -> [(low: Double, high: Double)] {
        let count = Double(classColours.count), span = upper - lower
        return (0..<classColours.count).map { (lower + span * Double($0) / count, lower + span * Double($0 + 1) / count) }
    }
}

/// A figure laid out in pixels: rectangles, outlines, lines and text. One layout for every output,
/// so that the page, the SVG in the documents and the PNG show the same picture.
public struct Drawing: Sendable, Equatable {
    public enum Anchor: String, Sendable { case start, end }

    public enum Shape: Sendable, Equatable {
        case rect(x: Int, y: Int, width: Int, height: Int, fill: String, title: String?)
        /// Rings filled even-odd (so that holes stay empty) and outlined.
        case area(rings: [[ProjectedMap.Pixel]], fill: String, stroke: String, title: String?)
        case line(x1: Int, y1: Int, x2: Int, y2: Int, stroke: String)
        /// Text on its baseline at `y`.
        case text(x: Int, y: Int, text: String, anchor: Anchor, size: Int)
    }

    public var width: Int
    public var height: Int
    public var title: String
    public var shapes: [Shape]

    public init(_ figure: Figure, map: ProjectedMap?) {
        title = figure.caption
        switch figure.kind {
        case .bars: (width, height, shapes) = Self.bars(figure.items)
        case .map: (width, height, shapes) = Self.map(figure, map)
        }
    }

    static func bars(_ items: [Figure.Item]) -> (Int, Int, [Shape]) {
        let maximum = max(items.map(\.value).max() ?? 0, 0.000_1)
        let rowHeight = 28, labelWidth = 260, barWidth = 300, width = labelWidth + barWidth + 120
        var shapes: [Shape] = []
        for (index, item) in items.enumerated() {
            let y = index * rowHeight + 4
            let length = Int((max(item.value, 0) / maximum * Double(barWidth)).rounded())
            shapes.append(.text(x: labelWidth - 8, y: y + 18, text: truncated(item.label, 34), anchor: .end, size: 13))
            shapes.append(.rect(x: labelWidth, y: y + 4, width: max(length, 1), height: rowHeight - 10, fill: Figure.barColour,
                                title: "\(item.label): \(item.text)"))
            shapes.append(.text(x: labelWidth + length + 6, y: y + 18, text: item.text, anchor: .start, size: 13))
        }
        return (width, items.count * rowHeight + 8, shapes)
    }

    static func map(_ figure: Figure, _ map: ProjectedMap?) -> (Int, Int, [Shape]) {
        guard let map else { return (1, 1, []) }
        let lower = figure.items.map(\.value).min() ?? 0, upper = figure.items.map(\.value).max() ?? 0
        var shapes: [Shape] = figure.items.compactMap { item in
            map.rings[item.key].map {
                .area(rings: $0, fill: Figure.classColours[Figure.classIndex(item.value, lower: lower, upper: upper)], stroke: "#333333",
                      title: "\(item.label): \(item.text)")
            }
        }
        // The legend below the map: a swatch and the bounds of each class.
        var y = map.height + 8
        for (index, text) in figure.legend.enumerated() where index < Figure.classColours.count {
            shapes.append(.rect(x: 8, y: y, width: 16, height: 16, fill: Figure.classColours[index], title: nil))
            shapes.append(.text(x: 32, y: y + 13, text: text, anchor: .start, size: 13))
            y += 22
        }
        return (map.width, y + 4, shapes)
    }

    static func truncated(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
