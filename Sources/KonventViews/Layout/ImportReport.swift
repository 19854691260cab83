import KonventDomain

/// The report of a refused import: each problem by its line (or row), with the column and the value
/// it found, in an alert that the error summary's styles share.
enum ImportReport {
    /// `lineHeader` names the first column ("Zeile", "Reihe"); `column` turns a column as stored into
    /// the name the person knows it by.
    static func render(_ lines: [ResultImport.LineError], title: String, lineHeader: String, column: (String) -> String,
                       _ t: Translator) -> Node {
        el("div", .class("error-summary"), .role("alert"), .tabindex(-1), .ariaLabelledBy("report-title")) {
            el("h2", .id("report-title")) { title }
            Layout.scrolling(.ariaLabelledBy("report-title")) { el("table", .class("data-table")) {
                el("thead") {
                    el("tr") {
                        el("th", Attribute("scope", "col")) { lineHeader }
                        el("th", Attribute("scope", "col")) { t("results.report.problem") }
                    }
                }
                el("tbody") {
                    for problem in lines {
                        el("tr") {
                            el("td") { t.number(problem.line) }
                            el("td") {
                                t(problem.messageKey, problem.values)
                                if let written = problem.values["column"], !problem.messageKey.hasPrefix("import.") {
                                    let name = column(written)
                                    let value = problem.values["value"] ?? ""
                                    " (" + (value.isEmpty ? t("results.column.empty", ["column": name])
                                        : t("results.column", ["column": name, "value": value])) + ")"
                                }
                            }
                        }
                    }
                }
            } }
        }
    }
}
