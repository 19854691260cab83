/// CISTEM (Weissweiler & Fraser, 2017), a small stemmer for German, in its case-insensitive form:
/// folds umlauts and ß, then strips the common inflection endings. Used for SQLite's full-text
/// index, which has no German stemmer; PostgreSQL uses its own 'german' configuration.
public enum GermanStemmer {
    public static func stem(_ word: String) -> String {
        var s = word.lowercased()
            .replacingOccurrences(of: "ü", with: "u").replacingOccurrences(of: "ö", with: "o")
            .replacingOccurrences(of: "ä", with: "a").replacingOccurrences(of: "ß", with: "ss")
        if s.hasPrefix("ge"), s.count >= 6 { s.removeFirst(2) }
        // Protect letter groups that must not be cut apart, and mark doubled letters.
        s = s.replacingOccurrences(of: "sch", with: "$").replacingOccurrences(of: "ei", with: "%")
            .replacingOccurrences(of: "ie", with: "&")
        var chars: [Character] = []
        for c in s {
            if let last = chars.last, last == c { chars.append("*") } else { chars.append(c) }
        }
        while chars.count > 3 {
            if chars.count > 5, chars.last == "m" || chars.last == "r", chars[chars.count - 2] == "e" {
                chars.removeLast(2)
            } else if chars.count > 5, chars.last == "d", chars[chars.count - 2] == "n" {
                chars.removeLast(2)
            } else if chars.last == "t" {
                chars.removeLast()
            } else if let last = chars.last, last == "e" || last == "s" || last == "n" {
                chars.removeLast()
            } else {
                break
            }
        }
        var out = ""
        for c in chars {
            if c == "*", let last = out.last { out.append(last) } else { out.append(c) }
        }
        return out.replacingOccurrences(of: "%", with: "ei").replacingOccurrences(of: "&", with: "ie")
            .replacingOccurrences(of: "$", with: "sch")
    }

    /// The words of a text (letters and digits), stemmed, for the index.
    public static func indexText(_ text: String) -> String {
        words(text).map(stem).joined(separator: " ")
    }

    public static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
