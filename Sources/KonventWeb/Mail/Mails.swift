import KonventDomain
import KonventStorage

/// The texts of the mails Konvent sends, in the recipient's language.
struct Mails {
    let services: Services

    func confirmation(to email: EmailAddress, name: String, language: Language, token: SecretToken) -> OutgoingMail {
        let t = services.catalog.translator(language)
        return OutgoingMail(
            recipient: email, subject: t("mail.confirm.subject"),
            body: t("mail.confirm.body", [
                "name": name, "site": services.region.name[language], "link": services.link("/confirm?token=\(token.value)"),
            ]))
    }

    func passwordReset(to user: User, token: SecretToken) -> OutgoingMail {
        let t = services.catalog.translator(user.locale)
        return OutgoingMail(
            recipient: user.email, subject: t("mail.reset.subject"),
            body: t("mail.reset.body", [
                "name": user.displayName, "site": services.region.name[user.locale],
                "link": services.link("/password/reset?token=\(token.value)"),
            ]))
    }
}
