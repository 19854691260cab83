import KonventDomain

/// `/contributions/{id}/edit`: the author corrects title and text while nobody has taken the
/// contribution up; the earlier wording stays on record for the office.
public enum EditContributionPage {
    public struct Model: Sendable {
        public var id: ContributionID
        public var title: String
        public var text: String
        public var errors: [FieldError]

        public init(id: ContributionID, title: String, text: String, errors: [FieldError] = []) {
            self.id = id
            self.title = title
            self.text = text
            self.errors = errors
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("contribution.edit.title"), context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Contributions.page(model.id))) { t("contribution.edit.back") } }
            el("h1") { t("contribution.edit.title") }
            el("p") { t("contribution.edit.intro") }
            Forms.errorSummary(model.errors, t)
            Forms.post(Site.Contributions.edit(model.id), context, class: "form") {
                Forms.input(.init(name: "title", label: t("field.title"), value: model.title, hint: t("contribution.title.hint")),
                            errors: model.errors, t)
                Forms.textarea(name: "text", label: t("field.text"), value: model.text, hint: t("contribution.text.hint"), rows: 12,
                               errors: model.errors, t)
                el("div", .class("actions")) {
                    Forms.submit(t("contribution.edit.save"))
                    el("a", .class("button button--secondary"), .href(Site.Contributions.page(model.id))) { t("contribution.edit.cancel") }
                }
            }
        }
    }
}
