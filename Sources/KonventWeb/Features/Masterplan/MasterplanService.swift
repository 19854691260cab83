import Crypto
import Foundation
import KonventDocuments
import KonventDomain
import KonventStorage
import KonventViews
import NIOPosix

/// What a masterplan export can be.
public enum MasterplanFormat: String, CaseIterable, Sendable {
    case html, odt, docx, pdf

    public var contentType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .pdf: "application/pdf"
        }
    }
}

/// The masterplan and the status report: assembled from the data, kept while their data stay the
/// same, exported in every format.
struct MasterplanService: Sendable {
    let masterplan: MasterplanStore
    let measures: any MeasureStore
    let implementation: any ImplementationStore
    let reviews: any ReviewStore
    let figures: FiguresKeeper
    let calendar: ReviewCalendar
    let keys: DataKeys
    let catalog: Catalog
    let region: RegionConfiguration
    let map: ProjectedMap?
    let mails: Mails
    /// Assembling a plan of hundreds of measures takes a good part of a second, so readers share
    /// one while its data stay the same; the files likewise.
    let planDocuments = VersionedCache<MasterplanDocument>(limit: 16)
    let planFiles = VersionedCache<[UInt8]>(limit: 32)

    /// A frozen version, as stored.
    func masterplan(version number: Int) async throws -> MasterplanDocument? { try await masterplan.version(number) }

    /// The masterplan as the data make it now (at most a minute old, or fresh with a `status` of its
    /// own, as publishing gives it), with the office's chapters, in `language`.
    func currentMasterplan(_ language: Language, status: String? = nil) async throws -> MasterplanDocument {
        guard status == nil else { return try await assembleMasterplan(language, status: status) }
        return try await keptCurrent(language).value
    }

    func keptCurrent(_ language: Language) async throws -> (value: MasterplanDocument, version: String) {
        let version = try await planDataKey()
        let (document, _) = try await planDocuments.value("current|\(language.rawValue)", version: version) {
            try await self.assembleMasterplan(language, status: nil)
        }
        return (document, version)
    }

    /// What the plan and the status report are made of: the office's and the bodies' data as they are,
    /// the participation figures as last counted, and the day (both print it).
    func planDataKey() async throws -> String {
        let figures = try await figures.kept().generation
        let data = try await keys.keyWithDay([.accounts, .formats, .measures, .sessions, .masterplan, .settings])
        return "\(data)|figures=\(figures)"
    }

    func assembleMasterplan(_ language: Language, status: String?) async throws -> MasterplanDocument {
        let t = catalog.translator(language)
        let figures = try await self.figures.kept().value
        let assembler = MasterplanAssembler(region: region, language: language) { key, arguments in t(key, arguments) }
        let planned = try await masterplan.plannedMeasures()
        return assembler.document(
            written: try await masterplan.chapters().mapValues(\.text), measures: planned,
            figures: Self.planFigures(figures),
            status: status ?? t("masterplan.status.current", ["date": t.date(iso: CalendarDate.iso(milliseconds: Timestamp.now.milliseconds))]),
            monitoring: try await implementationFigures(planned.filter { $0.measure.state.isAdopted }))
    }

    /// A version ("current" or its number) in a format; nil when there is no such version.
    func exportMasterplan(version: String, format: MasterplanFormat, language: Language) async throws -> [UInt8]? {
        guard let document = try await masterplanDocument(version, language: language) else { return nil }
        return try await export(document, format: format, language: language)
    }

    /// A document as a file, kept under `name` (its version or "report") with its format and language
    /// while `version` (what the document was made of) stays the same.
    func exportKept(
        _ document: MasterplanDocument, name: String, version: String, format: MasterplanFormat, language: Language
    ) async throws -> [UInt8] {
        try await planFiles.value("\(name)|\(format.rawValue)|\(language.rawValue)", version: version) {
            try await self.export(document, format: format, language: language)
        }.value
    }

    /// "current" (made from today's data, in `language`) or a published version's number; nil when there is none.
    func masterplanDocument(_ version: String, language: Language) async throws -> MasterplanDocument? {
        try await keptMasterplan(version, language: language)?.value
    }

    /// The same, with a version of what is kept that changes whenever it is made anew (for page caches).
    func keptMasterplan(_ version: String, language: Language) async throws -> (value: MasterplanDocument, version: String)? {
        if version == "current" { return try await keptCurrent(language) }
        guard let number = Int(version), try await masterplan.versions().contains(where: { $0.number == number }) else { return nil }
        // A published version is frozen; what changes around it (adoption, comments) is the plan's area.
        let version = try await keys.key([.masterplan])
        let (document, _) = try await planDocuments.value("version|\(number)", version: version) {
            guard let document = try await self.masterplan.version(number) else { throw MasterplanRefusal.unknownVersion }
            return document
        }
        return (document, "version|\(number)|\(version)")
    }

    /// A document (the plan or the status report) in a format.
    func export(_ document: MasterplanDocument, format: MasterplanFormat, language: Language) async throws -> [UInt8] {
        let t = catalog.translator(language)
        let contents = t("masterplan.contents")
        let labels = DocumentLabels(contents: contents, language: language, page: t("document.page"), of: t("document.of"))
        switch format {
        case .html: return MasterplanHTML.file(document, map: map, contents: contents, language: language)
        case .odt: return ODTWriter.document(document, labels: labels, map: map)
        case .docx: return DOCXWriter.document(document, labels: labels, map: map)
        case .pdf:
            let map = self.map
            // LibreOffice takes seconds, and waiting for it blocks a thread: on NIO's pool for blocking
            // work, not on one of the few threads that run every request's tasks.
            return try await NIOThreadPool.singleton.runIfActive {
                try PDFConverter().pdf(chapters: document.chapters.map(\.title)) { pages in
                    ODTWriter.document(document, labels: labels, map: map, pages: pages)
                }
            }
        }
    }

    /// The status report's document, made anew when its data changed, and its version.
    func keptStatusReport(_ language: Language) async throws -> (document: MasterplanDocument, version: String) {
        let version = try await planDataKey()
        let (document, _) = try await planDocuments.value("report|\(language.rawValue)", version: version) {
            try await self.statusReport(language).document
        }
        return (document, version)
    }

    /// What the report's implementation chapter and the plan's monitoring count, for these measures.
    func implementationFigures(_ planned: [PlannedMeasure]) async throws -> ImplementationFigures {
        let adopted = planned.map(\.measure.id)
        var figures = ImplementationFigures()
        figures.approvedFunding = try await implementation.securedFunding(of: adopted)
        figures.overdueMilestones = try await implementation.overdueMilestones(
            of: adopted, today: CalendarDate.iso(milliseconds: Timestamp.now.milliseconds))
        figures.indicatorEnds = try await implementation.indicatorEnds(of: adopted)
        return figures
    }

    /// The status report for the cabinet as the data are now.
    func statusReport(_ language: Language) async throws -> (document: MasterplanDocument, figures: StatusFigures) {
        let t = catalog.translator(language)
        let figures = try await self.figures.kept().value
        let pipeline = try await calendar.pipelineByField()
        var overdue: [String: Int] = [:]
        let late = try await reviews.overdue(review: region.review, now: Timestamp.now.milliseconds, limit: 10_000)
        let fields = try await measures.fields(of: late.map(\.id))
        for measure in late { if let field = fields[measure.id] { overdue[field, default: 0] += 1 } }
        let now = Timestamp.now.milliseconds
        var data = StatusFigures(
            figures: Self.planFigures(figures),
            pipeline: pipeline, planned: try await masterplan.plannedMeasures(), overdue: overdue, deadline: region.process.deadline,
            daysToDeadline: calendar.daysToDeadline(now: now))
        data.implementation = try await implementationFigures(data.planned)
        let assembler = StatusReportAssembler(plan: MasterplanAssembler(region: region, language: language) { key, arguments in t(key, arguments) })
        let status = t("report.status", ["date": t.date(iso: CalendarDate.iso(milliseconds: now))])
        return (assembler.document(data, status: status), data)
    }

    /// The policy for a served HTML export: nothing but its own stylesheet, allowed by its hash.
    static let masterplanFilePolicy: String = {
        let digest = SHA256.hash(data: Array(MasterplanHTML.stylesheet.description.utf8))
        return "default-src 'none'; style-src 'sha256-\(Data(digest).base64EncodedString())'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'"
    }()

    /// The participation figures as the plan and the report print them.
    static func planFigures(_ figures: ParticipationFigures) -> PlanFigures {
        var plan = PlanFigures(formats: figures.totalFormats, contributions: figures.totalContributions, supports: figures.totalSupports,
                               comments: figures.totalComments, takenUp: figures.takenUp, byDistrict: figures.contributionsByDistrict,
                               byField: figures.contributionsByField)
        plan.formatsByField = figures.formatsByField
        return plan
    }
}
