/// The masterplan as a document every output is made from (the page, HTML, ODT, DOCX): chapters in
/// order, each a list of blocks. Written chapters come from the office's texts, generated ones from
/// the data; a published version freezes the whole document.
public struct MasterplanDocument: Sendable, Equatable, Codable {
    public var title: String
    /// What this is: a draft with its number and date, or the adopted plan.
    public var status: String
    public var chapters: [Chapter]
    /// Where the figures and the map come from; printed at the end of every output.
    public var attribution: String

    public init(title: String, status: String, chapters: [Chapter], attribution: String) {
        self.title = title
        self.status = status
        self.chapters = chapters
        self.attribution = attribution
    }

    public struct Chapter: Sendable, Equatable, Codable {
        public var key: String
        public var title: String
        /// Written by the office (and so editable), or generated from the data.
        public var written: Bool
        public var blocks: [Block]

        public init(key: String, title: String, written: Bool, blocks: [Block]) {
            self.key = key
            self.title = title
            self.written = written
            self.blocks = blocks
        }
    }

    /// The few shapes every output format can carry.
    public enum Block: Sendable, Equatable, Codable {
        /// Level 2 or 3 (the chapter title is level 1).
        case heading(level: Int, text: String, anchor: String?)
        /// A paragraph with a stable address (`chapter-key-N`), so that it can be linked and commented.
        case paragraph(id: String, text: String)
        case list([String])
        /// Label and value pairs (the facts of a measure).
        case facts([Fact])
        case table(Table)
        /// A chart or the map; the same numbers stand in a table or the text beside it.
        case figure(Figure)
    }

    public struct Fact: Sendable, Equatable, Codable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct Table: Sendable, Equatable, Codable {
        public var caption: String
        public var header: [String]
        public var rows: [[String]]
        /// Columns holding numbers (aligned right).
        public var numeric: [Int]

        public init(caption: String, header: [String], rows: [[String]], numeric: [Int]) {
            self.caption = caption
            self.header = header
            self.rows = rows
            self.numeric = numeric
        }
    }

    /// Every paragraph's address and text, in order (for comments and comparisons).
    public var paragraphs: [(id: String, text: String)] {
        chapters.flatMap { chapter in
            chapter.blocks.compactMap { block -> (String, String)? in
                if case .paragraph(let id, let text) = block { return (id, text) }
                return nil
            }
        }
    }
}

extension MasterplanDocument.Block {
    /// Blocks from the safe markup of written texts: paragraphs split by a blank line, lists of `- `
    /// lines, `## ` headings. Paragraphs are numbered within their chapter.
    public static func parse(_ source: String, chapter: String) -> [Self] {
        var blocks: [Self] = []
        var number = 0
        for block in source.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !lines.isEmpty else { continue }
            if lines.count == 1, lines[0].hasPrefix("## ") {
                blocks.append(.heading(level: 2, text: String(lines[0].dropFirst(3)), anchor: nil))
            } else if lines.allSatisfy({ $0.hasPrefix("- ") }) {
                blocks.append(.list(lines.map { String($0.dropFirst(2)) }))
            } else {
                number += 1
                blocks.append(.paragraph(id: "\(chapter)-\(number)", text: lines.joined(separator: " ")))
            }
        }
        return blocks
    }
}
