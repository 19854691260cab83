"""Fixtures for the quality harness: a real Konvent server on 127.0.0.1 with a fresh database and a
real SMTP sink, and a headless Chromium from Debian (nothing downloads a browser)."""
import os
import pathlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = pathlib.Path(os.environ.get("KONVENT_ARTIFACTS", ROOT / "artifacts"))
CHROMIUM = os.environ.get("KONVENT_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def konvent_binary():
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    binary = pathlib.Path(path) / "konvent"
    if not binary.exists():
        raise RuntimeError(f"{binary} is missing: run `swift build` first")
    return binary


class MailSink:
    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.process = subprocess.Popen(["python3", str(ROOT / "scripts/smtp_sink.py"), str(folder)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"SMTP sink did not start: {line!r}")
        self.port = int(line.split()[1])

    def messages(self):
        import email
        from email import policy
        out = []
        for path in sorted(self.folder.glob("*.eml")):
            out.append(email.message_from_bytes(path.read_bytes(), policy=policy.default))
        return out

    def wait_for(self, recipient, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for message in self.messages():
                if recipient in message.get("X-Envelope-To", ""):
                    return message
            time.sleep(0.2)
        raise AssertionError(f"no mail for {recipient} within {timeout}s")

    @staticmethod
    def text(message):
        """The plain-text body, also of a mail with attachments."""
        return message.get_body(preferencelist=("plain",)).get_content()

    def with_subject(self, recipient, subject_start, timeout=20):
        """The first mail to `recipient` whose subject starts so, waiting for it to arrive."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for message in self.messages():
                if recipient in message.get("X-Envelope-To", "") and str(message["Subject"]).startswith(subject_start):
                    return message
            time.sleep(0.2)
        raise AssertionError(f"no mail for {recipient} starting {subject_start!r} within {timeout}s")

    def attachments(self, recipient, subject_start):
        """(filename, content type, text) of each file of that mail."""
        message = self.with_subject(recipient, subject_start)
        return [(part.get_filename(), part.get_content_type(), part.get_content()) for part in message.iter_attachments()]

    def wait_for_body(self, recipient, text, timeout=20):
        """The body of the first mail to `recipient` that contains `text`."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for message in self.messages():
                if recipient in message.get("X-Envelope-To", "") and text in self.text(message):
                    return self.text(message)
            time.sleep(0.2)
        raise AssertionError(f"no mail for {recipient} containing {text!r} within {timeout}s")

    def link(self, recipient, prefix):
        body = self.text(self.wait_for(recipient))
        match = re.search(re.escape(prefix) + r"\S+", body)
        assert match, body
        return match.group(0)

    def stop(self):
        self.process.stdin.close()
        self.process.terminate()
        self.process.wait(5)


def self_signed_certificate(folder):
    """A throw-away certificate for 127.0.0.1, so that a server can be checked as it runs under https."""
    cert, key = f"{folder}/cert.pem", f"{folder}/key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    return cert, key


class Server:
    def __init__(self, mail, tls=False, extra_env=None):
        self.port = free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.folder = tempfile.mkdtemp(prefix="konvent-check-")
        self.log = open(pathlib.Path(self.folder) / "server.log", "w")
        # Every check signs in from 127.0.0.1, dozens of times per run: the per-address sign-in limit
        # (tested in the Swift tests) would otherwise answer 429 halfway through.
        env = dict(os.environ, KONVENT_SMTP_URL=f"smtp://127.0.0.1:{mail.port}", KONVENT_BCRYPT_COST="10",
                   LOG_LEVEL="warning", KONVENT_BASE_URL=self.url, KONVENT_RATE_LIMIT_FACTOR="50")
        env.update(extra_env or {})
        if tls:
            env["KONVENT_TLS_CERT"], env["KONVENT_TLS_KEY"] = self_signed_certificate(self.folder)
        self.process = subprocess.Popen(
            [str(konvent_binary()), "demo", "--port", str(self.port), "--database",
             f"sqlite:{self.folder}/konvent.sqlite"], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                import ssl
                urllib.request.urlopen(self.url + "/health", timeout=1, context=ssl._create_unverified_context())
                return
            except Exception:
                if self.process.poll() is not None:
                    raise RuntimeError("konvent exited early; see " + self.log.name)
                time.sleep(0.2)
        raise RuntimeError("konvent did not answer /health")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        self.log.close()


@pytest.fixture(scope="session")
def mail():
    folder = tempfile.mkdtemp(prefix="konvent-mail-")
    sink = MailSink(folder)
    yield sink
    sink.stop()


@pytest.fixture(scope="session")
def server(mail):
    instance = Server(mail)
    yield instance
    instance.stop()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)


DEMO_PASSWORD = "demo-passwort-2026"


def sign_in(page, server, email, password=DEMO_PASSWORD):
    page.goto(server.url + "/login")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
