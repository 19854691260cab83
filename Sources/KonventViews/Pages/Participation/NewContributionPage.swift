import KonventDomain

/// `/contributions/new`: the form, and before the first submission goes through, the most similar
/// contributions that exist already, so that people can support one instead of writing it again.
public enum NewContributionPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var organisations: [Organisation]
        public var kind = ""
        public var title = ""
        public var text = ""
        public var fields: Set<String> = []
        public var district = ""
        public var municipality = ""
        public var organisation = ""
        public var anonymous = false
        public var profile = ProjectProfile.Input()
        /// Contributions like the one being written, with the words they share.
        public var similar: [(contribution: Contribution, sharedWords: [String])] = []
        public var errors: [FieldError] = []

        public init(region: RegionConfiguration, organisations: [Organisation]) {
            self.region = region
            self.organisations = organisations
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("contributions.new"), context) {
            el("h1") { t("contributions.new") }
            el("p") { t("contributions.new.intro") }
            Forms.errorSummary(model.errors, t)
            if !model.similar.isEmpty { similar(model, t) }
            Forms.post(Site.Contributions.list(), context, class: "form form--wide") {
                if !model.similar.isEmpty { void("input", .type("hidden"), .name("seenSimilar"), .value("1")) }
                Forms.choices(name: "kind", legend: t("field.kind"), type: "radio",
                              options: Contribution.Kind.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                              selected: [model.kind], errors: model.errors, t)
                Forms.input(.init(name: "title", label: t("field.title"), value: model.title, hint: t("contribution.title.hint")),
                            errors: model.errors, t)
                Forms.textarea(name: "text", label: t("field.text"), value: model.text, hint: t("contribution.text.hint"),
                               errors: model.errors, t)
                Forms.choices(name: "fields", legend: t("field.fieldsOfAction"), type: "checkbox",
                              options: model.region.fieldsOfAction.map { ($0.key, $0.name[t.language]) },
                              selected: model.fields, errors: model.errors, t)
                Forms.select(name: "district", label: t("field.district"),
                             options: [("", t("form.choose"))] + model.region.districts.map { ($0.officialKey, $0.name) },
                             selected: model.district, errors: model.errors, t)
                Forms.groupedSelect(
                    name: "municipality", label: t("field.municipality"), hint: t("contribution.municipality.hint"),
                    empty: t("contribution.municipality.none"),
                    groups: model.region.districts.map { district in
                        (district.name, model.region.municipalities(in: district.officialKey).map { ($0.officialKey, $0.name) })
                    }, selected: model.municipality, errors: model.errors, t)
                if !model.organisations.isEmpty {
                    Forms.select(name: "organisation", label: t("field.actFor"),
                                 options: [("", t("contribution.organisation.self"))]
                                    + model.organisations.map { (String($0.id.rawValue), $0.name) },
                                 selected: model.organisation, errors: model.errors, t)
                }
                ProjectProfileView.fields(model.profile, model.region, errors: model.errors, t)
                Forms.checkbox(name: "anonymous", label: .text(t("contribution.anonymous.label")), checked: model.anonymous,
                               errors: model.errors, t)
                Forms.submit(t("contributions.submit"))
            }
        }
    }

    static func similar(_ model: Model, _ t: Translator) -> Node {
        el("section", .class("notice"), .ariaLabelledBy("similar-title")) {
            el("h2", .id("similar-title")) { t("contributions.similar.title") }
            el("p") { t("contributions.similar.intro") }
            el("ul", .class("result-list")) {
                for item in model.similar {
                    el("li") {
                        ContributionSummary.item(item.contribution, model.region, t)
                        if !item.sharedWords.isEmpty {
                            el("p", .class("hint")) { t("contributions.similar.shared", ["words": item.sharedWords.joined(separator: ", ")]) }
                        }
                    }
                }
            }
        }
    }
}
