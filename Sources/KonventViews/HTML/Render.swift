extension Node {
    /// The page as UTF-8 bytes, with `<!DOCTYPE html>` when asked for.
    public func render(doctype: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        if doctype { out.append(contentsOf: "<!DOCTYPE html>".utf8) }
        write(into: &out)
        return out
    }

    public func renderString() -> String { String(decoding: render(), as: UTF8.self) }

    func write(into out: inout [UInt8]) {
        switch self {
        case .text(let text):
            HTMLEscaping.escape(text, into: &out)
        case .trusted(let markup):
            markup.withUTF8Buffer { out.append(contentsOf: $0) }
        case .fragment(let nodes):
            for node in nodes { node.write(into: &out) }
        case .void(let name, let attributes):
            openTag(name, attributes, into: &out)
        case .element(let name, let attributes, let children):
            openTag(name, attributes, into: &out)
            for child in children { child.write(into: &out) }
            out.append(contentsOf: "</".utf8)
            out.append(contentsOf: name.utf8)
            out.append(UInt8(ascii: ">"))
        }
    }

    private func openTag(_ name: String, _ attributes: [Attribute], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        for attribute in attributes {
            out.append(UInt8(ascii: " "))
            attribute.name.withUTF8Buffer { out.append(contentsOf: $0) }
            if let value = attribute.value {
                out.append(contentsOf: "=\"".utf8)
                HTMLEscaping.escape(value, into: &out)
                out.append(UInt8(ascii: "\""))
            }
        }
        out.append(UInt8(ascii: ">"))
    }
}

/// Escapes per UTF-8 byte, so that combining marks can never hide a markup character.
public enum HTMLEscaping {
    public static func escape(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }

    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
