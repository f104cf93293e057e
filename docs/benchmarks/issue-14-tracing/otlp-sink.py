#!/usr/bin/env python3
"""A minimal OTLP/HTTP trace receiver for the tracing-overhead benchmark (docs/benchmarks.md, issue 14).

Accepts POST /v1/traces (application/x-protobuf), answers 200 with an empty ExportTraceServiceResponse, and
counts requests and bytes without decoding them, so the receiver itself costs the two shared cores as little as
possible (a real collector would run elsewhere). Writes its counts to the file given as second argument every 5 s.

    python3 otlp-sink.py 127.0.0.1:4318 .tcc/otlp-sink.json
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {"requests": 0, "bytes": 0, "started": time.time()}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 1 << 16))
            if not chunk:
                break
            remaining -= len(chunk)
        with lock:
            counts["requests"] += 1
            counts["bytes"] += length
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def report(path):
    while True:
        time.sleep(5)
        with lock:
            snapshot = dict(counts, at=time.time())
        with open(path, "w") as out:
            json.dump(snapshot, out)


if __name__ == "__main__":
    host, port = sys.argv[1].rsplit(":", 1)
    threading.Thread(target=report, args=(sys.argv[2],), daemon=True).start()
    ThreadingHTTPServer((host, int(port)), Handler).serve_forever()
