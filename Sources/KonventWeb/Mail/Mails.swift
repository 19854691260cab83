import KonventDomain
import KonventStorage
import KonventViews

/// The texts of the mails Konvent sends, in the recipient's language.
struct Mails {
    let services: Services

    func confirmation(to email: EmailAddress, name: String, language: Language, token: SecretToken) -> OutgoingMail {
        let t = services.catalog.translator(language)
        return OutgoingMail(
            recipient: email, subject: t("mail.confirm.subject"),
            body: t("mail.confirm.body", [
                "name": name, "site": services.region.name[language], "link": services.link(Site.Accounts.confirm() + "?token=\(token.value)"),
            ]))
    }

    func passwordReset(to user: User, token: SecretToken) -> OutgoingMail {
        let t = services.catalog.translator(user.locale)
        return OutgoingMail(
            recipient: user.email, subject: t("mail.reset.subject"),
            body: t("mail.reset.body", [
                "name": user.displayName, "site": services.region.name[user.locale],
                "link": services.link(Site.Accounts.resetPassword() + "?token=\(token.value)"),
            ]))
    }

    func movedUp(_ recipient: Recipient, format: Format, times: FormatTimes) -> OutgoingMail {
        let t = services.catalog.translator(recipient.language)
        return OutgoingMail(
            recipient: recipient.email, subject: t("mail.movedUp.subject", ["title": format.title]),
            body: t("mail.movedUp.body", [
                "name": recipient.name, "title": format.title,
                "when": "\(t.date(iso: times.start.isoDate)), \(times.start.clock)", "link": services.link(Site.Formats.page(format.id)),
            ]))
    }

    /// To a confirmed member: someone asks to act for their organisation.
    func joinRequest(_ member: Recipient, requester: String, organisation: Organisation) -> OutgoingMail {
        let t = services.catalog.translator(member.language)
        return OutgoingMail(
            recipient: member.email, subject: t("mail.joinRequest.subject", ["organisation": organisation.name]),
            body: t("mail.joinRequest.body", [
                "name": member.name, "requester": requester, "organisation": organisation.name,
                "link": services.link(Site.Accounts.account() + "#organisations-title"),
            ]))
    }

    /// One mail for one person's news: a single event, or the day's digest.
    func notifications(_ recipient: Recipient, mode: NotifyMode, _ items: [PendingNotification]) -> OutgoingMail {
        let t = services.catalog.translator(recipient.language)
        let lines = items.map { item in
            "- \(item.contributionTitle): \(TimelineText.plain(item.event, repeats: item.repeats, t))\n  \(services.link(Site.Contributions.page(item.event.contributionID)))"
        }
        let subject = mode == .daily || items.count > 1
            ? t("mail.digest.subject", ["count": String(items.count)])
            : t("mail.news.subject", ["title": items.first?.contributionTitle ?? ""])
        return OutgoingMail(
            recipient: recipient.email, subject: subject,
            body: t("mail.news.body", [
                "name": recipient.name, "items": lines.joined(separator: "\n"), "account": services.link(Site.Accounts.account()),
            ]))
    }
}
