import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// A format's results: many contributions captured on one page, or imported from a CSV file. Both
/// are all-or-nothing; the page reports every bad row and keeps what was typed.
struct FormatResultRoutes {
    let basics: WebBasics
    let service: FormatsService
    static let defaultRows = 5
    static let maximumRows = 50

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Formats.results.route) { request, context in
            let format = try await FormatRoutes(basics: basics, service: service).managed(context)
            let count = request.uri.queryParameters.get("rows").flatMap(Int.init).map { max(1, min($0, Self.maximumRows)) }
                ?? Self.defaultRows
            var model = FormatResultsPage.Model(region: basics.region, format: format, rows: (1...count).map { ResultImport.Row(line: $0) })
            if let saved = request.uri.queryParameters.get("saved").flatMap(Int.init) {
                model.notice = basics.catalog.translator(context.language)("results.saved", ["count": String(saved)])
            }
            return page(model, context)
        }
        router.post(Site.Formats.results.route) { request, context in try await capture(request, context) }
        router.post(Site.Formats.importResults.route) { request, context in try await importFile(request, context) }
    }

    func page(_ model: FormatResultsPage.Model, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        .html(FormatResultsPage.render(model, basics.pageContext(context, path: Site.Formats.results(model.format.id))), status: status)
    }

    func capture(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let format = try await FormatRoutes(basics: basics, service: service).managed(context)
        let form = try await request.form(context)
        let count = max(1, min(Int(form.string("rows")) ?? Self.defaultRows, Self.maximumRows))
        let rows = (1...count).map { number in
            var row = ResultImport.Row(line: number)
            row.kind = form.string("kind-\(number)")
            row.title = form.string("title-\(number)")
            row.text = form.string("text-\(number)")
            row.field = form.string("fields-\(number)")
            row.municipality = form.string("municipality-\(number)")
            return row
        }
        // Rows left empty are simply not used; a row with anything in it must be complete.
        let filled = rows.filter { !($0.title + $0.text).trimmingWhitespace().isEmpty }
        var model = FormatResultsPage.Model(region: basics.region, format: format, rows: rows)
        guard !filled.isEmpty else {
            model.report = [ResultImport.LineError(line: 1, messageKey: "results.error.empty")]
            return page(model, context, status: .unprocessableContent)
        }
        return try await save(ResultImport.drafts(filled, format: format, region: basics.region), model, context)
    }

    func importFile(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        let format = try await FormatRoutes(basics: basics, service: service).managed(context)
        let form = try await request.form(context)
        var model = FormatResultsPage.Model(
            region: basics.region, format: format, rows: (1...Self.defaultRows).map { ResultImport.Row(line: $0) })
        model.reportSource = "import"
        guard let file = form.files["file"], !file.isEmpty else {
            model.report = [ResultImport.LineError(line: 1, messageKey: "import.error.noFile")]
            return page(model, context, status: .unprocessableContent)
        }
        return try await save(ResultImport.drafts(fromCSV: file, format: format, region: basics.region), model, context)
    }

    func save(
        _ result: Result<[ContributionDraft], ResultImport.Report>, _ model: FormatResultsPage.Model, _ context: KonventRequestContext
    ) async throws -> Response {
        var model = model
        switch result {
        case .failure(let report):
            model.report = report.lines
            return page(model, context, status: .unprocessableContent)
        case .success(let drafts):
            let user = try basics.signedInUser(context)
            let ids = try await service.contributions.createAll(drafts, author: user.id, at: .now, status: .published)
            return .seeOther(Site.Formats.results(model.format.id) + "?saved=\(ids.count)")
        }
    }
}
