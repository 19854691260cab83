import KonventDomain

/// The frame of every page: skip link, banner with navigation and language switch, the main
/// landmark with exactly one h1 (the page's own), and the footer with the legal pages.
public enum Layout {
    public static func page(title: String, _ context: PageContext, @NodeBuilder content: () -> Node) -> [UInt8] {
        let t = context.t
        return el("html", .lang(context.language.rawValue)) {
            el("head") {
                void("meta", Attribute("charset", "utf-8"))
                void("meta", .name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                el("title") { "\(title) – \(context.siteName)" }
                void("link", Attribute("rel", "stylesheet"), .href(Site.asset("app.css").query(["v": context.assetVersion])))
                void("link", Attribute("rel", "icon"), Attribute("type", "image/svg+xml"), .href(Site.asset("favicon.svg").query(["v": context.assetVersion])))
                el("script", Attribute("src", Site.asset("app.js").query(["v": context.assetVersion])), Attribute("defer", nil))
                for alternate in context.alternates {
                    void("link", Attribute("rel", "alternate"), Attribute("type", alternate.type), Attribute("title", alternate.title),
                         .href(alternate.href))
                }
            }
            el("body") {
                el("a", .class("skip-link"), .href("#main")) { t("layout.skipToContent") }
                banner(context)
                el("main", .id("main"), .tabindex(-1)) { content() }
                footer(context)
            }
        }.render(doctype: true)
    }

    /// The banner carries the navigation twice: in a row on a wide screen, and folded into a
    /// `details` menu on a phone, which opens without script. The stylesheet shows one of the two, so
    /// assistive technology meets each landmark once.
    static func banner(_ context: PageContext) -> Node {
        let t = context.t
        return el("header", .class("site-header")) {
            el("div", .class("site-header__inner")) {
                el("a", .class("site-name"), .href(Site.start())) {
                    el("span", .class("site-name__product")) { "Konvent" }
                    el("span", .class("site-name__region")) { context.siteName }
                }
                el("div", .class("site-nav site-nav--wide")) { navigation(context) }
                el("details", .class("site-menu")) {
                    el("summary", .class("site-menu__toggle")) { t("layout.nav.menu") }
                    el("div", .class("site-nav site-nav--menu")) { navigation(context) }
                }
                el("form", .class("site-search"), .role("search"), .method("get"), .action(Site.search()), .ariaLabel(t("search.title"))) {
                    el("label", .class("visually-hidden"), Attribute("for", "site-search-q")) { t("search.siteField") }
                    void("input", .type("search"), .id("site-search-q"), .name("q"), Attribute("placeholder", t("search.placeholder")))
                    el("button", .type("submit"), .class("button button--secondary")) { t("search.submit") }
                }
            }
        }
    }

    @NodeBuilder static func navigation(_ context: PageContext) -> Node {
        let t = context.t
        el("nav", .ariaLabel(t("layout.nav.main"))) {
            el("ul", .class("nav-list")) {
                el("li") { navLink(Site.start(), t("layout.nav.start"), context) }
                el("li") { navLink(Site.Contributions.list(), t("layout.nav.contributions"), context) }
                el("li") { navLink(Site.Formats.list(), t("layout.nav.formats"), context) }
                el("li") { navLink(Site.Measures.list(), t("layout.nav.measures"), context) }
                el("li") { navLink(Site.Sessions.list(), t("layout.nav.sessions"), context) }
                el("li") { navLink(Site.Masterplan.current(), t("layout.nav.masterplan"), context) }
                el("li") { navLink(Site.participation(), t("layout.nav.participation"), context) }
                if context.user?.mayReview == true {
                    el("li") { navLink(Site.Measures.desk(), t("layout.nav.review"), context) }
                }
                if context.user?.mayModerate == true {
                    el("li") { navLink(Site.Moderation.queue(), t("layout.nav.moderation"), context) }
                }
                if context.user?.mayAnalyse == true {
                    el("li") { navLink(Site.Analysis.page(), t("layout.nav.analysis"), context) }
                }
                if context.user?.mayAdminister == true {
                    el("li") { navLink(Site.Admin.index(), t("layout.nav.admin"), context) }
                }
            }
        }
        el("nav", .ariaLabel(t("layout.nav.account"))) {
            el("ul", .class("nav-list")) {
                if let user = context.user {
                    el("li") { navLink(Site.Accounts.account(), t("layout.nav.accountOf", ["name": user.displayName]), context) }
                    el("li") {
                        Forms.post(Site.Accounts.logout(), context, class: "inline-form") {
                            el("button", .type("submit"), .class("link-button")) { t("layout.nav.logout") }
                        }
                    }
                } else {
                    el("li") { navLink(Site.Accounts.login(), t("layout.nav.login"), context) }
                    el("li") { navLink(Site.Accounts.register(), t("layout.nav.register"), context) }
                }
                el("li") { languageSwitch(context) }
            }
        }
    }

    static func navLink(_ href: String, _ label: String, _ context: PageContext) -> Node {
        el("a", .href(href), context.path == href ? .ariaCurrent("page") : nil) { label }
    }

    /// Offers the other language, named in that language, as an ordinary link that works without script.
    static func languageSwitch(_ context: PageContext) -> Node {
        let other: Language = context.language == .de ? .en : .de
        let label = other == .de ? "Deutsch" : "English"
        return el(
            "a", .href(Site.language().query(["to": other.rawValue, "back": context.path])),
            .lang(other.rawValue), .hreflang(other.rawValue)
        ) { label }
    }

    static func footer(_ context: PageContext) -> Node {
        let t = context.t
        return el("footer", .class("site-footer")) {
            el("nav", .ariaLabel(t("layout.nav.legal"))) {
                el("ul", .class("nav-list")) {
                    for page in RegionConfiguration.requiredPages {
                        el("li") { navLink(Site.configuredPage(page), t("page.\(page)"), context) }
                    }
                    el("li") { navLink(Site.Announcements.archive(), t("announcements.title"), context) }
                    el("li") { navLink(Site.openData(), t("opendata.nav"), context) }
                }
            }
            el("p") { t("layout.footer.about") }
        }
    }

    /// A text with a break opportunity after each slash, so that "Chemnitz/Südwestsachsen" wraps
    /// at the slash on a phone instead of in the middle of a word.
    public static func breakable(_ text: String) -> Node {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return .text(text) }
        var nodes: [Node] = []
        for (index, part) in parts.enumerated() {
            nodes.append(.text(index < parts.count - 1 ? part + "/" : String(part)))
            if index < parts.count - 1 { nodes.append(.void("wbr", [])) }
        }
        return .fragment(nodes)
    }

    /// A wide table scrolls inside a region of its own on a narrow screen instead of the page; the
    /// region is named for screen readers and takes the focus, so that the keyboard scrolls it too.
    public static func scrolling(_ name: Attribute, @NodeBuilder _ table: () -> Node) -> Node {
        el("div", .class("table-scroll"), .role("region"), .tabindex(0), name) { table() }
    }

    /// How many items a list's filters match, "Mehr als 1.000 …" when the count stopped at its limit
    /// (`key` is a plural entry; `key.capped` takes the limit).
    public static func counted(_ total: Int, capped: Bool, _ key: String, _ t: Translator) -> String {
        capped ? t(key + ".capped", ["limit": t.number(total - 1)]) : t.count(key, total)
    }

    /// The number alone, "mehr als 1.000" where the count stopped at its limit.
    public static func countNumber(_ total: Int, capped: Bool, _ t: Translator) -> String {
        capped ? t("search.countCapped", ["limit": t.number(total - 1)]) : t.number(total)
    }

    /// Previous and next page of a list paged by key.
    static func pages(previous: String?, next: String?, _ t: Translator) -> Node {
        guard previous != nil || next != nil else { return .empty }
        return el("nav", .class("pager"), .ariaLabel(t("contributions.pages"))) {
            if let previous { el("a", .href(previous), Attribute("rel", "prev")) { t("pages.previous") } }
            if let next { el("a", .href(next), Attribute("rel", "next")) { t("pages.next") } }
        }
    }
}
