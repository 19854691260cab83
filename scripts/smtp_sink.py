#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests: stores every message it receives as DIR/<n>.eml.

Usage: smtp_sink.py DIR [PORT] [--tls-cert PEM --tls-key PEM] [--auth USER:PASSWORD]
(prints "PORT <n>" once it accepts connections; PORT 0 picks a free one)

With a certificate it offers STARTTLS and requires it; with --auth it requires AUTH (PLAIN or LOGIN) after
STARTTLS, as an office's mail relay on port 587 does. Each stored message begins with what the session was:
X-Sink-Helo, X-Sink-TLS (yes/no) and X-Sink-Auth (the user, or none).
"""
import argparse
import os
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Store:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, f"{self.count:05d}.eml")
        user = getattr(session, "sink_user", None) or "none"
        with open(path + ".part", "wb") as f:
            f.write(b"X-Envelope-To: " + ", ".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(b"X-Sink-Helo: " + (session.host_name or "").encode() + b"\r\n")
            f.write(b"X-Sink-TLS: " + (b"yes" if session.ssl is not None else b"no") + b"\r\n")
            f.write(b"X-Sink-Auth: " + user.encode() + b"\r\n")
            f.write(envelope.original_content)
        os.replace(path + ".part", path)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def authenticator(expected):
    user, password = expected.split(":", 1)

    def check(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        if ok:
            session.sink_user = user
        return AuthResult(success=ok, handled=False)

    return check


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("port", nargs="?", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--auth")
    args = parser.parse_args()
    folder = args.folder
    os.makedirs(folder, exist_ok=True)
    options = {}
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        options.update(tls_context=context, require_starttls=True)
    if args.auth:
        options.update(authenticator=authenticator(args.auth), auth_required=True, auth_require_tls=True)
    controller = Controller(Store(folder), hostname="127.0.0.1", port=args.port or free_port(), **options)
    controller.start()
    print(f"PORT {controller.port}", flush=True)
    try:
        # Ends when the test process closes our stdin, or after an hour at most.
        deadline = time.time() + 3600
        while time.time() < deadline and sys.stdin.read(1):
            pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
