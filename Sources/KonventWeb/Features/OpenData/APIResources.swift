import KonventDomain

/// The objects of the JSON API. Their fields are the allow-list of what leaves the database through
/// it: the OpenAPI document declares exactly these (with `additionalProperties: false`), and a test
/// holds every answer against it. Nothing internal (drafts, assessments, addresses) has a field here.
enum API {
    struct Links: Encodable, Sendable {
        var selfLink: String
        var html: String?
        enum CodingKeys: String, CodingKey { case selfLink = "self", html }
    }

    struct PageLinks: Encodable, Sendable {
        var selfLink: String
        var next: String?
        var html: String?
        enum CodingKeys: String, CodingKey { case selfLink = "self", next, html }
    }

    struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
        var items: [Item]
        var links: PageLinks
    }

    struct Place: Encodable, Sendable {
        var key: String
        var name: String
    }

    struct Reference: Encodable, Sendable {
        var id: Int64
        var title: String
        var links: Links
    }

    struct MeasureReference: Encodable, Sendable {
        var id: Int64
        var code: String
        var title: String
        var state: String
        var links: Links
    }

    struct Organisation: Encodable, Sendable {
        var name: String
        var verified: Bool
    }

    struct Contribution: Encodable, Sendable {
        var id: Int64
        var kind: String
        var title: String
        var text: String
        var fields: [String]
        var district: Place
        var municipality: Place?
        var author: String?
        var organisation: Organisation?
        var status: String
        var supports: Int
        var comments: Int
        var format: Reference?
        var createdAt: String
        var editedAt: String?
        var measures: [MeasureReference]
        var links: Links
    }

    struct Documentation: Encodable, Sendable {
        var summary: String
        var participants: Int
    }

    struct Format: Encodable, Sendable {
        var id: Int64
        var kind: String
        var title: String
        var description: String
        var fields: [String]
        var district: Place
        var municipality: Place?
        var place: String
        var onlineURL: String?
        var startsAt: String
        var endsAt: String
        var capacity: Int?
        var registered: Int
        var waitlisted: Int
        var contributions: Int
        var facilitator: String?
        var documentation: Documentation?
        var links: Links
    }

    struct FinancingLine: Encodable, Sendable {
        var source: String
        var programme: String
        var amount: Int
    }

    struct Indicator: Encodable, Sendable {
        var name: String
        var target: String
    }

    struct Progress: Encodable, Sendable {
        var status: String
        var percent: Int
        var date: String
    }

    struct ProgressReport: Encodable, Sendable {
        var date: String
        var status: String
        var percent: Int
        var text: String
    }

    struct Decision: Encodable, Sendable {
        var stage: String
        var outcome: String
        var reasons: String
        var conditions: String
        var vote: Vote?
        var session: Reference?
        var date: String
    }

    struct Measure: Encodable, Sendable {
        var id: Int64
        var code: String
        var kind: String
        var title: String
        var goal: String
        var description: String
        var state: String
        var fields: [String]
        var territories: [Place]
        var sponsor: String
        var partners: String
        var estimatedCost: Int
        var financing: [FinancingLine]
        var timeframe: String
        var indicators: [Indicator]
        var maturity: String
        var leadMinistry: String?
        var progress: Progress?
        var updatedAt: String
        /// The single measure only: the lists stay one query.
        var sources: [Reference]?
        var decisions: [Decision]?
        var reports: [ProgressReport]?
        var links: Links
    }

    struct Vote: Encodable, Sendable {
        /// "consensus" or "vote"; the counts only for a vote.
        var voting: String
        var yes: Int?
        var no: Int?
        var abstentions: Int?

        init(_ vote: KonventDomain.Vote) {
            let columns = vote.columns
            (voting, yes, no, abstentions) = (columns.voting, columns.yes, columns.no, columns.abstain)
        }
    }

    struct AgendaItem: Encodable, Sendable {
        var position: Int
        var title: String
        var measure: MeasureReference?
        /// Only once the session is released: the outcome key where the item decided a measure's stage.
        var outcome: String?
        var decision: String?
        var conditions: String?
        var vote: Vote?
    }

    struct Session: Encodable, Sendable {
        var id: Int64
        var body: Place
        var title: String
        var startsAt: String
        var endsAt: String
        var place: String
        var releasedAt: String?
        /// The single session only.
        var agenda: [AgendaItem]?
        var minutes: String?
        var links: Links
    }

    struct MasterplanVersion: Encodable, Sendable {
        var number: Int
        var publishedAt: String
        var adoptedAt: String?
        var commentsUntil: String?
        var files: [String: String]
        var links: Links
    }

    struct Count: Encodable, Sendable {
        var key: String
        var count: Int
    }

    struct Figures: Encodable, Sendable {
        var contributions: Int
        var formats: Int
        var supports: Int
        var comments: Int
        var takenUp: Int
        var publicMeasures: Int
        var contributionsByDistrict: [Count]
        var contributionsByMunicipality: [Count]
        var contributionsByField: [Count]
        var contributionsByKind: [Count]
        var contributionsByOrganisationKind: [Count]
        var formatsByDistrict: [Count]
        var formatsByField: [Count]
        var links: Links
    }

    struct Vocabulary: Encodable, Sendable {
        var key: String
        var name: LocalizedText
    }

    struct District: Encodable, Sendable {
        var key: String
        var name: String
        var kind: String
        var population: Int
    }

    struct Index: Encodable, Sendable {
        var name: LocalizedText
        var licence: String
        var fieldsOfAction: [Vocabulary]
        var districts: [District]
        var bodies: [Vocabulary]
        var links: [String: String]
    }
}
