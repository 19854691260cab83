extension Drawing {
    /// The colour of a series' target line and its label (6.5:1 against white).
    static let targetColour = "#8a3b00"

    /// Values over time: days spaced by their distance, the scale from zero to a round number above
    /// the largest value and the target, the target as a line across, the first and last day below.
    static func series(_ figure: Figure) -> (Int, Int, [Shape]) {
        let items = figure.items
        let days = items.compactMap { ISODay.dayNumber($0.key) }
        guard !items.isEmpty, days.count == items.count else { return (1, 1, []) }
        let top = 22, plotHeight = 160, width = 420
        let maximum = roundUp(max(items.map(\.value).max() ?? 0, figure.target ?? 0, 0.000_1))
        let scaleText = TextMetrics.integer(maximum)
        let left = TextMetrics.width(scaleText, size: textSize) + 8, right = width - 8
        let baseline = top + plotHeight
        func y(_ value: Double) -> Int { baseline - Int((max(value, 0) / maximum * Double(plotHeight)).rounded()) }
        let first = days.min()!, span = max(days.max()! - first, 1)
        func x(_ day: Int) -> Int {
            days.count == 1 ? (left + right) / 2 : left + 6 + Int((Double(day - first) / Double(span) * Double(right - left - 12)).rounded())
        }
        var shapes: [Shape] = [
            .line(x1: left, y1: top, x2: right, y2: top, stroke: Figure.grid),
            .text(x: left - 6, y: top + 5, text: scaleText, anchor: .end, size: textSize),
            .text(x: left - 6, y: baseline + 5, text: "0", anchor: .end, size: textSize),
        ]
        if let target = figure.target {
            let level = y(target)
            shapes.append(.line(x1: left, y1: level, x2: right, y2: level, stroke: targetColour))
            if let label = figure.targetLabel {
                shapes.append(.text(x: right, y: max(level - 5, textSize), text: label, anchor: .end, size: textSize))
            }
        }
        let points = zip(items, days).map { (item: $0, x: x($1), y: y($0.value)) }
        for (a, b) in zip(points, points.dropFirst()) {
            shapes.append(.line(x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: Figure.barColour))
        }
        for point in points {
            shapes.append(.rect(x: point.x - 4, y: point.y - 4, width: 8, height: 8, fill: Figure.barColour,
                                title: "\(point.item.label): \(point.item.text)"))
        }
        shapes.append(.line(x1: left, y1: baseline, x2: right, y2: baseline, stroke: Figure.ink))
        let firstLabel = points.first!.item.axis ?? points.first!.item.label
        shapes.append(.text(x: left, y: baseline + lineHeight, text: firstLabel, anchor: .start, size: textSize))
        if points.count > 1 {
            shapes.append(.text(x: right, y: baseline + lineHeight, text: points.last!.item.axis ?? points.last!.item.label, anchor: .end,
                                size: textSize))
        }
        return (width, baseline + lineHeight + 6, shapes)
    }

    /// A round number (1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten), the smallest not below `value`.
    public static func roundUp(_ value: Double) -> Double {
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value && power > 0.001 { power /= 10 }
        for step in [1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] where step * power >= value { return step * power }
        return value
    }
}
