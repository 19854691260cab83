import KonventDomain

/// The masterplan as Office Open XML (DOCX): A4 pages with a running header (title and status) and
/// a footer with PAGE and NUMPAGES fields; a TOC field over the chapters (Word fills in the pages
/// when it opens the file, as settings.xml asks); built-in heading styles kept with what follows;
/// a page break before each chapter; table rows that never split, with the header row repeated;
/// paragraphs, bulleted lists and the facts of each measure as a two-column table.
public enum DOCXWriter {
    /// `map` holds the outlines the plan's map is drawn from.
    public static func document(_ document: MasterplanDocument, labels: DocumentLabels, map: ProjectedMap?) -> [UInt8] {
        var zip = ZipArchive()
        let (body, figures) = body(document, labels, map: map)
        zip.add("[Content_Types].xml", contentTypes)
        zip.add("_rels/.rels", relationships)
        zip.add("word/_rels/document.xml.rels", documentRelationships(figures))
        zip.add("word/styles.xml", styles(labels.language))
        zip.add("word/numbering.xml", numbering)
        zip.add("word/settings.xml", settings)
        zip.add("word/header1.xml", header(document))
        zip.add("word/footer1.xml", footer(labels))
        zip.add("docProps/core.xml", core(document))
        zip.add("word/document.xml", body)
        for figure in figures {
            zip.add("word/media/figure-\(figure.number).png", figure.png, compressed: false)
            zip.add("word/media/figure-\(figure.number).svg", figure.svg)
        }
        return zip.finished()
    }

    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/><Default Extension="svg" ContentType="image/svg+xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"

    static func documentRelationships(_ figures: [PackagedFigure]) -> String {
        var images = ""
        for figure in figures {
            images += "<Relationship Id=\"rIdFigure\(figure.number)\" Type=\"\(image)\" Target=\"media/figure-\(figure.number).png\"/>"
            images += "<Relationship Id=\"rIdFigure\(figure.number)svg\" Type=\"\(image)\" Target=\"media/figure-\(figure.number).svg\"/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
            <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
            <Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
            <Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
            \(images)</Relationships>
            """
    }

    /// Word updates the fields (the contents' page numbers) when it opens the document.
    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/></w:settings>
        """

    static func header(_ document: MasterplanDocument) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="\(main)"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">\
        \(XML.escape(document.title)) · \(XML.escape(document.status))</w:t></w:r></w:p></w:hdr>
        """
    }

    static func footer(_ labels: DocumentLabels) -> String {
        func field(_ name: String) -> String { "<w:fldSimple w:instr=\" \(name) \"><w:r><w:t>1</w:t></w:r></w:fldSimple>" }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr xmlns:w="\(main)"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>\
            <w:r><w:t xml:space="preserve">\(XML.escape(labels.page)) </w:t></w:r>\(field("PAGE"))\
            <w:r><w:t xml:space="preserve"> \(XML.escape(labels.of)) </w:t></w:r>\(field("NUMPAGES"))</w:p></w:ftr>
            """
    }

    static func core(_ document: MasterplanDocument) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(XML.escape(document.title))</dc:title>\
        <dc:description>\(XML.escape(document.status))</dc:description><dc:creator>Konvent</dc:creator></cp:coreProperties>
        """
    }

    static func styles(_ language: Language) -> String {
        func heading(_ level: Int, size: Int) -> String {
            """
            <w:style w:type="paragraph" w:styleId="Heading\(level)"><w:name w:val="heading \(level)"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="\(level - 1)"/></w:pPr>\
            <w:rPr><w:b/><w:sz w:val="\(size)"/></w:rPr></w:style>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="\(main)"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/>\
            <w:sz w:val="22"/><w:lang w:val="\(language == .de ? "de-DE" : "en-GB")"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="48"/></w:rPr></w:style>\
            \(heading(1, size: 36))\(heading(2, size: 28))\(heading(3, size: 24))\
            <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:i/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="4A5260"/><w:sz w:val="18"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="4A5260"/><w:sz w:val="18"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9070"/></w:tabs></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>\
            <w:bottom w:val="single" w:sz="4" w:color="999999"/><w:insideH w:val="single" w:sz="4" w:color="999999"/></w:tblBorders></w:tblPr></w:style>\
            </w:styles>
            """
    }

    static let numbering = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>\
        <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """

    static func paragraph(_ text: String, style: String? = nil, pageBreak: Bool = false, alignRight: Bool = false, bold: Bool = false) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if pageBreak { properties += "<w:pageBreakBefore/>" }
        if alignRight { properties += "<w:jc w:val=\"right\"/>" }
        let run = "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(XML.escape(text))</w:t></w:r>"
        return "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")\(run)</w:p>"
    }

    static func body(_ document: MasterplanDocument, _ labels: DocumentLabels, map: ProjectedMap?) -> (String, [PackagedFigure]) {
        var xml = paragraph(document.title, style: "Title") + paragraph(document.status)
        var figures: [PackagedFigure] = []
        xml += paragraph(labels.contents, style: "Heading2")
        xml += tableOfContents(document.chapters.map(\.title))
        for chapter in document.chapters {
            xml += paragraph(chapter.title, style: "Heading1", pageBreak: true)
            for block in chapter.blocks {
                switch block {
                case .heading(let level, let text, _): xml += paragraph(text, style: "Heading\(min(level, 3))")
                case .paragraph(_, let text): xml += paragraph(text)
                case .list(let items): xml += items.map { paragraph($0, style: "ListBullet") }.joined()
                case .facts(let facts): xml += table(header: nil, rows: facts.map { [$0.label, $0.value] }, numeric: [], headColumn: true)
                case .table(let table):
                    xml += paragraph(table.caption, style: "Caption")
                    xml += self.table(header: table.header, rows: table.rows, numeric: table.numeric, headColumn: false)
                case .figure(let figure):
                    guard let packaged = PackagedFigure(figure, number: figures.count + 1, map: map) else { continue }
                    figures.append(packaged)
                    xml += drawing(packaged) + paragraph(packaged.caption, style: "Caption")
                }
            }
        }
        xml += paragraph(document.attribution, style: "Caption")
        return ("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
            xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
            xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">\
            <w:body>\(xml)<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>\
            <w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/>\
            <w:pgMar w:top="1417" w:right="1417" w:bottom="1134" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>
            """, figures)
    }

    /// A TOC field over the first outline level; its result lists the chapters until Word or
    /// LibreOffice updates it with their pages.
    static func tableOfContents(_ titles: [String]) -> String {
        guard !titles.isEmpty else { return "" }
        var xml = ""
        for (index, title) in titles.enumerated() {
            var runs = ""
            if index == 0 {
                runs += "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
                    + "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h \\z \\u </w:instrText></w:r>"
                    + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            }
            runs += "<w:r><w:t xml:space=\"preserve\">\(XML.escape(title))</w:t></w:r>"
            if index == titles.count - 1 { runs += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" }
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>\(runs)</w:p>"
        }
        return xml
    }

    /// The figure inline: the PNG, with the SVG as the extension Word 2016 and later draw instead;
    /// the caption is the title and the numbers the description (the alternative text).
    static func drawing(_ figure: PackagedFigure) -> String {
        let cx = Int(figure.widthCm * 360_000), cy = Int(figure.heightCm * 360_000)
        let title = XML.escape(figure.caption), description = XML.escape(figure.description)
        return "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
            + "<wp:docPr id=\"\(figure.number)\" name=\"Abbildung \(figure.number)\" title=\"\(title)\" descr=\"\(description)\"/>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(figure.number)\" name=\"figure-\(figure.number).png\" descr=\"\(description)\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"rIdFigure\(figure.number)\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
            + "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"rIdFigure\(figure.number)svg\"/>"
            + "</a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    static func table(header: [String]?, rows: [[String]], numeric: [Int], headColumn: Bool) -> String {
        func cell(_ text: String, _ column: Int, bold: Bool) -> String {
            "<w:tc>\(paragraph(text, alignRight: numeric.contains(column), bold: bold))</w:tc>"
        }
        let columns = max(header?.count ?? 0, rows.map(\.count).max() ?? 0, 1)
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>"
            + String(repeating: "<w:gridCol w:w=\"\(9000 / columns)\"/>", count: columns) + "</w:tblGrid>"
        if let header {
            xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" + header.enumerated().map { cell($1, $0, bold: true) }.joined() + "</w:tr>"
        }
        for row in rows { xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + row.enumerated().map { cell($1, $0, bold: headColumn && $0 == 0) }.joined() + "</w:tr>" }
        // Word needs a paragraph between two tables and after the last.
        return xml + "</w:tbl><w:p/>"
    }
}
