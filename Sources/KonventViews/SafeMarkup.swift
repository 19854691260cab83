/// The small markup people may use in texts: paragraphs separated by a blank line, lists whose lines
/// start with `- `, and links written `[text](https://…)`. Everything else is shown as typed, never
/// interpreted as HTML.
public enum SafeMarkup {
    public static func render(_ source: String) -> Node {
        let normalised = source.replacingOccurrences(of: "\r\n", with: "\n")
        var blocks: [Node] = []
        for block in normalised.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !lines.isEmpty else { continue }
            if lines.allSatisfy({ $0.hasPrefix("- ") }) {
                blocks.append(el("ul") {
                    for line in lines { el("li") { inline(String(line.dropFirst(2))) } }
                })
            } else {
                blocks.append(.element("p", [], lines.enumerated().flatMap { index, line in
                    (index > 0 ? [Node.void("br", [])] : []) + inline(line)
                }))
            }
        }
        return .fragment(blocks)
    }

    /// Text with `[label](url)` links; only http, https and mailto targets become links.
    static func inline(_ text: String) -> [Node] {
        var nodes: [Node] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]"),
                  rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
                  let end = rest[close...].firstIndex(of: ")")
            else { break }
            let label = rest[rest.index(after: open)..<close]
            let target = String(rest[rest.index(close, offsetBy: 2)..<end])
            guard isSafe(target), !label.isEmpty else {
                nodes.append(.text(String(rest[...end])))
                rest = rest[rest.index(after: end)...]
                continue
            }
            if open > rest.startIndex { nodes.append(.text(String(rest[..<open]))) }
            nodes.append(el("a", .href(target)) { String(label) })
            rest = rest[rest.index(after: end)...]
        }
        if !rest.isEmpty { nodes.append(.text(String(rest))) }
        return nodes
    }

    static func isSafe(_ target: String) -> Bool {
        let lower = target.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return false }
        return !target.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}
