import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("Announcements", .serialized)
struct AnnouncementFlowTests {
    @Test("double opt-in, an announcement narrowed to a district sent in batches through real SMTP with List-Unsubscribe, unsubscribing by link, the archive",
          arguments: TestDatabase.available)
    func announcements(database: TestDatabase) async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await withApp(database, configure: { $0.smtp = SMTPConfiguration(host: "127.0.0.1", port: sink.port) }) { browser, services in
            let delivery = MailDelivery(
                outbox: services.outbox, client: SMTPClient(configuration: services.configuration.smtp!, from: services.configuration.mailFrom),
                interval: .seconds(1), logger: services.logger)
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let anna = try await browserFor(browser, services, email: "anna@example.org", name: "Anna")
            let ben = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            let annaID = try #require(try await services.administration.userID(email: EmailAddress("anna@example.org")))
            let benID = try #require(try await services.administration.userID(email: EmailAddress("ben@example.org")))
            _ = try await services.contributions.create(
                ContributionDraft(kind: .idea, title: "Radweg an der Zwickauer Mulde", text: "Ein Radweg entlang der Mulde.", fields: ["wirtschaft"],
                                  districtKey: "14524", municipalityKey: nil, organisationID: nil, anonymous: false),
                author: annaID, at: .now, status: .published)

            // Double opt-in: asking sends a link; only the link makes it count.
            var account = try await anna.get("/account")
            #expect(account.body.contains("Sie erhalten keine Ankündigungen."))
            #expect(try await anna.post("/account/announcements", [], csrfFrom: account).status == .seeOther)
            account = try await anna.get("/account")
            #expect(account.body.contains("Bestellt, aber noch nicht bestätigt"))
            #expect(try await services.announcements.count(AnnouncementAudience()) == 0, "not before the link")
            #expect(await delivery.deliverDue() == 1)
            let confirmation = try #require(try await sink.waitForMail().last)
            let link = try #require(confirmation.link(startingWith: "http://konvent.test/announcements/confirm?token="))
            #expect(try await anna.get(String(link.dropFirst("http://konvent.test".count))).body.contains("Ankündigungen bestellt"))
            #expect(try await anna.get(String(link.dropFirst("http://konvent.test".count))).status == .notFound, "once")
            let benAccount = try await ben.get("/account")
            _ = try await ben.post("/account/announcements", [], csrfFrom: benAccount)
            let benToken = try #require(try await services.outbox.due().last?.mail.body.split(separator: "token=").last?
                .split(whereSeparator: \.isWhitespace).first)
            _ = try await ben.get("/announcements/confirm?token=\(benToken)")
            #expect(try await services.announcements.count(AnnouncementAudience()) == 2)
            #expect(await delivery.deliverDue() == 1)
            _ = try await sink.waitForMail(count: 2)

            // The office: bad input changes nothing; the preview says whom it reaches.
            #expect(try await anna.get("/announcements/new").status == .forbidden)
            var form = try await office.get("/announcements/new")
            let text = "Der Entwurf des Masterplans ist bis zum 31. Januar zur Kommentierung offen. Wir freuen uns auf Ihre Hinweise."
            for (fields, message) in [
                ([("title", "Kurz"), ("body", text), ("intent", "send")], "Der Betreff muss 5 bis 150 Zeichen lang sein."),
                ([("title", "Masterplan-Entwurf offen"), ("body", ""), ("intent", "send")], "Der Text muss 20 bis 10.000 Zeichen lang sein."),
                ([("title", "Masterplan-Entwurf offen"), ("body", text), ("district", "14522"), ("intent", "send")], "Niemand in diesem Empfängerkreis"),
                ([("title", "Masterplan-Entwurf offen"), ("body", text), ("district", "99999"), ("intent", "send")], "Diese Auswahl kennt Konvent nicht."),
            ] as [([(String, String)], String)] {
                let refused = try await office.post("/announcements/new", fields, csrfFrom: form)
                #expect(refused.status == .unprocessableContent, "\(fields)")
                #expect(refused.body.contains(message), "\(fields)")
            }
            #expect(try await services.announcements.archive(before: nil, limit: 10).isEmpty)
            let preview = try await office.post("/announcements/new", [("title", "Masterplan-Entwurf offen"), ("body", text), ("district", "14524"),
                                                                       ("intent", "preview")], csrfFrom: form)
            #expect(preview.status == .ok && preview.body.contains("Geht an 1 Person"), "only Anna contributed in Zwickau")
            form = preview
            let sent = try await office.post("/announcements/new", [("title", "Masterplan-Entwurf offen"), ("body", text), ("intent", "send")],
                                             csrfFrom: form)
            #expect(sent.status == .seeOther)
            let page = try await browser.get(try #require(sent.headers[.location]))
            #expect(page.body.contains("Masterplan-Entwurf offen") && page.body.contains("zur Kommentierung offen"), "public in the archive")
            #expect(try await browser.get("/announcements").body.contains("Masterplan-Entwurf offen"))
            #expect(try await services.announcements.archive(before: nil, limit: 10).first?.recipients == 2)

            // Through the outbox and real SMTP: each mail with its own unsubscribe link, also as List-Unsubscribe.
            #expect(await delivery.deliverDue() == 2)
            let mails = try await sink.waitForMail(count: 4).suffix(2)
            let toBen = try #require(mails.first { $0.recipient == "ben@example.org" })
            #expect(toBen.subject == "Masterplan-Entwurf offen" && toBen.body.contains("zur Kommentierung offen"))
            let stop = try #require(toBen.link(startingWith: "http://konvent.test/announcements/unsubscribe?"))
            #expect(toBen.headers["list-unsubscribe"] == "<\(stop)>")
            #expect(stop.contains("user=\(benID)"))

            // Unsubscribing from the mail needs no sign-in; a forged key does nothing.
            let stranger = Browser(client: browser.client)
            let forged = stop.replacingOccurrences(of: "user=\(benID)", with: "user=\(annaID)")
            #expect(try await stranger.get(String(forged.dropFirst("http://konvent.test".count))).status == .notFound)
            let confirmPage = try await stranger.get(String(stop.dropFirst("http://konvent.test".count)))
            #expect(confirmPage.body.contains("Abbestellen"))
            let done = try await stranger.post(String(stop.dropFirst("http://konvent.test".count)), [], csrfFrom: confirmPage)
            #expect(done.body.contains("Abbestellt."))
            #expect(try await services.announcements.subscription(of: benID) == .none)
            #expect(try await services.announcements.subscription(of: annaID) == .confirmed)
            // Her data export says when she asked and confirmed.
            let export = try #require(try await services.accounts.export(annaID))
            #expect(export.participation.announcements?.confirmedAt != nil)
            #expect(try await services.accounts.export(benID)?.participation.announcements == nil)
        }
    }

    @Test("sending walks the recipients batch by batch", arguments: TestDatabase.available)
    func batches(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            let office = try await services.addUser(email: "office@example.org", name: "Office", role: "convention_office", ministry: nil, password: password)
            for index in 0..<7 {
                let user = try await services.addUser(email: "p\(index)@example.org", name: "P\(index)", role: "participant", ministry: nil, password: password)
                let token = SecretToken()
                try await services.announcements.requestSubscription(
                    user.id, token: token, expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + 60_000),
                    mail: OutgoingMail(recipient: user.email, subject: "Bestätigen", body: "Link"), at: .now)
                _ = try await services.announcements.confirmSubscription(token: token, at: .now)
            }
            let before = try await services.outbox.pendingCount()
            let id = try await services.announcements.send(
                title: "Termine im Februar", body: "Alle Termine des Regionalkonvents im Februar.", audience: AnnouncementAudience(),
                actor: office.id, at: .now, batch: 3
            ) { _, recipient in OutgoingMail(recipient: recipient.email, subject: "Termine im Februar", body: "Hallo \(recipient.name)") }
            #expect(try await services.outbox.pendingCount() - before == 7, "seven mails in batches of three")
            let stored = try #require(try await services.announcements.announcement(id))
            #expect(stored.recipients == 7 && stored.sentAt != nil)
        }
    }
}
