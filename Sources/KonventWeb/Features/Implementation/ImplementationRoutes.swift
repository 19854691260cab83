import Foundation
import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// `/implementation`: the public overview of what became of the adopted measures.
struct ImplementationRoutes {
    let basics: WebBasics
    let service: MeasuresService

    static let pageSize = 50
    static let adopted = MeasureState.adoptedStates

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Implementation.overview.route) { request, context in
            let parameters = request.uri.queryParameters
            var query = MeasureQuery()
            query.states = Self.adopted
            query.field = parameters.get("field").flatMap { basics.region.fieldOfAction($0)?.key }
            query.ministry = parameters.get("ministry").flatMap { basics.region.ministry($0)?.key }
            query.district = parameters.get("district").flatMap { key in basics.region.districts.first { $0.officialKey == key }?.officialKey }
            query.programme = parameters.get("programme").flatMap { key in basics.region.fundingProgrammes.first { $0.key == key }?.key }
            let status = parameters.get("status").flatMap { $0 == "none" ? "none" : ProgressStatus(rawValue: $0)?.rawValue }
            if let status { query.progress = .some(ProgressStatus(rawValue: status)) }
            query.after = parameters.get("after").flatMap(MeasureQuery.key(ofCode:))
            query.before = parameters.get("before").flatMap(MeasureQuery.key(ofCode:))
            query.limit = Self.pageSize + 1
            var items = try await service.measures.list(query)
            let more = items.count > Self.pageSize
            if more { if query.before != nil { items.removeFirst() } else { items.removeLast() } }
            let overdue = try await service.implementation.overdueMilestones(of: items.map(\.id), today: service.today)
            let secured = try await service.implementation.securedFunding(of: items.map(\.id))
            // The aggregates over every adopted measure are made once per change of the measures.
            let store = service.implementation
            let summary = try await service.summaries.value("all", version: try await service.keys.key([.measures])) {
                ImplementationSummary(counts: try await store.progressCounts(states: Self.adopted), sums: try await store.fundingSums(),
                                      districts: try await store.districtCounts(states: Self.adopted))
            }.value
            var model = ImplementationPage.Model(
                region: basics.region, rows: items.map { .init(measure: $0, overdue: overdue[$0.id] ?? 0, approved: secured[$0.id] ?? 0) },
                counts: summary.counts)
            model.field = query.field
            model.ministry = query.ministry
            model.district = query.district
            model.programme = query.programme
            model.districtCounts = summary.districts
            model.map = basics.map
            model.today = service.today
            model.status = status
            model.mayImport = basics.policy.allows(context.actor, .writeMeasures)
            model.sums = summary.sums.map {
                .init(source: $0.source, programme: $0.programme, planned: $0.planned, approved: $0.approved, paid: $0.paid)
            }
            model.total = try await service.measures.count(query)
            func link(_ direction: String, _ measure: Measure?) -> String? {
                measure.map {
                    Site.Implementation.overview().query([
                        ("field", query.field), ("ministry", query.ministry), ("district", query.district), ("programme", query.programme),
                        ("status", status), (direction, $0.code),
                    ])
                }
            }
            let backwards = query.before != nil
            model.nextPage = backwards || more ? link("after", items.last) : nil
            model.previousPage = (backwards ? more : query.after != nil) ? link("before", items.first) : nil
            return Response.html(ImplementationPage.render(model, basics.pageContext(context, path: Site.Implementation.overview())))
        }
        router.get(Site.Implementation.import.route) { request, context in
            try basics.require(.writeMeasures, context)
            var model = ProgressImportPage.Model()
            if let saved = request.uri.queryParameters.get("saved") {
                let parts = saved.split(separator: "-").compactMap { Int($0) }
                if parts.count == 2 {
                    let t = basics.catalog.translator(context.language)
                    model.notice = t("progressImport.saved", ["reports": t.count("progressImport.reports", parts[0]),
                                                              "values": t.count("progressImport.values", parts[1])])
                }
            }
            return try await importPage(model, context)
        }
        router.post(Site.Implementation.publishing.route) { request, context in
            var request = request
            try basics.require(.writeMeasures, context)
            let direct = try await request.form(context).string("direct") == "1"
            try await service.settings.set(MeasuresService.publishingSetting, to: direct ? "direct" : "office",
                                           actor: try basics.signedInUser(context).id, at: .now)
            return Response.seeOther(Site.Implementation.import() + "#publishing-title")
        }
        router.get(Site.Implementation.template.route) { _, context in
            try basics.require(.writeMeasures, context)
            var query = MeasureQuery()
            query.states = Self.adopted
            query.limit = 1
            let example = try await service.measures.list(query).first
            let rows = ProgressImport.template(example: example?.code ?? "WI-01", indicator: example?.content.indicators.first?.name ?? "")
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"umsetzung-vorlage.csv\""],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: CSVTable.file(rows))))
        }
        router.post(Site.Implementation.import.route) { request, context in try await importFile(request, context) }
    }

    func importPage(_ model: ProgressImportPage.Model, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        var model = model
        model.publishesDirectly = try await service.reportsPublishDirectly()
        return .html(ProgressImportPage.render(model, basics.pageContext(context, path: Site.Implementation.import())), status: status)
    }

    /// Every row checked against its measure (adopted, its indicators, its latest report), then all
    /// written in one transaction, or nothing.
    func importFile(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        try basics.require(.writeMeasures, context)
        let user = try basics.signedInUser(context)
        let form = try await request.form(context)
        var model = ProgressImportPage.Model()
        guard let file = form.files["file"], !file.isEmpty else {
            model.report = [ResultImport.LineError(line: 1, messageKey: "import.error.noFile")]
            return try await importPage(model, context, status: .unprocessableContent)
        }
        // The measures the file names, with what their rows are checked against.
        var query = MeasureQuery()
        query.states = Self.adopted
        query.limit = 1000
        var byCode: [String: Measure] = [:]
        while true {
            let page = try await service.measures.list(query)
            for measure in page { byCode[measure.code.uppercased()] = measure }
            guard page.count == query.limit, let last = page.last else { break }
            query.after = MeasureQuery.key(ofCode: last.code)
        }
        let named = Set((try? CSVTable.parse(file))?.rows.flatMap(\.cells).map { $0.trimmingWhitespace().uppercased() } ?? [])
        let routes = MeasureRoutes(basics: basics, service: service)
        var facts: [String: ImplementationFacts] = [:]
        for (code, measure) in byCode where named.contains(code) {
            guard basics.policy.allows(context.actor, .publishProgress, on: try await routes.implementationSubject(measure)) else { continue }
            facts[code] = try await routes.facts(measure)
        }
        switch ProgressImport.items(fromCSV: file, facts: { facts[$0.uppercased()] }) {
        case .failure(let report):
            model.report = report.lines
            return try await importPage(model, context, status: .unprocessableContent)
        case .success(let items):
            let imported = items.compactMap { item in
                byCode[item.code.uppercased()].map { ImportedProgress(measure: $0.id, report: item.report, value: item.value) }
            }
            let counts = try await service.implementation.importProgress(imported, author: user.id, at: .now)
            return .seeOther(Site.Implementation.import() + "?saved=\(counts.reports)-\(counts.values)")
        }
    }
}
