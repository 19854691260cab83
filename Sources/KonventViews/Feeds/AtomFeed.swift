import Foundation
import KonventDomain

/// An Atom feed (RFC 4287): what came in or was sent, newest first, for feed readers and for people
/// who reuse the data. Every text is escaped per byte; times are RFC 3339 in UTC.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var title: String
        /// Milliseconds since 1970.
        public var updated: Int64
        public var link: String
        public var summary: String
        public var category: String?

        public init(id: String, title: String, updated: Int64, link: String, summary: String, category: String? = nil) {
            self.id = id
            self.title = title
            self.updated = updated
            self.link = link
            self.summary = summary
            self.category = category
        }
    }

    public var id: String
    public var title: String
    public var subtitle: String
    public var selfLink: String
    public var htmlLink: String
    public var author: String
    public var language: String
    public var entries: [Entry]
    /// The licence and attribution (`<rights>`), when the feed is open data.
    public var rights: String?

    public init(id: String, title: String, subtitle: String, selfLink: String, htmlLink: String, author: String,
                language: String, entries: [Entry]) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.selfLink = selfLink
        self.htmlLink = htmlLink
        self.author = author
        self.language = language
        self.entries = entries
    }

    public static let contentType = "application/atom+xml; charset=utf-8"

    /// RFC 3339 in UTC, to the second.
    public static func time(_ milliseconds: Int64) -> String {
        let days = Int64(floor(Double(milliseconds) / 86_400_000))
        let seconds = Int((milliseconds - days * 86_400_000) / 1000)
        return "\(CalendarDate.iso(milliseconds: milliseconds))T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))Z"
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    public func xml() -> [UInt8] {
        var out = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".utf8)
        func element(_ name: String, _ text: String, attributes: String = "") {
            out += Array("<\(name)\(attributes)>".utf8)
            HTMLEscaping.escape(text, into: &out)
            out += Array("</\(name)>\n".utf8)
        }
        func link(_ rel: String, _ href: String, type: String) {
            out += Array("<link rel=\"\(rel)\" type=\"\(type)\" href=\"".utf8)
            HTMLEscaping.escape(href, into: &out)
            out += Array("\"/>\n".utf8)
        }
        out += Array("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language)\">\n".utf8)
        element("id", id)
        element("title", title)
        element("subtitle", subtitle)
        element("updated", Self.time(entries.map(\.updated).max() ?? 0))
        if let rights { element("rights", rights) }
        link("self", selfLink, type: "application/atom+xml")
        link("alternate", htmlLink, type: "text/html")
        out += Array("<author>".utf8)
        element("name", author)
        out += Array("</author>\n".utf8)
        for entry in entries {
            out += Array("<entry>\n".utf8)
            element("id", entry.id)
            element("title", entry.title)
            element("updated", Self.time(entry.updated))
            link("alternate", entry.link, type: "text/html")
            if let category = entry.category {
                out += Array("<category term=\"".utf8)
                HTMLEscaping.escape(category, into: &out)
                out += Array("\"/>\n".utf8)
            }
            element("summary", entry.summary, attributes: " type=\"text\"")
            out += Array("</entry>\n".utf8)
        }
        out += Array("</feed>\n".utf8)
        return out
    }
}
