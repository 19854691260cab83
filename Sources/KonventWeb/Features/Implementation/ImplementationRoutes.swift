import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// `/implementation`: the public overview of what became of the adopted measures.
struct ImplementationRoutes {
    let basics: WebBasics
    let service: MeasuresService

    static let pageSize = 50
    static let adopted: [MeasureState] = [.adopted, .adoptedWithConditions, .inImplementation, .completed]

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Implementation.overview.route) { request, context in
            let parameters = request.uri.queryParameters
            var query = MeasureQuery()
            query.states = Self.adopted
            query.field = parameters.get("field").flatMap { basics.region.fieldOfAction($0)?.key }
            query.ministry = parameters.get("ministry").flatMap { basics.region.ministry($0)?.key }
            let status = parameters.get("status").flatMap { $0 == "none" ? "none" : ProgressStatus(rawValue: $0)?.rawValue }
            if let status { query.progress = .some(ProgressStatus(rawValue: status)) }
            query.after = parameters.get("after").flatMap(MeasureQuery.key(ofCode:))
            query.before = parameters.get("before").flatMap(MeasureQuery.key(ofCode:))
            query.limit = Self.pageSize + 1
            var items = try await service.measures.list(query)
            let more = items.count > Self.pageSize
            if more { if query.before != nil { items.removeFirst() } else { items.removeLast() } }
            let overdue = try await service.implementation.overdueMilestones(of: items.map(\.id), today: service.today)
            var model = ImplementationPage.Model(
                region: basics.region, rows: items.map { .init(measure: $0, overdue: overdue[$0.id] ?? 0) },
                counts: try await service.implementation.progressCounts(states: Self.adopted))
            model.field = query.field
            model.ministry = query.ministry
            model.status = status
            model.total = try await service.measures.count(query)
            func link(_ direction: String, _ measure: Measure?) -> String? {
                measure.map {
                    Site.Implementation.overview().query([("field", query.field), ("ministry", query.ministry), ("status", status), (direction, $0.code)])
                }
            }
            let backwards = query.before != nil
            model.nextPage = backwards || more ? link("after", items.last) : nil
            model.previousPage = (backwards ? more : query.after != nil) ? link("before", items.first) : nil
            return Response.html(ImplementationPage.render(model, basics.pageContext(context, path: Site.Implementation.overview())))
        }
    }
}
