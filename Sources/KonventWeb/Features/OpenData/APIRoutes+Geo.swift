import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The API's GeoJSON files, each kept under the data versions it is made from.
extension APIRoutes {
    var geo: GeoJSONData { GeoJSONData(region: basics.region, link: link, time: time) }

    func addGeo(to router: Router<KonventRequestContext>) {
        router.get(Site.API.geoDistricts.route) { request, _ in
            _ = try APIParameters(request, allowed: [])
            return APIResponse.bytes(try await geoFile("districts") {
                let counts = try await counts(municipal: false)
                return try geo.collection("districts", geo.territories(basics.region.districts, counts, filter: "district"))
            }, request, contentType: GeoJSONData.contentType)
        }
        router.get(Site.API.geoMunicipalities.route) { request, _ in
            _ = try APIParameters(request, allowed: [])
            return APIResponse.bytes(try await geoFile("municipalities") {
                let counts = try await counts(municipal: true)
                return try geo.collection("municipalities", geo.territories(basics.region.territories.filter { $0.kind == .municipality }, counts,
                                                                            filter: "municipality"))
            }, request, contentType: GeoJSONData.contentType)
        }
        router.get(Site.API.geoFormats.route) { request, _ in
            _ = try APIParameters(request, allowed: [])
            return APIResponse.bytes(try await geoFile("formats") {
                try geo.collection("formats", geo.formats(try await allFormats()))
            }, request, contentType: GeoJSONData.contentType)
        }
    }

    /// Kept under the data versions and the figures' generation: the figures are counted at most every
    /// 30 seconds, and a file made from older figures must not outlive them.
    func geoFile(_ name: String, _ make: @escaping @Sendable () async throws -> [UInt8]) async throws -> [UInt8] {
        let version = try await service.keys.key([.contributions, .formats, .measures]) + "|\(try await service.figures.kept().generation)"
        return try await service.files.value("geo|\(name)", version: version) { try await make() }.value
    }

    /// Per territory: listed contributions, formats and public measures placed there.
    func counts(municipal: Bool) async throws -> GeoJSONData.Counts {
        let figures = try await service.figures.kept().value
        var measures: [String: Int] = [:]
        var formats = figures.formatsByDistrict
        if municipal {
            formats = [:]
            for format in try await allFormats() { if let key = format.municipalityKey { formats[key, default: 0] += 1 } }
        }
        // A measure counts where it is placed: in each of its territories, and a district's measures
        // include those placed in its municipalities (once per measure).
        var query = MeasureQuery()
        query.publicOnly = true
        query.limit = 1000
        while true {
            let page = try await service.measures.list(query)
            for measure in page {
                var keys = Set<String>()
                for key in measure.content.territories {
                    guard let territory = basics.region.territory(key) else { continue }
                    if municipal { if territory.kind == .municipality { keys.insert(key) } } else {
                        keys.insert(territory.kind == .municipality ? territory.parentKey : key)
                    }
                }
                for key in keys { measures[key, default: 0] += 1 }
            }
            guard page.count == query.limit, let last = page.last else { break }
            query.after = MeasureQuery.key(ofCode: last.code)
        }
        return GeoJSONData.Counts(contributions: municipal ? figures.contributionsByMunicipality : figures.contributionsByDistrict,
                                  formats: formats, measures: measures)
    }

    func allFormats() async throws -> [Format] {
        var found: [Format] = []
        for when in FormatQuery.When.allCases {
            var query = FormatQuery()
            query.when = when
            query.limit = 100
            while true {
                let page = try await service.formats.list(query, now: .now)
                found += page.items
                guard let next = page.next, found.count < 20_000 else { break }
                query.after = next
            }
        }
        return found.sorted { ($0.startsAt, $0.id.rawValue) < ($1.startsAt, $1.id.rawValue) }
    }
}
