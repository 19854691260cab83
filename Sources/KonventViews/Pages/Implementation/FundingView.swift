import KonventDomain

/// The money of an adopted measure: each financing line with its programme, planned, approved and
/// paid amounts, and whether the granted money covers the cost ("Finanzierungsweg gesichert").
enum FundingView {
    static func lines(_ model: ImplementationSection.Model, _ t: Translator) -> Node {
        guard !model.funding.isEmpty else { return .empty }
        let approved = model.funding.filter(\.status.isSecured).map(\.approved).reduce(0, +)
        return el("div") {
            el("h3", .id("funding-title")) { t("funding.title") }
            if FundingLineState.isSecured(model.funding, cost: model.cost) {
                el("p") { el("strong", .class("badge")) { t("funding.secured") } }
            } else {
                el("p") { t("funding.approvedOf", ["approved": euros(approved, t), "cost": euros(model.cost, t)]) }
            }
            Layout.scrolling(.ariaLabelledBy("funding-title")) {
                el("table", .class("data-table")) {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { t("measure.financing.programme") }
                            el("th", Attribute("scope", "col")) { t("funding.state") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("funding.planned") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("funding.approved") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("funding.paid") }
                        }
                    }
                    el("tbody") {
                        for line in model.funding {
                            el("tr") {
                                el("th", Attribute("scope", "row")) {
                                    if let url = model.programmes.first(where: { $0.key == line.programmeKey })?.url {
                                        el("a", .href(url), Attribute("rel", "external")) { programmeName(line, t) }
                                    } else {
                                        programmeName(line, t)
                                    }
                                    " (\(t(line.source.catalogKey)))"
                                }
                                el("td") {
                                    t(line.status.catalogKey)
                                    if let date = line.date { " · "; el("time", .datetime(date)) { t.date(iso: date) } }
                                }
                                el("td", .class("numeric")) { euros(line.planned, t) }
                                el("td", .class("numeric")) { line.status.isSecured ? euros(line.approved, t) : "–" }
                                el("td", .class("numeric")) { line.paid > 0 ? euros(line.paid, t) : "–" }
                            }
                        }
                    }
                }
            }
        }
    }

    static func programmeName(_ line: FundingLineState, _ t: Translator) -> String {
        line.programme.isEmpty ? t("funding.noProgramme") : line.programme
    }

    static func euros(_ amount: Int, _ t: Translator) -> String { t("profile.euros", ["amount": t.number(amount)]) }

    static func form(_ model: ImplementationSection.Model, _ context: PageContext) -> Node {
        let t = context.t, errors = model.errors
        return .fragment([
            el("h3", .id("funding-form-title")) { t("funding.form.title") },
            Forms.post(Site.Measures.funding(model.measureID) + "#funding-form-title", context, class: "form") {
                Forms.select(name: "fundingLine", label: t("funding.line"),
                             options: model.funding.map { (String($0.index), "\(programmeName($0, t)): \(t($0.status.catalogKey))") },
                             selected: model.fundingInput.line, errors: errors, t)
                Forms.select(name: "fundingStatus", label: t("funding.newState"),
                             options: FundingStatus.allCases.filter { $0 != .planned }.map { ($0.rawValue, t($0.catalogKey)) },
                             selected: model.fundingInput.status, errors: errors, t)
                Forms.input(.init(name: "fundingDate", label: t("funding.date"), type: "date",
                                  value: model.fundingInput.date.isEmpty ? model.today : model.fundingInput.date), errors: errors, t)
                Forms.input(.init(name: "fundingAmount", label: t("funding.amount"), value: model.fundingInput.amount,
                                  hint: t("funding.amount.hint"), required: false), errors: errors, t)
                Forms.submit(t("funding.form.send"))
            },
        ])
    }
}
