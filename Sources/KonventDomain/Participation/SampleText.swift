/// A small, seeded generator of German contribution texts that read like what people write in a
/// participation process. Used for the demo and for benchmark data; the same seed gives the same texts.
public struct SampleText: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: tiny, fast, good enough for sample data.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Subjects per field of action (keys as in the default configuration; unknown keys use all).
    static let subjects: [String: [String]] = [
        "wirtschaft": ["Zulieferbetriebe", "das Handwerk", "Gründerinnen und Gründer", "der Einzelhandel in der Innenstadt",
                       "mittelständische Maschinenbauer", "die Textilindustrie", "Betriebe der Automobilzulieferung"],
        "wissenschaft-innovation": ["die Hochschulen", "Forschungsinstitute", "der Wissenstransfer", "Start-ups aus der Universität",
                                    "Batterieforschung", "Wasserstoffprojekte", "Digitalisierung im Mittelstand"],
        "infrastruktur-mobilitaet": ["der Nahverkehr", "Radwege zwischen den Orten", "die Bahnanbindung", "schnelles Internet",
                                     "Gewerbeflächen", "Ladesäulen", "der Busverkehr am Wochenende"],
        "bildung-fachkraefte": ["Fachkräfte", "Auszubildende", "Berufsschulen", "Weiterbildung für Beschäftigte",
                                "Rückkehrerinnen und Rückkehrer", "Kitaplätze für Zugezogene", "Pflegekräfte"],
        "daseinsvorsorge": ["Hausärzte auf dem Land", "die Pflege", "Kultur in kleinen Orten", "Nahversorgung",
                            "Treffpunkte für Jugendliche", "Vereine", "die Feuerwehr"],
    ]

    /// Each problem in singular and plural, to agree with its subject.
    static let problems: [(singular: String, plural: String)] = [
        ("fehlt in vielen Orten", "fehlen in vielen Orten"), ("ist kaum noch zu finden", "sind kaum noch zu finden"),
        ("wird zu wenig unterstützt", "werden zu wenig unterstützt"), ("braucht bessere Bedingungen", "brauchen bessere Bedingungen"),
        ("ist schlecht vernetzt", "sind schlecht miteinander vernetzt"),
        ("leidet unter langen Genehmigungen", "leiden unter langen Genehmigungen"),
    ]

    /// Subjects that take a singular verb (the rest are plural).
    static let singularSubjects: Set<String> = [
        "das Handwerk", "der Einzelhandel in der Innenstadt", "die Textilindustrie", "der Wissenstransfer",
        "Batterieforschung", "Digitalisierung im Mittelstand", "der Nahverkehr", "die Bahnanbindung", "schnelles Internet",
        "der Busverkehr am Wochenende", "Weiterbildung für Beschäftigte", "die Pflege", "Kultur in kleinen Orten",
        "Nahversorgung", "die Feuerwehr",
    ]

    static let proposals = [
        "Wir schlagen ein gemeinsames Netzwerk der Landkreise vor, das Angebote bündelt und sichtbar macht.",
        "Eine regionale Anlaufstelle könnte beraten, Fördermittel erschließen und Partner zusammenbringen.",
        "Ein Modellprojekt in zwei Gemeinden würde zeigen, was funktioniert, bevor es in der Region ausgerollt wird.",
        "Gemeinsam mit Kammern und Hochschulen sollte ein Programm entstehen, das jungen Menschen Perspektiven bietet.",
        "Leerstehende Gebäude könnten dafür genutzt werden; das stärkt zugleich die Ortskerne.",
        "Wichtig ist eine verlässliche Finanzierung über mehrere Jahre statt einzelner Projekte.",
    ]

    static let observations = [
        "Seit dem Wandel in der Automobilindustrie spüren wir das jeden Tag.",
        "In unserem Ort hat sich die Lage in den letzten fünf Jahren deutlich verschärft.",
        "Viele Familien überlegen deshalb, wegzuziehen.",
        "Gleichzeitig gibt es hier viel Engagement und gute Beispiele, auf die man aufbauen kann.",
        "Betriebe berichten, dass sie Aufträge ablehnen müssen.",
        "Die Wege sind lang, und ohne Auto ist vieles kaum erreichbar.",
    ]

    public struct Generated: Sendable {
        public var kind: Contribution.Kind
        public var title: String
        public var text: String
        public var field: String
    }

    /// One contribution's text for a field of action and a place name.
    public mutating func contribution(field: String, place: String) -> Generated {
        let subjects = Self.subjects[field] ?? Self.subjects.values.flatMap { $0 }
        let subject = pick(subjects)
        let kind = pick(Contribution.Kind.allCases)
        let problem = pick(Self.problems)
        let verb = Self.singularSubjects.contains(subject) ? problem.singular : problem.plural
        let title: String
        switch kind {
        case .challenge: title = "\(capitalised(subject)) \(verb) – \(place)"
        case .potential: title = "Stärke der Region: \(subject) \(Self.inPlace(place))"
        case .idea: title = "Idee für \(Self.forPlace(place)): \(subject) neu denken"
        case .projectIdea:
            // "für" takes the accusative: only a leading article changes.
            let object = subject.hasPrefix("der ") ? "den " + subject.dropFirst(4) : subject
            title = "Projektidee: Zentrum für \(object) \(Self.inPlace(place))"
        }
        var paragraphs = ["\(capitalised(subject)) \(verb). \(pick(Self.observations))"]
        paragraphs.append(pick(Self.proposals))
        if below(2) == 0 { paragraphs.append(pick(Self.observations) + " " + pick(Self.proposals)) }
        return Generated(kind: kind, title: String(title.prefix(140)), text: paragraphs.joined(separator: "\n\n"), field: field)
    }

    public static let comments = [
        "Sehe ich genauso, bei uns ist es dasselbe.", "Gute Idee! Wer wäre der Träger?", "Das gab es schon einmal in Plauen, mit Erfolg.",
        "Wichtig wäre, die Kommunen früh einzubinden.", "Wie soll das finanziert werden?", "Unser Verein würde sich beteiligen.",
        "Bitte auch an die kleinen Orte denken.", "Das sollte mit dem Nahverkehr zusammen gedacht werden.",
    ]

    private func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// A district takes the article ("im Vogtlandkreis", "im Landkreis Zwickau"); a town does not ("in Plauen").
    static func isDistrict(_ place: String) -> Bool { place.hasSuffix("kreis") || place.hasPrefix("Landkreis ") }
    public static func inPlace(_ place: String) -> String { isDistrict(place) ? "im \(place)" : "in \(place)" }
    public static func forPlace(_ place: String) -> String { isDistrict(place) ? "den \(place)" : place }
}
