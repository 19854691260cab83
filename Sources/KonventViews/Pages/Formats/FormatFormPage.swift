import KonventDomain

/// `/formats/new` and `/formats/{id}/edit`: one form for creating and changing a format.
public enum FormatFormPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        /// nil while creating.
        public var id: Int64?
        public var input: FormatDraft.Input
        public var errors: [FieldError] = []
        /// The facilitators the office may assign (empty: the visitor runs the format themselves).
        public var facilitators: [(id: Int64, name: String)] = []
        public var facilitator = ""

        public init(region: RegionConfiguration, id: Int64?, input: FormatDraft.Input, errors: [FieldError] = []) {
            self.region = region
            self.id = id
            self.input = input
            self.errors = errors
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, input = model.input
        let title = model.id == nil ? t("formats.new") : t("format.edit")
        return Layout.page(title: title, context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Formats.list())) { t("formats.title") } }
            el("h1") { title }
            Forms.errorSummary(model.errors, t)
            Forms.post(model.id.map { Site.Formats.page(FormatID($0)) } ?? Site.Formats.list(), context, class: "form form--wide") {
                Forms.choices(name: "kind", legend: t("format.kind"), type: "radio",
                              options: Format.Kind.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                              selected: [input.kind], errors: model.errors, t)
                Forms.input(.init(name: "title", label: t("field.title"), value: input.title), errors: model.errors, t)
                Forms.textarea(name: "description", label: t("format.description"), value: input.description,
                               hint: t("contribution.text.hint"), errors: model.errors, t)
                Forms.choices(name: "fields", legend: t("field.fieldsOfAction"), type: "checkbox",
                              options: model.region.fieldsOfAction.map { ($0.key, $0.name[t.language]) },
                              selected: Set(input.fields), errors: model.errors, t)
                Forms.select(name: "district", label: t("field.district"),
                             options: [("", t("form.choose"))] + model.region.districts.map { ($0.officialKey, $0.name) },
                             selected: input.district, errors: model.errors, t)
                Forms.groupedSelect(
                    name: "municipality", label: t("field.municipality"), hint: t("contribution.municipality.hint"),
                    empty: t("contribution.municipality.none"),
                    groups: model.region.districts.map { district in
                        (district.name, model.region.municipalities(in: district.officialKey).map { ($0.officialKey, $0.name) })
                    }, selected: input.municipality, errors: model.errors, t)
                Forms.input(.init(name: "place", label: t("format.place"), value: input.place, hint: t("format.place.hint"),
                                  required: false), errors: model.errors, t)
                Forms.input(.init(name: "onlineURL", label: t("format.onlineURL"), type: "url", value: input.onlineURL,
                                  hint: t("format.onlineURL.hint"), required: false), errors: model.errors, t)
                Forms.input(.init(name: "bring", label: t("format.bring"), value: input.bring, hint: t("format.bring.hint"),
                                  required: false), errors: model.errors, t)
                Forms.input(.init(name: "start", label: t("format.start"), type: "datetime-local", value: input.start,
                                  hint: t("format.time.hint", ["zone": model.region.timeZone])), errors: model.errors, t)
                Forms.input(.init(name: "end", label: t("format.end"), type: "datetime-local", value: input.end),
                            errors: model.errors, t)
                Forms.input(.init(name: "capacity", label: t("format.capacity"), type: "number", value: input.capacity,
                                  hint: t("format.capacity.hint"), required: false), errors: model.errors, t)
                if !model.facilitators.isEmpty {
                    Forms.select(name: "facilitator", label: t("format.facilitator"),
                                 options: [("", t("format.facilitator.self"))] + model.facilitators.map { (String($0.id), $0.name) },
                                 selected: model.facilitator, errors: model.errors, t)
                }
                Forms.submit(t("form.save"))
            }
        }
    }
}

/// `/formats/{id}/documentation`: what happened, how many came, what was handed out.
public enum FormatDocumentationPage {
    public struct Model: Sendable {
        public var format: Format
        public var summary: String
        public var participants: String
        public var attachments: String
        public var errors: [FieldError] = []

        public init(format: Format, summary: String, participants: String, attachments: String, errors: [FieldError] = []) {
            self.format = format
            self.summary = summary
            self.participants = participants
            self.attachments = attachments
            self.errors = errors
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("format.document"), context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Formats.page(model.format.id))) { model.format.title } }
            el("h1") { t("format.document") }
            Forms.errorSummary(model.errors, t)
            Forms.post(Site.Formats.documentation(model.format.id), context, class: "form form--wide") {
                Forms.textarea(name: "summary", label: t("format.documentation.summary"), value: model.summary,
                               hint: t("contribution.text.hint"), errors: model.errors, t)
                Forms.input(.init(name: "participants", label: t("format.documentation.participants"), type: "number",
                                  value: model.participants), errors: model.errors, t)
                Forms.textarea(name: "attachments", label: t("format.attachments"), value: model.attachments,
                               hint: t("format.attachments.hint"), rows: 5, required: false, errors: model.errors, t)
                Forms.submit(t("form.save"))
            }
        }
    }
}
