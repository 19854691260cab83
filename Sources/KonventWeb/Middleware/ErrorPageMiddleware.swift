import HTTPTypes
import Hummingbird
import KonventStorage
import KonventViews

/// Turns errors into pages in the visitor's language, with the right status and nothing saved.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = KonventRequestContext
    let basics: WebBasics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch WebError.throttled(let seconds, let action, let kept) {
            let minutes = max(1, (seconds + 59) / 60)
            let t = basics.catalog.translator(context.language)
            var response = keptForm(
                title: t("throttled.title"), message: t.count("throttled.text", minutes),
                action: action, kept: kept, status: .tooManyRequests, request, context)
            response.headers[HTTPField.Name("Retry-After")!] = String(seconds)
            return response
        } catch WebError.controlCharacters(let action, let kept) {
            let t = basics.catalog.translator(context.language)
            return keptForm(title: t("controlCharacters.title"), message: t("controlCharacters.text"), action: action, kept: kept,
                            status: .unprocessableContent, request, context)
        } catch let error as WebError {
            if case .denied(.signInRequired) = error, request.method == .get {
                let back = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
                return .seeOther(Site.Accounts.login(next: back))
            }
            return page(status: error.status, messageKey: error.messageKey, request, context)
        } catch StorageError.refused {
            return page(status: .conflict, messageKey: "error.409", request, context)
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            let key = switch error.status {
            case .notFound: "error.404"
            case .contentTooLarge: "error.413"
            case .methodNotAllowed: "error.405"
            default: "error.400"
            }
            return page(status: error.status, messageKey: key, request, context)
        } catch {
            context.logger.error("request failed", metadata: [
                "error": "\(databaseErrorDescription(error) ?? String(reflecting: error))", "path": "\(request.uri.path)"])
            return page(status: .internalServerError, messageKey: "error.500", request, context)
        }
    }

    func keptForm(
        title: String, message: String, action: String, kept: [KeptField], status: HTTPResponse.Status,
        _ request: Request, _ context: Context
    ) -> Response {
        let model = KeptFormPage.Model(title: title, message: message, action: action, fields: kept.map { ($0.name, $0.value, $0.isText) })
        return .html(KeptFormPage.render(model, basics.pageContext(context, path: request.uri.path)), status: status)
    }

    func page(status: HTTPResponse.Status, messageKey: String, _ request: Request, _ context: Context) -> Response {
        let pageContext = basics.pageContext(context, path: request.uri.path)
        let t = pageContext.t
        let model = MessagePage.Model(
            title: "\(t("error.title")) \(status.code)", paragraphs: [t(messageKey)], link: ("/", t("error.backHome")))
        return .html(MessagePage.render(model, pageContext), status: status)
    }
}
