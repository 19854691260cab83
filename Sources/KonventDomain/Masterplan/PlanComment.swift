/// A comment on one paragraph of a published version, with the office's answer and how it was taken
/// into account.
public struct PlanComment: Sendable, Equatable {
    public enum Resolution: String, Sendable, CaseIterable {
        case accepted
        case partly
        case notAccepted = "not_accepted"
        case noted

        public var catalogKey: String { "masterplan.resolution.\(rawValue)" }
    }

    public var id: Int64
    public var version: Int
    public var paragraph: String
    public var authorName: String?
    public var body: String
    public var createdAt: Int64
    public var resolution: Resolution?
    public var answer: String?

    public init(id: Int64, version: Int, paragraph: String, authorName: String?, body: String, createdAt: Int64, resolution: Resolution?,
                answer: String?) {
        self.id = id
        self.version = version
        self.paragraph = paragraph
        self.authorName = authorName
        self.body = body
        self.createdAt = createdAt
        self.resolution = resolution
        self.answer = answer
    }
}

/// What changed between two versions of the plan, chapter by chapter, as a line diff of their blocks.
public enum MasterplanComparison {
    public struct Chapter: Sendable, Equatable {
        public var title: String
        public var lines: [MeasureDiff.Line]

        public init(title: String, lines: [MeasureDiff.Line]) {
            self.title = title
            self.lines = lines
        }
    }

    /// The changed chapters only (a chapter added or removed counts as changed).
    public static func chapters(from old: MasterplanDocument, to new: MasterplanDocument) -> [Chapter] {
        let keys = new.chapters.map(\.key) + old.chapters.map(\.key).filter { key in !new.chapters.contains { $0.key == key } }
        return keys.compactMap { key in
            let before = old.chapters.first { $0.key == key }, after = new.chapters.first { $0.key == key }
            let a = before.map(lines) ?? "", b = after.map(lines) ?? ""
            guard a != b else { return nil }
            return Chapter(title: (after ?? before)!.title, lines: MeasureDiff.lines(from: a, to: b))
        }
    }

    static func lines(_ chapter: MasterplanDocument.Chapter) -> String {
        chapter.blocks.flatMap { block -> [String] in
            switch block {
            case .heading(_, let text, _), .paragraph(_, let text): [text]
            case .list(let items): items.map { "• \($0)" }
            case .facts(let facts): facts.map { "\($0.label): \($0.value)" }
            case .table(let table): [table.caption] + table.rows.map { $0.joined(separator: " | ") }
            case .figure(let figure): [figure.caption] + figure.items.map { "\($0.label): \($0.text)" }
            }
        }.joined(separator: "\n")
    }
}
