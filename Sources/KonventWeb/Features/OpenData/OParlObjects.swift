/// The objects of OParl 1.1 (https://oparl.org) as Konvent fills them: the installation is the
/// System, the region's process the Body, the configured bodies its Organizations, their sessions
/// Meetings with AgendaItems, the public measures Papers with their Consultations, the territories
/// Locations, the masterplan's files and released minutes Files. Absent values are left out.
enum OParl {
    static let version = "https://schema.oparl.org/1.1/"
    static func type(_ name: String) -> String { version + name }

    struct List<Item: Encodable & Sendable>: Encodable, Sendable {
        var data: [Item]
        var pagination: Pagination
        var links: ListLinks
    }

    struct Pagination: Encodable, Sendable {
        var elementsPerPage: Int
    }

    struct ListLinks: Encodable, Sendable {
        var first: String
        var selfLink: String
        var next: String?
        var web: String?
        enum CodingKeys: String, CodingKey { case first, selfLink = "self", next, web }
    }

    struct System: Encodable, Sendable {
        var id: String
        var type = OParl.type("System")
        var oparlVersion = OParl.version
        var license: String
        var body: String
        var name: String
        var contactEmail: String?
        var contactName: String?
        var website: String
        var web: String
    }

    struct Body: Encodable, Sendable {
        var id: String
        var type = OParl.type("Body")
        var system: String
        var shortName: String
        var name: String
        var website: String
        var license: String
        var contactEmail: String?
        var contactName: String?
        var classification: String
        var organization: String
        var person: String
        var meeting: String
        var paper: String
        var file: String
        var locationList: String
        var legislativeTerm: [LegislativeTerm]?
        var web: String
    }

    struct LegislativeTerm: Encodable, Sendable {
        var id: String
        var type = OParl.type("LegislativeTerm")
        var body: String
        var name: String
        var startDate: String?
        var endDate: String
    }

    struct Organization: Encodable, Sendable {
        var id: String
        var type = OParl.type("Organization")
        var body: String
        var name: String
        var organizationType = "Gremium"
        var classification: String
        var meeting: String
        var web: String
    }

    struct Location: Encodable, Sendable {
        var id: String
        var type = OParl.type("Location")
        var description: String
        var locality: String?
    }

    struct File: Encodable, Sendable {
        var id: String
        var type = OParl.type("File")
        var name: String
        var fileName: String
        var mimeType: String
        var date: String
        var text: String?
        var accessUrl: String
        var downloadUrl: String?
        var fileLicense: String
        var meeting: [String]?
        var created: String
        var modified: String
        var web: String
    }

    struct AgendaItem: Encodable, Sendable {
        var id: String
        var type = OParl.type("AgendaItem")
        var meeting: String
        var number: String
        var order: Int
        var name: String
        var `public` = true
        var consultation: String?
        var result: String?
        var resolutionText: String?
        var created: String
        var modified: String
        var web: String
    }

    struct Meeting: Encodable, Sendable {
        var id: String
        var type = OParl.type("Meeting")
        var name: String
        var meetingState: String
        var start: String
        var end: String
        var location: Location
        var organization: [String]
        var resultsProtocol: File?
        var agendaItem: [AgendaItem]?
        var created: String
        var modified: String
        var web: String
    }

    struct Consultation: Encodable, Sendable {
        var id: String
        var type = OParl.type("Consultation")
        var paper: String
        var agendaItem: String
        var meeting: String
        var organization: [String]
        var authoritative: Bool
        var role: String
    }

    struct Paper: Encodable, Sendable {
        var id: String
        var type = OParl.type("Paper")
        var body: String
        var name: String
        var reference: String
        var date: String
        var paperType: String
        var location: [Location]?
        var consultation: [Consultation]
        var created: String
        var modified: String
        var web: String
    }
}
