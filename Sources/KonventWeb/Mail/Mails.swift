import Foundation
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

    func confirmation(to email: EmailAddress, name: String, language: Language, token: SecretToken, next: String? = nil,
                      attend: Int64? = nil) -> OutgoingMail {
        let t = catalog.translator(language)
        return OutgoingMail(
            recipient: email, subject: t("mail.confirm.subject"),
            body: t("mail.confirm.body", [
                "name": name, "site": region.name[language],
                "link": link(Site.Accounts.confirm().query([("token", token.value), ("next", next), ("attend", attend.map(String.init))])),
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

    /// An administrator's invitation: the role, and the link to set a password (which confirms the address).
    func invitation(to email: EmailAddress, name: String, role: Role, language: Language, token: SecretToken) -> OutgoingMail {
        let t = catalog.translator(language)
        return OutgoingMail(
            recipient: email, subject: t("mail.invitation.subject", ["site": region.name[language]]),
            body: t("mail.invitation.body", [
                "name": name, "site": region.name[language], "role": t(role.catalogKey),
                "link": link(Site.Accounts.resetPassword().query(["token": token.value])),
            ]))
    }

    /// The link that confirms a request for announcements (double opt-in).
    func announcementsConfirmation(to user: User, token: SecretToken) -> OutgoingMail {
        let t = catalog.translator(user.locale)
        return OutgoingMail(
            recipient: user.email, subject: t("mail.announcements.confirm.subject", ["site": region.name[user.locale]]),
            body: t("mail.announcements.confirm.body", [
                "name": user.displayName, "site": region.name[user.locale],
                "link": link(Site.Announcements.confirm().query(["token": token.value])),
            ]))
    }

    /// One announcement to one subscriber, with the link that stops them in the text and in `List-Unsubscribe`.
    func announcement(_ id: AnnouncementID, title: String, body: String, to recipient: Recipient, unsubscribe: String) -> OutgoingMail {
        let t = catalog.translator(recipient.language)
        let stop = link(unsubscribe)
        return OutgoingMail(
            recipient: recipient.email, subject: title,
            body: t("mail.announcement.body", [
                "name": recipient.name, "site": region.name[recipient.language], "text": body,
                "link": link(Site.Announcements.page(id)), "unsubscribe": stop,
            ]), listUnsubscribe: stop)
    }

    /// A format as a calendar entry, for the feed, the download and the mails.
    func calendarEvent(_ format: Format) -> ICalendar.Event {
        let host = URL(string: baseURL)?.host ?? "konvent"
        let place = region.placeName(district: format.districtKey, municipality: format.municipalityKey)
        return ICalendar.Event(
            uid: "format-\(format.id)@\(host)", start: format.startsAt, end: format.endsAt, stamp: Timestamp.now.milliseconds,
            summary: format.title, description: format.description,
            location: [format.place, format.onlineURL ?? "", place].filter { !$0.isEmpty }.joined(separator: ", "),
            url: link(Site.Formats.page(format.id)))
    }

    /// The calendar entry as a file to attach.
    func calendarFile(_ format: Format) -> MailAttachment {
        MailAttachment(filename: "format-\(format.id).ics", contentType: "text/calendar; method=PUBLISH",
                       text: ICalendar.calendar(name: format.title, events: [calendarEvent(format)]))
    }

    /// What a registered person needs to know, as every format mail writes it: when (in the
    /// region's time), where or which link, what to bring, and how to cancel.
    func details(_ format: Format, _ times: FormatTimes, _ t: Translator) -> String {
        var lines = [t("mail.format.when", [
            "date": t.date(iso: times.start.isoDate), "start": times.start.clock,
            "end": times.end.isoDate == times.start.isoDate ? times.end.clock : "\(t.date(iso: times.end.isoDate)), \(times.end.clock)",
        ])]
        if !format.place.isEmpty { lines.append(t("mail.format.place", ["place": format.place])) }
        if let url = format.onlineURL, !url.isEmpty { lines.append(t("mail.format.online", ["link": url])) }
        if !format.bring.isEmpty { lines.append(t("mail.format.bring", ["bring": format.bring])) }
        lines.append("")
        lines.append(t("mail.format.cancel", ["link": link(Site.Formats.page(format.id) + "#registration-title")]))
        return lines.joined(separator: "\n")
    }

    /// Right after registering: a seat (with the calendar entry), or a place on the waitlist.
    func registered(_ recipient: Recipient, format: Format, times: FormatTimes, status: RegistrationStatus) -> OutgoingMail {
        let t = catalog.translator(recipient.language)
        let confirmed = status == .confirmed
        return OutgoingMail(
            recipient: recipient.email,
            subject: t(confirmed ? "mail.registered.subject" : "mail.waitlisted.subject", ["title": format.title]),
            body: t(confirmed ? "mail.registered.body" : "mail.waitlisted.body", [
                "name": recipient.name, "title": format.title, "details": details(format, times, t),
            ]),
            attachments: confirmed ? [calendarFile(format)] : [])
    }

    func movedUp(_ recipient: Recipient, format: Format, times: FormatTimes) -> OutgoingMail {
        let t = catalog.translator(recipient.language)
        return OutgoingMail(
            recipient: recipient.email, subject: t("mail.movedUp.subject", ["title": format.title]),
            body: t("mail.movedUp.body", ["name": recipient.name, "title": format.title, "details": details(format, times, t)]),
            attachments: [calendarFile(format)])
    }

    /// The day before.
    func reminder(_ recipient: Recipient, format: Format, times: FormatTimes) -> OutgoingMail {
        let t = catalog.translator(recipient.language)
        return OutgoingMail(
            recipient: recipient.email, subject: t("mail.reminder.subject", ["title": format.title]),
            body: t("mail.reminder.body", ["name": recipient.name, "title": format.title, "details": details(format, times, t)]),
            attachments: [calendarFile(format)])
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
    func notifications(_ recipient: Recipient, mode: NotifyMode, _ news: PendingNews) -> OutgoingMail {
        let t = catalog.translator(recipient.language)
        // The same news twice (a step taken back and taken again, two measures in one state) reads as one line.
        var seen = Set<String>()
        let contributionLines = news.contributions.map { item in
            "- \(item.contributionTitle): \(TimelineText.plain(item.event, repeats: item.repeats, region: region, t))\n  \(link(Site.Contributions.page(item.event.contributionID)))"
        }
        let measureLines = news.measures.map { notice in
            "- \(notice.code) \(notice.title): \(MeasureNoticeText.plain(notice, region: region, t))\n  \(link(MeasureNoticeText.target(notice)))"
        }
        let lines = (contributionLines + measureLines).filter { seen.insert($0).inserted }
        let single = news.contributions.first?.contributionTitle ?? news.measures.first.map { "\($0.code) \($0.title)" } ?? ""
        let subject = mode == .daily || lines.count > 1
            ? t.count(news.measures.isEmpty ? "mail.digest.subject" : "mail.digest.subject.measures", lines.count)
            : t("mail.news.subject", ["title": single])
        return OutgoingMail(
            recipient: recipient.email, subject: subject,
            body: t("mail.news.body", [
                "name": recipient.name, "items": lines.joined(separator: "\n"), "account": link(Site.Accounts.account()),
            ]))
    }
}
