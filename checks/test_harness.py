"""The harness itself must be able to fail: a deliberately broken page (an input without a label,
user text inserted unescaped) is caught by axe and by the HTML checker."""
import pathlib
import tempfile

from test_accessibility import violations
from test_html import vnu

BROKEN = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Kaputt</title></head>
<body><main><h1>Kaputt</h1><form><input type="text" name="q"></form>
<p title="x"onmouseover=alert(1)>Eingabe: <b>ungeschlossen</p></main></body></html>"""


def test_axe_catches_a_missing_label(browser):
    page = browser.new_page()
    page.set_content(BROKEN)
    ids = {v["id"] for v in violations(page)}
    page.close()
    assert "label" in ids


def test_vnu_catches_unescaped_markup():
    folder = tempfile.mkdtemp(prefix="konvent-broken-")
    (pathlib.Path(folder) / "broken.html").write_text(BROKEN)
    result = vnu(folder)
    assert result.returncode != 0
    assert "error" in result.stdout.lower() or "error" in result.stderr.lower()
