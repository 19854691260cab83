"""axe-core in the real browser on every page type: no WCAG 2.1 A/AA violations."""
import json

from axe_playwright_python.sync_playwright import Axe

from conftest import ARTIFACTS
from pages import visit_all

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return results.response["violations"]


def test_no_axe_violations(browser, server):
    found = {}

    def check(page, name, _response):
        problems = violations(page)
        if problems:
            found[name] = [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]} for v in problems]

    visited = visit_all(browser, server, check)
    assert len(visited) >= 20
    if found:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "axe-violations.json").write_text(json.dumps(found, indent=2, ensure_ascii=False))
    assert not found, json.dumps(found, indent=2, ensure_ascii=False)
