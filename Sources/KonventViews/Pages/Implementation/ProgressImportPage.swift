import KonventDomain

/// `/implementation/import`: the office uploads progress for many measures at once. Nothing is
/// saved until every row is valid; the report names each bad line.
public enum ProgressImportPage {
    public struct Model: Sendable {
        public var report: [ResultImport.LineError] = []
        public var notice: String?
        /// Whether reports of sponsors and ministries publish without the office.
        public var publishesDirectly = false

        public init() {}
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("progressImport.title"), context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Implementation.overview())) { t("implementation.title") } }
            el("h1") { t("progressImport.title") }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            if !model.report.isEmpty { report(model.report, t) }
            el("p") { t("progressImport.intro") }
            el("p") { el("a", .href(Site.Implementation.template())) { t("progressImport.template") } }
            el("pre", .class("example")) {
                "Kennung;Datum;Stand;Prozent;Bericht;Indikator;Wert;Quelle\nWI-01;2027-03-31;Im Plan;25;Die Arbeitsgruppe tagt monatlich.;Neue Betriebe;12;Gewerbeamt"
            }
            el("form", .method("post"), .action(Site.Implementation.import()), Attribute("enctype", "multipart/form-data"), .class("form")) {
                void("input", .type("hidden"), .name("_csrf"), .value(context.csrfToken))
                el("div", .class("field")) {
                    el("label", .for("field-file")) { t("results.import.file") }
                    el("p", .id("field-file-hint"), .class("hint")) { t("progressImport.file.hint") }
                    void("input", .id("field-file"), .name("file"), .type("file"), Attribute("accept", ".csv,text/csv"),
                         .required, .ariaDescribedBy("field-file-hint"))
                }
                Forms.submit(t("results.import.send"))
            }
            publishing(model, context)
        }
    }

    /// The office's choice whether reports wait for it.
    static func publishing(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("publishing-title")) {
            el("h2", .id("publishing-title")) { t("progressPublishing.title") }
            el("p") { model.publishesDirectly ? t("progressPublishing.direct") : t("progressPublishing.office") }
            Forms.post(Site.Implementation.publishing(), context) {
                void("input", .type("hidden"), .name("direct"), .value(model.publishesDirectly ? "0" : "1"))
                Forms.submit(model.publishesDirectly ? t("progressPublishing.toOffice") : t("progressPublishing.toDirect"))
            }
        }
    }

    static func report(_ lines: [ResultImport.LineError], _ t: Translator) -> Node {
        ImportReport.render(lines, title: t("results.report.import", ["count": t.number(lines.count)]),
                            lineHeader: t("results.report.line"), column: { $0 }, t)
    }
}
