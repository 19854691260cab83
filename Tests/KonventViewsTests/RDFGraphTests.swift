import Foundation
import KonventViews
import Testing

@Suite("RDF graph")
struct RDFGraphTests {
    @Test("Turtle escapes literals and IRIs, compacts only safe names; JSON-LD says the same in expanded form")
    func serialisations() throws {
        var graph = RDFGraph()
        let subject = RDFGraph.Term.iri("http://example.org/a b")
        graph.add(subject, RDFGraph.type, .iri("http://www.w3.org/ns/dcat#Dataset"))
        graph.add(subject, "http://purl.org/dc/terms/title", .literal("Zitat \"x\"\nzweite Zeile \\ Ende", language: "de"))
        graph.add(subject, "http://purl.org/dc/terms/issued", .literal("2026-01-01T00:00:00+01:00", datatype: RDFGraph.xsd + "dateTime"))
        let contact = graph.blank()
        graph.add(subject, "http://www.w3.org/ns/dcat#contactPoint", contact)
        graph.add(contact, "http://www.w3.org/2006/vcard/ns#fn", .literal("Büro"))
        let turtle = graph.turtle(prefixes: [("dcat", "http://www.w3.org/ns/dcat#"), ("dct", "http://purl.org/dc/terms/"),
                                               ("xsd", RDFGraph.xsd)])
        #expect(turtle.contains("<http://example.org/a%20b> a dcat:Dataset ;"))
        #expect(turtle.contains(#"dct:title "Zitat \"x\"\nzweite Zeile \\ Ende"@de"#))
        #expect(turtle.contains(#""2026-01-01T00:00:00+01:00"^^xsd:dateTime"#))
        #expect(turtle.contains("dcat:contactPoint _:b1 ."))
        #expect(turtle.contains("<http://www.w3.org/2006/vcard/ns#fn> \"Büro\" ."), "no prefix given: the full IRI")
        let nodes = try #require(try JSONSerialization.jsonObject(with: Data(try graph.jsonLD())) as? [[String: Any]])
        #expect(nodes.count == 2)
        let dataset = try #require(nodes.first { $0["@id"] as? String == "http://example.org/a b" })
        #expect(dataset["@type"] as? [String] == ["http://www.w3.org/ns/dcat#Dataset"])
        let title = (dataset["http://purl.org/dc/terms/title"] as? [[String: String]])?.first
        #expect(title?["@value"] == "Zitat \"x\"\nzweite Zeile \\ Ende" && title?["@language"] == "de")
        #expect((dataset["http://www.w3.org/ns/dcat#contactPoint"] as? [[String: String]])?.first?["@id"] == "_:b1")
    }
}
