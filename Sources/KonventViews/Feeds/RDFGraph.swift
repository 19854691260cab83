import Foundation

/// A small RDF graph, written as Turtle and as JSON-LD (expanded form) from the same triples, so
/// that the two serialisations of a catalogue cannot say different things.
public struct RDFGraph: Sendable {
    public enum Term: Hashable, Sendable {
        case iri(String)
        case blank(String)
        case literal(String, language: String? = nil, datatype: String? = nil)
    }

    public struct Triple: Hashable, Sendable {
        public var subject: Term
        public var predicate: String
        public var object: Term
    }

    public static let type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"

    public private(set) var triples: [Triple] = []
    private var blanks = 0

    public init() {}

    public mutating func add(_ subject: Term, _ predicate: String, _ object: Term) {
        triples.append(Triple(subject: subject, predicate: predicate, object: object))
    }

    public mutating func add(_ subject: Term, _ predicate: String, _ objects: [Term]) {
        for object in objects { add(subject, predicate, object) }
    }

    /// A fresh blank node.
    public mutating func blank() -> Term {
        blanks += 1
        return .blank("b\(blanks)")
    }

    /// The subjects in the order they first appear, each with its statements in order.
    var subjects: [(Term, [Triple])] {
        var order: [Term] = []
        var grouped: [Term: [Triple]] = [:]
        for triple in triples {
            if grouped[triple.subject] == nil { order.append(triple.subject) }
            grouped[triple.subject, default: []].append(triple)
        }
        return order.map { ($0, grouped[$0] ?? []) }
    }

    // MARK: Turtle

    /// Turtle with the given prefixes (`["dcat": "http://www.w3.org/ns/dcat#"]`) for names they cover.
    public func turtle(prefixes: [(String, String)]) -> String {
        var out = prefixes.map { "@prefix \($0.0): <\($0.1)> .\n" }.joined() + "\n"
        for (subject, statements) in subjects {
            out += term(subject, prefixes)
            for (index, statement) in statements.enumerated() {
                let predicate = statement.predicate == Self.type ? "a" : name(statement.predicate, prefixes)
                out += (index == 0 ? " " : " ;\n    ") + predicate + " " + term(statement.object, prefixes)
            }
            out += " .\n\n"
        }
        return out
    }

    func name(_ iri: String, _ prefixes: [(String, String)]) -> String {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.dropFirst(namespace.count)
            if !local.isEmpty, local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }),
               local.first?.isLetter == true {
                return "\(prefix):\(local)"
            }
        }
        return "<" + Self.escapedIRI(iri) + ">"
    }

    func term(_ term: Term, _ prefixes: [(String, String)]) -> String {
        switch term {
        case .iri(let iri): return name(iri, prefixes)
        case .blank(let label): return "_:\(label)"
        case .literal(let text, let language, let datatype):
            let quoted = "\"" + Self.escapedLiteral(text) + "\""
            if let language { return quoted + "@" + language }
            if let datatype { return quoted + "^^" + name(datatype, prefixes) }
            return quoted
        }
    }

    /// Characters Turtle does not allow in an IRI, percent-encoded.
    static func escapedIRI(_ iri: String) -> String {
        var out = ""
        for scalar in iri.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                out += String(format: "%%%02X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escapedLiteral(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    // MARK: JSON-LD

    /// The expanded form: one node object per subject, every value an object with `@id` or `@value`.
    public func jsonLD() throws -> [UInt8] {
        func node(_ term: Term) -> String {
            switch term {
            case .iri(let iri): iri
            case .blank(let label): "_:\(label)"
            case .literal(let text, _, _): text
            }
        }
        let nodes: [[String: Any]] = subjects.map { subject, statements in
            var object: [String: Any] = ["@id": node(subject)]
            var types: [String] = []
            var properties: [String: [[String: String]]] = [:]
            for statement in statements {
                if statement.predicate == Self.type, case .iri(let type) = statement.object { types.append(type); continue }
                let value: [String: String] = switch statement.object {
                case .iri, .blank: ["@id": node(statement.object)]
                case .literal(let text, let language, let datatype):
                    language.map { ["@value": text, "@language": $0] } ?? datatype.map { ["@value": text, "@type": $0] } ?? ["@value": text]
                }
                properties[statement.predicate, default: []].append(value)
            }
            if !types.isEmpty { object["@type"] = types }
            for (predicate, values) in properties { object[predicate] = values }
            return object
        }
        return Array(try JSONSerialization.data(withJSONObject: nodes, options: [.sortedKeys, .withoutEscapingSlashes]))
    }
}
