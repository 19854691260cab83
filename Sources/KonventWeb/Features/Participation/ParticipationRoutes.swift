import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// `/participation`: the overview of who took part where, from counts kept for a short while.
struct ParticipationRoutes {
    let basics: WebBasics
    let service: ParticipationService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.participation.route) { request, context in
            let (figures, version) = try await service.figures.kept()
            let t = basics.catalog.translator(context.language)
            return basics.cachedForVisitors("\(version)", request, context) {
                ParticipationPage.render(model(figures, t), basics.pageContext(context, path: Site.participation()))
            }
        }
    }

    func model(_ figures: ParticipationFigures, _ t: Translator) -> ParticipationPage.Model {
        let region = basics.region
        let districts = region.districts.map { district in
            ParticipationPage.Unit(
                key: district.officialKey, name: district.name, population: district.population,
                contributions: figures.contributionsByDistrict[district.officialKey] ?? 0,
                formats: figures.formatsByDistrict[district.officialKey] ?? 0)
        }
        let municipalities = region.territories.filter { $0.kind == .municipality }.map { municipality in
            ParticipationPage.Unit(
                key: municipality.officialKey, name: municipality.name, population: municipality.population,
                contributions: figures.contributionsByMunicipality[municipality.officialKey] ?? 0, formats: 0)
        }
        let byField = region.fieldsOfAction.map { ($0.name[t.language], figures.contributionsByField[$0.key] ?? 0) }
        let byKind = Contribution.Kind.allCases.map { (t($0.catalogKey), figures.contributionsByKind[$0.rawValue] ?? 0) }
        let byOrganisation = ([("", t("participation.individuals"))] + Organisation.Kind.allCases.map { ($0.rawValue, t($0.catalogKey)) })
            .map { ($0.1, figures.contributionsByOrganisationKind[$0.0] ?? 0) }
        var model = ParticipationPage.Model(
            region: region,
            totals: (figures.totalContributions, figures.totalFormats, figures.totalSupports, figures.totalComments),
            districts: districts, municipalities: municipalities, byField: byField, byKind: byKind,
            byOrganisationKind: byOrganisation, byMonth: Self.months(figures.contributionsByDay),
            map: basics.map)
        model.trace = (figures.takenUp, figures.publicMeasures)
        return model
    }

    /// Per calendar month from the first to the last day with contributions, months without any included.
    static func months(_ days: [Int64: Int]) -> [(label: String, value: Int)] {
        var byMonth: [String: Int] = [:]
        for (day, count) in days { byMonth[String(CalendarDate.iso(milliseconds: day * 86_400_000).prefix(7)), default: 0] += count }
        guard let first = byMonth.keys.min(), let last = byMonth.keys.max(),
              var year = Int(first.prefix(4)), var month = Int(first.suffix(2)) else { return [] }
        var result: [(String, Int)] = []
        while result.count < 240 {
            let label = "\(CalendarDate.pad(year, 4))-\(CalendarDate.pad(month, 2))"
            result.append((label, byMonth[label] ?? 0))
            if label >= last { break }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }
}
