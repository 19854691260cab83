import Hummingbird
import KonventDomain
import KonventStorage
import NIOCore

/// Per-request state: the visitor's language, the signed-in user (if any), and the CSRF token that
/// this request's forms must carry.
public struct KonventRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var language = Language.default
    public var user: User?
    public var sessionToken: SecretToken?
    /// Made on first use (see `CSRFState`): pages without a form need none.
    var csrf: CSRFState?
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Forms are small; anything larger is refused with 413 before it is read further.
    public var maxUploadSize: Int { 256 * 1024 }

    /// Forms are small; file uploads (results as CSV) may be larger.
    func maxBodySize(contentType: String?) -> Int {
        contentType?.lowercased().hasPrefix("multipart/form-data") == true ? 2 * 1024 * 1024 : maxUploadSize
    }

    public var actor: Actor { user.map(Actor.init) ?? .anonymous }
}
