import KonventDomain

/// The masterplan's chapters as HTML, for the site's page and for the standalone file to read and
/// print (a table of contents, a page break before each chapter, every paragraph addressable).
public enum MasterplanHTML {
    /// Inside the exported file, which must work when saved; the route serving it allows exactly
    /// this style by its hash.
    public static let stylesheet: StaticString = """
        body{font-family:"Liberation Sans",Arial,sans-serif;line-height:1.5;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}\
        h1{font-size:2rem}h2{font-size:1.5rem;margin-top:2.5rem}h3{font-size:1.15rem;margin-top:1.5rem}h1,h2,h3{overflow-wrap:break-word;hyphens:auto}\
        table{border-collapse:collapse;margin:0.5rem 0 1rem}caption{text-align:left;font-style:italic}\
        th,td{border-bottom:1px solid #999;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}.numeric{text-align:right}\
        dl{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:0.2rem 1rem}dt{font-weight:bold}\
        dd{margin:0}dt,dd{overflow-wrap:anywhere}.table-scroll{overflow-x:auto;max-width:100%}\
        @media (max-width:36rem){dl{grid-template-columns:minmax(0,1fr)}dd{margin-bottom:0.4rem}}\
        .attribution{font-size:0.9rem;color:#4a5260;margin-top:3rem}figure{margin:1rem 0}svg{max-width:100%;height:auto}\
        .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:0.25rem 1rem}\
        figcaption{font-style:italic}nav li a{display:inline-block;padding:0.65rem 0}\
        @media print{body{max-width:none;margin:0}section.chapter{break-before:page}nav a{color:inherit;text-decoration:none}}
        """

    /// The standalone file.
    public static func file(_ document: MasterplanDocument, map: ProjectedMap?, contents: String, language: Language) -> [UInt8] {
        el("html", .lang(language.rawValue)) {
            el("head") {
                void("meta", Attribute("charset", "utf-8"))
                void("meta", .name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                el("title") { document.title }
                el("style") { Node.trusted(stylesheet) }
            }
            el("body") {
                el("header") {
                    el("h1") { document.title }
                    el("p") { document.status }
                }
                tableOfContents(document, title: contents)
                el("main") { chapters(document, level: 2, map: map) }
                el("footer") { el("p", .class("attribution")) { document.attribution } }
            }
        }.render(doctype: true)
    }

    public static func tableOfContents(_ document: MasterplanDocument, title: String) -> Node {
        el("nav", .ariaLabelledBy("contents")) {
            el("h2", .id("contents")) { title }
            el("ol") {
                for chapter in document.chapters { el("li") { el("a", .href("#\(chapter.key)")) { chapter.title } } }
            }
        }
    }

    /// The chapters, their titles at `level` (2 under a page's h1).
    /// `paragraph` adds what belongs under a paragraph (its comments, say), by the paragraph's id.
    public static func chapters(
        _ document: MasterplanDocument, level: Int, map: ProjectedMap?, after chapter: (MasterplanDocument.Chapter) -> Node = { _ in .empty },
        paragraph: (String) -> Node = { _ in .empty }
    ) -> Node {
        .fragment(document.chapters.map { c in
            el("section", .class("chapter"), .id(c.key), .ariaLabelledBy("\(c.key)-title")) {
                el("h\(level)", .id("\(c.key)-title")) { c.title }
                for block in c.blocks {
                    self.block(block, level: level + 1, map: map)
                    if case .paragraph(let id, _) = block { paragraph(id) }
                }
                chapter(c)
            }
        })
    }

    static func block(_ block: MasterplanDocument.Block, level: Int, map: ProjectedMap?) -> Node {
        switch block {
        case .figure(let figure):
            return FigureView.render(figure, map: map)
        case .heading(_, let text, let anchor):
            return el("h\(level)", anchor.map { .id($0) }) { text }
        case .paragraph(let id, let text):
            return el("p", .id("p-\(id)")) { text }
        case .list(let items):
            return el("ul") { for item in items { el("li") { item } } }
        case .facts(let facts):
            return el("dl", .class("facts")) {
                for fact in facts {
                    el("dt") { fact.label }
                    el("dd") { fact.value }
                }
            }
        case .table(let table):
            return Layout.scrolling(.ariaLabel(table.caption)) { el("table", .class("data-table")) {
                el("caption") { table.caption }
                el("thead") {
                    el("tr") {
                        for (index, cell) in table.header.enumerated() {
                            el("th", Attribute("scope", "col"), table.numeric.contains(index) ? .class("numeric") : nil) { cell }
                        }
                    }
                }
                el("tbody") {
                    for row in table.rows {
                        el("tr") {
                            for (index, cell) in row.enumerated() { el("td", table.numeric.contains(index) ? .class("numeric") : nil) { cell } }
                        }
                    }
                }
            } }
        }
    }
}
