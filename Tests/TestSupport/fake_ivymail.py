#!/usr/bin/env python3
"""A fake IvyMail API for ivyscan's verification tests (never a real key).

Implements the documented contract of POST /v1/send:
  - unknown or revoked key: 401 {"success": false, "error": "Invalid or missing API key"}
  - active key, incomplete body: 422 (or 400) {"success": false, "error": "..."}
  - active key, complete email (from_email, to, subject, text/html): 200, and
    the request is counted as a send. Tests assert that count stays zero.

Keys come from --keys FILE, one "KEY BEHAVIOUR" per line. Behaviours:
  active, active400, revoked, restricted (403 JSON), ratelimit (429 +
  Retry-After), flaky (503 for the first --flaky-count requests of that key,
  with Retry-After when --retry-after is given),
  slow (sleeps --delay s first), html (a firewall page), redirect (302),
  ok (200 to anything).
--mode BEHAVIOUR applies one of those to every request, whatever the key.
--retry-after VALUE is sent as is (default 1), except "date:+N" / "date:-N":
an HTTP-date (IMF-fixdate) N seconds from the time of the answer.
GET /__stats answers {"requests", "sends", "times": [monotonic seconds],
"per_key": {key: count}, "user_agents": [...], "max_in_flight"}.
Prints "PORT <n>" on startup.
"""
import argparse
import email.utils
import json
import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--keys")
parser.add_argument("--mode")
parser.add_argument("--retry-after")
parser.add_argument("--delay", type=float, default=2.0)
parser.add_argument("--flaky-count", type=int, default=1)
args = parser.parse_args()
# A test runner may start us with SIGTERM ignored; make sure it stops us.
signal.signal(signal.SIGTERM, signal.SIG_DFL)

behaviours = {}
if args.keys:
    with open(args.keys) as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 2:
                behaviours[parts[0]] = parts[1]

lock = threading.Lock()
stats = {"requests": 0, "sends": 0, "times": [], "per_key": {}, "user_agents": [], "max_in_flight": 0}
in_flight = [0]


def retry_after():
    value = args.retry_after or "1"
    if value.startswith("date:"):
        return email.utils.formatdate(time.time() + float(value[5:]), usegmt=True)
    return value


def sendable(body):
    return (isinstance(body, dict) and body.get("from_email") and isinstance(body.get("to"), list)
            and len(body["to"]) > 0 and body.get("subject") and (body.get("text") or body.get("html")))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_):
        pass

    def answer(self, status, body, content_type="application/json", headers=None):
        data = (json.dumps(body) if content_type == "application/json" else body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/__stats":
            with lock:
                self.answer(200, stats)
        else:
            self.answer(404, {"success": False, "error": "Not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        key = self.headers.get("x-api-key")
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            body = None
        with lock:
            stats["requests"] += 1
            stats["times"].append(time.monotonic())
            stats["user_agents"].append(self.headers.get("User-Agent", ""))
            count = stats["per_key"].get(key or "", 0) + 1
            stats["per_key"][key or ""] = count
            in_flight[0] += 1
            stats["max_in_flight"] = max(stats["max_in_flight"], in_flight[0])
        try:
            self.respond(key, body, count)
        finally:
            with lock:
                in_flight[0] -= 1

    def respond(self, key, body, count):
        behaviour = args.mode or behaviours.get(key or "", "revoked")
        if self.path != "/v1/send":
            return self.answer(404, {"success": False, "error": "Not found"})
        if behaviour == "slow":
            time.sleep(args.delay)
            behaviour = "active"
        if behaviour == "flaky":
            if count <= args.flaky_count:
                headers = {"Retry-After": retry_after()} if args.retry_after else None
                return self.answer(503, {"success": False, "error": "Service unavailable"}, headers=headers)
            behaviour = "active"
        if behaviour == "ratelimit":
            return self.answer(429, {"success": False, "error": "Too many requests"}, headers={"Retry-After": retry_after()})
        if behaviour == "html":
            return self.answer(403, "<html><body><h1>Access denied</h1>by Corporate Firewall</body></html>", "text/html")
        if behaviour == "redirect":
            return self.answer(302, "", "text/plain", {"Location": "https://elsewhere.invalid/v1/send"})
        if behaviour == "ok":
            if sendable(body):
                with lock:
                    stats["sends"] += 1
            return self.answer(200, {"success": True, "id": "msg_fake"})
        if not key or behaviour == "revoked":
            return self.answer(401, {"success": False, "error": "Invalid or missing API key"})
        if behaviour == "restricted":
            return self.answer(403, {"success": False, "error": "API key not allowed from this IP address"})
        if sendable(body):
            with lock:
                stats["sends"] += 1
            return self.answer(200, {"success": True, "id": "msg_fake"})
        status = 400 if behaviour == "active400" else 422
        return self.answer(status, {"success": False, "error": "Missing required fields: from_email, to, subject"})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print("PORT %d" % server.server_address[1], flush=True)
server.serve_forever()
