import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// Reports from everyone; the office's queue, status changes with public reasons, merging, hiding
/// comments; and authors' own edits and deletions of their comments.
struct ModerationRoutes {
    let basics: WebBasics
    let service: ParticipationService
    static let reasonLength = 3...500

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Moderation.queue.route) { _, context in try await queue(context, notice: nil) }
        router.post(Site.Moderation.dismissReport.route) { _, context in
            try basics.require(.moderate, context)
            guard let report = context.parameters.get("report").flatMap(Int64.init) else { throw WebError.notFound }
            do { try await service.moderation.dismissReport(report, actor: try basics.signedInUser(context).id, at: .now) } catch StorageError.notFound {
                throw WebError.notFound
            }
            return Response.seeOther(Site.Moderation.queue())
        }
        router.post(Site.Moderation.premoderation.route) { request, context in
            var request = request
            try basics.require(.moderate, context)
            let enabled = try await request.form(context).string("enabled") == "1"
            try await service.settings.set("premoderation", to: enabled ? "on" : "off", actor: try basics.signedInUser(context).id, at: .now)
            return Response.seeOther(Site.Moderation.queue())
        }
        router.post(Site.Contributions.report.route) { request, context in try await report(request, context) }
        router.post(Site.Contributions.status.route) { request, context in try await changeStatus(request, context) }
        router.post(Site.Contributions.merge.route) { request, context in try await merge(request, context) }
        router.post(Site.Contributions.hideComment.route) { request, context in try await hideComment(request, context) }
        router.post(Site.Contributions.editComment.route) { request, context in try await editComment(request, context) }
        router.post(Site.Contributions.deleteComment.route) { _, context in
            try basics.require(.comment, context)
            let comment = try commentID(context)
            let user = try basics.signedInUser(context)
            do {
                let contribution = try await service.moderation.deleteComment(comment, author: user.id, at: .now)
                return Response.seeOther(Site.Contributions.page(contribution) + "#comment-\(comment)")
            } catch StorageError.notFound {
                throw WebError.denied(.notOwner)
            }
        }
    }

    var contributions: ContributionRoutes { ContributionRoutes(basics: basics, service: service) }

    func commentID(_ context: KonventRequestContext) throws -> Comment.ID {
        guard let id = context.parameters.get("id").flatMap(Comment.ID.init) else { throw WebError.notFound }
        return id
    }

    func queue(_ context: KonventRequestContext, notice: String?, errors: [FieldError] = [], status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        try basics.require(.moderate, context)
        let reports = try await service.moderation.openReports(limit: 200).map { report in
            ModerationPage.Report(
                id: report.id, contributionID: report.contributionID.rawValue, contributionTitle: report.contributionTitle,
                commentID: report.commentID?.rawValue, commentBody: report.commentBody, reason: report.reason,
                reporterName: report.reporterName, date: CalendarDate.iso(milliseconds: report.createdAt.milliseconds))
        }
        var model = ModerationPage.Model(
            region: basics.region, premoderation: try await contributions.premoderation(),
            awaiting: try await service.moderation.awaitingModeration(limit: 200), reports: reports, notice: notice)
        model.errors = errors
        return Response.html(ModerationPage.render(model, basics.pageContext(context, path: Site.Moderation.queue())), status: status)
    }

    /// Back to the queue when the step came from there, else to the contribution's page.
    func refuse(_ form: FormData, _ id: ContributionID, _ error: FieldError, _ context: KonventRequestContext) async throws -> Response {
        if form.string("back") == Site.Moderation.queue() {
            return try await queue(context, notice: nil, errors: [error], status: .unprocessableContent)
        }
        return try await contributions.detail(id, context, errors: [error], status: .unprocessableContent)
    }

    func reason(_ text: String) -> String? {
        let reason = text.trimmingWhitespace()
        return Self.reasonLength.contains(reason.count) && !reason.contains(where: \.isNewline) ? reason : nil
    }

    func report(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let id = try contributions.contributionID(context)
        let (user, form) = try await basics.posted(.report, request, context)
        let comment = form["comment"].flatMap(Comment.ID.init)
        try await basics.throttle.check(.report, user, request, form: form, textFields: [comment.map { "report-\($0)" } ?? "report"])
        let text = form.string(comment.map { "report-\($0)" } ?? "report").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
        guard let reason = reason(String(text.prefix(600))) else {
            return try await contributions.detail(id, context, errors: [FieldError(field: "report", messageKey: "report.error.reason")],
                                                  status: .unprocessableContent)
        }
        do {
            try await service.moderation.report(id, comment: comment, by: user.id, reason: reason, at: .now)
        } catch StorageError.notFound {
            throw WebError.notFound
        } catch StorageError.duplicate {
            throw WebError.conflict("report.error.duplicate")
        }
        return Response.seeOther(Site.Contributions.page(id) + "?reported=1")
    }

    func changeStatus(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let id = try contributions.contributionID(context)
        let (user, form) = try await basics.posted(.moderate, request, context)
        guard let status = Contribution.Status(rawValue: form.string("status")) else {
            return try await refuse(form, id, FieldError(field: "status", messageKey: "moderation.error.status"), context)
        }
        let given = reason(form.string("reason"))
        if status.needsReason && given == nil {
            return try await refuse(form, id, FieldError(field: "reason", messageKey: "moderation.error.reason"), context)
        }
        do {
            try await service.moderation.changeStatus(id, to: status, reason: given, actor: user.id, at: .now)
        } catch StorageError.notFound {
            throw WebError.notFound
        } catch ModerationRefusal.transition {
            return try await refuse(form, id, FieldError(field: "status", messageKey: "moderation.error.transition"), context)
        }
        return Response.seeOther(form.string("back") == Site.Moderation.queue() ? Site.Moderation.queue() : Site.Contributions.page(id))
    }

    func merge(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let id = try contributions.contributionID(context)
        let (user, form) = try await basics.posted(.moderate, request, context)
        guard let survivor = ContributionID(form.string("into").trimmingWhitespace()) else {
            return try await refuse(form, id, FieldError(field: "into", messageKey: "moderation.error.mergeTarget"), context)
        }
        let text = form.string("mergeReason").trimmingWhitespace()
        let given = text.isEmpty ? nil : reason(text)
        if !text.isEmpty && given == nil {
            return try await refuse(form, id, FieldError(field: "mergeReason", messageKey: "moderation.error.reason"), context)
        }
        do {
            try await service.moderation.merge(id, into: survivor, reason: given, actor: user.id, at: .now)
        } catch StorageError.notFound {
            return try await refuse(form, id, FieldError(field: "into", messageKey: "moderation.error.mergeTarget"), context)
        } catch ModerationRefusal.merge {
            return try await refuse(form, id, FieldError(field: "into", messageKey: "moderation.error.merge"), context)
        }
        return Response.seeOther(Site.Contributions.page(survivor))
    }

    func hideComment(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let comment = try commentID(context)
        let (user, form) = try await basics.posted(.moderate, request, context)
        guard let reason = reason(form.string("reason-\(comment)")) else {
            let error = FieldError(field: "reason-\(comment)", messageKey: "moderation.error.reason")
            if form.string("back") == Site.Moderation.queue() { return try await queue(context, notice: nil, errors: [error], status: .unprocessableContent) }
            throw WebError.unprocessable("moderation.error.reason")
        }
        do {
            let contribution = try await service.moderation.hideComment(comment, reason: reason, actor: user.id, at: .now)
            return Response.seeOther(form.string("back") == Site.Moderation.queue() ? Site.Moderation.queue() : Site.Contributions.page(contribution) + "#comment-\(comment)")
        } catch StorageError.notFound {
            throw WebError.notFound
        }
    }

    func editComment(_ request: Request, _ context: KonventRequestContext) async throws -> Response {
        let comment = try commentID(context)
        let (user, form) = try await basics.posted(.comment, request, context)
        let body = form.string("body-\(comment)").replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        guard ContributionRoutes.commentLength.contains(body.count) else {
            throw WebError.unprocessable(body.count < ContributionRoutes.commentLength.lowerBound ? "error.comment.short" : "error.comment.long")
        }
        do {
            let contribution = try await service.moderation.editComment(
                comment, body: body, author: user.id, window: ContributionRoutes.editWindow, at: .now)
            return Response.seeOther(Site.Contributions.page(contribution) + "#comment-\(comment)")
        } catch StorageError.notFound {
            throw WebError.denied(.notOwner)
        } catch ModerationRefusal.tooLate {
            throw WebError.conflict("contribution.comment.tooLate")
        }
    }
}
