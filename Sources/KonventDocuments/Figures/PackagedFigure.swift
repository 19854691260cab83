import KonventDomain

/// The figures of a document as the packages carry them: an SVG and a PNG each, with the size the
/// page gives them and a description of the numbers for assistive technology.
struct PackagedFigure {
    var number: Int
    var caption: String
    var description: String
    var svg: String
    var png: [UInt8]
    /// Width and height on the page in centimetres: the text width of A4 with 2.5 cm margins (16 cm)
    /// at most, and narrower drawings a little larger than their pixels, so that their text is about
    /// as large as the document's.
    var widthCm: Double
    var heightCm: Double

    /// Nil when there is nothing to draw (a map without outlines).
    init?(_ figure: Figure, number: Int, map: ProjectedMap?) {
        let drawing = Drawing(figure, map: map)
        guard !drawing.shapes.isEmpty else { return nil }
        self.number = number
        caption = figure.caption
        description = figure.items.map { "\($0.label): \($0.text)" }.joined(separator: "; ")
        svg = SVGImage.render(drawing)
        png = PNGImage.render(drawing)
        widthCm = min(16, (Double(drawing.width) * 0.03 * 100).rounded() / 100)
        heightCm = (widthCm * Double(drawing.height) / Double(drawing.width) * 100).rounded() / 100
    }
}
