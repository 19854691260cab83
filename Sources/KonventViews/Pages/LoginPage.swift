import KonventDomain

public enum LoginPage {
    public struct Model: Sendable {
        public var email = ""
        public var errors: [FieldError] = []
        /// Where to go after signing in (a local path).
        public var next: String?
        public init(email: String = "", errors: [FieldError] = [], next: String? = nil) {
            self.email = email
            self.errors = errors
            self.next = next
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("login.title"), context) {
            el("h1") { t("login.title") }
            Forms.errorSummary(model.errors, t)
            Forms.post(Site.Accounts.login(), context, class: "form") {
                if let next = model.next { void("input", .type("hidden"), .name("next"), .value(next)) }
                Forms.input(.init(name: "email", label: t("field.email"), type: "email", value: model.email,
                                  autocomplete: "email"), errors: model.errors, t)
                Forms.input(.init(name: "password", label: t("field.password"), type: "password",
                                  autocomplete: "current-password"), errors: model.errors, t)
                Forms.submit(t("login.submit"))
            }
            el("ul", .class("link-list")) {
                el("li") { el("a", .href(Site.Accounts.forgotPassword())) { t("login.forgot") } }
                el("li") { el("a", .href(Site.Accounts.register())) { t("login.noAccount") } }
            }
        }
    }
}
