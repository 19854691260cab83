/// A decoded form body: `application/x-www-form-urlencoded`, or `multipart/form-data` with files.
public struct FormData: Sendable {
    private var fields: [String: [String]] = [:]
    /// Uploaded files by field name (the bytes as sent).
    public private(set) var files: [String: [UInt8]] = [:]

    /// Reads a body by its content type; a multipart body without a usable boundary yields no fields.
    public static func parse(_ body: [UInt8], contentType: String?) -> FormData {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else {
            return FormData(String(decoding: body, as: UTF8.self))
        }
        var form = FormData("")
        guard let boundary = Multipart.boundary(contentType) else { return form }
        for part in Multipart.parts(body, boundary: boundary) {
            if part.filename != nil {
                form.files[part.name] = part.body
            } else if let value = String(validating: part.body, as: UTF8.self) {
                form.fields[part.name, default: []].append(value)
            }
        }
        return form
    }

    public init(_ body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            fields[name, default: []].append(value)
        }
    }

    public subscript(_ name: String) -> String? { fields[name]?.first }

    /// Every field with every value, by name (to hand a form back as it was sent).
    public var entries: [(name: String, value: String)] {
        fields.keys.sorted().flatMap { name in fields[name, default: []].map { (name, $0) } }
    }

    public func string(_ name: String) -> String { fields[name]?.first ?? "" }

    /// Every value of a repeated field (checkbox groups).
    public func all(_ name: String) -> [String] { fields[name] ?? [] }

    public func isChecked(_ name: String) -> Bool { fields[name]?.first.map { !$0.isEmpty } ?? false }

    /// Percent-decoding with `+` as space; nil for malformed escapes or invalid UTF-8.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
