import Hummingbird
import KonventDocuments
import KonventDomain
import KonventStorage
import KonventViews

/// `/masterplan`: the document as the data make it now, its frozen versions and their exports; the
/// office writes the chapters, publishes versions and records the adoption.
struct MasterplanRoutes {
    let services: Services

    func add(to router: Router<KonventRequestContext>) {
        router.get("/masterplan") { request, context in
            let notice = request.uri.queryParameters.get("saved") == "1" ? services.catalog.translator(context.language)("masterplan.saved") : nil
            return try await page(nil, context, notice: notice)
        }
        router.get("/masterplan/{version}") { _, context in
            let raw = context.parameters.get("version") ?? ""
            guard let dot = raw.lastIndex(of: ".") else {
                guard let number = Int(raw) else { throw WebError.notFound }
                return try await page(number, context, notice: nil)
            }
            guard let format = MasterplanFormat(rawValue: String(raw[raw.index(after: dot)...])) else {
                throw WebError.unprocessable("masterplan.error.format")
            }
            let exported: [UInt8]?
            do {
                exported = try await services.exportMasterplan(version: String(raw[..<dot]), format: format, language: context.language)
            } catch PDFConverter.Failure.converterMissing {
                throw WebError.unavailable("masterplan.error.converter")
            }
            guard let bytes = exported else { throw WebError.notFound }
            var headers: HTTPFields = [.contentType: format.contentType, .cacheControl: "no-cache"]
            if format == .html {
                headers[.contentSecurityPolicy] = Services.masterplanFilePolicy
            } else {
                headers[.contentDisposition] = "attachment; filename=\"masterplan-\(raw)\""
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("/masterplan/chapters/{key}/edit") { _, context in
            try services.require(.editMasterplan, context)
            let key = try chapterKey(context)
            let stored = try await services.masterplan.chapters()[key]
            let t = services.catalog.translator(context.language)
            return chapterForm(.init(key: key, title: t("masterplan.chapter.\(key)"), text: stored?.text ?? "", version: stored?.version ?? 0), context)
        }
        router.post("/masterplan/chapters/{key}") { request, context in try await saveChapter(request, context) }
        router.post("/masterplan/publish") { _, context in
            try services.require(.editMasterplan, context)
            let user = try services.signedInUser(context)
            let t = services.catalog.translator(.de)
            let next = (try await services.masterplan.versions().first?.number ?? 0) + 1
            let date = t.date(iso: CalendarDate.iso(milliseconds: Timestamp.now.milliseconds))
            // A version is frozen in the language of the plan (German), as the bodies read it.
            let document = try await services.currentMasterplan(.de, status: t("masterplan.status.draft", ["number": String(next), "date": date]))
            let number = try await services.masterplan.publish(document, actor: user.id, at: .now)
            return Response.seeOther("/masterplan/\(number)")
        }
        router.post("/masterplan/{version}/adopt") { _, context in
            try services.require(.editMasterplan, context)
            let user = try services.signedInUser(context)
            guard let number = context.parameters.get("version").flatMap(Int.init), var document = try await services.masterplan.version(number)
            else { throw WebError.notFound }
            let t = services.catalog.translator(.de)
            document.status = t("masterplan.status.adopted", ["number": String(number),
                                                              "date": t.date(iso: CalendarDate.iso(milliseconds: Timestamp.now.milliseconds))])
            do {
                try await services.masterplan.adopt(number, document: document, actor: user.id, at: .now)
            } catch MasterplanRefusal.alreadyAdopted {
                throw WebError.conflict("masterplan.error.adopted")
            } catch MasterplanRefusal.unknownVersion {
                throw WebError.conflict("masterplan.error.notNewest")
            }
            return Response.seeOther("/masterplan/\(number)")
        }
    }

    func chapterKey(_ context: KonventRequestContext) throws -> String {
        guard let key = context.parameters.get("key"), MasterplanAssembler.writtenKeys.contains(key) else { throw WebError.notFound }
        return key
    }

    func page(_ number: Int?, _ context: KonventRequestContext, notice: String?) async throws -> Response {
        let document: MasterplanDocument
        if let number {
            guard let stored = try await services.masterplan.version(number) else { throw WebError.notFound }
            document = stored
        } else {
            document = try await services.currentMasterplan(context.language)
        }
        var model = MasterplanPage.Model(
            document: document, number: number,
            versions: try await services.masterplan.versions().map {
                .init(number: $0.number, date: CalendarDate.iso(milliseconds: $0.createdAt.milliseconds),
                      adopted: $0.adoptedAt.map { CalendarDate.iso(milliseconds: $0.milliseconds) })
            },
            mayEdit: services.policy.allows(context.actor, .editMasterplan))
        model.notice = notice
        return .html(MasterplanPage.render(model, services.pageContext(context, path: number.map { "/masterplan/\($0)" } ?? "/masterplan")))
    }

    func chapterForm(_ model: MasterplanChapterPage.Model, _ context: KonventRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        .html(MasterplanChapterPage.render(model, services.pageContext(context, path: "/masterplan/chapters/\(model.key)/edit")), status: status)
    }

    func saveChapter(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        var request = request
        try services.require(.editMasterplan, context)
        let user = try services.signedInUser(context)
        let key = try chapterKey(context)
        let form = try await request.form(context)
        let text = form.string("text").replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        let version = Int(form.string("version")) ?? -1
        let t = services.catalog.translator(context.language)
        var model = MasterplanChapterPage.Model(key: key, title: t("masterplan.chapter.\(key)"), text: text, version: version)
        guard text.count <= 100_000 else {
            model.errors = [FieldError(field: "text", messageKey: "error.masterplan.text")]
            return chapterForm(model, context, status: .unprocessableContent)
        }
        do {
            try await services.masterplan.saveChapter(key, text: text, expectedVersion: version, actor: user.id, at: .now)
        } catch MasterplanRefusal.stale(let current) {
            model.version = current
            model.notice = t("masterplan.stale")
            return chapterForm(model, context, status: .conflict)
        }
        return Response.seeOther("/masterplan?saved=1#\(key)")
    }
}
