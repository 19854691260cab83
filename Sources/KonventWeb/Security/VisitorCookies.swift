import HTTPTypes

/// The three cookies Konvent reads, found in one pass over the request's Cookie fields.
/// Hummingbird's `request.cookies` splits the header again on every lookup; on a public page
/// that cost a request with a cookie about a fifth more CPU than one without.
struct VisitorCookies: Equatable {
    var session: String?
    var csrf: String?
    var language: String?

    static let sessionName = "konvent_session"
    static let csrfName = "konvent_csrf"
    static let languageName = "konvent_lang"

    init(session: String? = nil, csrf: String? = nil, language: String? = nil) {
        self.session = session
        self.csrf = csrf
        self.language = language
    }

    /// The first value of each name counts (as with Hummingbird's lookup); other cookies are skipped.
    init(_ fields: HTTPFields) {
        for field in fields where field.name == .cookie {
            for pair in field.value.utf8.split(separator: UInt8(ascii: ";")) {
                guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
                let name = pair[..<equals].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                let value = { String(Substring(pair[pair.index(after: equals)...])) }
                if session == nil, name.elementsEqual(Self.sessionName.utf8) {
                    session = value()
                } else if csrf == nil, name.elementsEqual(Self.csrfName.utf8) {
                    csrf = value()
                } else if language == nil, name.elementsEqual(Self.languageName.utf8) {
                    language = value()
                }
            }
        }
    }
}
