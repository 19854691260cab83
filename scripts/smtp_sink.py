#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests: stores every message it receives as DIR/<n>.eml.

Usage: smtp_sink.py DIR [PORT]   (prints "PORT <n>" once it accepts connections; PORT 0 picks a free one)
"""
import os
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, f"{self.count:05d}.eml")
        with open(path + ".part", "wb") as f:
            f.write(b"X-Envelope-To: " + ", ".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.original_content)
        os.replace(path + ".part", path)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Store(folder), hostname="127.0.0.1", port=port or free_port())
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
