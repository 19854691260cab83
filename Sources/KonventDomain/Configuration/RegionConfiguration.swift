import struct Foundation.Date

/// Everything that makes one region's process what it is: its territories, fields of action, bodies,
/// ministries, milestones and the texts of its legal pages. Nothing in code is specific to a region.
public struct RegionConfiguration: Sendable, Equatable {
    public var key: String
    public var name: LocalizedText
    public var process: Process
    public var territories: [Territory]
    public var territoryAttribution: String
    public var fieldsOfAction: [FieldOfAction]
    public var bodies: [Body]
    public var ministries: [Ministry]
    public var milestones: [Milestone]
    public var pages: [String: Page]
    /// The zone in which people enter and read times (IANA name, such as `Europe/Berlin`).
    public var timeZone = "Europe/Berlin"
    /// The published gates a project idea checks itself against in its project profile.
    public var projectGates: [ProjectGate] = []
    /// Outlines of the territories for the participation map, when the configuration names a file.
    public var map: RegionMap?
    /// How measures are reviewed; without it, measures can be written but not sent into review.
    public var review = ReviewConfiguration(stages: [])
    /// Words a search treats as the same ("ÖPNV", "Nahverkehr", "Bus").
    public var searchSynonyms: [[String]] = []
    /// The funding programmes a measure's financing lines may name (checked in public sources).
    public var fundingProgrammes: [FundingProgramme] = []
    /// How often an adopted measure reports on its implementation; the review desk lists those
    /// whose last public report is older (or that have none this long after adoption).
    public var progressReportDays = 92
    /// Who publishes the open data, whom to ask, how to credit it, under which licence.
    public var openData = OpenData()

    public struct OpenData: Sendable, Equatable, Codable {
        public var publisher: LocalizedText?
        /// An e-mail address for questions about the data.
        public var contact: String?
        /// How reusers name the source; the region's name when not set.
        public var attribution: LocalizedText?
        /// The licence's URI in the DCAT-AP.de vocabulary.
        public var licence: String?

        public init() {}

        public static let defaultLicence = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
        public var licenceURI: String { licence ?? Self.defaultLicence }
    }
    public func fundingProgramme(named name: String) -> FundingProgramme? {
        let name = name.trimmingWhitespace().lowercased()
        return fundingProgrammes.first { $0.name.lowercased() == name || $0.key == name }
    }

    /// Position of each territory by key, so that lookups on list pages do not scan the table.
    var territoryIndex: [String: Int] = [:]

    public struct ProjectGate: Sendable, Equatable, Codable {
        public var key: String
        public var question: LocalizedText

        public init(key: String, question: LocalizedText) {
            self.key = key
            self.question = question
        }
    }

    public struct Process: Sendable, Equatable, Codable {
        public var title: LocalizedText
        public var summary: LocalizedText
        public var deadline: String
    }

    public struct FieldOfAction: Sendable, Equatable, Codable {
        public var key: String
        /// The prefix of measure codes in this field (for example `WI` in `WI-07`).
        public var code: String
        public var name: LocalizedText
        public var description: LocalizedText
    }

    public struct Body: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable {
            case convention
            case interministerialWorkingGroup = "interministerial_working_group"
            case steeringCommittee = "steering_committee"
        }

        public var key: String
        public var kind: Kind
        public var name: LocalizedText
        public var description: LocalizedText
    }

    public struct Ministry: Sendable, Equatable, Codable {
        public var key: String
        public var abbreviation: String
        public var name: LocalizedText
    }

    public struct Milestone: Sendable, Equatable, Codable {
        /// An ISO date (`2026-08-31`); kept as text so that the domain does no calendar arithmetic.
        public var date: String
        public var title: LocalizedText
        public var description: LocalizedText?
    }

    public struct Page: Sendable, Equatable, Codable {
        public var title: LocalizedText
        /// Safe markup: paragraphs separated by blank lines, `- ` lists, `[text](https://…)` links.
        public var body: LocalizedText
    }

    /// The legal and accessibility pages every deployment must provide.
    public static let requiredPages = ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"]

    public var districts: [Territory] { territories.filter { $0.kind.isDistrictLevel } }

    public func municipalities(in districtKey: String) -> [Territory] {
        territories.filter { $0.kind == .municipality && $0.parentKey == districtKey }
    }

    public func ministry(_ key: String) -> Ministry? { ministries.first { $0.key == key } }
    public func body(_ key: String) -> Body? { bodies.first { $0.key == key } }

    public func territory(_ key: String) -> Territory? {
        if let index = territoryIndex[key], index < territories.count, territories[index].officialKey == key {
            return territories[index]
        }
        return territories.first { $0.officialKey == key }
    }

    /// "Plauen, Vogtlandkreis", or the district alone (also when the municipality is the district, as for a city).
    public func placeName(district districtKey: String, municipality municipalityKey: String?) -> String {
        let district = territory(districtKey)?.name ?? districtKey
        guard let key = municipalityKey, let municipality = territory(key), municipality.name != district else { return district }
        return "\(municipality.name), \(district)"
    }

    public func fieldOfAction(_ key: String) -> FieldOfAction? { fieldsOfAction.first { $0.key == key } }
}

/// The configuration file's shape; the territory table is a separate CSV file it names.
public struct RegionConfigurationFile: Sendable, Codable {
    public var key: String
    public var name: LocalizedText
    public var process: RegionConfiguration.Process
    public var territories: TerritorySource
    public var fieldsOfAction: [RegionConfiguration.FieldOfAction]
    public var bodies: [RegionConfiguration.Body]
    public var ministries: [RegionConfiguration.Ministry]
    public var milestones: [RegionConfiguration.Milestone]
    public var pages: [String: RegionConfiguration.Page]
    public var timeZone: String?
    public var projectGates: [RegionConfiguration.ProjectGate]?
    public var review: ReviewConfiguration?
    public var search: Search?
    public var funding: Funding?
    public var implementation: Implementation?
    public var openData: RegionConfiguration.OpenData?

    public struct Implementation: Sendable, Codable {
        /// Days between reports (default 92, a quarter).
        public var reportEveryDays: Int?
    }

    public struct Funding: Sendable, Codable {
        public var programmes: [FundingProgramme]
    }

    /// How the search reads the region's words: groups of words that mean the same for it.
    public struct Search: Sendable, Codable {
        public var synonyms: [[String]]
    }

    public struct TerritorySource: Sendable, Codable {
        /// Path of the CSV file, relative to the configuration file.
        public var file: String
        /// Path of a GeoJSON file with the territories' outlines (properties `ags`), relative to the
        /// configuration file; without it the participation page shows tables only.
        public var map: String?
        /// The attribution the data licence requires wherever the figures are shown.
        public var attribution: String
    }

    /// Checks the parts against each other and joins them with the parsed territory table.
    public func resolve(territoryTable: String) throws(ConfigurationError) -> RegionConfiguration {
        let territories = try TerritoryTable.parse(territoryTable)
        guard territories.contains(where: { $0.kind.isDistrictLevel }) else {
            throw ConfigurationError("territory table: no district or independent city")
        }
        guard !fieldsOfAction.isEmpty else { throw ConfigurationError("fieldsOfAction: at least one is required") }
        try unique(fieldsOfAction.map(\.key), "fieldsOfAction key")
        try unique(fieldsOfAction.map(\.code), "fieldsOfAction code")
        try unique(bodies.map(\.key), "bodies key")
        try unique(ministries.map(\.key), "ministries key")
        for page in RegionConfiguration.requiredPages where pages[page] == nil {
            throw ConfigurationError("pages: the page '\(page)' is required")
        }
        for milestone in milestones where !Self.isISODate(milestone.date) {
            throw ConfigurationError("milestones: '\(milestone.date)' is not a date of the form YYYY-MM-DD")
        }
        guard Self.isISODate(process.deadline) else {
            throw ConfigurationError("process.deadline: '\(process.deadline)' is not a date of the form YYYY-MM-DD")
        }
        try unique((projectGates ?? []).map(\.key), "projectGates key")
        var region = RegionConfiguration(
            key: key, name: name, process: process, territories: territories,
            territoryAttribution: self.territories.attribution, fieldsOfAction: fieldsOfAction, bodies: bodies,
            ministries: ministries, milestones: milestones.sorted { $0.date < $1.date }, pages: pages)
        if let timeZone {
            guard !timeZone.isEmpty else { throw ConfigurationError("timeZone: empty value") }
            region.timeZone = timeZone
        }
        region.projectGates = projectGates ?? []
        for group in search?.synonyms ?? [] where group.count < 2 || group.contains(where: { $0.trimmingWhitespace().isEmpty }) {
            throw ConfigurationError("search.synonyms: each group needs at least two words, none empty")
        }
        region.searchSynonyms = search?.synonyms ?? []
        let programmes = funding?.programmes ?? []
        try unique(programmes.map(\.key), "funding.programmes key")
        for programme in programmes where programme.name.trimmingWhitespace().isEmpty || !(programme.url?.hasPrefix("https://") ?? true) {
            throw ConfigurationError("funding.programmes '\(programme.key)': a name is required, and a link must begin with https://")
        }
        region.fundingProgrammes = programmes
        if let days = implementation?.reportEveryDays {
            guard (7...366).contains(days) else { throw ConfigurationError("implementation.reportEveryDays: between 7 and 366 days") }
            region.progressReportDays = days
        }
        if let review {
            try review.validate(bodies: bodies.map(\.key))
            region.review = review
        }
        if let openData {
            if let contact = openData.contact, contact.split(separator: "@").count != 2 || contact.contains(where: \.isWhitespace) {
                throw ConfigurationError("openData.contact: an e-mail address")
            }
            if let licence = openData.licence, !licence.hasPrefix("http://") && !licence.hasPrefix("https://") {
                throw ConfigurationError("openData.licence: the licence's URI")
            }
            region.openData = openData
        }
        for (index, territory) in territories.enumerated() { region.territoryIndex[territory.officialKey] = index }
        return region
    }

    private func unique(_ keys: [String], _ what: String) throws(ConfigurationError) {
        var seen = Set<String>()
        for key in keys {
            guard !key.isEmpty else { throw ConfigurationError("\(what): empty value") }
            guard seen.insert(key).inserted else { throw ConfigurationError("\(what) '\(key)' appears twice") }
        }
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
