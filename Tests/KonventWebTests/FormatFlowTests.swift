import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

/// A second browser with its own cookies, signed in as a new person with the given role.
func browserFor(
    _ browser: Browser, _ services: Services, email: String, name: String, role: String = "participant", ministry: String? = nil
) async throws -> Browser {
    let other = Browser(client: browser.client)
    _ = try await services.addUser(email: email, name: name, role: role, ministry: ministry, password: password)
    let login = try await other.get("/login")
    let signedIn = try await other.post("/login", [("email", email), ("password", password)], csrfFrom: login)
    #expect(signedIn.status == .seeOther, "sign-in of \(email)")
    return other
}

func formatForm(title: String = "Zukunftswerkstatt Mobilität in Plauen", capacity: String = "1", start: String = "2030-06-03T18:00",
                end: String = "2030-06-03T20:30") -> [(String, String)] {
    [("kind", "future_workshop"), ("title", title),
     ("description", "Wir sammeln Ideen für Bus, Bahn und Rad im Vogtland.\n\n- Einstieg\n- Gruppenarbeit"),
     ("fields", "infrastruktur-mobilitaet"), ("district", "14523"), ("municipality", ""), ("place", "Rathaus Plauen, Unterer Graben 1"),
     ("onlineURL", ""), ("start", start), ("end", end), ("capacity", capacity), ("bring", "Eine Idee für Ihren Ort")]
}

/// Creates a format as a new facilitator and returns its path.
func createFormat(_ facilitator: Browser, capacity: String = "1") async throws -> String {
    let form = try await facilitator.get("/formats/new")
    #expect(form.status == .ok)
    let created = try await facilitator.post("/formats", formatForm(capacity: capacity), csrfFrom: form)
    #expect(created.status == .seeOther)
    return String(try #require(created.headers[.location]).split(separator: "?")[0])
}

@Suite("Formats through the web", .serialized)
struct FormatFlowTests {
    @Test("register, waitlist, cancel: the next in line moves up and gets a mail", arguments: TestDatabase.available)
    func waitlist(database: TestDatabase) async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await withApp(database, configure: { $0.smtp = SMTPConfiguration(host: "127.0.0.1", port: sink.port) }) { browser, services in
            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            let path = try await createFormat(facilitator)
            let detail = try await facilitator.get(path)
            #expect(detail.body.contains("<h1>Zukunftswerkstatt Mobilität in Plauen</h1>"))
            #expect(detail.body.contains("<time datetime=\"2030-06-03T18:00\">03.06.2030, 18:00</time>"), "shown in region time")
            let id = try #require(FormatID(path.split(separator: "/").last!))
            let stored = try #require(try await services.formats.format(id))
            #expect(ICalendar.utc(stored.startsAt) == "20300603T160000Z", "18:00 in Berlin summer time is 16:00 UTC")

            try await signIn(browser, services)
            var page = try await browser.get(path)
            #expect(page.body.contains(">Zu dieser Veranstaltung anmelden</button>"))
            #expect(try await browser.post("\(path)/register", [], csrfFrom: page).headers[.location] == "\(path)?notice=registered")
            page = try await browser.get(path)
            let twice = try await browser.post("\(path)/register", [], csrfFrom: page)
            #expect(twice.status == .conflict)
            #expect(twice.body.contains("schon angemeldet"))

            let ben = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            let full = try await ben.get(path)
            #expect(full.body.contains("Auf die Warteliste"))
            #expect(try await ben.post("\(path)/register", [], csrfFrom: full).headers[.location] == "\(path)?notice=waitlisted")
            #expect(try await services.formats.format(id)?.waitlistCount == 1)

            page = try await browser.get(path)
            try await browser.post("\(path)/cancel", [], csrfFrom: page)
            let after = try #require(try await services.formats.format(id))
            #expect(after.registeredCount == 1 && after.waitlistCount == 0)
            let benUser = try #require(try await services.accounts.credentials(email: EmailAddress("ben@example.org")))
            #expect(try await services.formats.registration(id, user: benUser.user.id) == .confirmed)

            let delivery = MailDelivery(
                outbox: services.outbox, client: SMTPClient(configuration: services.configuration.smtp!, from: "k@example.org"),
                interval: .seconds(1), logger: services.logger)
            #expect(await delivery.deliverDue() == 3, "Anna's confirmation, Ben's waitlist notice, Ben's move up")
            let mails = try await sink.waitForMail(count: 3)
            let confirmation = try #require(mails.first { $0.subject == "Anmeldung bestätigt: Zukunftswerkstatt Mobilität in Plauen" })
            #expect(confirmation.recipient == "anna@example.org")
            #expect(confirmation.body.contains("Wann: 03.06.2030, 18:00 bis 20:30 Uhr"), "the region's time, not UTC")
            #expect(confirmation.body.contains("Wo: Rathaus Plauen, Unterer Graben 1"))
            #expect(confirmation.body.contains("Bitte mitbringen: Eine Idee für Ihren Ort"))
            #expect(confirmation.body.contains("http://konvent.test\(path)#registration-title"), "how to cancel")
            let calendar = try #require(confirmation.attachments.first)
            #expect(calendar.filename == "format-\(id).ics" && calendar.contentType.hasPrefix("text/calendar"))
            #expect(calendar.text.contains("DTSTART:20300603T160000Z\r\n") && calendar.text.contains("SUMMARY:Zukunftswerkstatt Mobilität in Plauen"))
            let waitlisted = try #require(mails.first { $0.subject == "Auf der Warteliste: Zukunftswerkstatt Mobilität in Plauen" })
            #expect(waitlisted.recipient == "ben@example.org" && waitlisted.attachments.isEmpty)
            let mail = try #require(mails.first { $0.subject == "Sie sind nachgerückt: Zukunftswerkstatt Mobilität in Plauen" })
            #expect(mail.recipient == "ben@example.org")
            #expect(mail.body.contains("http://konvent.test\(path)"))
            #expect(mail.body.contains("Wann: 03.06.2030, 18:00 bis 20:30 Uhr") && mail.attachments.count == 1, "moving up says the same")

            // The day before, Ben (now seated) is reminded once; Anna, who cancelled, is not.
            let start = Timestamp(milliseconds: stored.startsAt)
            #expect(try await services.queueFormatReminders(at: Timestamp(milliseconds: start.milliseconds - 30 * 3_600_000)) == 0, "not two days ahead")
            #expect(try await services.queueFormatReminders(at: Timestamp(milliseconds: start.milliseconds - 20 * 3_600_000)) == 1)
            #expect(try await services.queueFormatReminders(at: Timestamp(milliseconds: start.milliseconds - 19 * 3_600_000)) == 0, "once")
            let reminder = try #require(try await services.outbox.due(at: Timestamp(milliseconds: start.milliseconds)).map(\.mail).first {
                $0.subject == "Morgen: Zukunftswerkstatt Mobilität in Plauen"
            })
            #expect(reminder.recipient.value == "ben@example.org" && reminder.body.contains("Wann: 03.06.2030, 18:00 bis 20:30 Uhr"))

            let account = try await ben.get("/account")
            #expect(account.body.contains("Zukunftswerkstatt Mobilität in Plauen"))
        }
    }

    @Test("a visitor is offered signing in or a new account apart from the event's registration; a new account made there ends registered")
    func newAccountForAnEvent() async throws {
        try await withApp { browser, services in
            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            let path = try await createFormat(facilitator)
            let id = String(path.split(separator: "/").last!)
            let visitor = Browser(client: browser.client)
            let page = try await visitor.get(path)
            #expect(page.body.contains("href=\"/login?next=\(path)\">Mit meinem Konto anmelden</a>"))
            #expect(page.body.contains("href=\"/register?next=\(path)&amp;attend=\(id)\">Neues Konto erstellen</a>"))
            #expect(!page.body.contains(">Zu dieser Veranstaltung anmelden</button>"), "no registration button before signing in")
            let form = try await visitor.get("/register?next=\(path)&attend=\(id)")
            #expect(form.body.contains("name=\"next\" value=\"\(path)\""))
            #expect(form.body.contains("name=\"attend\" value=\"\(id)\""))
            #expect(form.body.contains("um an „Zukunftswerkstatt Mobilität in Plauen“ teilzunehmen"))
            let refused = try await visitor.post("/register", [
                ("email", "neu@example.org"), ("displayName", "Neu"), ("password", password), ("passwordRepeat", "anders"),
                ("acceptPrivacy", "on"), ("next", path), ("attend", id),
            ], csrfFrom: form)
            #expect(refused.status == .unprocessableContent && refused.body.contains("name=\"attend\" value=\"\(id)\""), "kept on an error")
            let registered = try await visitor.post("/register", [
                ("email", "neu@example.org"), ("displayName", "Neu"), ("password", password), ("passwordRepeat", password),
                ("acceptPrivacy", "on"), ("next", path), ("attend", id),
            ], csrfFrom: form)
            #expect(registered.status == .seeOther)
            let mail = try #require(try await services.outbox.due().map(\.mail).first { $0.recipient.value == "neu@example.org" })
            let link = try #require(mail.body.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("http://konvent.test/confirm?") })
            #expect(link.hasSuffix("&next=\(path)&attend=\(id)"))
            let user = try #require(try await services.accounts.credentials(email: EmailAddress("neu@example.org"))?.user)
            #expect(try await services.formats.registration(FormatID(Int64(id)!), user: user.id) == nil, "no seat before confirming")
            let confirmed = try await visitor.get(String(link.dropFirst("http://konvent.test".count)))
            #expect(confirmed.body.contains("Sie sind für „Zukunftswerkstatt Mobilität in Plauen“ angemeldet."))
            #expect(confirmed.body.contains("href=\"/login?next=\(path)\">Anmelden und weiter zur Veranstaltung</a>"))
            #expect(try await services.formats.registration(FormatID(Int64(id)!), user: user.id) == .confirmed)
            #expect(try await services.outbox.due().map(\.mail).contains {
                $0.recipient.value == "neu@example.org" && $0.subject.contains("Zukunftswerkstatt Mobilität in Plauen")
            }, "the confirmation of the seat is mailed")
            let again = try await visitor.get(String(link.dropFirst("http://konvent.test".count)))
            #expect(again.status == .notFound, "the link works once")
            let login = try await visitor.get("/login?next=\(path)")
            let signedIn = try await visitor.post("/login", [("email", "neu@example.org"), ("password", password), ("next", path)], csrfFrom: login)
            #expect(signedIn.headers[.location] == path)
            #expect(try await visitor.get(path).body.contains(">Anmeldung zurückziehen</button>"))
            let foreign = try await visitor.get("/register?next=//evil.example&attend=999999")
            #expect(!foreign.body.contains("evil.example") && !foreign.body.contains("name=\"attend\""), "only a local path and a real format are carried along")
        }
    }

    @Test("the facilitator prints the list, marks who came, and the documentation starts from that number")
    func attendance() async throws {
        try await withApp { browser, services in
            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            let path = try await createFormat(facilitator, capacity: "2")
            try await signIn(browser, services)
            try await browser.post("\(path)/register", [], csrfFrom: try await browser.get(path))
            let ben = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            try await ben.post("\(path)/register", [], csrfFrom: try await ben.get(path))
            let cleo = try await browserFor(browser, services, email: "cleo@example.org", name: "Cleo")
            try await cleo.post("\(path)/register", [], csrfFrom: try await cleo.get(path))

            let list = try await facilitator.get("\(path)/participants")
            #expect(list.status == .ok)
            #expect(list.body.contains("2 angemeldete Personen") && list.body.contains("1 Person auf der Warteliste"))
            #expect(list.body.contains("<th scope=\"row\">Anna Ärmel</th>") && list.body.contains("<th scope=\"row\">Ben</th>"))
            #expect(list.body.contains("Unterschrift"))
            let anna = try #require(try await services.accounts.credentials(email: EmailAddress("anna@example.org"))?.user.id)
            let cleoID = try #require(try await services.accounts.credentials(email: EmailAddress("cleo@example.org"))?.user.id)
            let saved = try await facilitator.post("\(path)/participants", [("attended", String(anna.rawValue)), ("attended", String(cleoID.rawValue))],
                                                   csrfFrom: list)
            #expect(saved.body.contains("Gespeichert: 1 Person war anwesend."), "Cleo waits and cannot have come on a seat")
            #expect(saved.body.contains("value=\"\(anna.rawValue)\" checked"))
            let documentation = try await facilitator.get("\(path)/documentation")
            #expect(documentation.body.contains("name=\"participants\"") && documentation.body.contains("value=\"1\""))
            #expect(try await ben.get("\(path)/participants").status == .forbidden)
            let forged = try await ben.post("\(path)/participants", [("attended", "1")], csrfFrom: try await ben.get(path))
            #expect(forged.status == .forbidden)
        }
    }

    @Test("someone who deletes their account gives their seat to the first on the waitlist")
    func deletionFreesSeat() async throws {
        try await withApp { browser, services in
            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            let path = try await createFormat(facilitator)
            let id = try #require(FormatID(path.split(separator: "/").last!))
            try await signIn(browser, services)
            var page = try await browser.get(path)
            try await browser.post("\(path)/register", [], csrfFrom: page)
            let ben = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            try await ben.post("\(path)/register", [], csrfFrom: try await ben.get(path))
            page = try await browser.get("/account")
            let deleted = try await browser.post("/account/delete", [("password", password)], csrfFrom: page)
            #expect(deleted.status == .ok)
            let format = try #require(try await services.formats.format(id))
            #expect(format.registeredCount == 1 && format.waitlistCount == 0)
            let queued = try await services.outbox.due().map(\.mail)
            #expect(queued.contains { $0.recipient.value == "ben@example.org" && $0.subject.hasPrefix("Sie sind nachgerückt") })
        }
    }

    @Test("calendar files are RFC 5545: CRLF, folded lines, escaped text, UTC times")
    func calendar() async throws {
        try await withApp { browser, services in
            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            let path = try await createFormat(facilitator)
            for uri in ["\(path).ics", "/formats.ics"] {
                let ics = try await browser.get(uri)
                #expect(ics.status == .ok)
                #expect(ics.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(ics.body.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
                #expect(ics.body.hasSuffix("END:VCALENDAR\r\n"))
                #expect(ics.body.contains("DTSTART:20300603T160000Z\r\n"))
                #expect(ics.body.contains("Rathaus Plauen\\, Unterer Graben 1"))
                for line in ics.body.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
                #expect(!ics.body.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feeds")
            }
        }
    }

    @Test("bad format input is refused with a 422 and stores nothing; only facilitators and the office create formats")
    func badInput() async throws {
        try await withApp { browser, services in
            try await signIn(browser, services)
            #expect(try await browser.get("/formats/new").status == .forbidden)
            let facilitator = try await browserFor(browser, services, email: "mo@example.org", name: "Mo", role: "facilitator")
            let form = try await facilitator.get("/formats/new")
            let refused = try await facilitator.post(
                "/formats", formatForm(title: "Kurz", capacity: "-3", start: "2030-06-03T18:00", end: "2030-06-03T17:00"), csrfFrom: form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Das Ende muss nach dem Beginn liegen."))
            #expect(refused.body.contains("Bitte geben Sie einen Titel mit 5 bis 140 Zeichen an."))
            #expect(refused.body.contains("Bitte geben Sie die Zahl der Plätze"))
            #expect(refused.body.contains("value=\"Kurz\""), "what was typed stays")
            // 02:30 on the last Sunday of March does not exist in Berlin.
            let gap = try await facilitator.post("/formats", formatForm(start: "2030-03-31T02:30", end: "2030-03-31T04:00"), csrfFrom: form)
            #expect(gap.status == .unprocessableContent)
            #expect(try await services.formats.list(FormatQuery(), now: .now).items.isEmpty)

            let path = try await createFormat(facilitator)
            let other = try await browserFor(browser, services, email: "lea@example.org", name: "Lea", role: "facilitator")
            #expect(try await other.get("\(path)/edit").status == .forbidden, "another facilitator's format")
            #expect(try await other.get("\(path)/results").status == .forbidden)
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            #expect(try await office.get("\(path)/edit").status == .ok)
            // The office names who runs a format; only facilitators can be chosen.
            let officeForm = try await office.get("/formats/new")
            let mo = try #require(try await services.accounts.credentials(email: EmailAddress("mo@example.org"))).user
            #expect(officeForm.body.contains("<option value=\"\(mo.id)\">Mo</option>"))
            #expect(!(try await facilitator.get("/formats/new")).body.contains("name=\"facilitator\""))
            let office2 = try #require(try await services.accounts.credentials(email: EmailAddress("office@example.org"))).user
            let wrong = try await office.post("/formats", formatForm() + [("facilitator", String(office2.id.rawValue))], csrfFrom: officeForm)
            #expect(wrong.status == .unprocessableContent)
            let assigned = try await office.post("/formats", formatForm() + [("facilitator", String(mo.id.rawValue))], csrfFrom: officeForm)
            let location = try #require(assigned.headers[.location])
            let assignedID = try #require(FormatID(location.split(separator: "?")[0].split(separator: "/").last!))
            #expect(try await services.formats.format(assignedID)?.facilitatorID == mo.id)
        }
    }
}
