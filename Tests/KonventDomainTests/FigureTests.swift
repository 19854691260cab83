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

    @Test("bars are as long as their share of the largest value, each labelled with its name and its value")
    func bars() {
        let figure = Figure(id: "f", kind: .bars, caption: "Maßnahmen", items: [
            .init(key: "a", label: "Wirtschaft", value: 30, text: "30"), .init(key: "b", label: "Bildung", value: 15, text: "15"),
            .init(key: "c", label: "Leer", value: 0, text: "0"),
        ])
        let drawing = Drawing(figure, map: nil)
        let widths = drawing.shapes.compactMap { shape -> Int? in
            if case .rect(_, _, let width, _, _, _) = shape { return width }
            return nil
        }
        #expect(widths == [300, 150, 1], "the largest fills the bar width, half is half, zero stays visible as a hairline")
        #expect(drawing.shapes.contains(.text(x: 252, y: 22, text: "Wirtschaft", anchor: .end, size: 13)))
        #expect(drawing.shapes.contains(.text(x: 416, y: 50, text: "15", anchor: .start, size: 13)), "the value right of its bar")
        #expect(drawing.height == 3 * 28 + 8)
    }

    @Test("a map colours each territory by its class between the smallest and the largest value, with a legend")
    func map() {
        let projected = ProjectedMap(square, width: 200)
        let figure = Figure(id: "m", kind: .map, caption: "Karte", items: [
            .init(key: "west", label: "West", value: 0.2, text: "0,20"), .init(key: "east", label: "Ost", value: 0.3, text: "0,30"),
            .init(key: "nowhere", label: "Ohne Umriss", value: 0.25, text: "0,25"),
        ], legend: ["a", "b", "c", "d", "e"])
        let drawing = Drawing(figure, map: projected)
        let fills = drawing.shapes.compactMap { shape -> String? in
            if case .area(_, let fill, _, _) = shape { return fill }
            return nil
        }
        #expect(fills == [Figure.classColours[0], Figure.classColours[4]], "close values still differ; a territory without outline is left out")
        #expect(drawing.shapes.contains(.text(x: 32, y: projected.height + 8 + 13, text: "a", anchor: .start, size: 13)))
        #expect(drawing.height > projected.height)
        #expect(Drawing(figure, map: nil).shapes.isEmpty, "without outlines there is nothing to draw")
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
