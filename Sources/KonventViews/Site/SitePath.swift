/// One path of the site. Its template (`/contributions/{id}/comments`) is the router's pattern and
/// makes every link to it, so that a route and its links cannot drift apart; the parameters are
/// typed and counted by the compiler.
public struct SitePath<each Parameter: CustomStringConvertible>: Sendable {
    public let template: String

    public init(_ template: String) { self.template = template }

    public func callAsFunction(_ parameter: repeat each Parameter) -> String {
        var values: [String] = []
        for value in repeat each parameter { values.append(Self.segment(value.description)) }
        if values.isEmpty { return template }
        var path = ""
        var rest = Substring(template)
        var index = 0
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            path += rest[..<open]
            path += index < values.count ? values[index] : ""
            index += 1
            rest = rest[rest.index(after: close)...]
        }
        return path + rest
    }

    /// A parameter as one path segment: letters, digits and `-._~` stay, everything else is escaped.
    static func segment(_ value: String) -> String { Site.percentEncoded(value, keeping: "-._~") }
}

extension String {
    /// The path with a query of the given items; items without a value are left out.
    public func query(_ items: KeyValuePairs<String, String?>) -> String {
        query(items.map { ($0.key, $0.value) })
    }

    /// The same for items put together at run time (the filters a list keeps on its next page).
    public func query(_ items: [(String, String?)]) -> String {
        let pairs = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(name)=\(Site.percentEncoded(value, keeping: "-._~/"))"
        }
        return pairs.isEmpty ? self : self + (contains("?") ? "&" : "?") + pairs.joined(separator: "&")
    }

    /// The path with a fragment (the id of an element on its page).
    public func fragment(_ id: String) -> String { self + "#" + id }
}
