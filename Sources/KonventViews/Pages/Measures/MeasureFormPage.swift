import KonventDomain

/// `/measures/new` and `/measures/{id}/edit`: the measure's content. The form carries the version it
/// was opened on, so that a save over someone else's change is refused instead of overwriting it.
public enum MeasureFormPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var id: Int64?
        public var version: Int
        public var input: MeasureInput
        /// The contribution a new measure starts from, with its title.
        public var from: (id: Int64, title: String)?
        public var errors: [FieldError] = []
        public var notice: String?

        public init(region: RegionConfiguration, id: Int64?, version: Int, input: MeasureInput) {
            self.region = region
            self.id = id
            self.version = version
            self.input = input
        }
    }

    public static let financingRows = 6
    public static let indicatorRows = 4

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, input = model.input
        let title = model.id == nil ? t("measures.new") : t("measure.edit")
        return Layout.page(title: title, context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Measures.list())) { t("measures.title") } }
            el("h1") { title }
            if let notice = model.notice { el("p", .class("notice notice--warning"), .role("alert")) { notice } }
            if let from = model.from {
                el("p", .class("notice")) {
                    t("measure.fromContribution")
                    " "
                    el("a", .href(Site.Contributions.page(ContributionID(from.id)))) { from.title }
                }
            }
            Forms.errorSummary(model.errors, t)
            Forms.post(model.id.map { Site.Measures.page(MeasureID($0)) } ?? Site.Measures.list(), context, class: "form form--wide") {
                void("input", .type("hidden"), .name("version"), .value(String(model.version)))
                if let from = model.from { void("input", .type("hidden"), .name("from"), .value(String(from.id))) }
                Forms.choices(name: "kind", legend: t("measure.kindLabel"), type: "radio",
                              options: Measure.Kind.allCases.map { ($0.rawValue, t($0.catalogKey)) }, selected: [input.kind],
                              errors: model.errors, t)
                Forms.input(.init(name: "title", label: t("field.title"), value: input.title), errors: model.errors, t)
                Forms.textarea(name: "goal", label: t("measure.goal"), value: input.goal, hint: nil, rows: 3, errors: model.errors, t)
                Forms.textarea(name: "description", label: t("measure.description"), value: input.description,
                               hint: t("contribution.text.hint"), errors: model.errors, t)
                Forms.choices(name: "fields", legend: t("field.fieldsOfAction"), type: "checkbox",
                              options: model.region.fieldsOfAction.map { ($0.key, $0.name[t.language]) }, selected: Set(input.fields),
                              errors: model.errors, t)
                Forms.choices(name: "territories", legend: t("measure.territories"), type: "checkbox",
                              options: model.region.districts.map { ($0.officialKey, $0.name) }, selected: Set(input.territories),
                              errors: model.errors, t)
                Forms.input(.init(name: "sponsor", label: t("profile.sponsor"), value: input.sponsor), errors: model.errors, t)
                Forms.textarea(name: "partners", label: t("profile.partners"), value: input.partners, hint: nil, rows: 2, required: false,
                               errors: model.errors, t)
                Forms.input(.init(name: "estimatedCost", label: t("profile.estimatedCost"), value: input.estimatedCost,
                                  hint: t("profile.euros.hint")), errors: model.errors, t)
                financing(model, t)
                Forms.input(.init(name: "timeframe", label: t("profile.timeframe"), value: input.timeframe,
                                  hint: t("profile.timeframe.hint"), required: false), errors: model.errors, t)
                indicators(model, t)
                Forms.select(name: "maturity", label: t("measure.maturity"),
                             options: [("", t("form.choose"))] + Measure.Maturity.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                             selected: input.maturity, errors: model.errors, t)
                Forms.select(name: "leadMinistry", label: t("measure.leadMinistry"),
                             options: [("", t("measure.leadMinistry.none"))]
                                + model.region.ministries.map { ($0.key, "\($0.abbreviation) – \($0.name[t.language])") },
                             selected: input.leadMinistry, errors: model.errors, t)
                Forms.submit(t("form.save"))
            }
        }
    }

    static func financing(_ model: Model, _ t: Translator) -> Node {
        let rows = (0..<max(financingRows, model.input.financing.count + 1)).map { index in
            index < model.input.financing.count ? model.input.financing[index] : (source: "", programme: "", amount: "")
        }
        return el("fieldset", .class("profile-fields"), .id("field-financing-1")) {
            el("legend") { t("measure.financing") }
            el("p", .class("hint")) { t("measure.financing.hint") }
            if let error = model.errors.first(where: { $0.field.hasPrefix("financing") }) {
                el("p", .class("field-error")) { Forms.message(error, t) }
            }
            for (index, row) in rows.enumerated() {
                let number = index + 1
                el("div", .class("capture-row")) {
                    Forms.select(name: "financing-source-\(number)", label: t("measure.financing.sourceOf", ["number": String(number)]),
                                 options: [("", "–")] + FinancingLine.Source.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                                 selected: row.source, errors: [], t)
                    Forms.input({
                        var field = Forms.Field(name: "financing-programme-\(number)", label: t("measure.financing.programme"), value: row.programme,
                                                required: false, markOptional: false)
                        field.list = model.region.fundingProgrammes.isEmpty ? nil : "funding-programmes"
                        return field
                    }(), errors: [], t)
                    Forms.input(.init(name: "financing-amount-\(number)", label: t("measure.financing.amount"), value: row.amount,
                                      required: false, markOptional: false), errors: [], t)
                }
            }
            if !model.region.fundingProgrammes.isEmpty {
                el("datalist", .id("funding-programmes")) {
                    for programme in model.region.fundingProgrammes { void("option", .value(programme.name)) }
                }
            }
        }
    }

    static func indicators(_ model: Model, _ t: Translator) -> Node {
        let rows = (0..<max(indicatorRows, model.input.indicators.count + 1)).map { index in
            index < model.input.indicators.count ? model.input.indicators[index] : (name: "", target: "")
        }
        return el("fieldset", .class("profile-fields"), .id("field-indicator-1")) {
            el("legend") { t("measure.indicators") }
            if let error = model.errors.first(where: { $0.field.hasPrefix("indicator") }) {
                el("p", .class("field-error")) { Forms.message(error, t) }
            }
            for (index, row) in rows.enumerated() {
                let number = index + 1
                el("div", .class("capture-row")) {
                    Forms.input(.init(name: "indicator-name-\(number)", label: t("measure.indicator.name", ["number": String(number)]),
                                      value: row.name, required: false, markOptional: false), errors: [], t)
                    Forms.input(.init(name: "indicator-target-\(number)", label: t("measure.indicator.target"), value: row.target,
                                      required: false, markOptional: false), errors: [], t)
                }
            }
        }
    }
}
