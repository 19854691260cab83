import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// `/api/v1`: the public data as JSON, read-only. Every list pages by key (`cursor`), takes the
/// filters its page takes and refuses what it does not know; `openapi.json` describes all of it.
struct APIRoutes {
    let basics: WebBasics
    let service: OpenDataService
    let openAPI: [UInt8]

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.API.index.route) { request, _ in try APIResponse.json(try index(request), request) }
        router.get(Site.API.openAPI.route) { request, _ in
            _ = try APIParameters(request, allowed: [])
            return APIResponse.bytes(openAPI, request, contentType: "application/vnd.oai.openapi+json; charset=utf-8", maxAge: 3600)
        }
        router.get(Site.API.contributions.route) { request, _ in try APIResponse.json(try await contributions(request), request) }
        router.get(Site.API.contribution.route) { request, context in
            try APIResponse.json(try await contribution(try id(context, ContributionID.init), request), request)
        }
        router.get(Site.API.formats.route) { request, _ in try APIResponse.json(try await formats(request), request) }
        router.get(Site.API.format.route) { request, context in
            _ = try APIParameters(request, allowed: [])
            guard let format = try await service.formats.format(try id(context, FormatID.init)) else { throw APIProblem.notFound }
            return try APIResponse.json(representation(format), request)
        }
        router.get(Site.API.measures.route) { request, _ in try APIResponse.json(try await measures(request), request) }
        router.get(Site.API.measure.route) { request, context in
            try APIResponse.json(try await measure(try id(context, MeasureID.init), request), request)
        }
        router.get(Site.API.sessions.route) { request, _ in try APIResponse.json(try await sessions(request), request) }
        router.get(Site.API.session.route) { request, context in
            try APIResponse.json(try await session(try id(context, BodySessionID.init), request), request)
        }
        router.get(Site.API.masterplanVersions.route) { request, _ in
            _ = try APIParameters(request, allowed: [])
            let versions = try await service.masterplan.versions().map(representation)
            return try APIResponse.json(API.Page(items: versions, links: .init(selfLink: link(Site.API.masterplanVersions()),
                                                                              html: link(Site.Masterplan.current()))), request)
        }
        router.get(Site.API.masterplanVersion.route) { request, context in
            _ = try APIParameters(request, allowed: [])
            guard let number = context.parameters.get("number").flatMap(Int.init),
                  let version = try await service.masterplan.versions().first(where: { $0.number == number }) else { throw APIProblem.notFound }
            return try APIResponse.json(representation(version), request)
        }
        router.get(Site.API.figures.route) { request, _ in
            _ = try APIParameters(request, allowed: [])
            return try APIResponse.json(representation(try await service.figures.kept().value), request)
        }
        addGeo(to: router)
        // Anything else below the API is a problem document, not the site's 404 page.
        router.get("/api/**") { _, _ -> Response in throw APIProblem.notFound }
    }

    func link(_ path: String) -> String { basics.mails.link(path) }

    /// The values of the filters that depend on the configuration, for the OpenAPI document.
    static func choices(_ region: RegionConfiguration, states: [MeasureState], policy: PermissionPolicy) -> [String: [String]] {
        [
            "field": region.fieldsOfAction.map(\.key), "district": region.districts.map(\.officialKey),
            "municipality": region.territories.filter { $0.kind == .municipality }.map(\.officialKey),
            "programme": region.fundingProgrammes.map(\.key),
            "state": states.filter { policy.allows(.anonymous, .viewMeasure, on: .measure(state: $0, ministries: [])) }.map(\.description),
        ]
    }

    func id<T>(_ context: KonventRequestContext, _ make: (String) -> T?) throws(APIProblem) -> T {
        guard let id = context.parameters.get("id").flatMap(make) else { throw APIProblem.notFound }
        return id
    }

    func time(_ milliseconds: Int64) -> String { basics.clock.iso8601(milliseconds) }

    func place(_ key: String) -> API.Place { API.Place(key: key, name: basics.region.territory(key)?.name ?? key) }

    func page<Item>(_ items: [Item], _ path: String, _ parameters: APIParameters, next: String?, html: String) -> API.Page<Item> {
        let next = next.map { link(path.query(parameters.keeping() + [("cursor", $0)])) }
        return API.Page(items: items, links: .init(selfLink: link(path.query(parameters.keeping(except: ""))), next: next, html: link(html)))
    }

    func index(_ request: Request) throws -> API.Index {
        _ = try APIParameters(request, allowed: [])
        let region = basics.region
        return API.Index(
            name: region.name, licence: region.openData.licenceURI,
            fieldsOfAction: region.fieldsOfAction.map { .init(key: $0.key, name: $0.name) },
            districts: region.districts.map { .init(key: $0.officialKey, name: $0.name, kind: $0.kind.rawValue, population: $0.population) },
            bodies: region.bodies.map { .init(key: $0.key, name: $0.name) },
            links: [
                "self": link(Site.API.index()), "openapi": link(Site.API.openAPI()), "html": link(Site.openData()),
                "contributions": link(Site.API.contributions()), "formats": link(Site.API.formats()), "measures": link(Site.API.measures()),
                "sessions": link(Site.API.sessions()), "masterplanVersions": link(Site.API.masterplanVersions()),
                "figures": link(Site.API.figures()), "oparl": link(Site.oparl()), "districts": link(Site.API.geoDistricts()),
                "municipalities": link(Site.API.geoMunicipalities()), "formatPlaces": link(Site.API.geoFormats()),
            ])
    }

    // MARK: Contributions

    static let contributionParameters = ["q", "kind", "field", "district", "municipality", "status", "format", "sort", "cursor", "limit"]

    func contributions(_ request: Request) async throws -> API.Page<API.Contribution> {
        let parameters = try APIParameters(request, allowed: Self.contributionParameters)
        let region = basics.region
        var query = ContributionQuery()
        query.search = try parameters.text("q", maxLength: 200) ?? ""
        query.kind = try parameters.choice("kind", Contribution.Kind.allCases.map { ($0.rawValue, $0) })
        query.field = try parameters.choice("field", region.fieldsOfAction.map { ($0.key, $0.key) })
        query.district = try parameters.choice("district", region.districts.map { ($0.officialKey, $0.officialKey) })
        if let municipality = parameters.string("municipality") {
            guard region.territory(municipality)?.kind == .municipality else { throw APIProblem.badValue("municipality", municipality) }
            query.municipality = municipality
        }
        query.status = try parameters.choice("status", Contribution.Status.allCases.filter(\.isListed).map { ($0.rawValue, $0) })
        query.format = try parameters.id("format").map(FormatID.init)
        let sorts: [ContributionQuery.Sort] = [.newest, .mostSupported, .mostDiscussed]
        query.sort = try parameters.choice("sort", sorts.map { ($0.rawValue, $0) }) ?? .newest
        query.after = try parameters.cursor(PageKey.init)
        query.limit = try parameters.limit
        let found = try await service.contributions.list(query)
        let measures = try await service.measures.measures(fromContributions: found.items.map(\.id))
        return page(found.items.map { representation($0, measures: measures[$0.id] ?? []) }, Site.API.contributions(), parameters,
                    next: found.next?.description, html: Site.Contributions.list())
    }

    func contribution(_ id: ContributionID, _ request: Request) async throws -> API.Contribution {
        _ = try APIParameters(request, allowed: [])
        guard let contribution = try await service.contributions.contribution(id), contribution.status.isListed else {
            throw APIProblem.notFound
        }
        return representation(contribution, measures: try await service.measures.measures(from: id))
    }

    func representation(_ c: Contribution, measures: [MeasureReference]) -> API.Contribution {
        API.Contribution(
            id: c.id.rawValue, kind: c.kind.rawValue, title: c.title, text: c.text, fields: c.fields, district: place(c.districtKey),
            municipality: c.municipalityKey.map(place), author: c.publicAuthorName,
            organisation: c.organisationName.map { .init(name: $0, verified: c.organisationVerified) }, status: c.status.rawValue,
            supports: c.supportCount, comments: c.commentCount,
            format: c.formatID.map { id in
                API.Reference(id: id.rawValue, title: c.formatTitle ?? "", links: .init(selfLink: link(Site.API.format(id)), html: link(Site.Formats.page(id))))
            },
            createdAt: time(Timestamp(c.createdAt).milliseconds), editedAt: c.editedAt.map { time(Timestamp($0).milliseconds) },
            measures: measures.filter { isPublic($0.state) }.map(reference),
            links: .init(selfLink: link(Site.API.contribution(c.id)), html: link(Site.Contributions.page(c.id))))
    }

    func isPublic(_ state: MeasureState) -> Bool { basics.isPublicMeasure(state) }

    func reference(_ m: MeasureReference) -> API.MeasureReference { reference(id: m.id, code: m.code, title: m.title, state: m.state) }

    func reference(id: MeasureID, code: String, title: String, state: MeasureState) -> API.MeasureReference {
        API.MeasureReference(id: id.rawValue, code: code, title: title, state: state.description,
                             links: .init(selfLink: link(Site.API.measure(id)), html: link(Site.Measures.page(id))))
    }

    // MARK: Formats

    func formats(_ request: Request) async throws -> API.Page<API.Format> {
        let parameters = try APIParameters(request, allowed: ["when", "kind", "field", "district", "cursor", "limit"])
        var query = FormatQuery()
        query.when = try parameters.choice("when", FormatQuery.When.allCases.map { ($0.rawValue, $0) }) ?? .upcoming
        query.kind = try parameters.choice("kind", Format.Kind.allCases.map { ($0.rawValue, $0) })
        query.field = try parameters.choice("field", basics.region.fieldsOfAction.map { ($0.key, $0.key) })
        query.district = try parameters.choice("district", basics.region.districts.map { ($0.officialKey, $0.officialKey) })
        query.after = try parameters.cursor(PageKey.init)
        query.limit = try parameters.limit
        let found = try await service.formats.list(query, now: .now)
        return page(found.items.map(representation), Site.API.formats(), parameters, next: found.next?.description, html: Site.Formats.list())
    }

    func representation(_ f: Format) -> API.Format {
        API.Format(
            id: f.id.rawValue, kind: f.kind.rawValue, title: f.title, description: f.description, fields: f.fields, district: place(f.districtKey),
            municipality: f.municipalityKey.map(place), place: f.place, onlineURL: f.onlineURL, startsAt: time(f.startsAt), endsAt: time(f.endsAt),
            capacity: f.capacity, registered: f.registeredCount, waitlisted: f.waitlistCount, contributions: f.contributionCount,
            facilitator: f.facilitatorName, documentation: f.documentation.map { .init(summary: $0.summary, participants: $0.participants) },
            links: .init(selfLink: link(Site.API.format(f.id)), html: link(Site.Formats.page(f.id))))
    }
}
