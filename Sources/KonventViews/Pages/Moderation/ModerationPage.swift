import KonventDomain

/// `/moderation`: the office's queue of reports and of contributions waiting for pre-moderation,
/// and the switch for pre-moderation itself.
public enum ModerationPage {
    public struct Report: Sendable {
        public var id: Int64
        public var contributionID: Int64
        public var contributionTitle: String
        public var commentID: Int64?
        public var commentBody: String?
        public var reason: String
        public var reporterName: String?
        public var date: String

        public init(
            id: Int64, contributionID: Int64, contributionTitle: String, commentID: Int64?, commentBody: String?, reason: String,
            reporterName: String?, date: String
        ) {
            self.id = id
            self.contributionID = contributionID
            self.contributionTitle = contributionTitle
            self.commentID = commentID
            self.commentBody = commentBody
            self.reason = reason
            self.reporterName = reporterName
            self.date = date
        }
    }

    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var premoderation: Bool
        public var awaiting: [Contribution]
        public var reports: [Report]
        public var notice: String?
        public var errors: [FieldError] = []

        public init(region: RegionConfiguration, premoderation: Bool, awaiting: [Contribution], reports: [Report], notice: String?) {
            self.region = region
            self.premoderation = premoderation
            self.awaiting = awaiting
            self.reports = reports
            self.notice = notice
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("moderation.queue"), context) {
            el("h1") { t("moderation.queue") }
            el("p") { el("a", .href(Site.Organisations.list())) { t("organisations.title") } }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.errorSummary(model.errors, t)
            reports(model, context)
            awaiting(model, context)
            settings(model, context)
        }
    }

    static func reports(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("reports-title")) {
            el("h2", .id("reports-title")) { t("moderation.reports", ["count": t.number(model.reports.count)]) }
            if model.reports.isEmpty { el("p") { t("moderation.reports.none") } }
            el("ul", .class("result-list")) {
                for report in model.reports {
                    el("li") {
                        el("article", .class("report-item")) {
                            el("h3") {
                                el("a", .href(Site.Contributions.page(ContributionID(report.contributionID)) + (report.commentID.map { "#comment-\($0)" } ?? ""))) {
                                    report.commentID == nil ? report.contributionTitle
                                        : t("moderation.commentOn", ["title": report.contributionTitle])
                                }
                            }
                            if let body = report.commentBody { el("blockquote") { body } }
                            el("p") {
                                el("strong") { t("report.reason") }
                                ": \(report.reason) · \(report.reporterName ?? "–") · "
                                el("time", .datetime(report.date)) { t.date(iso: report.date) }
                            }
                            el("div", .class("actions")) {
                                hideForm(report, t, context)
                                Forms.post(Site.Moderation.dismissReport(report.id), context) {
                                    el("button", .type("submit"), .class("button button--secondary")) { t("moderation.dismiss") }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func hideForm(_ report: Report, _ t: Translator, _ context: PageContext) -> Node {
        let action = report.commentID.map { Site.Contributions.hideComment($0) } ?? Site.Contributions.status(ContributionID(report.contributionID))
        let field = report.commentID.map { "reason-\($0)" } ?? "reason"
        return Forms.post(action, context, class: "inline-form") {
            if report.commentID == nil { void("input", .type("hidden"), .name("status"), .value("hidden")) }
            void("input", .type("hidden"), .name("back"), .value(Site.Moderation.queue()))
            Forms.input(.init(name: field, label: t("moderation.publicReason"), value: "",
                              hint: nil), errors: [], t)
            el("button", .type("submit"), .class("button button--danger")) { t("moderation.hide") }
        }
    }

    static func awaiting(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("awaiting-title")) {
            el("h2", .id("awaiting-title")) { t("moderation.awaiting", ["count": t.number(model.awaiting.count)]) }
            if model.awaiting.isEmpty { el("p") { t("moderation.awaiting.none") } }
            el("ul", .class("result-list")) {
                for contribution in model.awaiting {
                    el("li") {
                        ContributionSummary.item(contribution, model.region, t)
                        Forms.post(Site.Contributions.status(contribution.id), context, class: "inline-form") {
                            void("input", .type("hidden"), .name("status"), .value("published"))
                            void("input", .type("hidden"), .name("back"), .value(Site.Moderation.queue()))
                            el("button", .type("submit"), .class("button")) {
                                t("moderation.publish")
                                el("span", .class("visually-hidden")) { ": \(contribution.title)" }
                            }
                        }
                    }
                }
            }
        }
    }

    static func settings(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("settings-title")) {
            el("h2", .id("settings-title")) { t("moderation.settings") }
            el("p") { model.premoderation ? t("moderation.premoderation.on") : t("moderation.premoderation.off") }
            Forms.post(Site.Moderation.premoderation(), context) {
                void("input", .type("hidden"), .name("enabled"), .value(model.premoderation ? "0" : "1"))
                el("button", .type("submit"), .class("button button--secondary")) {
                    model.premoderation ? t("moderation.premoderation.disable") : t("moderation.premoderation.enable")
                }
            }
        }
    }
}
