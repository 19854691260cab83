import KonventDomain

/// `/report`: the status report for the cabinet, with a chart of the measures' states for the whole
/// and for each field of action, and its exports.
public enum ReportPage {
    public struct Model: Sendable {
        public var document: MasterplanDocument
        /// Chapter key → (state name, measures) for its chart.
        public var charts: [String: [(label: String, value: Int)]]

        public init(document: MasterplanDocument, charts: [String: [(label: String, value: Int)]]) {
            self.document = document
            self.charts = charts
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, d = model.document
        return Layout.page(title: d.title, context) {
            el("h1") { d.title }
            el("p", .class("lead")) { d.status }
            el("p") {
                t("masterplan.export")
                for format in ["html", "odt", "docx", "pdf"] {
                    " "
                    el("a", .href("/report.\(format)")) { format.uppercased() }
                }
            }
            MasterplanHTML.tableOfContents(d, title: t("masterplan.contents"))
            MasterplanHTML.chapters(d, level: 2, after: { chapter in
                if let rows = model.charts[chapter.key] {
                    Charts.horizontalBars(id: "chart-\(chapter.key)", title: t("report.states.chart", ["title": chapter.title]), rows: rows, t)
                } else {
                    Node.empty
                }
            })
        }
    }
}
