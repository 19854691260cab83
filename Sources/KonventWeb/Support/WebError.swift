import HTTPTypes
import KonventDomain

/// The errors a request can end in, each with its status and the catalog key of its explanation.
/// This is the one place where failures become HTTP statuses.
public enum WebError: Error, Sendable, Equatable {
    case badRequest
    case csrf
    case denied(DenialReason)
    case notFound
    case tooLarge
    case rateLimited
    /// One account wrote faster than a person does: nothing saved, the sent fields go back to it.
    case throttled(retryAfterSeconds: Int, action: String, kept: [KeptField])
    /// A field held control characters other than line breaks and tabs: the form goes back cleaned.
    case controlCharacters(action: String, kept: [KeptField])
    /// The request clashes with the current state (registered already, full); the key explains it.
    case conflict(String)
    /// The input cannot be used; the key explains why.
    case unprocessable(String)
    /// Something the server needs is missing (a converter, say); the key explains what.
    case unavailable(String)

    var status: HTTPResponse.Status {
        switch self {
        case .badRequest: .badRequest
        case .csrf, .denied: .forbidden
        case .notFound: .notFound
        case .tooLarge: .contentTooLarge
        case .rateLimited, .throttled: .tooManyRequests
        case .conflict: .conflict
        case .unprocessable, .controlCharacters: .unprocessableContent
        case .unavailable: .serviceUnavailable
        }
    }

    var messageKey: String {
        switch self {
        case .badRequest: "error.400"
        case .controlCharacters: "controlCharacters.text"
        case .csrf: "error.403.csrf"
        case .denied(let reason): reason.catalogKey
        case .notFound: "error.404"
        case .tooLarge: "error.413"
        case .rateLimited, .throttled: "error.429"
        case .conflict(let key), .unprocessable(let key), .unavailable(let key): key
        }
    }
}

/// A field of a form as it was sent, kept for the page that gives it back.
public struct KeptField: Sendable, Equatable {
    public var name: String
    public var value: String
    /// Typed text (shown to edit and copy) rather than a choice (sent back hidden).
    public var isText: Bool

    /// Without a form's own list of its text fields: what has spaces or line breaks or is long was typed.
    static func looksTyped(_ name: String, _ value: String) -> Bool {
        ["title", "text", "body", "comment", "report"].contains(name) || name.hasPrefix("reply-") || name.hasPrefix("report-")
            || value.contains(" ") || value.contains("\n") || value.count > 40
    }
}
