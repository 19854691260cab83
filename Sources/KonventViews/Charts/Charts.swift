import KonventDomain

/// Server-rendered SVG charts. Each chart has a title for assistive technology and sits next to a
/// table with the same numbers, which is the accessible form of the data.
public enum Charts {
    static let classes = Figure.classColours

    public static func horizontalBars(id: String, title: String, rows: [(label: String, value: Int)], _ t: Translator) -> Node {
        let maximum = max(rows.map(\.value).max() ?? 0, 1)
        let rowHeight = 28, labelWidth = 260, barWidth = 300, width = labelWidth + barWidth + 80
        let height = rows.count * rowHeight + 8
        return el("svg", Attribute("viewBox", "0 0 \(width) \(height)"), Attribute("width", "100%"), .role("img"),
                  .ariaLabelledBy("\(id)-title"), .class("chart")) {
            el("title", .id("\(id)-title")) { title }
            for (index, row) in rows.enumerated() {
                let y = index * rowHeight + 4
                let length = row.value * barWidth / maximum
                el("text", Attribute("x", String(labelWidth - 8)), Attribute("y", String(y + 18)), Attribute("text-anchor", "end"),
                   .class("chart-label")) { truncated(row.label, 34) }
                el("rect", Attribute("x", String(labelWidth)), Attribute("y", String(y + 4)), Attribute("width", String(max(length, 1))),
                   Attribute("height", String(rowHeight - 10)), Attribute("fill", "#1b5a96")) {}
                el("text", Attribute("x", String(labelWidth + length + 6)), Attribute("y", String(y + 18)), .class("chart-value")) {
                    t.number(row.value)
                }
            }
        }
    }

    public static func columns(id: String, title: String, rows: [(label: String, value: Int)], _ t: Translator) -> Node {
        let maximum = max(rows.map(\.value).max() ?? 0, 1)
        let columnWidth = max(12, min(48, 600 / max(rows.count, 1))), chartHeight = 180
        let width = rows.count * columnWidth + 60, height = chartHeight + 60
        return el("svg", Attribute("viewBox", "0 0 \(width) \(height)"), Attribute("width", "100%"), .role("img"),
                  .ariaLabelledBy("\(id)-title"), .class("chart")) {
            el("title", .id("\(id)-title")) { title }
            el("text", Attribute("x", "0"), Attribute("y", "14"), .class("chart-value")) { t.number(maximum) }
            el("line", Attribute("x1", "40"), Attribute("y1", String(chartHeight + 20)), Attribute("x2", String(width)),
               Attribute("y2", String(chartHeight + 20)), Attribute("stroke", "#444")) {}
            for (index, row) in rows.enumerated() {
                let x = 44 + index * columnWidth
                let barHeight = row.value * chartHeight / maximum
                el("rect", Attribute("x", String(x)), Attribute("y", String(chartHeight + 20 - barHeight)),
                   Attribute("width", String(columnWidth - 4)), Attribute("height", String(max(barHeight, 1))),
                   Attribute("fill", "#1b5a96")) { el("title") { "\(row.label): \(t.number(row.value))" } }
                if index % max(1, rows.count / 8) == 0 {
                    el("text", Attribute("x", String(x)), Attribute("y", String(chartHeight + 38)), .class("chart-label")) { row.label }
                }
            }
        }
    }

    /// A choropleth map: each territory filled by its class; the legend names the class bounds.
    public static func map(
        id: String, title: String, map: ProjectedMap, values: [(key: String, name: String, value: Double)], _ t: Translator
    ) -> Node {
        let maximum = max(values.map(\.value).max() ?? 0, 0.000_1)
        let places = maximum < 10 ? 2 : 1
        func classIndex(_ value: Double) -> Int { Figure.classIndex(value, upper: maximum) }
        return el("figure", .class("map")) {
            el("svg", Attribute("viewBox", "0 0 \(map.width) \(map.height)"), Attribute("width", "100%"), .role("img"),
               .ariaLabelledBy("\(id)-title"), .class("chart")) {
                el("title", .id("\(id)-title")) { title }
                for item in values {
                    if let path = map.paths[item.key] {
                        el("path", Attribute("d", path), Attribute("fill", classes[classIndex(item.value)]), Attribute("stroke", "#333"),
                           Attribute("stroke-width", "0.6")) {
                            el("title") { "\(item.name): \(decimal(item.value, t, places: places))" }
                        }
                    }
                }
            }
            el("figcaption") {
                el("ul", .class("legend")) {
                    for (index, colour) in classes.enumerated() {
                        let low = maximum * Double(index) / Double(classes.count)
                        let high = maximum * Double(index + 1) / Double(classes.count)
                        el("li") {
                            el("svg", Attribute("viewBox", "0 0 16 16"), Attribute("width", "16"), Attribute("height", "16"),
                               .ariaHidden) {
                                el("rect", Attribute("width", "16"), Attribute("height", "16"), Attribute("fill", colour),
                                   Attribute("stroke", "#333")) {}
                            }
                            " \(decimal(low, t, places: places))–\(decimal(high, t, places: places))"
                        }
                    }
                }
            }
        }
    }

    /// A non-negative number with `places` decimals in the language's notation.
    public static func decimal(_ value: Double, _ t: Translator, places: Int = 1) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((max(value, 0) * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(t.number(scaled / scale))\(t.language == .de ? "," : ".")\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }

    static func truncated(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
