/// CISTEM (Weissweiler & Fraser, 2017), a small stemmer for German, in its case-insensitive form:
/// folds umlauts and ß, then strips the common inflection endings. Used for SQLite's full-text
/// index, which has no German stemmer; PostgreSQL uses its own 'german' configuration.
public enum GermanStemmer {
    public static func stem(_ word: String) -> String {
        // Works on Unicode scalars: Foundation's string replacement is far too slow for bulk indexing.
        var s: [Unicode.Scalar] = []
        s.reserveCapacity(word.unicodeScalars.count + 2)
        for scalar in word.lowercased().unicodeScalars {
            switch scalar {
            case "ü": s.append("u")
            case "ö": s.append("o")
            case "ä": s.append("a")
            case "ß": s.append("s"); s.append("s")
            default: s.append(scalar)
            }
        }
        if s.count >= 6, s[0] == "g", s[1] == "e" { s.removeFirst(2) }
        // Protect letter groups that must not be cut apart, and mark doubled letters.
        var marked: [Unicode.Scalar] = []
        marked.reserveCapacity(s.count)
        var index = 0
        while index < s.count {
            if index + 2 < s.count, s[index] == "s", s[index + 1] == "c", s[index + 2] == "h" {
                marked.append("$"); index += 3
            } else if index + 1 < s.count, s[index] == "e", s[index + 1] == "i" {
                marked.append("%"); index += 2
            } else if index + 1 < s.count, s[index] == "i", s[index + 1] == "e" {
                marked.append("&"); index += 2
            } else {
                marked.append(marked.last == s[index] ? "*" : s[index]); index += 1
            }
        }
        var chars = marked
        while chars.count > 3 {
            let last = chars[chars.count - 1], before = chars[chars.count - 2]
            if chars.count > 5, last == "m" || last == "r", before == "e" {
                chars.removeLast(2)
            } else if chars.count > 5, last == "d", before == "n" {
                chars.removeLast(2)
            } else if last == "t" || last == "e" || last == "s" || last == "n" {
                chars.removeLast()
            } else {
                break
            }
        }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in chars {
            switch scalar {
            case "*": out.append(previous)
            case "$": out.append(contentsOf: "sch".unicodeScalars)
            case "%": out.append(contentsOf: "ei".unicodeScalars)
            case "&": out.append(contentsOf: "ie".unicodeScalars)
            default: out.append(scalar)
            }
            if scalar != "*" { previous = scalar }
        }
        return String(out)
    }

    /// The words of a text (letters and digits), stemmed, for the index.
    public static func indexText(_ text: String) -> String {
        words(text).map(stem).joined(separator: " ")
    }

    public static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
