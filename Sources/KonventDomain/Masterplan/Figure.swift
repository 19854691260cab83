/// A chart or a map: what it shows, not how. The site and every document draw it from one
/// `Drawing` (the page and ODT as SVG, DOCX as SVG with a PNG for older readers); the numbers also
/// stand in a table beside it, which is the accessible form.
public struct Figure: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Horizontal bars, one per item, each under its name.
        case bars
        /// Columns along a time axis, one per item.
        case columns
        /// The territories coloured by their value's class; items keyed by territory.
        case map
        /// Values over time (items keyed by ISO day, in order) as a line, with the target as a line across.
        case series
    }

    public struct Item: Sendable, Equatable, Codable {
        /// The territory's key on a map; the row's key in a chart.
        public var key: String
        public var label: String
        public var value: Double
        /// The value as the document writes it.
        public var text: String
        /// A column's label on the axis, one line per `\n` ("Jan\n2026"); a second line is drawn only
        /// where it changes, so the year stands under the first month of each year shown.
        public var axis: String?

        public init(key: String, label: String, value: Double, text: String, axis: String? = nil) {
            self.key = key
            self.label = label
            self.value = value
            self.text = text
            self.axis = axis
        }
    }

    public var id: String
    public var kind: Kind
    public var caption: String
    public var items: [Item]
    /// A map's classes, light to dark, as the document writes their bounds (equal intervals from the
    /// smallest to the largest value, so that close values still differ in colour).
    public var legend: [String]
    /// What the classes are, said above the legend ("Beiträge je 1.000 Einwohner, gleich breite
    /// Klassen vom kleinsten bis zum größten Wert").
    public var legendTitle: String?
    /// Whether a map writes each territory's name on it (the districts: yes; 180 municipalities: no).
    public var named: Bool
    /// A series' target and how it is written beside its line ("Ziel: 300").
    public var target: Double?
    public var targetLabel: String?

    public init(
        id: String, kind: Kind, caption: String, items: [Item], legend: [String] = [], legendTitle: String? = nil, named: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.caption = caption
        self.items = items
        self.legend = legend
        self.legendTitle = legendTitle
        self.named = named
    }

    // Published masterplan versions keep their figures as JSON written before some fields existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(Kind.self, forKey: .kind)
        caption = try container.decode(String.self, forKey: .caption)
        items = try container.decode([Item].self, forKey: .items)
        legend = try container.decodeIfPresent([String].self, forKey: .legend) ?? []
        legendTitle = try container.decodeIfPresent(String.self, forKey: .legendTitle)
        named = try container.decodeIfPresent(Bool.self, forKey: .named) ?? false
        target = try container.decodeIfPresent(Double.self, forKey: .target)
        targetLabel = try container.decodeIfPresent(String.self, forKey: .targetLabel)
    }

    /// The fill colours of a map's classes, light to dark (from the third class on each at least
    /// 3:1 against white, so that the strongest values stand out).
    public static let classColours = ["#e8f1fa", "#b9d4ee", "#7fb0dd", "#3f84c5", "#1b5a96"]
    public static let barColour = "#1b5a96"
    public static let ink = "#1b1f24"
    public static let grid = "#767676"

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

    /// The classes of these values: from the smallest to the largest, in equal steps.
    public static func classBounds(of values: [Double]) -> [(low: Double, high: Double)] {
        classBounds(lower: values.min() ?? 0, upper: values.max() ?? 0)
    }

    /// The class of each item, from its figure's own range.
    public func classIndex(of item: Item) -> Int {
        let values = items.map(\.value)
        return Self.classIndex(item.value, lower: values.min() ?? 0, upper: values.max() ?? 0)
    }
}
