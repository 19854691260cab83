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
        case .rateLimited: .tooManyRequests
        case .conflict: .conflict
        case .unprocessable: .unprocessableContent
        case .unavailable: .serviceUnavailable
        }
    }

    var messageKey: String {
        switch self {
        case .badRequest: "error.400"
        case .csrf: "error.403.csrf"
        case .denied(let reason): reason.catalogKey
        case .notFound: "error.404"
        case .tooLarge: "error.413"
        case .rateLimited: "error.429"
        case .conflict(let key), .unprocessable(let key), .unavailable(let key): key
        }
    }
}
