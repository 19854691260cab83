import KonventDomain
import KonventStorage
import KonventViews

/// The texts of the mails Konvent sends, in the recipient's language.
struct Mails: Sendable {
    let catalog: Catalog
    let region: RegionConfiguration
    /// The public address, for the links in mails.
    let baseURL: String

    func link(_ path: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    func confirmation(to email: EmailAddress, name: String, language: Language, token: SecretToken) -> OutgoingMail {
        let t = catalog.translator(language)
        return OutgoingMail(
            recipient: email, subject: t("mail.confirm.subject"),
            body: t("mail.confirm.body", [
                "name": name, "site": region.name[language], "link": link(Site.Accounts.confirm() + "?token=\(token.value)"),
            ]))
    }

    /// To the new address: the link that makes it the account's.
    func emailChange(to email: EmailAddress, user: User, token: SecretToken) -> OutgoingMail {
        let t = catalog.translator(user.locale)
        return OutgoingMail(
            recipient: email, subject: t("mail.emailChange.subject"),
            body: t("mail.emailChange.body", [
                "name": user.displayName, "site": region.name[user.locale], "email": email.value,
                "link": link(Site.Accounts.confirmEmail().query(["token": token.value])),
            ]))
    }

    /// To the old address: someone asked to move the account elsewhere.
    func emailChangeNotice(_ user: User, to email: EmailAddress) -> OutgoingMail {
        let t = catalog.translator(user.locale)
        return OutgoingMail(
            recipient: user.email, subject: t("mail.emailChangeNotice.subject"),
            body: t("mail.emailChangeNotice.body", [
                "name": user.displayName, "site": region.name[user.locale], "email": email.value,
                "link": link(Site.Accounts.account()),
            ]))
    }

    func passwordReset(to user: User, token: SecretToken) -> OutgoingMail {
        let t = catalog.translator(user.locale)
        return OutgoingMail(
            recipient: user.email, subject: t("mail.reset.subject"),
            body: t("mail.reset.body", [
                "name": user.displayName, "site": region.name[user.locale],
                "link": link(Site.Accounts.resetPassword() + "?token=\(token.value)"),
            ]))
    }

    func movedUp(_ recipient: Recipient, format: Format, times: FormatTimes) -> OutgoingMail {
        let t = catalog.translator(recipient.language)
        return OutgoingMail(
            recipient: recipient.email, subject: t("mail.movedUp.subject", ["title": format.title]),
            body: t("mail.movedUp.body", [
                "name": recipient.name, "title": format.title,
                "when": "\(t.date(iso: times.start.isoDate)), \(times.start.clock)", "link": link(Site.Formats.page(format.id)),
            ]))
    }

    /// To a confirmed member: someone asks to act for their organisation.
    func joinRequest(_ member: Recipient, requester: String, organisation: Organisation) -> OutgoingMail {
        let t = catalog.translator(member.language)
        return OutgoingMail(
            recipient: member.email, subject: t("mail.joinRequest.subject", ["organisation": organisation.name]),
            body: t("mail.joinRequest.body", [
                "name": member.name, "requester": requester, "organisation": organisation.name,
                "link": link(Site.Accounts.account() + "#organisations-title"),
            ]))
    }

    /// One mail for one person's news: a single event, or the day's digest.
    func notifications(_ recipient: Recipient, mode: NotifyMode, _ items: [PendingNotification]) -> OutgoingMail {
        let t = catalog.translator(recipient.language)
        // The same news twice (a step taken back and taken again, two measures in one state) reads as one line.
        var seen = Set<String>()
        let lines = items.map { item in
            "- \(item.contributionTitle): \(TimelineText.plain(item.event, repeats: item.repeats, region: region, t))\n  \(link(Site.Contributions.page(item.event.contributionID)))"
        }.filter { seen.insert($0).inserted }
        let subject = mode == .daily || lines.count > 1
            ? t.count("mail.digest.subject", lines.count)
            : t("mail.news.subject", ["title": items.first?.contributionTitle ?? ""])
        return OutgoingMail(
            recipient: recipient.email, subject: subject,
            body: t("mail.news.body", [
                "name": recipient.name, "items": lines.joined(separator: "\n"), "account": link(Site.Accounts.account()),
            ]))
    }
}
