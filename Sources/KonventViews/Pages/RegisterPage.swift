import KonventDomain

public enum RegisterPage {
    public struct Model: Sendable {
        public var email = ""
        public var displayName = ""
        public var acceptedPrivacy = false
        public var errors: [FieldError] = []
        /// Where the person goes once the account is confirmed (a format they want to attend).
        public var next: String?
        /// The format the account is made for: the seat is booked once the address is confirmed.
        public var attend: Attending?
        public init(email: String = "", displayName: String = "", acceptedPrivacy: Bool = false, errors: [FieldError] = []) {
            self.email = email
            self.displayName = displayName
            self.acceptedPrivacy = acceptedPrivacy
            self.errors = errors
        }
    }

    public struct Attending: Sendable, Equatable {
        public var id: FormatID
        public var title: String
        public init(id: FormatID, title: String) {
            self.id = id
            self.title = title
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("register.title"), context) {
            el("h1") { t("register.title") }
            el("p") { t("register.intro") }
            if let attend = model.attend { el("p", .class("notice")) { t("register.attend", ["title": attend.title]) } }
            Forms.errorSummary(model.errors, t)
            Forms.post(Site.Accounts.register(), context, class: "form") {
                if let next = model.next { void("input", .type("hidden"), .name("next"), .value(next)) }
                if let attend = model.attend { void("input", .type("hidden"), .name("attend"), .value(String(attend.id.rawValue))) }
                Forms.input(.init(name: "email", label: t("field.email"), type: "email", value: model.email,
                                  hint: t("register.email.hint"), autocomplete: "email"), errors: model.errors, t)
                Forms.input(.init(name: "displayName", label: t("field.displayName"), value: model.displayName,
                                  hint: t("register.displayName.hint"), autocomplete: "nickname"), errors: model.errors, t)
                Forms.input(.init(name: "password", label: t("field.password"), type: "password",
                                  hint: t("register.password.hint"), autocomplete: "new-password"), errors: model.errors, t)
                Forms.input(.init(name: "passwordRepeat", label: t("field.passwordRepeat"), type: "password",
                                  autocomplete: "new-password"), errors: model.errors, t)
                Forms.checkbox(name: "acceptPrivacy", label: el("span") {
                    t("register.privacy.before")
                    el("a", .href(Site.configuredPage("datenschutz"))) { t("page.datenschutz") }
                    t("register.privacy.after")
                }, checked: model.acceptedPrivacy, errors: model.errors, t)
                Forms.submit(t("register.submit"))
            }
            el("p") { t("register.haveAccount") + " "; el("a", .href(Site.Accounts.login())) { t("layout.nav.login") } }
        }
    }
}
