/// Text people send may hold line breaks and tabs, but no other control characters: a NUL byte
/// cuts strings short in other programs, and the rest are invisible in every view of the text.
public enum ControlCharacters {
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        default: true
        }
    }

    public static func contains(_ text: String) -> Bool {
        text.unicodeScalars.contains { !isAllowed($0) }
    }

    /// The text with each control character replaced by a space, to hand it back for correction.
    public static func replaced(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isAllowed(scalar) ? scalar : " ") }
        return String(result)
    }
}
