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

    public struct Generated: Sendable {
        public var kind: Contribution.Kind
        public var title: String
        public var text: String
        public var field: String
        /// The keyword of the theme it is about.
        public var theme: String
    }

    /// One contribution's text for a field of action and a place name: a theme of the field, its
    /// title for a kind, one or two of its situations and one or two of its proposals.
    public mutating func contribution(field: String, place: String) -> Generated {
        let theme = pick(SampleTheme.of(field: field))
        let kind = pick(Contribution.Kind.allCases)
        let situations = theme.situations.shuffled(using: &self).prefix(1 + below(theme.situations.count))
        let proposals = theme.proposals.shuffled(using: &self).prefix(1 + below(theme.proposals.count))
        let text = [situations.joined(separator: " "), proposals.joined(separator: " ")]
            .map { SampleTheme.placing($0, place) }.joined(separator: "\n\n")
        return Generated(
            kind: kind, title: String(theme.title(kind, place: place).prefix(140)), text: text, field: field,
            theme: theme.keyword)
    }

    public static let comments = [
        "Sehe ich genauso, bei uns ist es dasselbe.", "Gute Idee! Wer wäre der Träger?", "Das gab es schon einmal in Plauen, mit Erfolg.",
        "Wichtig wäre, die Kommunen früh einzubinden.", "Wie soll das finanziert werden?", "Unser Verein würde sich beteiligen.",
        "Bitte auch an die kleinen Orte denken.", "Das sollte mit dem Nahverkehr zusammen gedacht werden.",
    ]

    static let firstNames = [
        "Anja", "Birgit", "Claudia", "Doreen", "Franziska", "Heike", "Ines", "Jana", "Katrin", "Lena", "Maria", "Nadine",
        "Petra", "Sabine", "Susann", "Ulrike", "Andreas", "Christian", "Daniel", "Frank", "Jens", "Jörg", "Lars", "Matthias",
        "Michael", "Ronny", "Sebastian", "Steffen", "Thomas", "Uwe", "Emil", "Paul", "Lina", "Mia", "Tobias", "Yvonne",
    ]

    /// A display name as people choose them on participation sites: a first name and an initial.
    public static func personName(_ index: Int) -> String {
        let initials = Array("ABDEFGHKLMNPRSTUWZ")
        return "\(firstNames[index % firstNames.count]) \(initials[(index / firstNames.count) % initials.count])."
    }

    /// A district takes the article ("im Vogtlandkreis", "im Landkreis Zwickau"); a town does not ("in Plauen").
    static func isDistrict(_ place: String) -> Bool { place.hasSuffix("kreis") || place.hasPrefix("Landkreis ") }
    public static func inPlace(_ place: String) -> String { isDistrict(place) ? "im \(place)" : "in \(place)" }
    public static func forPlace(_ place: String) -> String { isDistrict(place) ? "den \(place)" : place }
}
