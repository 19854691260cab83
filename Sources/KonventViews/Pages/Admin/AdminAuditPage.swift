import KonventDomain

/// `/admin/audit`: the hash-chained record of every state change, filtered and paged back in time,
/// with the chain's verification on request.
public enum AdminAuditPage {
    public struct Row: Sendable {
        public var id: Int64
        public var at: String
        public var actor: String
        public var action: String
        public var subject: String
        public var detail: String

        public init(id: Int64, at: String, actor: String, action: String, subject: String, detail: String) {
            self.id = id
            self.at = at
            self.actor = actor
            self.action = action
            self.subject = subject
            self.detail = detail
        }
    }

    public struct Filters: Sendable {
        public var actor = "", action = "", subject = "", from = "", until = ""

        public init() {}
    }

    /// The chain as checked just now: how many entries fit, and the first that does not.
    public struct Verification: Sendable {
        public var checked: Int
        public var firstBroken: Int64?

        public init(checked: Int, firstBroken: Int64?) {
            self.checked = checked
            self.firstBroken = firstBroken
        }
    }

    public struct Model: Sendable {
        public var rows: [Row]
        public var filters: Filters
        public var actions: [String]
        public var nextPage: String?
        public var verification: Verification?
        public var errors: [FieldError]

        public init(rows: [Row], filters: Filters, actions: [String], nextPage: String?, verification: Verification?, errors: [FieldError]) {
            self.rows = rows
            self.filters = filters
            self.actions = actions
            self.nextPage = nextPage
            self.verification = verification
            self.errors = errors
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("admin.audit.title"), context) {
            AdminPage.breadcrumb(t)
            el("h1") { t("admin.audit.title") }
            el("p") { t("admin.audit.intro") }
            verification(model.verification, t)
            Forms.errorSummary(model.errors, t)
            filters(model, t)
            el("section", .ariaLabelledBy("audit-title")) {
                el("h2", .id("audit-title")) { t("admin.audit.entries") }
                if model.rows.isEmpty {
                    el("p") { t("admin.audit.none") }
                } else {
                    Layout.scrolling(.ariaLabel(t("admin.audit.entries"))) {
                        el("table", .class("data-table audit-table")) {
                            el("thead") {
                                el("tr") {
                                    for key in ["admin.audit.id", "admin.audit.at", "admin.audit.actor", "admin.audit.action", "admin.audit.subject",
                                                "admin.audit.detail"] {
                                        el("th", Attribute("scope", "col")) { t(key) }
                                    }
                                }
                            }
                            el("tbody") {
                                for row in model.rows {
                                    el("tr", .id("entry-\(row.id)")) {
                                        el("th", Attribute("scope", "row"), .class("numeric")) { String(row.id) }
                                        el("td") { row.at }
                                        el("td") { row.actor }
                                        el("td") { el("code") { row.action } }
                                        el("td") { el("code") { row.subject } }
                                        el("td") { Layout.breakable(row.detail) }
                                    }
                                }
                            }
                        }
                    }
                }
                Layout.pages(previous: nil, next: model.nextPage, t)
            }
        }
    }

    static func verification(_ result: Verification?, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("verify-title"), .class("verify")) {
            el("h2", .id("verify-title")) { t("admin.audit.verify.title") }
            if let result {
                if let broken = result.firstBroken {
                    el("p", .class("notice notice--warning"), .role("alert")) {
                        t.count("admin.audit.verify.broken", result.checked, ["id": String(broken)])
                        " "
                        el("a", .href(Site.Admin.audit().query(["before": String(broken + 1)]) + "#entry-\(broken)")) { t("admin.audit.verify.show") }
                    }
                } else {
                    el("p", .class("notice"), .role("status")) { t.count("admin.audit.verify.intact", result.checked) }
                }
            } else {
                el("p") { t("admin.audit.verify.hint") }
                el("p") { el("a", .class("button button--secondary"), .href(Site.Admin.verify())) { t("admin.audit.verify.run") } }
            }
        }
    }

    static func filters(_ model: Model, _ t: Translator) -> Node {
        let form = model.filters
        return el("form", .method("get"), .action(Site.Admin.audit()), .class("filters"), .role("search"), .ariaLabel(t("admin.audit.filter"))) {
            Forms.input(.init(name: "actor", label: t("admin.audit.actor"), value: form.actor, hint: t("admin.audit.actor.hint"), required: false,
                              markOptional: false), errors: model.errors, t)
            Forms.select(name: "action", label: t("admin.audit.action"), options: [("", t("contributions.filter.all"))] + model.actions.map { ($0, $0) },
                         selected: form.action, errors: model.errors, t)
            Forms.input(.init(name: "subject", label: t("admin.audit.subject"), value: form.subject, hint: t("admin.audit.subject.hint"),
                              required: false, markOptional: false), errors: model.errors, t)
            Forms.input(.init(name: "from", label: t("admin.audit.from"), type: "date", value: form.from, required: false, markOptional: false),
                        errors: model.errors, t)
            Forms.input(.init(name: "until", label: t("admin.audit.until"), type: "date", value: form.until, required: false, markOptional: false),
                        errors: model.errors, t)
            Forms.submit(t("admin.audit.apply"))
        }
    }
}
