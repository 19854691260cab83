import KonventDomain

/// A figure on a page: its drawing as inline SVG at its natural size (smaller only where the screen
/// is narrower), named by its caption for assistive technology; a map's legend as text below it, and
/// on request the figure's numbers as a table.
public enum FigureView {
    /// The words of the table that repeats the figure's numbers.
    public struct Table: Sendable {
        public var summary: String
        public var name: String
        public var value: String

        public init(summary: String, name: String, value: String) {
            self.summary = summary
            self.name = name
            self.value = value
        }
    }

    public static func render(_ figure: Figure, map: ProjectedMap?, table: Table? = nil) -> Node {
        let drawing = Drawing(figure, map: map, legend: false)
        guard !drawing.shapes.isEmpty else { return .empty }
        return .fragment([
            el("figure", .class("figure figure--\(figure.kind.rawValue)")) {
                el("svg", Attribute("viewBox", "0 0 \(drawing.width) \(drawing.height)"), Attribute("width", String(drawing.width)),
                   Attribute("height", String(drawing.height)), .role("img"), .ariaLabelledBy("\(figure.id)-title"), .class("chart")) {
                    el("title", .id("\(figure.id)-title")) { figure.caption }
                    for shape in drawing.shapes { self.shape(shape) }
                }
                if figure.kind == .map { legend(figure) }
                el("figcaption") { figure.caption }
            },
            table.map { numbers(figure, $0) } ?? .empty,
        ])
    }

    static func legend(_ figure: Figure) -> Node {
        guard !figure.legend.isEmpty else { return .empty }
        return el("div", .class("legend-block")) {
            if let title = figure.legendTitle { el("p", .class("legend-title")) { title } }
            el("ul", .class("legend")) {
                for (index, text) in figure.legend.enumerated() where index < Figure.classColours.count {
                    el("li") {
                        el("svg", Attribute("viewBox", "0 0 16 16"), Attribute("width", "16"), Attribute("height", "16"), .ariaHidden) {
                            el("rect", Attribute("width", "16"), Attribute("height", "16"), Attribute("fill", Figure.classColours[index]),
                               Attribute("stroke", "#333")) {}
                        }
                        " \(text)"
                    }
                }
            }
        }
    }

    static func numbers(_ figure: Figure, _ table: Table) -> Node {
        el("details", .class("figure-table")) {
            el("summary") { table.summary }
            Layout.scrolling(.ariaLabel(figure.caption)) {
                el("table", .class("data-table")) {
                    el("caption", .class("visually-hidden")) { figure.caption }
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { table.name }
                            el("th", Attribute("scope", "col"), .class("numeric")) { table.value }
                        }
                    }
                    el("tbody") {
                        for item in figure.items {
                            el("tr") {
                                el("th", Attribute("scope", "row")) { item.label }
                                el("td", .class("numeric")) { item.text }
                            }
                        }
                    }
                }
            }
        }
    }

    static func shape(_ shape: Drawing.Shape) -> Node {
        switch shape {
        case .rect(let x, let y, let width, let height, let fill, let title):
            return el("rect", Attribute("x", String(x)), Attribute("y", String(y)), Attribute("width", String(width)),
                      Attribute("height", String(height)), Attribute("fill", fill)) {
                if let title { el("title") { title } }
            }
        case .area(let rings, let fill, let stroke, let title):
            return el("path", Attribute("d", ProjectedMap.pathData(rings)), Attribute("fill", fill), Attribute("fill-rule", "evenodd"),
                      Attribute("stroke", stroke), Attribute("stroke-width", "0.6")) {
                if let title { el("title") { title } }
            }
        case .line(let x1, let y1, let x2, let y2, let stroke):
            return el("line", Attribute("x1", String(x1)), Attribute("y1", String(y1)), Attribute("x2", String(x2)),
                      Attribute("y2", String(y2)), Attribute("stroke", stroke)) {}
        case .text(let x, let y, let text, let anchor, let size):
            return el("text", Attribute("x", String(x)), Attribute("y", String(y)), Attribute("text-anchor", anchor.rawValue),
                      Attribute("font-size", String(size)), Attribute("fill", Figure.ink)) { text }
        case .label(let x, let y, let text, let size):
            // The halo is the same text drawn first with a wide white outline (SVG 1.1 has no paint-order).
            return .fragment([
                el("text", Attribute("x", String(x)), Attribute("y", String(y)), Attribute("text-anchor", "middle"),
                   Attribute("font-size", String(size)), Attribute("font-weight", "bold"), Attribute("fill", "#fff"),
                   Attribute("stroke", "#fff"), Attribute("stroke-width", "4"), Attribute("stroke-linejoin", "round"), .ariaHidden) { text },
                el("text", Attribute("x", String(x)), Attribute("y", String(y)), Attribute("text-anchor", "middle"),
                   Attribute("font-size", String(size)), Attribute("font-weight", "bold"), Attribute("fill", Figure.ink), .ariaHidden) { text },
            ])
        }
    }
}
