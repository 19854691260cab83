/// An e-mail address in a normalised form: trimmed, domain lower-cased, with a plausible shape.
/// It is not proof that the mailbox exists; the confirmation mail is.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public static let maximumLength = 254

    public init(_ raw: String) throws(FieldError) {
        let trimmed = raw.trimmingWhitespace()
        let invalid = FieldError(field: "email", messageKey: "error.email.invalid")
        guard !trimmed.isEmpty else { throw FieldError(field: "email", messageKey: "error.email.missing") }
        guard trimmed.utf8.count <= Self.maximumLength else { throw invalid }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw invalid }
        let local = parts[0], domain = parts[1].lowercased()
        guard !local.isEmpty, local.utf8.count <= 64 else { throw invalid }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 63 }) else { throw invalid }
        guard !labels.contains(where: { $0.hasPrefix("-") || $0.hasSuffix("-") }) else { throw invalid }
        let forbidden: Set<Character> = [" ", "\t", "\r", "\n", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\"", "@"]
        guard !local.contains(where: { forbidden.contains($0) || $0.isASCIIControl }),
              !domain.contains(where: { forbidden.contains($0) || $0.isASCIIControl })
        else { throw invalid }
        self.value = "\(local)@\(domain)"
    }

    /// For values read back from storage, which were validated when written.
    public init(trusted value: String) { self.value = value }

    public init(from decoder: any Decoder) throws {
        self.value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The form used to find an account: addresses differing only in case belong to one person.
    public var lookupKey: String { value.lowercased() }
    public var description: String { value }
}

extension Character {
    var isASCIIControl: Bool { unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
}

extension StringProtocol {
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
