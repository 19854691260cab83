import KonventDomain

/// The office's steps on a contribution's page (status with a public reason, merging a duplicate),
/// and the report form everyone signed in gets.
enum ContributionModeration {
    typealias Model = ContributionPage.Model

    static func reportForm(_ model: Model, comment: Int64?, _ context: PageContext) -> Node {
        let t = context.t, c = model.contribution
        let name = comment.map { "report-\($0)" } ?? "report"
        return el("details", .class("report")) {
            el("summary") { comment == nil ? t("report.contribution") : t("report.comment") }
            Forms.post(Site.Contributions.report(c.id), context) {
                if let comment { void("input", .type("hidden"), .name("comment"), .value(String(comment))) }
                Forms.textarea(name: name, label: t("report.reason"), value: "", hint: t("report.reason.hint"), rows: 3,
                               errors: [], t)
                Forms.submit(t("report.send"))
            }
        }
    }

    static func render(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, c = model.contribution
        let targets = Contribution.Status.allCases.filter { c.status.mayChange(to: $0) }
        return el("section", .class("moderation"), .ariaLabelledBy("moderation-title")) {
            el("h2", .id("moderation-title")) { t("moderation.title") }
            if model.mayWriteMeasures && c.status.isListed && c.status != .merged {
                el("p") { el("a", .class("button button--secondary"), .href(Site.Measures.new().query(["from": String(c.id.rawValue)]))) {
                    t("moderation.measureFrom")
                } }
            }
            if !targets.isEmpty {
                el("h3") { t("moderation.statusTitle") }
                Forms.post(Site.Contributions.status(c.id), context, class: "form") {
                    Forms.select(name: "status", label: t("moderation.newStatus"),
                                 options: targets.map { ($0.rawValue, t($0.catalogKey)) }, selected: nil, errors: model.errors, t)
                    Forms.input(.init(name: "reason", label: t("moderation.publicReason"), hint: t("moderation.reasonRule"),
                                      required: false, markOptional: false), errors: model.errors, t)
                    Forms.submit(t("moderation.apply"))
                }
            }
            if let themes = model.themes, c.status.isListed {
                ThemePages.section(contribution: c.id, carried: themes.carried, all: themes.all, context)
            }
            if c.status != .merged {
                el("h3", .id("merge-title")) { t("moderation.mergeTitle") }
                Forms.finder(action: Site.Contributions.page(c.id) + "#merge-title", name: "findDuplicate", value: model.mergeSearch,
                             label: t("moderation.mergeSearch"), found: "into", t)
                Forms.post(Site.Contributions.merge(c.id), context, class: "form") {
                    Forms.found(name: "into", search: model.mergeSearch,
                                options: model.mergeCandidates.map { (String($0.id), t("finder.contribution", ["title": $0.title, "number": String($0.id)])) }, t)
                    Forms.input(.init(name: "into", label: t("moderation.mergeInto"), type: "number",
                                      hint: t("moderation.mergeInto.hint"), required: false, markOptional: false), errors: model.errors, t)
                    Forms.input(.init(name: "mergeReason", label: t("moderation.publicReason"), required: false),
                                errors: model.errors, t)
                    Forms.submit(t("moderation.merge"))
                }
            }
        }
    }
}
