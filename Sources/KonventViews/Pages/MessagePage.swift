/// A short page that tells the visitor what happened and where to go next (mail sent, link
/// expired, an error).
public enum MessagePage {
    public struct Model: Sendable {
        public var title: String
        public var paragraphs: [String]
        public var link: (href: String, label: String)?
        public init(title: String, paragraphs: [String], link: (href: String, label: String)? = nil) {
            self.title = title
            self.paragraphs = paragraphs
            self.link = link
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        Layout.page(title: model.title, context) {
            el("h1") { model.title }
            for paragraph in model.paragraphs { el("p") { paragraph } }
            if let link = model.link { el("p") { el("a", .href(link.href)) { link.label } } }
        }
    }
}

/// A page whose text comes from the region's configuration (Impressum, Datenschutz, …).
public enum ConfiguredPage {
    public static func render(title: String, body: String, _ context: PageContext) -> [UInt8] {
        Layout.page(title: title, context) {
            el("h1") { title }
            el("div", .class("prose")) { SafeMarkup.render(body) }
        }
    }
}
