import KonventDomain

/// `/report`: the status report for the cabinet, with charts of the measures' states and their financing
/// for the whole and for each field of action, and its exports.
public enum ReportPage {
    public static func render(_ d: MasterplanDocument, map: ProjectedMap?, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: d.title, context) {
            el("h1") { d.title }
            el("p", .class("lead")) { d.status }
            el("p") {
                t("masterplan.export")
                for format in ["html", "odt", "docx", "pdf"] {
                    " "
                    el("a", .href(Site.Masterplan.reportFile(format)())) { format.uppercased() }
                }
            }
            MasterplanHTML.tableOfContents(d, title: t("masterplan.contents"))
            MasterplanHTML.chapters(d, level: 2, map: map)
        }
    }
}
