/// Titles, descriptions and documentation for demo formats, in the style of a real convention's
/// programme. Seeded through `SampleText`, so that the same seed gives the same programme.
extension SampleText {
    public struct GeneratedFormat: Sendable {
        public var kind: Format.Kind
        public var title: String
        public var description: String
        public var summary: String
    }

    static let formatTopics: [String: [String]] = [
        "wirtschaft": ["Zulieferer im Wandel", "Gründen in der Region", "Handwerk 2035"],
        "wissenschaft-innovation": ["Vom Labor in den Betrieb", "Wasserstoff für die Region", "Digitale Werkstatt Mittelstand"],
        "infrastruktur-mobilitaet": ["Mobil ohne eigenes Auto", "Gewerbeflächen klug nutzen", "Schnelles Netz für alle Orte"],
        "bildung-fachkraefte": ["Fachkräfte gewinnen und halten", "Ausbildung mit Zukunft", "Zurück in die Region"],
        "daseinsvorsorge": ["Gut leben auf dem Land", "Gesundheit vor Ort", "Kultur und Vereine stärken"],
    ]

    public mutating func format(kind: Format.Kind, field: String, place: String) -> GeneratedFormat {
        let topic = pick(Self.formatTopics[field] ?? Self.formatTopics.values.flatMap { $0 })
        let title = switch kind {
        case .workshop: "Workshop „\(topic)“ \(Self.inPlace(place))"
        case .futureWorkshop: "Zukunftswerkstatt \(place): \(topic)"
        case .regionalConference: "Regionalkonferenz \(topic)"
        case .onlineDialogue: "Online-Dialog: \(topic)"
        case .survey: "Befragung: \(topic) \(Self.inPlace(place))"
        case .informationEvent: "Infoabend Masterplan \(Self.inPlace(place))"
        }
        let description = """
            Wie geht es weiter mit dem Thema „\(topic)“ \(Self.inPlace(place))? Wir sammeln Herausforderungen, Potenziale und Ideen \
            und arbeiten gemeinsam an ersten Projektideen für den Masterplan.

            - kurzer Einstieg: wo steht die Region?
            - Arbeit in kleinen Gruppen
            - Ergebnisse, die direkt in die Beteiligungsplattform eingehen

            Die Teilnahme ist kostenlos. Bitte melden Sie sich an, damit wir planen können.
            """
        let summary = """
            Rund um „\(topic)“ haben die Teilnehmenden \(Self.inPlace(place)) ihre Erfahrungen ausgetauscht. Besonders oft genannt wurden \
            fehlende Vernetzung, lange Wege und der Wunsch nach verlässlicher Unterstützung durch Land und Kommunen.

            Die Ergebnisse sind als Beiträge auf der Plattform veröffentlicht und können dort unterstützt und kommentiert werden.
            """
        return GeneratedFormat(kind: kind, title: title, description: description, summary: summary)
    }
}
extension SampleText: RandomNumberGenerator {}
