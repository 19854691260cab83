import KonventDomain

public enum ForgotPasswordPage {
    public static func render(email: String, errors: [FieldError], _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("forgot.title"), context) {
            el("h1") { t("forgot.title") }
            el("p") { t("forgot.intro") }
            Forms.errorSummary(errors, t)
            Forms.post(Site.Accounts.forgotPassword(), context, class: "form") {
                Forms.input(.init(name: "email", label: t("field.email"), type: "email", value: email,
                                  autocomplete: "email"), errors: errors, t)
                Forms.submit(t("forgot.submit"))
            }
        }
    }
}

public enum ResetPasswordPage {
    public static func render(token: String, errors: [FieldError], _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("reset.title"), context) {
            el("h1") { t("reset.title") }
            Forms.errorSummary(errors, t)
            Forms.post(Site.Accounts.resetPassword(), context, class: "form") {
                void("input", .type("hidden"), .name("token"), .value(token))
                Forms.input(.init(name: "password", label: t("field.newPassword"), type: "password",
                                  hint: t("register.password.hint"), autocomplete: "new-password"), errors: errors, t)
                Forms.input(.init(name: "passwordRepeat", label: t("field.passwordRepeat"), type: "password",
                                  autocomplete: "new-password"), errors: errors, t)
                Forms.submit(t("reset.submit"))
            }
        }
    }
}
