import KonventDomain

/// A figure's drawing as a PNG, for readers that cannot show SVG (LibreOffice and older Word with
/// DOCX): bars, areas, lines, swatches and text at twice the drawing's size in its flat colours, the
/// text from glyphs rendered once from Liberation Sans (`Glyphs`).
enum PNGImage {
    static let scale = 2

    static func render(_ drawing: Drawing) -> [UInt8] {
        var canvas = Canvas(width: drawing.width * scale, height: drawing.height * scale)
        for shape in drawing.shapes {
            switch shape {
            case .rect(let x, let y, let width, let height, let fill, _):
                canvas.fill(x: x * scale, y: y * scale, width: width * scale, height: height * scale, colour: canvas.colour(fill))
            case .area(let rings, let fill, let stroke, _):
                let scaled = rings.map { $0.map { ProjectedMap.Pixel(x: $0.x * scale, y: $0.y * scale) } }
                canvas.fill(rings: scaled, colour: canvas.colour(fill))
                let ink = canvas.colour(stroke)
                for ring in scaled {
                    for (index, point) in ring.enumerated() { canvas.line(point, ring[(index + 1) % ring.count], colour: ink) }
                }
            case .line(let x1, let y1, let x2, let y2, let stroke):
                canvas.line(.init(x: x1 * scale, y: y1 * scale), .init(x: x2 * scale, y: y2 * scale), colour: canvas.colour(stroke))
            case .text(let x, let y, let text, let anchor, _):
                canvas.text(text, x: x * scale, y: y * scale, anchor: anchor, colour: canvas.colour(Figure.ink))
            case .label(let x, let y, let text, _):
                // The halo: the text in white, shifted around its place, then in ink on top.
                let white = canvas.colour("#ffffff")
                for (dx, dy) in [(-2, 0), (2, 0), (0, -2), (0, 2), (-2, -2), (2, 2), (-2, 2), (2, -2)] {
                    canvas.text(text, x: x * scale + dx, y: y * scale + dy, anchor: .middle, colour: white)
                }
                canvas.text(text, x: x * scale, y: y * scale, anchor: .middle, colour: canvas.colour(Figure.ink))
            }
        }
        return canvas.png()
    }
}

/// Pixels as indices into a palette of at most 256 colours; white first, as the background.
struct Canvas {
    let width: Int
    let height: Int
    private(set) var pixels: [UInt8]
    private(set) var palette: [String] = ["#ffffff"]

    init(width: Int, height: Int) {
        self.width = max(width, 1)
        self.height = max(height, 1)
        pixels = [UInt8](repeating: 0, count: self.width * self.height)
    }

    mutating func colour(_ hex: String) -> UInt8 {
        if let index = palette.firstIndex(of: hex) { return UInt8(index) }
        guard palette.count < 256 else { return 0 }
        palette.append(hex)
        return UInt8(palette.count - 1)
    }

    /// Fills a rectangle; what lies outside the canvas is cut off.
    mutating func fill(x: Int, y: Int, width: Int, height: Int, colour: UInt8) {
        let left = max(x, 0), right = min(x + width, self.width), top = max(y, 0), bottom = min(y + height, self.height)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            for column in left..<right { pixels[row * self.width + column] = colour }
        }
    }

    /// Fills the rings even-odd, row by row at the pixels' centres, so that holes stay empty.
    mutating func fill(rings: [[ProjectedMap.Pixel]], colour: UInt8) {
        let edges = rings.flatMap { ring in ring.indices.map { (ring[$0], ring[($0 + 1) % ring.count]) } }.filter { $0.0.y != $0.1.y }
        guard let top = edges.map({ min($0.0.y, $0.1.y) }).min(), let bottom = edges.map({ max($0.0.y, $0.1.y) }).max() else { return }
        guard max(top, 0) < min(bottom, height) else { return }
        for row in max(top, 0)..<min(bottom, height) {
            let centre = Double(row) + 0.5
            var crossings: [Int] = []
            for (a, b) in edges where (Double(a.y) <= centre) != (Double(b.y) <= centre) {
                let x = Double(a.x) + (centre - Double(a.y)) * Double(b.x - a.x) / Double(b.y - a.y)
                crossings.append(Int(x.rounded()))
            }
            crossings.sort()
            var index = 0
            while index + 1 < crossings.count {
                fill(x: crossings[index], y: row, width: crossings[index + 1] - crossings[index], height: 1, colour: colour)
                index += 2
            }
        }
    }

    /// A line one pixel wide (Bresenham).
    mutating func line(_ from: ProjectedMap.Pixel, _ to: ProjectedMap.Pixel, colour: UInt8) {
        var x = from.x, y = from.y
        let dx = abs(to.x - x), dy = -abs(to.y - y), stepX = x < to.x ? 1 : -1, stepY = y < to.y ? 1 : -1
        var error = dx + dy
        while true {
            if x >= 0, x < width, y >= 0, y < height { pixels[y * width + x] = colour }
            if x == to.x && y == to.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
        }
    }

    /// Text on its baseline at `y`, starting or ending at `x`; characters without a glyph as "?".
    mutating func text(_ text: String, x: Int, y: Int, anchor: Drawing.Anchor, colour: UInt8) {
        let glyphs = text.unicodeScalars.compactMap { Glyphs.table[$0.value] ?? Glyphs.table[63] }
        let advance = glyphs.reduce(0) { $0 + $1.advance }
        var pen = switch anchor {
        case .start: x
        case .middle: x - advance / 2
        case .end: x - advance
        }
        for glyph in glyphs {
            var index = 0
            for digit in glyph.bits.utf8 {
                let nibble = digit <= 57 ? digit - 48 : digit - 87  // 0-9, a-f
                for bit in 0..<4 {
                    let position = index + bit
                    guard position < glyph.width * glyph.height, nibble & (8 >> bit) != 0 else { continue }
                    let px = pen + glyph.x + position % glyph.width, py = y + glyph.y + position / glyph.width
                    if px >= 0, px < width, py >= 0, py < height { pixels[py * width + px] = colour }
                }
                index += 4
            }
            pen += glyph.advance
        }
    }

    /// An 8-bit palette PNG.
    func png() -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            raw.append(0)  // no filter: identical rows and runs compress well enough
            raw += pixels[(row * width)..<((row + 1) * width)]
        }
        var header = Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]  // 8 bits, palette, deflate, adaptive filters, not interlaced
        let colours = palette.flatMap { hex -> [UInt8] in
            let value = UInt32(hex.dropFirst(), radix: 16) ?? 0
            return [UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
        }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.chunk("IHDR", header) + Self.chunk("PLTE", colours)
            + Self.chunk("IDAT", Deflate.zlib(raw)) + Self.chunk("IEND", [])
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(ZipArchive.crc32(body))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}
