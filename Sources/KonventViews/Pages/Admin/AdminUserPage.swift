import KonventDomain

/// `/admin/users/{id}`: one account, its role and ministry, and what an administrator can do with it.
public enum AdminUserPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var user: User
        public var active: Bool
        public var sessions: Int
        /// When the account was made, as the page writes it.
        public var created: String
        /// The role form as sent, with its errors (the stored role when nothing was sent).
        public var role: String
        public var ministry: String
        public var errors: [FieldError] = []
        public var notice: String?

        public init(region: RegionConfiguration, user: User, active: Bool, sessions: Int, created: String) {
            self.region = region
            self.user = user
            self.active = active
            self.sessions = sessions
            self.created = created
            self.role = user.role.rawValue
            self.ministry = user.ministry ?? ""
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, user = model.user
        return Layout.page(title: user.displayName, context) {
            AdminPage.breadcrumb(t)
            el("p") { el("a", .href(Site.Admin.users())) { t("admin.users.title") } }
            el("h1") { user.displayName }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.errorSummary(model.errors, t)
            el("dl", .class("facts")) {
                el("dt") { t("field.email") }
                el("dd") { Layout.breakable(user.email.value) }
                el("dt") { t("admin.users.role") }
                el("dd") { AdminUsersPage.roleText(user.role, user.ministry, model.region, t) }
                el("dt") { t("admin.users.state") }
                el("dd") { AdminUsersPage.state(confirmed: user.isConfirmed, active: model.active, t) }
                el("dt") { t("admin.users.created") }
                el("dd") { model.created }
                el("dt") { t("admin.users.sessions") }
                el("dd") { t.number(model.sessions) }
            }
            el("p") { el("a", .href(Site.Admin.audit().query(["subject": "user:\(user.id)"]))) { t("admin.users.history") } }
            el("section", .ariaLabelledBy("role-title")) {
                el("h2", .id("role-title")) { t("admin.role.title") }
                Forms.post(Site.Admin.role(user.id), context, class: "form") {
                    Forms.select(name: "role", label: t("admin.users.role"), options: AdminUsersPage.roles(t), selected: model.role,
                                 errors: model.errors, t)
                    AdminUsersPage.ministry(model.region, selected: model.ministry, errors: model.errors, t)
                    Forms.submit(t("admin.role.submit"))
                }
            }
            el("section", .ariaLabelledBy("access-title")) {
                el("h2", .id("access-title")) { t("admin.access.title") }
                el("p", .class("hint")) { t("admin.access.hint") }
                if !user.isConfirmed && model.active {
                    Forms.post(Site.Admin.invitation(user.id), context, class: "inline-form") {
                        el("button", .type("submit"), .class("button button--secondary")) { t("admin.access.resend") }
                    }
                }
                if model.sessions > 0 {
                    Forms.post(Site.Admin.endSessions(user.id), context, class: "inline-form") {
                        el("button", .type("submit"), .class("button button--secondary")) { t("admin.access.endSessions") }
                    }
                }
                Forms.post(Site.Admin.active(user.id), context, class: "inline-form") {
                    void("input", .type("hidden"), .name("active"), .value(model.active ? "0" : "1"))
                    el("button", .type("submit"), .class(model.active ? "button button--danger" : "button")) {
                        model.active ? t("admin.access.deactivate") : t("admin.access.reactivate")
                    }
                }
            }
        }
    }
}
