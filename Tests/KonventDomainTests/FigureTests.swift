import KonventDomain
import Testing

@Suite("Masterplan: figures and their drawing")
struct FigureTests {
    let square = RegionMap(shapes: [
        "west": [[.init(longitude: 12.0, latitude: 50.0), .init(longitude: 12.5, latitude: 50.0), .init(longitude: 12.5, latitude: 50.5),
                  .init(longitude: 12.0, latitude: 50.5)]],
        "east": [[.init(longitude: 12.5, latitude: 50.0), .init(longitude: 13.0, latitude: 50.0), .init(longitude: 13.0, latitude: 50.5),
                  .init(longitude: 12.5, latitude: 50.5)]],
    ])

    @Test("a series: days spaced by their distance, the scale from zero to a round number above values and target, the target across")
    func series() throws {
        var figure = Figure(id: "ausbildung", kind: .series, caption: "Ausbildungsverträge", items: [
            .init(key: "2027-01-01", label: "01.01.2027", value: 0, text: "0"),
            .init(key: "2027-01-11", label: "11.01.2027", value: 100, text: "100"),
            .init(key: "2027-04-11", label: "11.04.2027", value: 200, text: "200"),
        ])
        figure.target = 300
        figure.targetLabel = "Ziel: 300"
        let drawing = Drawing(figure, map: nil)
        let points = drawing.shapes.compactMap { shape -> (x: Int, y: Int)? in
            if case .rect(let x, let y, _, _, _, let title) = shape, title != nil { return (x + 4, y + 4) }
            return nil
        }
        #expect(points.count == 3)
        // Ten days, then ninety: the second gap is nine times the first.
        let first = points[1].x - points[0].x, second = points[2].x - points[1].x
        #expect(abs(Double(second) / Double(first) - 9) < 0.3, "\(first) / \(second)")
        let texts = drawing.shapes.compactMap { shape -> String? in if case .text(_, _, let text, _, _) = shape { text } else { nil } }
        #expect(texts.contains("300") && texts.contains("0"), "the scale ends at the target, a round number: \(texts)")
        #expect(texts.contains("Ziel: 300") && texts.contains("01.01.2027") && texts.contains("11.04.2027"))
        let target = drawing.shapes.contains { if case .line(_, let y1, _, let y2, let stroke) = $0 { y1 == y2 && stroke != Figure.grid && stroke != Figure.ink } else { false } }
        #expect(target, "the target as a line across")
        // 0 on the baseline, 200 at two thirds of the height from it.
        let baseline = points[0].y, top = try #require(points.map(\.y).min())
        #expect(abs(Double(baseline - top) / Double(baseline - points[1].y) - 2) < 0.05)
        #expect(Drawing.roundUp(301) == 400 && Drawing.roundUp(18) == 20 && Drawing.roundUp(0.7) == 0.8)
    }

    @Test("bars are as long as their share of the largest value, each under its name and followed by its value")
    func bars() {
        let figure = Figure(id: "f", kind: .bars, caption: "Maßnahmen", items: [
            .init(key: "a", label: "Wirtschaft", value: 30, text: "30"), .init(key: "b", label: "Bildung", value: 15, text: "15"),
            .init(key: "c", label: "Leer", value: 0, text: "0"),
        ])
        let drawing = Drawing(figure, map: nil)
        let bars = drawing.shapes.compactMap { shape -> (y: Int, width: Int)? in
            if case .rect(_, let y, let width, _, _, _) = shape { return (y, width) }
            return nil
        }
        let full = drawing.width - TextMetrics.width("30", size: 14) - 10
        #expect(bars.map(\.width) == [full, full / 2, 1], "the largest fills the bar width, half is half, zero stays a hairline")
        #expect(drawing.shapes.contains(.text(x: 0, y: 18, text: "Wirtschaft", anchor: .start, size: 14)), "the name above its bar")
        #expect(drawing.shapes.contains(.text(x: full / 2 + 6, y: bars[1].y + 13, text: "15", anchor: .start, size: 14)), "the value after its bar")
    }

    @Test("a long name wraps onto further lines, word by word, instead of being cut off")
    func wrappedLabels() {
        let name = "Hochschule, außeruniversitäre Forschungseinrichtung oder wissenschaftliche Gesellschaft"
        let drawing = Drawing(Figure(id: "f", kind: .bars, caption: "Art", items: [.init(key: "a", label: name, value: 3, text: "3")]), map: nil)
        let lines = drawing.shapes.compactMap { shape -> String? in
            if case .text(_, _, let text, .start, _) = shape, text != "3" { return text }
            return nil
        }
        #expect(lines.count >= 2)
        #expect(lines.joined(separator: " ") == name, "every word is there, none cut")
        #expect(lines.allSatisfy { TextMetrics.width($0, size: 14) <= drawing.width })
    }

    @Test("columns over 30 months: the axis labels never overlap, and the year stands only where it changes")
    func columnLabels() {
        let items = (0..<30).map { index -> Figure.Item in
            let month = index % 12 + 1, year = 2025 + index / 12
            return .init(key: "\(year)-\(month)", label: "\(month)/\(year)", value: Double(index % 7), text: "\(index % 7)",
                         axis: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"][month - 1] + "\n\(year)")
        }
        let drawing = Drawing(Figure(id: "m", kind: .columns, caption: "Monate", items: items), map: nil)
        var rows: [Int: [(Int, Int)]] = [:]
        var years: [String] = []
        for case .text(let x, let y, let text, .middle, let size) in drawing.shapes {
            let half = TextMetrics.width(text, size: size) / 2
            rows[y, default: []].append((x - half, x + half))
            if text.hasPrefix("20") { years.append(text) }
        }
        #expect(rows.count == 2, "a row of months and a row of years")
        for (_, extents) in rows {
            let sorted = extents.sorted { $0.0 < $1.0 }
            for (left, right) in zip(sorted, sorted.dropFirst()) { #expect(left.1 < right.0, "labels \(left) and \(right) overlap") }
            #expect(sorted.allSatisfy { $0.0 >= 0 && $0.1 <= drawing.width }, "every label inside the drawing")
        }
        #expect(years == ["2025", "2026", "2027"])
        #expect(drawing.shapes.filter { if case .rect = $0 { true } else { false } }.count == 30)
    }

    @Test("a map colours each territory by its class between the smallest and the largest value, with names and a legend")
    func map() {
        let projected = ProjectedMap(square, width: 200)
        let figure = Figure(id: "m", kind: .map, caption: "Karte", items: [
            .init(key: "west", label: "West", value: 0.2, text: "0,20"), .init(key: "east", label: "Ost", value: 0.3, text: "0,30"),
            .init(key: "nowhere", label: "Ohne Umriss", value: 0.25, text: "0,25"),
        ], legend: ["a", "b", "c", "d", "e"], legendTitle: "Klassen", named: true)
        let drawing = Drawing(figure, map: projected)
        let fills = drawing.shapes.compactMap { shape -> String? in
            if case .area(_, let fill, _, _) = shape { return fill }
            return nil
        }
        #expect(fills == [Figure.classColours[0], Figure.classColours[4]], "close values still differ; a territory without outline is left out")
        let names = drawing.shapes.compactMap { shape -> (String, Int)? in
            if case .label(let x, _, let text, _) = shape { return (text, x) }
            return nil
        }
        #expect(names.map(\.0) == ["West", "Ost"], "each territory named on the map")
        #expect(names[0].1 < 100 && names[1].1 > 100, "each name on its own territory")
        #expect(drawing.shapes.contains(.text(x: 8, y: projected.height + 8 + 13, text: "Klassen", anchor: .start, size: 13)))
        #expect(drawing.shapes.contains { if case .text(32, _, "a", .start, 13) = $0 { true } else { false } })
        #expect(Drawing(figure, map: projected, legend: false).height == projected.height, "the site writes the legend as text")
        #expect(Drawing(figure, map: nil).shapes.isEmpty, "without outlines there is nothing to draw")
    }

    @Test("values close together (0.27 to 0.33, as the five districts had) fall into different classes")
    func closeValuesDiffer() {
        let values = [0.27, 0.29, 0.30, 0.31, 0.33]
        let figure = Figure(id: "m", kind: .map, caption: "Karte", items: values.enumerated().map {
            .init(key: "\($0.offset)", label: "\($0.offset)", value: $0.element, text: "\($0.element)")
        })
        #expect(Set(figure.items.map(figure.classIndex(of:))).count >= 4)
        #expect(Figure.classBounds(of: values).first?.low == 0.27 && Figure.classBounds(of: values).last?.high == 0.33)
    }

    @Test("classes: equal intervals, the largest value in the last class")
    func classes() {
        #expect(Figure.classIndex(0, upper: 10) == 0)
        #expect(Figure.classIndex(10, upper: 10) == 4)
        #expect(Figure.classIndex(5, upper: 10) == 2)
        #expect(Figure.classIndex(3, lower: 2, upper: 4) == 2)
        #expect(Figure.classIndex(3, lower: 3, upper: 3) == 4, "all equal and above zero: the strongest class")
        #expect(Figure.classBounds(lower: 1, upper: 6).map(\.low) == [1, 2, 3, 4, 5])
    }

    @Test("the projection keeps the rings and their path data agree")
    func projection() {
        let projected = ProjectedMap(square, width: 200)
        let west = try? #require(projected.rings["west"]?.first)
        #expect(west?.count == 4)
        #expect(projected.paths["west"] == ProjectedMap.pathData(projected.rings["west"] ?? []))
        #expect(projected.paths["west"]?.hasPrefix("M4 ") == true, "the western edge sits on the margin")
    }
}

@Suite("Status report: the whole and each field, with a chart for each")
struct StatusReportTests {
    @Test("totals over the fields, formats and contributions per field, a chart of the states and of the financing per chapter")
    func report() throws {
        let region = try testRegion()
        let plan = MasterplanAssembler(region: region, language: .de) { key, arguments in
            arguments.isEmpty ? key : key + "(" + arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + ")"
        }
        let field = region.fieldsOfAction[0].key
        var figures = PlanFigures(formats: 3, contributions: 20, supports: 0, comments: 0, takenUp: 0, byDistrict: [:], byField: [field: 12])
        figures.formatsByField = [field: 2]
        let data = StatusFigures(figures: figures, pipeline: [field: ["draft": 2, "adopted": 1]], planned: [], overdue: [field: 1],
                                 deadline: "2026-12-31", daysToDeadline: 36)
        let document = StatusReportAssembler(plan: plan).document(data, status: "Stand")
        let chapter = try #require(document.chapters.first { $0.key == "field-\(field)" })
        #expect(chapter.blocks.first == .paragraph(id: "field-\(field)-1", text: "report.field.contributions(count=12,formats=2)"))
        let charts = document.chapters.map { chapter in
            chapter.blocks.compactMap { block -> String? in
                if case .figure(let figure) = block { return figure.id }
                return nil
            }
        }
        #expect(charts.allSatisfy { $0.count == 2 }, "states and financing in every chapter")
        let overall = try #require(document.chapters.first?.blocks.compactMap { block -> Figure? in
            if case .figure(let figure) = block, figure.id == "overall-states" { return figure }
            return nil
        }.first)
        #expect(overall.items.map(\.value).reduce(0, +) == 3, "the whole counts each measure once")
        #expect(document.chapters.first?.blocks.contains(.paragraph(id: "overall-overdue", text: "report.overdue(count=1)")) == true)
    }
}
