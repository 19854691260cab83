/// A figure laid out in pixels: rectangles, outlines, lines and text. One layout for the site and
/// every document, so that the page, the SVG in the documents and the PNG show the same picture.
/// Sizes are chosen for the drawing's natural width: the site shows it at that width and shrinks it
/// only on a narrow screen, so that its text stays readable on a phone.
public struct Drawing: Sendable, Equatable {
    public enum Anchor: String, Sendable { case start, middle, end }

    public enum Shape: Sendable, Equatable {
        case rect(x: Int, y: Int, width: Int, height: Int, fill: String, title: String?)
        /// Rings filled even-odd (so that holes stay empty) and outlined.
        case area(rings: [[ProjectedMap.Pixel]], fill: String, stroke: String, title: String?)
        case line(x1: Int, y1: Int, x2: Int, y2: Int, stroke: String)
        /// Text on its baseline at `y`.
        case text(x: Int, y: Int, text: String, anchor: Anchor, size: Int)
        /// A name on a map: centred on `x`, on its baseline at `y`, with a white halo that keeps it
        /// readable on every class colour.
        case label(x: Int, y: Int, text: String, size: Int)
    }

    public var width: Int
    public var height: Int
    public var title: String
    public var shapes: [Shape]

    /// `legend: false` leaves a map's legend out, for the site, which writes it as HTML below.
    public init(_ figure: Figure, map: ProjectedMap?, legend: Bool = true) {
        title = figure.caption
        switch figure.kind {
        case .bars: (width, height, shapes) = Self.bars(figure.items)
        case .columns: (width, height, shapes) = Self.columns(figure.items)
        case .map: (width, height, shapes) = Self.map(figure, map, legend: legend)
        case .series: (width, height, shapes) = Self.series(figure)
        }
    }

    static let textSize = 14
    static let lineHeight = 18

    /// Each bar under its name; a long name wraps onto further lines instead of being cut.
    static func bars(_ items: [Figure.Item]) -> (Int, Int, [Shape]) {
        let width = 420
        let maximum = max(items.map(\.value).max() ?? 0, 0.000_1)
        let valueSpace = (items.map { TextMetrics.width($0.text, size: textSize) }.max() ?? 0) + 10
        let barSpace = width - valueSpace
        var shapes: [Shape] = []
        var y = 0
        for item in items {
            for line in TextMetrics.wrap(item.label, width: width, size: textSize) {
                y += lineHeight
                shapes.append(.text(x: 0, y: y, text: line, anchor: .start, size: textSize))
            }
            y += 5
            let length = Int((max(item.value, 0) / maximum * Double(barSpace)).rounded())
            shapes.append(.rect(x: 0, y: y, width: max(length, 1), height: 16, fill: Figure.barColour, title: "\(item.label): \(item.text)"))
            shapes.append(.text(x: max(length, 1) + 6, y: y + 13, text: item.text, anchor: .start, size: textSize))
            y += 16 + 12
        }
        return (width, max(y, 1), shapes)
    }

    /// Columns over time: the axis labels every so many columns, as often as they fit side by side,
    /// and a label's second line (the year) only where it changes.
    static func columns(_ items: [Figure.Item]) -> (Int, Int, [Shape]) {
        guard !items.isEmpty else { return (1, 1, []) }
        let maximum = max(items.map(\.value).max() ?? 0, 0.000_1)
        let scaleText = TextMetrics.integer(maximum)
        let left = TextMetrics.width(scaleText, size: textSize) + 8, top = 10, plotHeight = 160
        let width = max(420, left + items.count * 12), plotWidth = width - left
        let step = Double(plotWidth) / Double(items.count)
        let baseline = top + plotHeight
        var shapes: [Shape] = [
            .line(x1: left, y1: top, x2: width, y2: top, stroke: Figure.grid),
            .text(x: left - 6, y: top + 5, text: scaleText, anchor: .end, size: textSize),
            .text(x: left - 6, y: baseline + 5, text: "0", anchor: .end, size: textSize),
        ]
        for (index, item) in items.enumerated() {
            let height = Int((max(item.value, 0) / maximum * Double(plotHeight)).rounded())
            let x = left + Int((Double(index) * step + step * 0.125).rounded())
            shapes.append(.rect(x: x, y: baseline - max(height, 1), width: max(Int((step * 0.75).rounded()), 1), height: max(height, 1),
                                fill: Figure.barColour, title: "\(item.label): \(item.text)"))
        }
        shapes.append(.line(x1: left, y1: baseline, x2: width, y2: baseline, stroke: Figure.ink))
        let lines = items.map { ($0.axis ?? $0.label).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let widest = lines.flatMap { $0 }.map { TextMetrics.width($0, size: textSize) }.max() ?? 0
        let every = max(1, Int((Double(widest + 8) / step).rounded(.up)))
        var shownSecond: String?
        for index in stride(from: 0, to: items.count, by: every) {
            let centre = left + Int((Double(index) * step + step / 2).rounded())
            let x = min(max(centre, left + widest / 2), width - widest / 2)
            shapes.append(.text(x: x, y: baseline + lineHeight, text: lines[index][0], anchor: .middle, size: textSize))
            if lines[index].count > 1, lines[index][1] != shownSecond {
                shapes.append(.text(x: x, y: baseline + 2 * lineHeight, text: lines[index][1], anchor: .middle, size: textSize))
                shownSecond = lines[index][1]
            }
        }
        return (width, baseline + 2 * lineHeight + 6, shapes)
    }

    static func map(_ figure: Figure, _ map: ProjectedMap?, legend: Bool) -> (Int, Int, [Shape]) {
        guard let map else { return (1, 1, []) }
        var shapes: [Shape] = figure.items.compactMap { item in
            map.rings[item.key].map {
                .area(rings: $0, fill: Figure.classColours[figure.classIndex(of: item)], stroke: "#333333", title: "\(item.label): \(item.text)")
            }
        }
        if figure.named {
            let size = max(textSize, map.width / 32)
            for item in figure.items {
                guard let rings = map.rings[item.key], let centre = Self.centre(of: rings) else { continue }
                let lines = TextMetrics.wrap(item.label, width: size * 8, size: size)
                let first = centre.y - (lines.count - 1) * (size + 2) / 2 + size / 3
                for (index, line) in lines.enumerated() {
                    shapes.append(.label(x: centre.x, y: first + index * (size + 2), text: line, size: size))
                }
            }
        }
        var y = map.height + 8
        guard legend, !figure.legend.isEmpty else { return (map.width, map.height, shapes) }
        if let title = figure.legendTitle {
            for line in TextMetrics.wrap(title, width: map.width - 16, size: 13) {
                shapes.append(.text(x: 8, y: y + 13, text: line, anchor: .start, size: 13))
                y += 18
            }
            y += 4
        }
        for (index, text) in figure.legend.enumerated() where index < Figure.classColours.count {
            shapes.append(.rect(x: 8, y: y, width: 16, height: 16, fill: Figure.classColours[index], title: nil))
            shapes.append(.text(x: 32, y: y + 13, text: text, anchor: .start, size: 13))
            y += 22
        }
        return (map.width, y + 4, shapes)
    }

    /// Where a territory's name goes: the centroid of its largest ring.
    static func centre(of rings: [[ProjectedMap.Pixel]]) -> ProjectedMap.Pixel? {
        func area(_ ring: [ProjectedMap.Pixel]) -> Double {
            var sum = 0.0
            for index in ring.indices {
                let a = ring[index], b = ring[(index + 1) % ring.count]
                sum += Double(a.x * b.y - b.x * a.y)
            }
            return sum / 2
        }
        guard let ring = rings.max(by: { abs(area($0)) < abs(area($1)) }) else { return nil }
        let total = area(ring)
        guard abs(total) > 0.5 else { return ring.first }
        var x = 0.0, y = 0.0
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            let cross = Double(a.x * b.y - b.x * a.y)
            x += Double(a.x + b.x) * cross
            y += Double(a.y + b.y) * cross
        }
        return .init(x: Int((x / (6 * total)).rounded()), y: Int((y / (6 * total)).rounded()))
    }
}

/// Widths of text in Liberation Sans (the metrics of Arial), estimated per character class: close
/// enough to wrap labels and to keep axis labels apart.
public enum TextMetrics {
    public static func width(_ text: String, size: Int) -> Int {
        var em = 0.0
        for character in text {
            switch character {
            case " ", "i", "j", "l", "I", ".", ",", ":", ";", "'", "|", "!": em += 0.28
            case "f", "t", "r", "(", ")", "/", "-": em += 0.36
            case "m", "w", "M", "W", "%": em += 0.86
            case "0"..."9": em += 0.56
            default: em += character.isUppercase ? 0.68 : 0.56
            }
        }
        return Int((em * Double(size)).rounded(.up))
    }

    /// The text in lines no wider than `width`, broken at spaces (a single long word keeps its line).
    public static func wrap(_ text: String, width: Int, size: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || Self.width(candidate, size: size) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// A whole number without grouping, for an axis.
    static func integer(_ value: Double) -> String { String(Int(value.rounded())) }
}
