import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// `/oparl/v1`: OParl 1.1, the interface council information systems speak, read-only. Lists are
/// external object lists with `data`, `pagination` and `links`, paged by key (`links.next`), and take
/// OParl's filters (`created_since`, `created_until`, `modified_since`, `modified_until`,
/// `omit_internal`, `limit`).
struct OParlRoutes {
    let basics: WebBasics
    let service: OpenDataService

    static let prefix = "/oparl/v1"
    static let listParameters = ["created_since", "created_until", "modified_since", "modified_until", "omit_internal", "limit", "cursor"]

    func add(to router: Router<KonventRequestContext>) {
        func object(_ path: String, _ make: @escaping @Sendable (Request, KonventRequestContext) async throws -> some Encodable & Sendable) {
            router.get(RouterPath(Self.prefix + path)) { request, context in
                _ = try APIParameters(request, allowed: [])
                return try APIResponse.json(try await make(request, context), request)
            }
        }
        func list<Item: Encodable & Sendable>(
            _ path: String, _ make: @escaping @Sendable (ListRequest, KonventRequestContext) async throws -> (items: [Item], next: String?)
        ) {
            router.get(RouterPath(Self.prefix + path)) { request, context in
                try bodyKey(context)
                let parameters = try APIParameters(request, allowed: Self.listParameters)
                let asked = try ListRequest(parameters)
                let (items, next) = try await make(asked, context)
                return try APIResponse.json(listPage(items, next: next, request.uri.path, parameters, asked), request)
            }
        }

        object("/system") { _, _ in system }
        router.get(RouterPath(Self.prefix)) { request, _ in
            _ = try APIParameters(request, allowed: [])
            return try APIResponse.json(system, request)
        }
        router.get(RouterPath(Self.prefix + "/bodies")) { request, _ in
            let asked = try ListRequest(try APIParameters(request, allowed: Self.listParameters))
            let items = asked.changed == ChangeWindow() ? [body(asked)] : []
            return try APIResponse.json(OParl.List(data: items, pagination: .init(elementsPerPage: asked.limit),
                                                   links: .init(first: link(Self.prefix + "/bodies"), selfLink: link(Self.prefix + "/bodies"))), request)
        }
        object("/bodies/{body}") { _, context in
            try bodyKey(context)
            return body(ListRequest())
        }
        object("/legislative-terms/{body}") { _, context in
            try bodyKey(context)
            return legislativeTerm
        }
        list("/bodies/{body}/organizations") { asked, _ in
            try configured(basics.region.bodies.map(organization), asked)
        }
        object("/organizations/{key}") { _, context in
            guard let found = basics.region.body(context.parameters.get("key") ?? "") else { throw APIProblem.notFound }
            return organization(found)
        }
        list("/organizations/{key}/meetings") { asked, context in
            guard let found = basics.region.body(context.parameters.get("key") ?? "") else { throw APIProblem.notFound }
            return try await meetings(asked, of: found.key)
        }
        // Konvent publishes no people: their names stand in the minutes, by their own choice.
        list("/bodies/{body}/people") { (_: ListRequest, _) -> (items: [OParl.Location], next: String?) in ([], nil) }
        list("/bodies/{body}/locations") { asked, _ in try configured(basics.region.territories.map(location), asked) }
        object("/locations/{key}") { _, context in
            guard let territory = basics.region.territory(context.parameters.get("key") ?? "") else { throw APIProblem.notFound }
            return location(territory)
        }
        // Meetings embed their agendas and minutes: the page is made once per data version and
        // minute (a meeting's state follows the clock), not for every reader.
        router.get(RouterPath(Self.prefix + "/bodies/{body}/meetings")) { request, context in
            try bodyKey(context)
            let parameters = try APIParameters(request, allowed: Self.listParameters)
            let asked = try ListRequest(parameters)
            let minute = Timestamp.now.milliseconds / 60_000
            let version = try await service.keys.key([.sessions, .measures]) + "|\(minute)"
            let bytes = try await service.files.value("oparl|meetings|\(request.uri.query ?? "")", version: version) {
                let (items, next) = try await meetings(asked, of: nil)
                return Array(try APIResponse.encoder.encode(listPage(items, next: next, request.uri.path, parameters, asked)))
            }.value
            return APIResponse.bytes(bytes, request, contentType: "application/json; charset=utf-8")
        }
        object("/meetings/{id}") { _, context in
            guard let id = context.parameters.get("id").flatMap(BodySessionID.init), let session = try await service.bodySessions.session(id) else {
                throw APIProblem.notFound
            }
            return meeting(session, embedded: true)
        }
        object("/meetings/{id}/location") { _, context in
            guard let id = context.parameters.get("id").flatMap(BodySessionID.init), let session = try await service.bodySessions.session(id) else {
                throw APIProblem.notFound
            }
            return meetingLocation(session)
        }
        object("/agenda-items/{id}") { _, context in
            let (session, item) = try await agendaItem(context)
            return agendaItem(item, of: session)
        }
        object("/consultations/{id}") { _, context in
            let (session, item) = try await agendaItem(context)
            guard let consultation = consultation(item, of: session) else { throw APIProblem.notFound }
            return consultation
        }
        list("/bodies/{body}/papers") { asked, _ in try await papers(asked) }
        object("/papers/{id}") { _, context in
            guard let id = context.parameters.get("id").flatMap(MeasureID.init), let measure = try await service.measures.measure(id),
                  isPublic(measure.state) else { throw APIProblem.notFound }
            return paper(measure, entries: try await service.bodySessions.agendaEntries(of: [id])[id] ?? [], embedded: true)
        }
        list("/bodies/{body}/files") { asked, _ in try await files(asked) }
        object("/files/{key}") { _, context in
            let key = context.parameters.get("key") ?? ""
            guard let file = try await file(key) else { throw APIProblem.notFound }
            return file
        }
        router.get("/oparl/**") { _, _ -> Response in throw APIProblem.notFound }
    }

    func listPage<Item>(_ items: [Item], next: String?, _ here: String, _ parameters: APIParameters, _ asked: ListRequest) -> OParl.List<Item> {
        OParl.List(
            data: items, pagination: .init(elementsPerPage: asked.limit),
            links: .init(first: link(here.query(parameters.keeping())), selfLink: link(here.query(parameters.keeping(except: ""))),
                         next: next.map { link(here.query(parameters.keeping() + [("cursor", $0)])) }))
    }

    /// What a list was asked for: OParl's filters, the page size, and where the page begins.
    struct ListRequest: Sendable {
        var changed = ChangeWindow()
        var omitInternal = false
        var limit = 50
        var cursor: String?

        init() {}

        init(_ parameters: APIParameters) throws(APIProblem) {
            func time(_ name: String) throws(APIProblem) -> Int64? {
                guard let text = parameters.string(name) else { return nil }
                guard let milliseconds = OParlRoutes.milliseconds(text) else { throw .badValue(name, text) }
                return milliseconds
            }
            changed = ChangeWindow(createdSince: try time("created_since"), createdUntil: try time("created_until"),
                                   modifiedSince: try time("modified_since"), modifiedUntil: try time("modified_until"))
            omitInternal = try parameters.choice("omit_internal", [("true", true), ("false", false)]) ?? false
            limit = parameters.string("limit") == nil ? 50 : try parameters.limit
            cursor = parameters.string("cursor")
        }
    }

    /// A full date-time as OParl's filters give it ("2014-01-01T00:00:00+01:00"), in milliseconds.
    static func milliseconds(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return Timestamp(date).milliseconds }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text).map { Timestamp($0).milliseconds }
    }

    @discardableResult
    func bodyKey(_ context: KonventRequestContext) throws(APIProblem) -> String {
        if let key = context.parameters.get("body"), key != basics.region.key { throw APIProblem.notFound }
        return basics.region.key
    }

    func link(_ path: String) -> String { basics.mails.link(path) }
    func url(_ path: String) -> String { link(Self.prefix + path) }
    func time(_ milliseconds: Int64) -> String { basics.clock.iso8601(milliseconds) }
    func day(_ milliseconds: Int64) -> String { String(time(milliseconds).prefix(10)) }

    func isPublic(_ state: MeasureState) -> Bool { basics.isPublicMeasure(state) }

    /// A list made from the configuration (organizations, locations): in the order of its ids, paged
    /// by the last id shown. Configured objects carry no dates, so a date filter leaves them out.
    func configured<Item: Identified>(_ all: [Item], _ asked: ListRequest) throws -> (items: [Item], next: String?) {
        guard asked.changed == ChangeWindow() else { return ([], nil) }
        return paged(all, asked)
    }

    /// A short list held in memory, in the order of its ids, paged by the last id shown.
    func paged<Item: Identified>(_ all: [Item], _ asked: ListRequest) -> (items: [Item], next: String?) {
        let sorted = all.sorted { $0.id < $1.id }
        let rest = asked.cursor.map { cursor in sorted.filter { $0.id > cursor } } ?? sorted
        let page = Array(rest.prefix(asked.limit))
        return (page, rest.count > asked.limit ? page.last?.id : nil)
    }
}

protocol Identified { var id: String { get } }
extension OParl.Organization: Identified {}
extension OParl.Location: Identified {}
extension OParl.File: Identified {}
