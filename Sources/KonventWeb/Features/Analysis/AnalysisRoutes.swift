import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The office's analysis: the contribution list as filtered, exported as CSV or XLSX, and
/// contributions counted by two dimensions (`/analysis`).
struct AnalysisRoutes {
    let basics: WebBasics
    let contributions: any ContributionStore
    let baseURL: String
    let crossTabs: VersionedCache<CrossTabCounts>
    let keys: DataKeys
    let themes: any ThemeStore

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Contributions.exportCSV.route) { request, context in try await export(.csv, request, context) }
        router.get(Site.Contributions.exportXLSX.route) { request, context in try await export(.xlsx, request, context) }
        router.get(Site.Analysis.page.route) { request, context in
            let (view, table) = try await crossTab(request, context)
            var filters = view.filters
            filters.themes = try await themes.themes().map { ($0.id.description, $0.name) }
            let model = AnalysisPage.Model(
                region: basics.region, rows: view.rows, columns: view.columns, value: view.value, filters: filters, table: table,
                query: "".query(view.parameters))
            return Response.html(AnalysisPage.render(model, basics.pageContext(context, path: Site.Analysis.page())))
        }
        router.get(Site.Analysis.exportCSV.route) { request, context in
            let (view, table) = try await crossTab(request, context)
            guard table.counts.total > 0 else { throw WebError.unprocessable("export.empty") }
            let t = basics.translator(context)
            let name = "\(t("analysis.fileName"))-\(basics.clock.local(Timestamp.now.milliseconds).isoDate).csv"
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
                body: .init(byteBuffer: .init(bytes: view.csv(table, t: t))))
        }
    }

    /// The list's filters, each checked: an unknown name or value is refused rather than ignored, so
    /// that an export never holds other rows than the list the office looked at.
    static func query(_ parameters: [(String, String)], region: RegionConfiguration) throws -> ContributionQuery {
        var query = ContributionQuery()
        for (name, value) in parameters where !value.isEmpty {
            let known: Bool
            switch name {
            case "q":
                query.search = String(value.prefix(200))
                known = true
            case "kind":
                query.kind = Contribution.Kind(rawValue: value)
                known = query.kind != nil
            case "field":
                query.field = region.fieldOfAction(value)?.key
                known = query.field != nil
            case "district":
                query.district = region.districts.first { $0.officialKey == value }?.officialKey
                known = query.district != nil
            case "municipality":
                query.municipality = region.territory(value)?.kind == .municipality ? value : nil
                known = query.municipality != nil
            case "status":
                query.status = Contribution.Status(rawValue: value).flatMap { $0.isListed ? $0 : nil }
                known = query.status != nil
            case "format":
                query.format = FormatID(value)
                known = query.format != nil
            case "theme":
                query.theme = ThemeID(value)
                known = query.theme != nil
            case "sort":
                // Exports are in the order contributions came in; the list's sort does not matter.
                known = ContributionQuery.Sort(rawValue: value) != nil
            default:
                known = false
            }
            guard known else { throw WebError.unprocessable("export.unknownFilter") }
        }
        return query
    }

    func crossTab(_ request: Request, _ context: KonventRequestContext) async throws -> (CrossTabView, CrossTabulation) {
        try basics.require(.analyse, context)
        let view = try CrossTabView(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, region: basics.region)
        let months = view.rows == .month || view.columns == .month
            ? CrossTabView.months(try await contributions.createdRange(view.query), clock: basics.clock) : []
        let slot = "\(view.rows)|\(view.columns)|\(months.first?.key ?? "")|\(months.count)|\(view.query)"
        let (store, query) = (contributions, view.query)
        let counts = try await crossTabs.value(slot, version: try await keys.key([.contributions, .accounts, .formats])) {
            try await store.crossTab(query, rows: view.rows, columns: view.columns, months: months)
        }.value
        return (view, view.tabulation(counts, months: months, region: basics.region, t: basics.translator(context)))
    }

    func export(_ format: ContributionExport.Format, _ request: Request, _ context: KonventRequestContext) async throws -> Response {
        try basics.require(.analyse, context)
        let parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        let query = try Self.query(parameters, region: basics.region)
        guard try await !contributions.exportBatch(query, after: 0, limit: 1).isEmpty else { throw WebError.unprocessable("export.empty") }
        let export = ContributionExport(store: contributions, region: basics.region, t: basics.translator(context), baseURL: baseURL)
        let name = "\(basics.translator(context)("export.fileName"))-\(basics.clock.local(Timestamp.now.milliseconds).isoDate).\(format.rawValue)"
        return Response(
            status: .ok,
            headers: [.contentType: format.contentType, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                try await export.write(query, as: format) { try await writer.write($0) }
                try await writer.finish(nil)
            })
    }
}
