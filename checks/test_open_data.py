"""The open-data interfaces against their own descriptions: schemathesis generates requests from the
served OpenAPI document (valid and invalid ones, for every operation) and checks every answer against
it: status codes, content types, the schemas with their allow-lists, problem documents."""
import re
import shutil
import subprocess
import sys

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
