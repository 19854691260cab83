import KonventDomain
import KonventStorage

/// The office's chapters of the demo masterplan and a first published draft, so that the plan reads
/// like one in the making.
struct DemoMasterplan {
    let services: Services

    static let chapters: [String: String] = [
        "foreword": """
            Die Region Chemnitz/Südwestsachsen schreibt ihren Masterplan für den Strukturwandel selbst. Hunderte Menschen, \
            Unternehmen, Kommunen und Vereine haben in Werkstätten, Zukunftswerkstätten und online beigetragen.

            Dieser Entwurf zeigt, was daraus geworden ist: Maßnahmen und Projekte, geprüft von der Interministeriellen \
            Arbeitsgruppe und beschlossen vom Lenkungskreis – und zu jeder Maßnahme die Beiträge, aus denen sie entstanden ist.
            """,
        "region": """
            Vier Landkreise und die Stadt Chemnitz mit zusammen rund 1,4 Millionen Einwohnerinnen und Einwohnern bilden die \
            Region. Die Automobil- und Zulieferindustrie prägt sie ebenso wie Maschinenbau, Handwerk und Hochschulen.

            ## Was sich ändert

            - der Wechsel zur Elektromobilität verändert die Zulieferketten
            - der Fachkräftebedarf wächst, während die Bevölkerung altert
            - Kulturhauptstadt 2025 und Hochschulen geben neue Impulse
            """,
        "analysis": """
            Die Beiträge benennen in allen Handlungsfeldern ähnliche Herausforderungen: fehlende Fachkräfte, lange Wege, \
            Leerstand in den Ortskernen. Sie benennen ebenso Potenziale: Engagement vor Ort, Hochschulen, Flächen für Ansiedlungen.
            """,
        "process": """
            Der Regionalkonvent hat die Beteiligung geleitet. Die Geschäftsstelle hat gleichartige Beiträge zu Maßnahmen \
            verdichtet, die IMAG hat sie auf Umsetzbarkeit und Finanzierbarkeit geprüft, der Lenkungskreis hat entschieden.
            """,
        "implementation": """
            Jede beschlossene Maßnahme bleibt öffentlich: Ihr Stand, ihre Auflagen und ihr Fortschritt werden auf Konvent \
            fortgeschrieben. Der Lenkungskreis erhält jährlich einen Bericht.
            """,
    ]

    func load(office: UserID) async throws {
        for key in MasterplanAssembler.writtenKeys {
            guard let text = Self.chapters[key] else { continue }
            try await services.masterplanService.masterplan.saveChapter(key, text: text, expectedVersion: 0, actor: office, at: .now)
        }
        let t = services.catalog.translator(.de)
        let date = t.date(iso: CalendarDate.iso(milliseconds: Timestamp.now.milliseconds))
        let document = try await services.masterplanService.currentMasterplan(.de, status: t("masterplan.status.draft", ["number": "1", "date": date]))
        // Open for comments until the plan is due, with one comment already answered.
        let due = LocalDateTime("\(services.region.process.deadline)T23:59").flatMap(services.clock.utc)
        let version = try await services.masterplanService.masterplan.publish(document, commentsUntil: due.map { Timestamp(milliseconds: $0) }, actor: office,
                                                            at: .now)
        guard due.map({ $0 > Timestamp.now.milliseconds }) == true,
              let resident = try await services.accounts.credentials(email: EmailAddress(trusted: DemoData.accounts[0].email))?.user.id
        else { return }
        let comment = try await services.masterplanService.masterplan.addComment(
            version: version, paragraph: "region-1", body: "Bitte auch den Tourismus im Erzgebirge als Stärke nennen.", author: resident, at: .now)
        try await services.masterplanService.masterplan.answer(comment, resolution: .accepted, answer: "Danke, die nächste Fassung nennt den Tourismus.",
                                             actor: office, at: .now)
    }
}
