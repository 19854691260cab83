/// A piece of HTML. Pages build trees of nodes from typed models; `render` turns them into bytes,
/// escaping every text and attribute value byte by byte (never per grapheme: a quote followed by a
/// combining mark is still a quote).
public indirect enum Node: Sendable {
    case element(String, [Attribute], [Node])
    /// An element without content or end tag (`input`, `meta`, …).
    case void(String, [Attribute])
    case text(String)
    /// Markup written in this code base, never anything a user typed.
    case trusted(StaticString)
    case fragment([Node])

    public static let empty = Node.fragment([])
}

public struct Attribute: Sendable {
    public var name: StaticString
    /// nil for a boolean attribute such as `required`.
    public var value: String?

    public init(_ name: StaticString, _ value: String?) {
        self.name = name
        self.value = value
    }
}

@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    public static func buildEither(first: [Node]) -> [Node] { first }
    public static func buildEither(second: [Node]) -> [Node] { second }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
    public static func buildFinalResult(_ nodes: [Node]) -> Node { nodes.count == 1 ? nodes[0] : .fragment(nodes) }
}

/// An element with attributes and content: `el("p", .class("hint")) { "Text" }`.
public func el(_ name: String, _ attributes: Attribute?..., @NodeBuilder content: () -> Node = { .empty }) -> Node {
    .element(name, attributes.compactMap { $0 }, flatten(content()))
}

/// An element without content: `void("input", .type("text"), .name("q"))`.
public func void(_ name: String, _ attributes: Attribute?...) -> Node {
    .void(name, attributes.compactMap { $0 })
}

private func flatten(_ node: Node) -> [Node] {
    if case .fragment(let nodes) = node { return nodes }
    return [node]
}

extension Attribute {
    public static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    public static func id(_ value: String) -> Attribute { Attribute("id", value) }
    public static func href(_ value: String) -> Attribute { Attribute("href", value) }
    public static func name(_ value: String) -> Attribute { Attribute("name", value) }
    public static func type(_ value: String) -> Attribute { Attribute("type", value) }
    public static func value(_ value: String) -> Attribute { Attribute("value", value) }
    public static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    public static func lang(_ value: String) -> Attribute { Attribute("lang", value) }
    public static func action(_ value: String) -> Attribute { Attribute("action", value) }
    public static func method(_ value: String) -> Attribute { Attribute("method", value) }
    public static func autocomplete(_ value: String) -> Attribute { Attribute("autocomplete", value) }
    public static func ariaLabel(_ value: String) -> Attribute { Attribute("aria-label", value) }
    public static func ariaDescribedBy(_ value: String) -> Attribute { Attribute("aria-describedby", value) }
    public static func ariaLabelledBy(_ value: String) -> Attribute { Attribute("aria-labelledby", value) }
    public static func ariaCurrent(_ value: String) -> Attribute { Attribute("aria-current", value) }
    public static func datetime(_ value: String) -> Attribute { Attribute("datetime", value) }
    public static func hreflang(_ value: String) -> Attribute { Attribute("hreflang", value) }
    public static func tabindex(_ value: Int) -> Attribute { Attribute("tabindex", String(value)) }
    public static func role(_ value: String) -> Attribute { Attribute("role", value) }
    public static let required = Attribute("required", nil)
    public static let novalidate = Attribute("novalidate", nil)
    public static let ariaInvalid = Attribute("aria-invalid", "true")
    public static let ariaHidden = Attribute("aria-hidden", "true")
}
