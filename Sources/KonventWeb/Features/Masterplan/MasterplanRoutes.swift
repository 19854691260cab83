import Hummingbird
import KonventDocuments
import KonventDomain
import KonventStorage
import KonventViews

/// `/masterplan`: the document as the data make it now, its frozen versions and their exports; the
/// office writes the chapters, publishes versions and records the adoption.
struct MasterplanRoutes {
    let basics: WebBasics
    let service: MasterplanService

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Masterplan.current.route) { request, context in
            let notice = request.uri.queryParameters.get("saved") == "1" ? basics.catalog.translator(context.language)("masterplan.saved") : nil
            return try await page(nil, request, context, notice: notice)
        }
        router.get(Site.Masterplan.report.route) { _, context in
            let (document, _) = try await service.keptStatusReport(context.language)
            return Response.html(ReportPage.render(document, map: basics.map, basics.pageContext(context, path: Site.Masterplan.report())))
        }
        for format in MasterplanFormat.allCases {
            router.get(Site.Masterplan.reportFile(format.rawValue).route) { _, context in
                let (document, version) = try await service.keptStatusReport(context.language)
                return try await file(document, version: version, format: format, name: "statusbericht", context,
                                      download: downloadName("download.report", context))
            }
        }
        for file in MeasureDataFile.allCases {
            router.get(Site.Masterplan.data(file.rawValue).route) { _, _ in
                Response(status: .ok, headers: [.contentType: file.contentType, .contentDisposition: "attachment; filename=\"\(file.rawValue)\""],
                         body: ResponseBody(byteBuffer: ByteBuffer(bytes: try await service.planFiles.value(
                             "data|\(file.rawValue)", version: try await service.planDataKey()
                         ) { try await service.measureData(file) }.value)))
            }
        }
        router.get(Site.Masterplan.compare.route) { request, context in try await compare(request, context) }
        router.get(Site.Masterplan.paragraph.route) { _, context in try await paragraph(context) }
        router.post(Site.Masterplan.paragraphComments.route) { request, context in try await comment(request, context) }
        router.post(Site.Masterplan.answer.route) { request, context in try await answer(request, context) }
        router.get(Site.Masterplan.commentsFile.route) { _, context in try await commentsCSV(context) }
        for format in MasterplanFormat.allCases {
            router.get(Site.Masterplan.file(format.rawValue).route) { _, context in
                let version = context.parameters.get("version") ?? ""
                guard let (document, kept) = try await service.keptMasterplan(version, language: context.language) else {
                    throw WebError.notFound
                }
                let name = version == "current" ? downloadName("download.draft", context)
                    : downloadName("download.version", context, ["number": version], dated: false)
                return try await file(document, version: kept, format: format, name: "masterplan-\(version)", context, download: name)
            }
        }
        router.get(Site.Masterplan.version.route) { request, context in
            let raw = context.parameters.get("version") ?? ""
            guard let number = Int(raw) else {
                throw raw.contains(".") ? WebError.unprocessable("masterplan.error.format") : WebError.notFound
            }
            return try await page(number, request, context, notice: nil)
        }
        router.get(Site.Masterplan.editChapter.route) { _, context in
            try basics.require(.editMasterplan, context)
            let key = try chapterKey(context)
            let stored = try await service.masterplan.chapters()[key]
            let t = basics.catalog.translator(context.language)
            return chapterForm(.init(key: key, title: t("masterplan.chapter.\(key)"), text: stored?.text ?? "", version: stored?.version ?? 0), context)
        }
        router.post(Site.Masterplan.chapter.route) { request, context in try await saveChapter(request, context) }
        router.post(Site.Masterplan.publish.route) { request, context in
            var request = request
            try basics.require(.editMasterplan, context)
            let user = try basics.signedInUser(context)
            let until = try await request.form(context).string("commentsUntil")
            var commentsUntil: Timestamp?
            if !until.isEmpty {
                // The whole of the last day, in the region's time.
                guard let end = LocalDateTime("\(until)T23:59").flatMap(basics.clock.utc), end > Timestamp.now.milliseconds else {
                    throw WebError.unprocessable("error.masterplan.commentsUntil")
                }
                commentsUntil = Timestamp(milliseconds: end + 59_999)
            }
            let t = basics.catalog.translator(.de)
            let next = (try await service.masterplan.versions().first?.number ?? 0) + 1
            let date = t.date(iso: CalendarDate.iso(milliseconds: Timestamp.now.milliseconds))
            // A version is frozen in the language of the plan (German), as the bodies read it.
            let document = try await service.currentMasterplan(.de, status: t("masterplan.status.draft", ["number": String(next), "date": date]))
            let number = try await service.masterplan.publish(document, commentsUntil: commentsUntil, actor: user.id, at: .now)
            return Response.seeOther(Site.Masterplan.version(number))
        }
        router.post(Site.Masterplan.adopt.route) { _, context in
            try basics.require(.editMasterplan, context)
            let user = try basics.signedInUser(context)
            guard let number = context.parameters.get("version").flatMap(Int.init), var document = try await service.masterplan.version(number)
            else { throw WebError.notFound }
            let t = basics.catalog.translator(.de)
            document.status = t("masterplan.status.adopted", ["number": String(number),
                                                              "date": t.date(iso: CalendarDate.iso(milliseconds: Timestamp.now.milliseconds))])
            do {
                try await service.masterplan.adopt(number, document: document, actor: user.id, at: .now)
            } catch MasterplanRefusal.alreadyAdopted {
                throw WebError.conflict("masterplan.error.adopted")
            } catch MasterplanRefusal.unknownVersion {
                throw WebError.conflict("masterplan.error.notNewest")
            }
            return Response.seeOther(Site.Masterplan.version(number))
        }
    }

    /// A document as a file: HTML to read in the browser (its own stylesheet allowed by hash), the
    /// others to download.
    func file(
        _ document: MasterplanDocument, version: String, format: MasterplanFormat, name: String, _ context: KonventRequestContext,
        download: String
    ) async throws -> Response {
        let bytes: [UInt8]
        do {
            bytes = try await service.exportKept(document, name: name, version: version, format: format, language: context.language)
        } catch PDFConverter.Failure.converterMissing {
            throw WebError.unavailable("masterplan.error.converter")
        }
        var headers: HTTPFields = [.contentType: format.contentType, .cacheControl: "no-cache"]
        if format == .html {
            headers[.contentSecurityPolicy] = MasterplanService.masterplanFilePolicy
        } else {
            headers[.contentDisposition] = attachmentDisposition("\(download).\(format.rawValue)")
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// What a download is called: what it is, for which region, and of which day, e.g.
    /// `Masterplan-Suedwestsachsen-Entwurf-2026-12-01` (the region's key names it in any language).
    func downloadName(_ key: String, _ context: KonventRequestContext, _ values: [String: String] = [:], dated: Bool = true) -> String {
        let t = basics.translator(context)
        let region = basics.region.key.prefix(1).uppercased() + basics.region.key.dropFirst()
        let day = basics.clock.local(Timestamp.now.milliseconds).isoDate
        return t(key, values.merging(["region": region]) { $1 }) + (dated ? "-\(day)" : "")
    }

    func chapterKey(_ context: KonventRequestContext) throws -> String {
        guard let key = context.parameters.get("key"), MasterplanAssembler.writtenKeys.contains(key) else { throw WebError.notFound }
        return key
    }

    func page(_ number: Int?, _ request: Request, _ context: KonventRequestContext, notice: String?) async throws -> Response {
        guard let (document, kept) = try await service.keptMasterplan(number.map(String.init) ?? "current", language: context.language)
        else { throw WebError.notFound }
        let versions = try await service.masterplan.versions()
        var model = MasterplanPage.Model(
            document: document, number: number,
            versions: versions.map {
                .init(number: $0.number, date: CalendarDate.iso(milliseconds: $0.createdAt.milliseconds),
                      adopted: $0.adoptedAt.map { CalendarDate.iso(milliseconds: $0.milliseconds) })
            },
            mayEdit: basics.policy.allows(context.actor, .editMasterplan))
        // Only people signed in see a notice, so that the page visitors share never carries one.
        model.notice = context.user == nil ? nil : notice
        model.map = basics.map
        if let number, let version = versions.first(where: { $0.number == number }) {
            model.comments = Dictionary(grouping: try await service.masterplan.comments(version: number), by: \.paragraph)
            model.takesComments = version.takesComments(at: .now)
            model.commentsUntil = version.commentsUntil.map { CalendarDate.iso(milliseconds: $0.milliseconds) }
        }
        // Rendering a plan of hundreds of measures is the expensive part: visitors share it while the
        // plan, its comments and whether they are open stay the same.
        let variant = "\(kept)|\(model.comments.values.reduce(0) { $0 + $1.count })|\(model.takesComments)"
        return basics.cachedForVisitors(variant, request, context) {
            MasterplanPage.render(model, basics.pageContext(
                context, path: number.map { Site.Masterplan.version($0) } ?? Site.Masterplan.current(),
                alternates: [.atom(basics.translator(context)("feed.alternate.masterplan"), Site.Feeds.masterplan())]))
        }
    }

    func chapterForm(_ model: MasterplanChapterPage.Model, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        .html(MasterplanChapterPage.render(model, basics.pageContext(context, path: Site.Masterplan.editChapter(model.key))), status: status)
    }

    func saveChapter(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        try basics.require(.editMasterplan, context)
        let user = try basics.signedInUser(context)
        let key = try chapterKey(context)
        let form = try await request.form(context)
        let text = form.string("text").replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        let version = Int(form.string("version")) ?? -1
        let t = basics.catalog.translator(context.language)
        var model = MasterplanChapterPage.Model(key: key, title: t("masterplan.chapter.\(key)"), text: text, version: version)
        guard text.count <= 100_000 else {
            model.errors = [FieldError(field: "text", messageKey: "error.masterplan.text")]
            return chapterForm(model, context, status: .unprocessableContent)
        }
        do {
            try await service.masterplan.saveChapter(key, text: text, expectedVersion: version, actor: user.id, at: .now)
        } catch MasterplanRefusal.stale(let current) {
            model.version = current
            model.notice = t("masterplan.stale")
            return chapterForm(model, context, status: .conflict)
        }
        return Response.seeOther(Site.Masterplan.current() + "?saved=1#\(key)")
    }

    /// The version and paragraph named in the path, with the chapter the paragraph stands in.
    func paragraphContext(_ context: KonventRequestContext) async throws
        -> (number: Int, version: MasterplanVersion, paragraph: (id: String, text: String), chapter: String) {
        guard let number = context.parameters.get("version").flatMap(Int.init), let id = context.parameters.get("paragraph"),
              let document = try await service.masterplanDocument(String(number), language: .de),
              let version = try await service.masterplan.versions().first(where: { $0.number == number }),
              let (chapter, text) = document.chapters.lazy.compactMap({ chapter in
                  chapter.blocks.lazy.compactMap { block -> (String, String)? in
                      if case .paragraph(id, let text) = block { return (chapter.title, text) }
                      return nil
                  }.first
              }).first
        else { throw WebError.notFound }
        return (number, version, (id, text), chapter)
    }

    func paragraphPage(
        _ context: KonventRequestContext, status: HTTPResponse.Status = .ok, adjust: (inout MasterplanParagraphPage.Model) -> Void = { _ in }
    ) async throws -> Response {
        let (number, version, paragraph, chapter) = try await paragraphContext(context)
        var model = MasterplanParagraphPage.Model(
            version: number, paragraph: paragraph, chapterTitle: chapter,
            comments: try await service.masterplan.comments(version: number).filter { $0.paragraph == paragraph.id },
            mayComment: basics.policy.allows(context.actor, .comment), mayAnswer: basics.policy.allows(context.actor, .editMasterplan),
            takesComments: version.takesComments(at: .now))
        adjust(&model)
        return .html(MasterplanParagraphPage.render(model, basics.pageContext(context, path: Site.Masterplan.paragraph(number, paragraph.id))),
                     status: status)
    }

    func paragraph(_ context: KonventRequestContext) async throws -> Response { try await paragraphPage(context) }

    func comment(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        try basics.require(.comment, context)
        let user = try basics.signedInUser(context)
        let (number, _, paragraph, _) = try await paragraphContext(context)
        let form = try await request.form(context)
        try await basics.throttle.check(.comment, user, request, form: form, textFields: ["body"])
        let body = form.string("body").replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        guard (3...5000).contains(body.count) else {
            return try await paragraphPage(context, status: .unprocessableContent) {
                $0.body = body
                $0.errors = [FieldError(field: "body", messageKey: "error.masterplan.comment")]
            }
        }
        do {
            _ = try await service.masterplan.addComment(version: number, paragraph: paragraph.id, body: body, author: user.id, at: .now)
        } catch MasterplanRefusal.commentsClosed {
            throw WebError.conflict("masterplan.error.commentsClosed")
        }
        return Response.seeOther(Site.Masterplan.paragraph(number, paragraph.id) + "#comments-title")
    }

    func answer(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        try basics.require(.editMasterplan, context)
        let user = try basics.signedInUser(context)
        guard let id = context.parameters.get("comment").flatMap(Int64.init) else { throw WebError.notFound }
        let form = try await request.form(context)
        let text = form.string("answer-\(id)").replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        guard let resolution = PlanComment.Resolution(rawValue: form.string("resolution-\(id)")), text.count <= 5000 else {
            throw WebError.unprocessable("error.masterplan.answer")
        }
        do {
            try await service.masterplan.answer(id, resolution: resolution, answer: text, actor: user.id, at: .now)
        } catch MasterplanRefusal.unknownComment {
            throw WebError.notFound
        }
        let comment = try await service.masterplan.comment(id)
        return Response.seeOther(comment.map { Site.Masterplan.paragraph($0.version, $0.paragraph) + "#comment-\(id)" } ?? Site.Masterplan.current())
    }

    func compare(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        func load(_ version: String?) async throws -> (String, MasterplanDocument) {
            // Versions are frozen in German; the draft is compared in the same language.
            let name = version ?? "current"
            guard let document = try await service.masterplanDocument(name, language: .de) else { throw WebError.notFound }
            return (name, document)
        }
        let (fromName, from) = try await load(request.uri.queryParameters.get("from"))
        let (toName, to) = try await load(request.uri.queryParameters.get("to"))
        let model = MasterplanComparePage.Model(from: fromName, to: toName, chapters: MasterplanComparison.chapters(from: from, to: to))
        return .html(MasterplanComparePage.render(model, basics.pageContext(context, path: Site.Masterplan.compare())))
    }

    /// The comment period's results: each comment with its paragraph, answer and resolution.
    func commentsCSV(_ context: KonventRequestContext) async throws -> Response {
        guard let number = context.parameters.get("version").flatMap(Int.init),
              let document = try await service.masterplanDocument(String(number), language: .de)
        else { throw WebError.notFound }
        // In German, like the version it belongs to.
        let t = basics.catalog.translator(.de)
        let texts = Dictionary(document.paragraphs.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        var rows = [["paragraph", "paragraphText", "comment", "date", "resolution", "answer"].map { t("masterplan.csv.\($0)") }]
        for comment in try await service.masterplan.comments(version: number) {
            rows.append([comment.paragraph, texts[comment.paragraph] ?? "", comment.body, CalendarDate.iso(milliseconds: comment.createdAt),
                         comment.resolution.map { t($0.catalogKey) } ?? "", comment.answer ?? ""])
        }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"masterplan-\(number)-kommentare.csv\""],
                         body: ResponseBody(byteBuffer: ByteBuffer(bytes: CSVTable.file(rows))))
    }
}
