import KonventDomain

/// A figure's drawing as a standalone SVG file, for ODT (LibreOffice draws it, also into the PDF)
/// and DOCX (Word 2016 and later).
enum SVGImage {
    static func render(_ drawing: Drawing) -> String {
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(drawing.width) \(drawing.height)" \
            width="\(drawing.width)" height="\(drawing.height)" font-family="Liberation Sans, Arial, sans-serif">\
            <title>\(XML.escape(drawing.title))</title>
            """
        for shape in drawing.shapes {
            switch shape {
            case .rect(let x, let y, let width, let height, let fill, let title):
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(fill)\">\(titled(title))</rect>"
            case .area(let rings, let fill, let stroke, let title):
                svg += "<path d=\"\(ProjectedMap.pathData(rings))\" fill=\"\(fill)\" fill-rule=\"evenodd\" stroke=\"\(stroke)\" stroke-width=\"0.6\">\(titled(title))</path>"
            case .line(let x1, let y1, let x2, let y2, let stroke):
                svg += "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(stroke)\"/>"
            case .text(let x, let y, let text, let anchor, let size):
                svg += "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor.rawValue)\" font-size=\"\(size)\" fill=\"\(Figure.ink)\">\(XML.escape(text))</text>"
            case .label(let x, let y, let text, let size):
                // The halo first: the same text with a wide white outline, then the text itself.
                let place = "x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" font-size=\"\(size)\" font-weight=\"bold\""
                svg += "<text \(place) fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\">\(XML.escape(text))</text>"
                    + "<text \(place) fill=\"\(Figure.ink)\">\(XML.escape(text))</text>"
            }
        }
        return svg + "</svg>"
    }

    static func titled(_ title: String?) -> String { title.map { "<title>\(XML.escape($0))</title>" } ?? "" }
}
