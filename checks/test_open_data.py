"""The open-data interfaces against their own descriptions: schemathesis generates requests from the
served OpenAPI document (valid and invalid ones, for every operation) and checks every answer against
it: status codes, content types, the schemas with their allow-lists, problem documents."""
import pathlib
import re
import shutil
import subprocess
import sys
import urllib.request

from conftest import ARTIFACTS


def schemathesis():
    found = shutil.which("schemathesis") or shutil.which("st")
    return [found] if found else [sys.executable, "-m", "schemathesis.cli"]


def test_api_holds_to_its_openapi_document(server):
    report = ARTIFACTS / "schemathesis"
    report.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        schemathesis() + ["run", f"{server.url}/api/v1/openapi.json", "--checks", "all", "--max-examples", "60",
                          "--report", "junit", "--report-dir", str(report), "--no-color"],
        capture_output=True, text=True, timeout=600)
    summary = result.stdout[-6000:]
    (report / "output.txt").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, summary
    counts = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    assert counts and int(counts.group(1)) == int(counts.group(2)) >= 300, summary


FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures" / "dcat-ap.de-2.0"
SHAPES = ["dcat-ap_2.1.1_shacl_shapes.ttl", "dcat-ap-spec-german-messages.ttl", "dcat-ap-spec-german-additions.ttl",
          "dcat-ap-de-deprecated.ttl"]


def catalogue(server, suffix, fmt):
    import rdflib
    with urllib.request.urlopen(f"{server.url}/dcat/catalog.{suffix}", timeout=30) as response:
        assert response.status == 200
        graph = rdflib.Graph()
        graph.parse(data=response.read().decode("utf-8"), format=fmt)
    return graph


def violations(data):
    """pySHACL's results of severity Violation, as (focus node, path, message) for a readable failure."""
    import pyshacl
    import rdflib
    from rdflib.namespace import SH
    shapes = rdflib.Graph()
    for name in SHAPES:
        shapes.parse(FIXTURES / name, format="turtle")
    # The vocabularies join the data, as the official validator's owl:imports do.
    graph = rdflib.Graph()
    for triple in data:
        graph.add(triple)
    graph.parse(FIXTURES / "vocabulary-excerpt.ttl", format="turtle")
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none",
                                           allow_warnings=True, meta_shacl=False, advanced=True)
    found = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) == SH.Violation:
            found.append((str(report.value(result, SH.focusNode)), str(report.value(result, SH.resultPath)),
                          str(report.value(result, SH.resultMessage))))
    return found


def test_dcat_catalogue_has_no_violations_of_dcat_ap_de(server):
    from rdflib.compare import isomorphic
    turtle = catalogue(server, "ttl", "turtle")
    jsonld = catalogue(server, "jsonld", "json-ld")
    assert isomorphic(turtle, jsonld), "Turtle and JSON-LD say the same"
    assert len(turtle) > 200
    found = violations(turtle)
    assert found == [], "\n".join(" | ".join(item) for item in found[:20])


def test_dcat_check_can_fail(server):
    """A distribution without its licence and a dataset without its title are caught."""
    import rdflib
    graph = catalogue(server, "ttl", "turtle")
    DCT = rdflib.Namespace("http://purl.org/dc/terms/")
    DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    distribution = next(graph.subjects(rdflib.RDF.type, DCAT.Distribution))
    graph.remove((distribution, DCT.license, None))
    dataset = next(graph.subjects(rdflib.RDF.type, DCAT.Dataset))
    graph.remove((dataset, DCT.title, None))
    paths = {path for _, path, _ in violations(graph)}
    assert str(DCT.title) in paths
