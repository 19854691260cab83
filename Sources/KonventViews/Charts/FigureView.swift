import KonventDomain

/// A document's figure on a page: its drawing as inline SVG, named by its caption for assistive
/// technology; the numbers stand in the table or text beside it.
public enum FigureView {
    public static func render(_ figure: Figure, map: ProjectedMap?) -> Node {
        let drawing = Drawing(figure, map: map)
        guard !drawing.shapes.isEmpty else { return .empty }
        return el("figure", .class("figure")) {
            el("svg", Attribute("viewBox", "0 0 \(drawing.width) \(drawing.height)"), Attribute("width", "100%"), .role("img"),
               .ariaLabelledBy("\(figure.id)-title"), .class("chart")) {
                el("title", .id("\(figure.id)-title")) { figure.caption }
                for shape in drawing.shapes { self.shape(shape) }
            }
            el("figcaption") { figure.caption }
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
        }
    }

}
