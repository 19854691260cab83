/// The project profile form (Projektsteckbrief) a project idea carries: who carries it, what it costs,
/// when, and what it does for jobs and the regional economy, with the published gates as a self-check.
public struct ProjectProfile: Sendable, Equatable, Codable {
    public var sponsor: String
    public var partners: String
    /// Whole euros.
    public var estimatedCost: Int?
    public var financingNeed: Int?
    public var timeframe: String
    public var jobsEffect: String
    public var economyEffect: String
    public var supraRegionalEffect: String
    /// Keys of the gates the authors say their project meets.
    public var gates: [String]

    public init(
        sponsor: String, partners: String, estimatedCost: Int?, financingNeed: Int?, timeframe: String, jobsEffect: String,
        economyEffect: String, supraRegionalEffect: String, gates: [String]
    ) {
        self.sponsor = sponsor
        self.partners = partners
        self.estimatedCost = estimatedCost
        self.financingNeed = financingNeed
        self.timeframe = timeframe
        self.jobsEffect = jobsEffect
        self.economyEffect = economyEffect
        self.supraRegionalEffect = supraRegionalEffect
        self.gates = gates
    }

    public struct Input: Sendable, Equatable {
        public var sponsor = ""
        public var partners = ""
        public var estimatedCost = ""
        public var financingNeed = ""
        public var timeframe = ""
        public var jobsEffect = ""
        public var economyEffect = ""
        public var supraRegionalEffect = ""
        public var gates: [String] = []

        public init() {}

        public var isEmpty: Bool {
            [sponsor, partners, estimatedCost, financingNeed, timeframe, jobsEffect, economyEffect, supraRegionalEffect]
                .allSatisfy { $0.trimmingWhitespace().isEmpty } && gates.isEmpty
        }
    }

    public static let textLimit = 2000

    /// Checks the form; errors go into the caller's validator so that one page lists all of them.
    static func validate(_ input: Input, region: RegionConfiguration, into v: inout Validator) -> ProjectProfile? {
        func text(_ value: String, _ field: String) -> String {
            let value = value.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
            if value.count > textLimit { v.add(field, "error.profile.tooLong") }
            return value
        }
        let sponsor = text(input.sponsor, "profile_sponsor")
        if sponsor.count < 2 { v.add("profile_sponsor", "error.profile.sponsor") }
        let cost = euros(input.estimatedCost, "profile_estimatedCost", &v)
        let need = euros(input.financingNeed, "profile_financingNeed", &v)
        if let cost, let need, need > cost { v.add("profile_financingNeed", "error.profile.needAboveCost") }
        let known = Set(region.projectGates.map(\.key))
        if input.gates.contains(where: { !known.contains($0) }) { v.add("profile_gates", "error.profile.gates") }
        return ProjectProfile(
            sponsor: sponsor, partners: text(input.partners, "profile_partners"), estimatedCost: cost, financingNeed: need,
            timeframe: text(input.timeframe, "profile_timeframe"), jobsEffect: text(input.jobsEffect, "profile_jobsEffect"),
            economyEffect: text(input.economyEffect, "profile_economyEffect"),
            supraRegionalEffect: text(input.supraRegionalEffect, "profile_supraRegionalEffect"),
            gates: region.projectGates.map(\.key).filter(Set(input.gates).contains))
    }

    /// Whole euros as people write them: "1.500.000", "1 500 000 €", "250000".
    static func euros(_ text: String, _ field: String, _ v: inout Validator) -> Int? {
        let digits = text.filter { !($0 == "." || $0 == " " || $0 == "€" || $0 == "\u{00A0}") }
        if digits.isEmpty { return nil }
        guard digits.count <= 13, let value = Int(digits), value >= 0 else {
            v.add(field, "error.profile.euros")
            return nil
        }
        return value
    }
}
