import KonventDomain

/// `/admin/users`: accounts found by name or address and role, paged by key, and the invitation form.
public enum AdminUsersPage {
    public struct Row: Sendable {
        public var id: UserID
        public var name: String
        public var email: String
        public var role: Role
        public var ministry: String?
        public var confirmed: Bool
        public var active: Bool

        public init(id: UserID, name: String, email: String, role: Role, ministry: String?, confirmed: Bool, active: Bool) {
            self.id = id
            self.name = name
            self.email = email
            self.role = role
            self.ministry = ministry
            self.confirmed = confirmed
            self.active = active
        }
    }

    /// The invitation form as sent, with its errors.
    public struct Invitation: Sendable {
        public var email = "", name = "", role = Role.participant.rawValue, ministry = ""
        public var errors: [FieldError] = []

        public init() {}
    }

    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var rows: [Row]
        public var search: String
        public var role: String
        public var nextPage: String?
        public var invitation: Invitation
        /// What the last act did ("Die Einladung an … ist unterwegs."), shown above everything.
        public var notice: String?

        public init(region: RegionConfiguration, rows: [Row], search: String, role: String, nextPage: String?, invitation: Invitation,
                    notice: String?) {
            self.region = region
            self.rows = rows
            self.search = search
            self.role = role
            self.nextPage = nextPage
            self.invitation = invitation
            self.notice = notice
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("admin.users.title"), context) {
            AdminPage.breadcrumb(t)
            el("h1") { t("admin.users.title") }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.errorSummary(model.invitation.errors, t)
            invite(model, context)
            el("form", .method("get"), .action(Site.Admin.users()), .class("filters"), .role("search"), .ariaLabel(t("admin.users.search"))) {
                Forms.input(.init(name: "q", label: t("admin.users.query"), type: "search", value: model.search, required: false,
                                  markOptional: false), errors: [], t)
                Forms.select(name: "withRole", label: t("admin.users.role"), options: [("", t("contributions.filter.all"))] + roles(t),
                             selected: model.role, errors: [], t)
                Forms.submit(t("admin.users.find"))
            }
            el("section", .ariaLabelledBy("users-title")) {
                el("h2", .id("users-title")) { t("admin.users.found") }
                if model.rows.isEmpty {
                    el("p") { t("admin.users.none") }
                } else {
                    Layout.scrolling(.ariaLabel(t("admin.users.found"))) {
                        el("table", .class("data-table")) {
                            el("thead") {
                                el("tr") {
                                    for key in ["admin.users.name", "admin.users.email", "admin.users.role", "admin.users.state"] {
                                        el("th", Attribute("scope", "col")) { t(key) }
                                    }
                                }
                            }
                            el("tbody") {
                                for row in model.rows {
                                    el("tr") {
                                        el("th", Attribute("scope", "row")) { el("a", .href(Site.Admin.user(row.id))) { row.name } }
                                        el("td") { Layout.breakable(row.email) }
                                        el("td") { roleText(row.role, row.ministry, model.region, t) }
                                        el("td") { state(confirmed: row.confirmed, active: row.active, t) }
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

    static func invite(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, form = model.invitation
        return el("section", .ariaLabelledBy("invite-title")) {
            el("h2", .id("invite-title")) { t("admin.invite.title") }
            el("p") { t("admin.invite.intro") }
            Forms.post(Site.Admin.invite(), context, class: "form") {
                Forms.input(.init(name: "email", label: t("field.email"), type: "email", value: form.email, autocomplete: "off"),
                            errors: form.errors, t)
                Forms.input(.init(name: "name", label: t("field.displayName"), value: form.name, autocomplete: "off"), errors: form.errors, t)
                Forms.select(name: "role", label: t("admin.users.role"), options: roles(t), selected: form.role, errors: form.errors, t)
                ministry(model.region, selected: form.ministry, errors: form.errors, t)
                Forms.submit(t("admin.invite.submit"))
            }
        }
    }

    static func roles(_ t: Translator) -> [(value: String, label: String)] { Role.allCases.map { ($0.rawValue, t($0.catalogKey)) } }

    /// The ministry a reviewer acts for; the hint says for whom it matters.
    static func ministry(_ region: RegionConfiguration, selected: String, errors: [FieldError], _ t: Translator) -> Node {
        Forms.select(name: "ministry", label: t("admin.users.ministry"),
                     options: [("", t("admin.users.noMinistry"))] + region.ministries.map { ($0.key, $0.name[t.language]) },
                     selected: selected, errors: errors, t)
    }

    static func roleText(_ role: Role, _ ministry: String?, _ region: RegionConfiguration, _ t: Translator) -> String {
        guard let ministry, let name = region.ministries.first(where: { $0.key == ministry })?.name[t.language] else { return t(role.catalogKey) }
        return "\(t(role.catalogKey)) (\(name))"
    }

    static func state(confirmed: Bool, active: Bool, _ t: Translator) -> String {
        !active ? t("admin.state.deactivated") : confirmed ? t("admin.state.active") : t("admin.state.unconfirmed")
    }
}
