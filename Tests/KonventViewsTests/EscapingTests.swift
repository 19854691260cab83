import KonventDomain
import KonventViews
import Testing

/// Per-grapheme escaping lets `"` followed by a combining mark through (see ARCHITECTURE.md);
/// Konvent escapes per byte, in text and in attributes.
@Suite("HTML escaping")
struct EscapingTests {
    static let attacks = ["\"\u{301} onmouseover=alert(1) x=\"", "<\u{301}script>alert(1)</script>", "'\u{301}><img src=x>",
                          "&\u{301}amp;", "\u{202E}<b>"]

    @Test("text", arguments: attacks)
    func text(_ attack: String) {
        let html = el("p") { attack }.renderString()
        #expect(!html.dropFirst(3).dropLast(4).contains("<"))
        #expect(!html.contains("\"") && !html.contains("'"))
    }

    @Test("attribute values", arguments: attacks)
    func attribute(_ attack: String) {
        let html = el("a", .href("/x?q=\(attack)"), Attribute("title", attack)) { "x" }.renderString()
        // Exactly the quotes that delimit the two attribute values survive.
        #expect(html.filter { $0 == "\"" }.count == 4)
        #expect(html.filter { $0 == "<" }.count == 2)
        #expect(!html.contains("'"))
    }

    @Test func escapesAllFiveCharacters() {
        #expect(HTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>") ==
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func keepsUmlauts() {
        #expect(el("p") { "Öffentliche Daseinsvorsorge – Straße" }.renderString() == "<p>Öffentliche Daseinsvorsorge – Straße</p>")
    }
}

@Suite("Safe markup")
struct SafeMarkupTests {
    @Test func paragraphsListsAndLinks() {
        let html = SafeMarkup.render("Erster Absatz\nzweite Zeile\n\n- eins\n- [zwei](https://example.org/a?b=1&c=2)").renderString()
        #expect(html == "<p>Erster Absatz<br>zweite Zeile</p><ul><li>eins</li><li><a href=\"https://example.org/a?b=1&amp;c=2\">zwei</a></li></ul>")
    }

    @Test(arguments: ["[klick](javascript:alert(1))", "[klick](data:text/html,x)", "[klick](//evil.example)", "<script>alert(1)</script>",
                      "[x\"\u{301} onclick=\"y](https://example.org)"])
    func neverProducesActiveMarkup(_ source: String) {
        let html = SafeMarkup.render(source).renderString()
        #expect(!html.contains("<script"))
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("href=\"data"))
        #expect(!html.contains("href=\"//"))
        #expect(!html.contains("onclick=\""))
    }
}
