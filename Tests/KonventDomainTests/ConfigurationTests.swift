import Foundation
import KonventDomain
import Testing

@Suite("Region configuration")
struct ConfigurationTests {
    static let table = """
        ags,name,kind,parent_ags,population,population_year
        14511,Chemnitz,kreisfreie_stadt,14,250681,2023
        14521,Erzgebirgskreis,landkreis,14,326896,2023
        14521010,Amtsberg,gemeinde,14521,3600,2023

        """

    static func file(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> RegionConfigurationFile {
        let text: (String) -> [String: String] = { ["de": $0] }
        var json: [String: Any] = [
            "key": "test", "name": text("Testregion"),
            "process": ["title": text("Plan"), "summary": text("Worum es geht"), "deadline": "2026-12-31"],
            "territories": ["file": "regions.csv", "attribution": "© Test"],
            "fieldsOfAction": [["key": "wirtschaft", "code": "WT", "name": text("Wirtschaft"), "description": text("…")]],
            "bodies": [["key": "lk", "kind": "steering_committee", "name": text("Lenkungskreis"), "description": text("…")]],
            "ministries": [["key": "smil", "abbreviation": "SMIL", "name": text("SMIL")]],
            "milestones": [["date": "2026-08-31", "title": text("Frist")], ["date": "2025-04-15", "title": text("Beschluss")]],
            "pages": Dictionary(uniqueKeysWithValues: RegionConfiguration.requiredPages.map { ($0, ["title": text($0), "body": text("Text")]) }),
        ]
        edit(&json)
        return try JSONDecoder().decode(RegionConfigurationFile.self, from: JSONSerialization.data(withJSONObject: json))
    }

    @Test func resolves() throws {
        let config = try Self.file().resolve(territoryTable: Self.table)
        #expect(config.districts.map(\.name) == ["Chemnitz", "Erzgebirgskreis"])
        #expect(config.municipalities(in: "14521").map(\.name) == ["Amtsberg"])
        #expect(config.milestones.map(\.date) == ["2025-04-15", "2026-08-31"])
        #expect(config.name[.en] == "Testregion")
    }

    @Test func rejectsDuplicateFieldCodes() throws {
        let file = try Self.file { json in
            var fields = json["fieldsOfAction"] as! [[String: Any]]
            fields.append(["key": "zweites", "code": "WT", "name": ["de": "X"], "description": ["de": "Y"]])
            json["fieldsOfAction"] = fields
        }
        #expect(throws: ConfigurationError("fieldsOfAction code 'WT' appears twice")) { try file.resolve(territoryTable: Self.table) }
    }

    @Test func requiresLegalPages() throws {
        let file = try Self.file { json in
            var pages = json["pages"] as! [String: Any]
            pages["impressum"] = nil
            json["pages"] = pages
        }
        #expect(throws: ConfigurationError("pages: the page 'impressum' is required")) { try file.resolve(territoryTable: Self.table) }
    }

    @Test func openDataDefaultsAndChecks() throws {
        let plain = try Self.file().resolve(territoryTable: Self.table)
        #expect(plain.openData.licenceURI == "http://dcat-ap.de/def/licenses/dl-by-de/2.0" && plain.openData.contact == nil)
        let given = try Self.file { $0["openData"] = ["contact": "daten@example.org", "publisher": ["de": "Geschäftsstelle"]] }
            .resolve(territoryTable: Self.table)
        #expect(given.openData.contact == "daten@example.org" && given.openData.publisher?[.de] == "Geschäftsstelle")
        let badContact = try Self.file { $0["openData"] = ["contact": "keine Adresse"] }
        #expect(throws: ConfigurationError("openData.contact: an e-mail address")) { try badContact.resolve(territoryTable: Self.table) }
        let badLicence = try Self.file { $0["openData"] = ["licence": "DL-DE-BY"] }
        #expect(throws: ConfigurationError("openData.licence: the licence's URI")) { try badLicence.resolve(territoryTable: Self.table) }
    }

    @Test func rejectsBadDates() throws {
        let file = try Self.file { json in json["milestones"] = [["date": "31.08.2026", "title": ["de": "Frist"]]] }
        #expect(throws: ConfigurationError.self) { try file.resolve(territoryTable: Self.table) }
    }

    @Test func requiresGerman() {
        #expect(throws: DecodingError.self) { try Self.file { $0["name"] = ["en": "Only English"] } }
    }

    @Test(arguments: [
        ("name,ags\n", "first line"),
        ("ags,name,kind,parent_ags,population,population_year\n1,X,stadt,14,1,2023\n", "line 2: unknown kind"),
        ("ags,name,kind,parent_ags,population,population_year\n1,X,landkreis,14,viele,2023\n", "line 2: population"),
        ("ags,name,kind,parent_ags,population,population_year\n1,X,landkreis,14,1\n", "line 2: expected 6 columns"),
        ("ags,name,kind,parent_ags,population,population_year\n1,X,landkreis,14,1,2023\n1,Y,landkreis,14,1,2023\n", "line 3: missing or repeated"),
    ])
    func rejectsBrokenTables(table: String, message: String) {
        do {
            _ = try TerritoryTable.parse(table)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}
