import KonventDomain
import KonventStorage
import KonventViews

/// Accounts for every role, so that someone trying Konvent out can see each side of the process.
/// Loading is idempotent: accounts that exist already are left alone.
public struct DemoData: Sendable {
    let services: Services

    public init(services: Services) { self.services = services }

    /// The password of every demo account; printed when the demo starts. Never use demo data in production.
    public static let password = "demo-passwort-2026"

    public struct Account: Sendable {
        public var email: String
        public var name: String
        public var role: Role
        public var ministry: String?
    }

    public static let accounts: [Account] = [
        Account(email: "buergerin@demo.konvent.localhost", name: "Anna Beispiel", role: .participant),
        Account(email: "moderation@demo.konvent.localhost", name: "Moritz Moderation", role: .facilitator),
        Account(email: "geschaeftsstelle@demo.konvent.localhost", name: "Geschäftsstelle Regionalkonvent", role: .conventionOffice),
        Account(email: "ressort@demo.konvent.localhost", name: "Referat SMIL", role: .ministryReviewer, ministry: "smil"),
        Account(email: "lenkungskreis@demo.konvent.localhost", name: "Lenkungskreis Mitglied", role: .steeringCommitteeMember),
        Account(email: "admin@demo.konvent.localhost", name: "Administration", role: .administrator),
    ]

    /// Where each role finds something to do or to see in the demo.
    public static func start(_ role: Role) -> String {
        switch role {
        case .participant: Site.Accounts.account()
        case .facilitator: Site.Formats.list()
        case .conventionOffice: Site.Moderation.queue()
        case .ministryReviewer, .steeringCommitteeMember: Site.Measures.desk()
        case .administrator: Site.Accounts.account()
        }
    }

    /// The accounts as a compact table for the terminal: role (and ministry), address, where to begin.
    public static func table(_ accounts: [Account], baseURL: String, catalog: Catalog) -> String {
        let t = catalog.translator(.de)
        let rows = accounts.map { account in
            [t(account.role.catalogKey) + (account.ministry.map { " – \($0.uppercased())" } ?? ""), account.email,
             baseURL + start(account.role)]
        }
        let header = ["Rolle", "E-Mail-Adresse", "Anfangen bei"]
        let widths = (0..<3).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return (["", "Konvent-Demo – Passwort für alle Konten: \(password)", line(header), line(widths.map { String(repeating: "─", count: $0) })]
            + rows.map(line) + [""]).joined(separator: "\n")
    }

    /// Returns the demo accounts that exist after loading.
    public func load() async throws -> [Account] {
        var loaded: [Account] = []
        for account in Self.accounts {
            // A region without the demo ministry gets the reviewer bound to its first ministry.
            var account = account
            if account.role == .ministryReviewer, let ministry = account.ministry, services.region.ministry(ministry) == nil {
                account.ministry = services.region.ministries.first?.key
                if account.ministry == nil { continue }
            }
            do {
                _ = try await services.addUser(
                    email: account.email, name: account.name, role: account.role.rawValue, ministry: account.ministry,
                    password: Self.password)
            } catch let error as UserInputError where error.description.hasPrefix("--email") {
                // Already there from an earlier start.
            }
            loaded.append(account)
        }
        if let anna = try await services.accounts.credentials(email: EmailAddress(trusted: Self.accounts[0].email))?.user,
           try await services.organisations.organisations(of: anna.id).isEmpty {
            _ = try await services.organisations.join(
                name: "Heimatverein Beispielstadt e. V.", kind: .association, for: anna.id, at: .now, mail: { _, _ in [] })
            // A request to join waits for Anna and the office, so that both see how it is decided.
            if let other = try await services.accounts.credentials(email: EmailAddress(trusted: Self.accounts[1].email))?.user {
                _ = try await services.organisations.join(
                    name: "Heimatverein Beispielstadt e. V.", kind: .association, for: other.id, at: .now, mail: { _, _ in [] })
            }
        }
        // Participation that reads like a real process, once.
        if try await services.contributions.list(ContributionQuery()).items.isEmpty {
            let facilitator = try await services.accounts.credentials(email: EmailAddress(trusted: Self.accounts[1].email))?.user.id
            try await SampleData(services: services).generate(
                .init(contributions: 420, comments: 900, supports: 2500, people: 60, seed: 2026, formats: 48, facilitator: facilitator))
            // Anna has a seat in the next format with one free, so that her account page shows a registration.
            if let anna = try await services.accounts.credentials(email: EmailAddress(trusted: Self.accounts[0].email))?.user.id {
                var query = FormatQuery()
                query.limit = 50
                if let next = try await services.formats.list(query, now: .now).items.first(where: { !$0.isFull }) {
                    _ = try? await services.formats.register(next.id, user: anna, at: .now)
                }
                if let office = try await services.accounts.credentials(email: EmailAddress(trusted: Self.accounts[2].email))?.user.id,
                   services.region.review.stages.isEmpty == false {
                    try await DemoMeasures(services: services).load(office: office)
                    try await DemoProgress(services: services).load(office: office)
                    try await DemoMasterplan(services: services).load(office: office)
                    try await annasIdeaTakenUp(anna, office: office)
                    try await themes(office: office)
                    try await announcement(anna, office: office)
                }
                // Anna's own idea, still open for her to edit, so that her account shows what she wrote.
                _ = try await services.contributions.create(
                    ContributionDraft(
                        kind: .idea, title: "Mitfahrbänke für die Dörfer im Vogtlandkreis",
                        text: "An den Ortsausgängen stehen Bänke, auf denen man zeigt, wohin man mitfahren möchte. "
                            + "So kommen Ältere und Jugendliche ohne Auto zum Arzt, zum Einkaufen oder zum Bahnhof.",
                        fields: [services.region.fieldsOfAction.first(where: { $0.key.contains("mobil") })?.key
                            ?? services.region.fieldsOfAction[0].key],
                        districtKey: services.region.districts.first(where: { $0.name.contains("Vogtland") })?.officialKey
                            ?? services.region.districts[0].officialKey,
                        municipalityKey: nil, organisationID: nil, anonymous: false),
                    author: anna, at: .now, status: .published)
                // One open report, so that the office's queue shows what moderation looks like.
                let discussed = try await services.contributions.list({ var q = ContributionQuery(); q.sort = .mostDiscussed; return q }())
                if let contribution = discussed.items.first,
                   let comment = try await services.contributions.comments(on: contribution.id).first {
                    try? await services.moderation.report(
                        contribution.id, comment: comment.id, by: anna, reason: "Der Ton ist unfreundlich (Demo-Meldung).", at: .now)
                }
            }
        }
        return loaded
    }

    /// Anna's idea that the office took up into an adopted measure: her page and account show where it went.
    func annasIdeaTakenUp(_ anna: UserID, office: UserID) async throws {
        let region = services.region
        guard let field = region.fieldsOfAction.first(where: { $0.key.contains("mobil") }) ?? region.fieldsOfAction.first else { return }
        var query = MeasureQuery()
        query.field = field.key
        query.states = [.adopted, .adoptedWithConditions]
        let adopted = try await services.measures.list(query)
        // Her idea is about the bus: the measure on the local transport, if one was adopted.
        guard let measure = adopted.first(where: { $0.content.title.contains("Nahverkehr") }) ?? adopted.first else { return }
        let id = try await services.contributions.create(
            ContributionDraft(
                kind: .idea, title: "Rufbus am Wochenende für die Dörfer",
                text: "Am Wochenende fährt in vielen Dörfern kein Bus. Ein Rufbus, den man bis zum Vorabend bestellt, "
                    + "brächte Ältere zum Arzt und Jugendliche zu Ausbildung und Freizeit.",
                fields: [field.key], districtKey: region.districts.first(where: { $0.name.contains("Vogtland") })?.officialKey
                    ?? region.districts[0].officialKey,
                municipalityKey: nil, organisationID: nil, anonymous: false),
            author: anna, at: .now, status: .published)
        try await services.moderation.follow(id, user: anna, at: .now)
        try await services.measures.addSource(measure.id, contribution: id, note: "gleiches Anliegen, in die Maßnahme aufgenommen",
                                              actor: office, at: .now)
        // She follows a second adopted measure, to hear of its progress too.
        query.field = nil
        if let other = try await services.measures.list(query).first(where: { $0.id != measure.id }) {
            try await services.measures.follow(other.id, user: anna, at: .now)
        }
    }

    /// Two of the office's themes, each carrying what a search for its words finds, so that the
    /// theme pages, the filters and the analysis show how themes work.
    func themes(office: UserID) async throws {
        for (name, words) in [("Wasserstoff", "Wasserstoff"), ("ÖPNV im ländlichen Raum", "Bus")] {
            let id = try await services.themes.create(name, actor: office, at: .now)
            var query = ContributionQuery()
            query.search = words
            query.sort = .relevance
            query.limit = 12
            try await services.themes.tag(try await services.contributions.list(query).items.map(\.id), with: id, actor: office, at: .now)
        }
    }

    /// Anna asked for announcements and confirmed; the office sent one, so that the archive and her
    /// account page show how announcements work.
    func announcement(_ anna: UserID, office: UserID) async throws {
        guard let user = try await services.accounts.user(anna) else { return }
        let token = SecretToken()
        try await services.announcements.requestSubscription(
            anna, token: token, expiresAt: Timestamp(milliseconds: Timestamp.now.milliseconds + 60_000),
            mail: services.mails.announcementsConfirmation(to: user, token: token), at: .now)
        _ = try await services.announcements.confirmSubscription(token: token, at: .now)
        let title = "Der Entwurf des Masterplans ist bis zum 31. Januar offen"
        let body = "Der Entwurf des Masterplans steht zur Kommentierung bereit. Bis zum 31. Januar können Sie jeden Absatz "
            + "kommentieren; die Geschäftsstelle antwortet auf jeden Hinweis."
        let mails = services.mails, links = services.announcementService
        _ = try await services.announcements.send(
            title: title, body: body, audience: AnnouncementAudience(), actor: office, at: .now, batch: 500
        ) { id, recipient in mails.announcement(id, title: title, body: body, to: recipient, unsubscribe: links.unsubscribeLink(recipient.id)) }
    }
}
