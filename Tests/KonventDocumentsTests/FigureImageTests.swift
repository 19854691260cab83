import Foundation
import KonventDomain
import Testing

@testable import KonventDocuments

/// The figures' images and the compression behind them, checked by Python's zlib rather than by our
/// own reader, so that a bug cannot hide in both directions.
@Suite("Documents: DEFLATE, PNG and SVG of the figures")
struct FigureImageTests {
    /// Runs `script` with the bytes' file as its argument; its standard output, or an issue when it fails.
    func python(_ script: String, _ bytes: [UInt8]) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-\(UUID())")
        let input = base.appendingPathExtension("bin"), output = base.appendingPathExtension("out"), errors = base.appendingPathExtension("err")
        try Data(bytes).write(to: input)
        try Data().write(to: output)
        try Data().write(to: errors)
        defer { for file in [input, output, errors] { try? FileManager.default.removeItem(at: file) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input.path]
        // Files rather than pipes: nothing to drain while the process runs.
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let problems = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(problems)")
        return String(decoding: try Data(contentsOf: output), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("DEFLATE and zlib streams that Python's zlib inflates to the input, smaller where the input repeats")
    func deflate() throws {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let xml = Array(String(repeating: "<text:p text:style-name=\"Standard\">Straße & Größe</text:p>", count: 2_000).utf8)
        let runs = [UInt8](repeating: 7, count: 70_000) + [1, 2, 3] + [UInt8](repeating: 0, count: 300)
        for input in [[], [42], Array("abcabcabcabc".utf8), random, xml, runs, random + random] {
            let raw = Deflate.compress(input), wrapped = Deflate.zlib(input)
            let sha = try python("import sys,zlib,hashlib; print(hashlib.sha256(zlib.decompress(open(sys.argv[1],'rb').read(), -15)).hexdigest())", raw)
            let expected = try python("import sys,hashlib; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())", input)
            #expect(sha == expected, "raw DEFLATE of \(input.count) bytes")
            let wrappedSha = try python("import sys,zlib,hashlib; print(hashlib.sha256(zlib.decompress(open(sys.argv[1],'rb').read())).hexdigest())", wrapped)
            #expect(wrappedSha == expected, "zlib stream (Adler-32 checked) of \(input.count) bytes")
        }
        #expect(Deflate.compress(xml).count < xml.count / 20)
        #expect(Deflate.compress(runs).count < 1_000)
    }

    @Test("a figure's PNG: the drawing at twice its size, its bars in their colour on white, its labels in ink")
    func png() throws {
        let figure = Figure(id: "f", kind: .bars, caption: "Maßnahmen", items: [
            .init(key: "a", label: "Wirtschaft", value: 30, text: "30"), .init(key: "b", label: "Bildung", value: 15, text: "15"),
        ])
        let drawing = Drawing(figure, map: nil)
        let png = PNGImage.render(drawing)
        // Decodes the palette PNG by hand: signature, size, palette, rows with filter byte 0.
        let script = """
            import sys, zlib, struct
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            pos, chunks = 8, {}
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                assert struct.unpack('>I', data[pos + 8 + length:pos + 12 + length])[0] == zlib.crc32(kind + body)
                chunks[kind] = chunks.get(kind, b'') + body
                pos += 12 + length
            width, height, depth, colour = struct.unpack('>IIBB', chunks[b'IHDR'][:10])
            palette = chunks[b'PLTE']
            rows = zlib.decompress(chunks[b'IDAT'])
            assert len(rows) == height * (width + 1)
            def pixel(x, y):
                index = rows[y * (width + 1) + 1 + x]
                return '%02x%02x%02x' % tuple(palette[index * 3:index * 3 + 3])
            # inside the first bar (x 0..394, y 23..39 at scale 1), inside the second (0..197, 74..90), beyond it, the corner;
            # the labels' ink above the first bar, and the value's right of the second bar
            label = sum(pixel(x, y) == '1b1f24' for x in range(0, 2 * 200) for y in range(2 * 4, 2 * 21))
            value = sum(pixel(x, y) == '1b1f24' for x in range(2 * 203, 2 * 240) for y in range(2 * 74, 2 * 90))
            print(width, height, depth, colour, pixel(2 * 200, 2 * 30), pixel(2 * 100, 2 * 80), pixel(2 * 300, 2 * 80), pixel(0, 0),
                  label > 100, value > 20)
            """
        #expect(try python(script, png) == "\(drawing.width * 2) \(drawing.height * 2) 8 3 1b5a96 1b5a96 ffffff ffffff True True")
    }

    @Test("text in a PNG starts or ends at its anchor; characters without a glyph still take room")
    func text() {
        var canvas = Canvas(width: 400, height: 60)
        let ink = canvas.colour("#1b1f24")
        canvas.text("Größe 1.000 €", x: 200, y: 40, anchor: .end, colour: ink)
        let columns = canvas.pixels.indices.filter { canvas.pixels[$0] == ink }.map { $0 % 400 }
        #expect(columns.count > 100)
        #expect(columns.allSatisfy { $0 < 200 } && columns.min()! > 20, "ends at its anchor")
        var start = Canvas(width: 400, height: 60)
        start.text("Größe 1.000 €", x: 200, y: 40, anchor: .start, colour: start.colour("#1b1f24"))
        #expect(start.pixels.indices.filter { start.pixels[$0] == 1 }.allSatisfy { $0 % 400 >= 200 }, "starts at its anchor")
        var unknown = Canvas(width: 400, height: 60)
        unknown.text("\u{4E2D}", x: 10, y: 40, anchor: .start, colour: unknown.colour("#1b1f24"))
        #expect(unknown.pixels.contains(1), "drawn as a question mark")
    }

    @Test("a map's PNG fills territories even-odd, so that a hole stays white")
    func hole() throws {
        let outer: [ProjectedMap.Pixel] = [.init(x: 0, y: 0), .init(x: 40, y: 0), .init(x: 40, y: 40), .init(x: 0, y: 40)]
        let inner: [ProjectedMap.Pixel] = [.init(x: 15, y: 15), .init(x: 25, y: 15), .init(x: 25, y: 25), .init(x: 15, y: 25)]
        var canvas = Canvas(width: 40, height: 40)
        canvas.fill(rings: [outer, inner], colour: canvas.colour("#3f84c5"))
        #expect(canvas.pixels[5 * 40 + 5] == 1, "inside the outer ring")
        #expect(canvas.pixels[20 * 40 + 20] == 0, "inside the hole")
        #expect(canvas.palette == ["#ffffff", "#3f84c5"])
        // Shapes beyond the canvas are cut off, not a crash.
        canvas.fill(x: 30, y: 30, width: 100, height: 100, colour: 1)
        canvas.fill(x: 50, y: 50, width: 10, height: 10, colour: 1)
        canvas.fill(x: 5, y: 5, width: -10, height: 4, colour: 1)
        canvas.fill(rings: [outer.map { .init(x: $0.x, y: $0.y + 100) }], colour: 1)
        canvas.line(.init(x: -20, y: -20), .init(x: 60, y: 60), colour: 1)
        #expect(canvas.pixels.count == 40 * 40 && canvas.pixels[39 * 40 + 39] == 1)
    }

    @Test("a figure's SVG is well-formed XML with its texts escaped")
    func svg() throws {
        let figure = Figure(id: "f", kind: .bars, caption: "Kosten <gesamt> & Förderung", items: [
            .init(key: "a", label: "Bund & Land", value: 3, text: "3 €"),
        ])
        let svg = SVGImage.render(Drawing(figure, map: nil))
        let out = try python("import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); print(d.getElementsByTagName('title')[0].firstChild.data)",
                             Array(svg.utf8))
        #expect(out == "Kosten <gesamt> & Förderung")
        #expect(svg.contains(">Bund &amp; Land</text>"))
    }
}
