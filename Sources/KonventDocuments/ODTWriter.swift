import KonventDomain

/// The masterplan as OpenDocument Text (ODF 1.3) for reading and printing: A4 pages with a running
/// header (title and status) and a footer with the page number; a table of contents; headings with
/// outline levels (LibreOffice and Word build their navigation from them), each kept with what
/// follows; a page break before each chapter; table rows that never split across pages, with the
/// header row repeated; paragraphs, lists and the facts of each measure as a two-column table.
public enum ODTWriter {
    /// `map` holds the outlines the plan's map is drawn from. `pages` gives the contents the page
    /// on which each chapter starts (known once the document was laid out, see `PDFConverter`);
    /// without it the contents list the chapters alone, and LibreOffice fills in the pages on update.
    public static func document(
        _ document: MasterplanDocument, labels: DocumentLabels, map: ProjectedMap?, pages: TableOfContentsPages = .none
    ) -> [UInt8] {
        var zip = ZipArchive()
        let (content, figures) = content(document, labels, map: map, pages: pages)
        zip.add("mimetype", "application/vnd.oasis.opendocument.text", compressed: false)
        zip.add("META-INF/manifest.xml", manifest(figures))
        zip.add("meta.xml", meta(document))
        zip.add("styles.xml", styles(document, labels))
        zip.add("content.xml", content)
        for figure in figures {
            zip.add("Pictures/figure-\(figure.number).svg", figure.svg)
            zip.add("Pictures/figure-\(figure.number).png", figure.png, compressed: false)
        }
        return zip.finished()
    }

    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"
        """

    static func manifest(_ figures: [PackagedFigure]) -> String {
        var pictures = ""
        for figure in figures {
            pictures += "<manifest:file-entry manifest:full-path=\"Pictures/figure-\(figure.number).svg\" manifest:media-type=\"image/svg+xml\"/>"
            pictures += "<manifest:file-entry manifest:full-path=\"Pictures/figure-\(figure.number).png\" manifest:media-type=\"image/png\"/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
            <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
            <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
            \(pictures)
            </manifest:manifest>
            """
    }

    static func meta(_ document: MasterplanDocument) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(namespaces)><office:meta><dc:title>\(XML.escape(document.title))</dc:title>\
        <dc:description>\(XML.escape(document.status))</dc:description><meta:generator>Konvent</meta:generator></office:meta></office:document-meta>
        """
    }

    static func styles(_ document: MasterplanDocument, _ labels: DocumentLabels) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(namespaces)><office:styles>
        <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/>\
        <style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'" fo:font-size="11pt" fo:language="de" fo:country="DE"/></style:default-style>
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
        <style:style style:name="Title" style:family="paragraph"><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
        <style:style style:name="Subtitle" style:family="paragraph"><style:text-properties fo:font-size="13pt"/></style:style>
        <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1">\
        <style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
        <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2">\
        <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
        <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
        <style:style style:name="Caption" style:family="paragraph"><style:paragraph-properties fo:keep-with-next="always"/>\
        <style:text-properties fo:font-style="italic"/></style:style>
        <style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:border-bottom="0.5pt solid #999999" fo:padding-bottom="0.1cm"/>\
        <style:text-properties fo:font-size="9pt" fo:color="#4a5260"/></style:style>
        <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>\
        <style:text-properties fo:font-size="9pt" fo:color="#4a5260"/></style:style>
        <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph"><style:paragraph-properties>\
        <style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops>\
        </style:paragraph-properties></style:style>
        </office:styles>
        <office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" \
        style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>\
        <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>\
        <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>\
        </style:page-layout></office:automatic-styles>
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">\
        <style:header><text:p text:style-name="Header">\(XML.escape(document.title)) · \(XML.escape(document.status))</text:p></style:header>\
        <style:footer><text:p text:style-name="Footer">\(XML.escape(labels.page)) <text:page-number text:select-page="current">1</text:page-number> \
        \(XML.escape(labels.of)) <text:page-count>1</text:page-count></text:p></style:footer>\
        </style:master-page></office:master-styles></office:document-styles>
        """
    }

    static let automaticStyles = """
        <office:automatic-styles>
        <style:style style:name="ChapterStart" style:family="paragraph" style:parent-style-name="Heading_20_1">\
        <style:paragraph-properties fo:break-before="page"/></style:style>
        <style:style style:name="Numeric" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
        <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border-bottom="0.5pt solid #999999"/></style:style>
        <style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
        </office:automatic-styles>
        """

    static func content(
        _ document: MasterplanDocument, _ labels: DocumentLabels, map: ProjectedMap?, pages: TableOfContentsPages
    ) -> (String, [PackagedFigure]) {
        var body = ""
        var figures: [PackagedFigure] = []
        body += "<text:p text:style-name=\"Title\">\(XML.escape(document.title))</text:p>"
        body += "<text:p text:style-name=\"Subtitle\">\(XML.escape(document.status))</text:p>"
        body += "<text:table-of-content text:name=\"toc\"><text:table-of-content-source text:outline-level=\"1\">"
        body += "<text:index-title-template>\(XML.escape(labels.contents))</text:index-title-template></text:table-of-content-source>"
        body += "<text:index-body><text:index-title text:name=\"toc-title\"><text:p text:style-name=\"Heading_20_2\">\(XML.escape(labels.contents))</text:p></text:index-title>"
        for (index, chapter) in document.chapters.enumerated() {
            let page = switch pages {
            case .none: ""
            case .placeholders: "<text:tab/>00"
            case .known(let numbers): index < numbers.count ? "<text:tab/>\(numbers[index])" : ""
            }
            body += "<text:p text:style-name=\"Contents_20_1\">\(XML.escape(chapter.title))\(page)</text:p>"
        }
        body += "</text:index-body></text:table-of-content>"
        var tables = 0
        for chapter in document.chapters {
            body += "<text:h text:style-name=\"ChapterStart\" text:outline-level=\"1\">\(XML.escape(chapter.title))</text:h>"
            for block in chapter.blocks {
                switch block {
                case .heading(let level, let text, _):
                    body += "<text:h text:style-name=\"Heading_20_\(min(level, 2))\" text:outline-level=\"\(level)\">\(XML.escape(text))</text:h>"
                case .paragraph(_, let text):
                    body += "<text:p text:style-name=\"Standard\">\(XML.escape(text))</text:p>"
                case .list(let items):
                    body += "<text:list>" + items.map { "<text:list-item><text:p>\(XML.escape($0))</text:p></text:list-item>" }.joined() + "</text:list>"
                case .facts(let facts):
                    tables += 1
                    body += table("Fakten\(tables)", header: nil, rows: facts.map { [$0.label, $0.value] }, numeric: [], headColumn: true)
                case .table(let table):
                    tables += 1
                    body += "<text:p text:style-name=\"Caption\">\(XML.escape(table.caption))</text:p>"
                    body += self.table("Tabelle\(tables)", header: table.header, rows: table.rows, numeric: table.numeric, headColumn: false)
                case .figure(let figure):
                    guard let packaged = PackagedFigure(figure, number: figures.count + 1, map: map) else { continue }
                    figures.append(packaged)
                    body += frame(packaged)
                }
            }
        }
        body += "<text:p text:style-name=\"Caption\">\(XML.escape(document.attribution))</text:p>"
        return ("""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(namespaces)>\(automaticStyles)<office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """, figures)
    }

    /// The figure as SVG with its PNG as the replacement image for readers without SVG, its caption
    /// as the title and its numbers as the description (both become the PDF's alternative text).
    static func frame(_ figure: PackagedFigure) -> String {
        func image(_ suffix: String, _ type: String) -> String {
            "<draw:image xlink:href=\"Pictures/figure-\(figure.number).\(suffix)\" xlink:type=\"simple\" xlink:show=\"embed\" "
                + "xlink:actuate=\"onLoad\" draw:mime-type=\"\(type)\"/>"
        }
        return "<text:p text:style-name=\"Standard\"><draw:frame draw:name=\"Abbildung\(figure.number)\" text:anchor-type=\"as-char\" "
            + "svg:width=\"\(figure.widthCm)cm\" svg:height=\"\(figure.heightCm)cm\" draw:z-index=\"0\">"
            + image("svg", "image/svg+xml") + image("png", "image/png")
            + "<svg:title>\(XML.escape(figure.caption))</svg:title><svg:desc>\(XML.escape(figure.description))</svg:desc></draw:frame></text:p>"
            + "<text:p text:style-name=\"Caption\">\(XML.escape(figure.caption))</text:p>"
    }

    static func table(_ name: String, header: [String]?, rows: [[String]], numeric: [Int], headColumn: Bool) -> String {
        let columns = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        func cell(_ text: String, _ column: Int, head: Bool) -> String {
            let style = head ? "Table_20_Heading" : numeric.contains(column) ? "Numeric" : "Standard"
            return "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"><text:p text:style-name=\"\(style)\">\(XML.escape(text))</text:p></table:table-cell>"
        }
        var xml = "<table:table table:name=\"\(name)\"><table:table-column table:number-columns-repeated=\"\(max(columns, 1))\"/>"
        if let header {
            xml += "<table:table-header-rows><table:table-row table:style-name=\"Row\">" + header.enumerated().map { cell($1, $0, head: true) }.joined()
                + "</table:table-row></table:table-header-rows>"
        }
        for row in rows {
            xml += "<table:table-row table:style-name=\"Row\">" + row.enumerated().map { cell($1, $0, head: headColumn && $0 == 0) }.joined()
                + "</table:table-row>"
        }
        return xml + "</table:table>"
    }
}

/// The few words an export says itself, in the document's language.
public struct DocumentLabels: Sendable {
    public var contents: String
    public var language: Language
    /// "Seite" and "von", around the page number and the page count in the footer.
    public var page: String
    public var of: String

    public init(contents: String, language: Language, page: String = "Seite", of: String = "von") {
        self.contents = contents
        self.language = language
        self.page = page
        self.of = of
    }
}

/// What the table of contents says of the pages.
public enum TableOfContentsPages: Sendable, Equatable {
    /// Chapter titles alone.
    case none
    /// A stand-in as wide as a page number, for laying the document out once to learn the pages.
    case placeholders
    /// The page each chapter starts on, in chapter order.
    case known([Int])
}
