import KonventDomain

/// `/formats/{id}/results`: the facilitator writes many contributions at once, or uploads a CSV file.
/// Either way nothing is saved until every row is valid; the report names each bad line.
public enum FormatResultsPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var format: Format
        public var rows: [ResultImport.Row]
        public var report: [ResultImport.LineError] = []
        /// Where the report came from: "capture" (rows of this page) or "import" (a file).
        public var reportSource = "capture"
        public var notice: String?

        public init(region: RegionConfiguration, format: Format, rows: [ResultImport.Row]) {
            self.region = region
            self.format = format
            self.rows = rows
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, f = model.format
        return Layout.page(title: t("results.title"), context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Formats.page(f.id))) { f.title } }
            el("h1") { t("results.title") }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            if !model.report.isEmpty { report(model, t) }
            el("section", .ariaLabelledBy("capture-title")) {
                el("h2", .id("capture-title")) { t("results.capture") }
                el("p") { t("results.capture.intro") }
                Forms.post(Site.Formats.results(f.id), context, class: "form form--wide") {
                    void("input", .type("hidden"), .name("rows"), .value(String(model.rows.count)))
                    for (index, row) in model.rows.enumerated() { captureRow(index + 1, row, model, t) }
                    Forms.submit(t("results.capture.save"))
                }
                el("p") { el("a", .href(Site.Formats.results(f.id) + "?rows=\(min(model.rows.count + 5, 50))")) { t("results.moreRows") } }
            }
            el("section", .ariaLabelledBy("import-title")) {
                el("h2", .id("import-title")) { t("results.import") }
                el("p") { t("results.import.intro") }
                el("pre", .class("example")) { "kind;title;text;field;municipality\nIdee;Radweg entlang der Zwickauer Mulde;Ein durchgehender Radweg …;Mobilität;" }
                el("form", .method("post"), .action(Site.Formats.importResults(f.id)), Attribute("enctype", "multipart/form-data"),
                   .class("form")) {
                    void("input", .type("hidden"), .name("_csrf"), .value(context.csrfToken))
                    el("div", .class("field")) {
                        el("label", .for("field-file")) { t("results.import.file") }
                        el("p", .id("field-file-hint"), .class("hint")) { t("results.import.file.hint") }
                        void("input", .id("field-file"), .name("file"), .type("file"), Attribute("accept", ".csv,text/csv"),
                             .required, .ariaDescribedBy("field-file-hint"))
                    }
                    Forms.submit(t("results.import.send"))
                }
            }
        }
    }

    static func report(_ model: Model, _ t: Translator) -> Node {
        let imported = model.reportSource == "import"
        return ImportReport.render(
            model.report, title: t(imported ? "results.report.import" : "results.report.capture", ["count": t.number(model.report.count)]),
            lineHeader: t(imported ? "results.report.line" : "results.report.row"), column: { imported ? $0 : captureLabel($0, t) }, t)
    }

    /// A field of the capture form by the name its label gives it.
    static func captureLabel(_ field: String, _ t: Translator) -> String {
        let keys = ["kind": "field.kind", "title": "field.title", "text": "field.text", "fields": "field.fieldOfAction",
                    "municipality": "field.municipality", "district": "field.district"]
        return keys[field].map { t($0) } ?? field
    }

    static func captureRow(_ number: Int, _ row: ResultImport.Row, _ model: Model, _ t: Translator) -> Node {
        let errors = model.reportSource == "capture"
            ? model.report.filter { $0.line == number }.compactMap { $0.values["column"].map { FieldError(field: "\($0)-\(number)", messageKey: "results.rowError") } }
            : []
        return el("fieldset", .class("capture-row")) {
            el("legend") { t("results.row", ["number": String(number)]) }
            Forms.select(name: "kind-\(number)", label: t("field.kind"),
                         options: [("", t("form.choose"))] + Contribution.Kind.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                         selected: row.kind, errors: errors, t)
            Forms.input(.init(name: "title-\(number)", label: t("field.title"), value: row.title, required: false, markOptional: false),
                        errors: errors, t)
            Forms.textarea(name: "text-\(number)", label: t("field.text"), value: row.text, hint: nil, rows: 3, required: false,
                           markOptional: false, errors: errors, t)
            Forms.select(name: "fields-\(number)", label: t("field.fieldOfAction"),
                         options: [("", t("form.choose"))] + model.region.fieldsOfAction.map { ($0.key, $0.name[t.language]) },
                         selected: row.field, errors: errors, t)
            Forms.groupedSelect(
                name: "municipality-\(number)", label: t("field.municipality"), hint: nil, empty: t("contribution.municipality.none"),
                groups: model.region.districts.filter { $0.officialKey == model.format.districtKey }.map { district in
                    (district.name, model.region.municipalities(in: district.officialKey).map { ($0.officialKey, $0.name) })
                }, selected: row.municipality, errors: errors, t)
        }
    }
}
