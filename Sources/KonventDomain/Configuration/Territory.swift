/// A district, an independent city or a municipality of the region, keyed by its official key (AGS).
public struct Territory: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case independentCity = "kreisfreie_stadt"
        case district = "landkreis"
        case municipality = "gemeinde"

        /// Districts and independent cities are the units the process is organised by.
        public var isDistrictLevel: Bool { self != .municipality }
    }

    public var officialKey: String
    public var name: String
    public var kind: Kind
    public var parentKey: String
    public var population: Int
    public var populationYear: Int

    public init(officialKey: String, name: String, kind: Kind, parentKey: String, population: Int, populationYear: Int) {
        self.officialKey = officialKey
        self.name = name
        self.kind = kind
        self.parentKey = parentKey
        self.population = population
        self.populationYear = populationYear
    }
}

/// Reads the territory table (columns `ags,name,kind,parent_ags,population,population_year`).
public enum TerritoryTable {
    public static let header = ["ags", "name", "kind", "parent_ags", "population", "population_year"]

    public static func parse(_ text: String) throws(ConfigurationError) -> [Territory] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, first.split(separator: ",").map(String.init) == header else {
            throw ConfigurationError("territory table: the first line must be '\(header.joined(separator: ","))'")
        }
        var territories: [Territory] = []
        var seen = Set<String>()
        for (index, line) in lines.enumerated().dropFirst() {
            let number = index + 1
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == header.count else {
                throw ConfigurationError("territory table line \(number): expected \(header.count) columns, found \(cells.count)")
            }
            guard let kind = Territory.Kind(rawValue: cells[2]) else {
                throw ConfigurationError("territory table line \(number): unknown kind '\(cells[2])'")
            }
            guard let population = Int(cells[4]), population >= 0, let year = Int(cells[5]) else {
                throw ConfigurationError("territory table line \(number): population and population_year must be whole numbers")
            }
            guard !cells[0].isEmpty, !cells[1].isEmpty, seen.insert(cells[0]).inserted else {
                throw ConfigurationError("territory table line \(number): missing or repeated key '\(cells[0])'")
            }
            territories.append(Territory(
                officialKey: cells[0], name: cells[1], kind: kind, parentKey: cells[3],
                population: population, populationYear: year))
        }
        return territories
    }
}
