#!/usr/bin/env python3
"""Stand-in for ghcr.io/immich-app/immich-machine-learning.

Proves (our wiring): the container starts with our environment, can write its model cache
(MACHINE_LEARNING_CACHE_FOLDER, the model-cache volume) and answers GET /ping on port 3003 (or
MACHINE_LEARNING_PORT) on the network the server reaches it by, so the server's machineLearning.urls work.
Cannot prove: inference, model downloads, or any accelerator (the e2e uses the CPU backend).
"""
import http.server
import os
import signal
import sys

# PID 1 ignores SIGTERM unless it handles it: stop at once, as the real service does.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

cache = os.environ.get("MACHINE_LEARNING_CACHE_FOLDER", "/cache")
os.makedirs(cache, exist_ok=True)
with open(os.path.join(cache, ".immich-standin-probe"), "w", encoding="utf-8") as f:
    f.write("ok")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        ok = self.path == "/ping"
        body = b"pong" if ok else b"not found"
        self.send_response(200 if ok else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


port = int(os.environ.get("MACHINE_LEARNING_PORT", os.environ.get("IMMICH_PORT", "3003")))
http.server.ThreadingHTTPServer(("0.0.0.0", port), Handler).serve_forever()
