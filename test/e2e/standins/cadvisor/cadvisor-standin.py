#!/usr/bin/env python3
"""Stand-in for cAdvisor, as immich-iac runs it.

Proves (our wiring), refusing to start otherwise: the arguments are cAdvisor's flags with values of the right
form (no unknown flag); the bind mounts cAdvisor reads are there and readable — the host root at /rootfs,
/sys with the cgroup tree, the Docker socket, which answers the Engine API (/_ping) — with the user the
container runs as.
Once started it answers /healthz and serves /metrics with one series per running container,
`container_start_time_seconds{name=…}` from the Engine API (the series the restart alert reads), so Prometheus
scrapes a real target.
Cannot prove: cAdvisor's own cgroup accounting (CPU, memory, I/O), its label filtering, or its metric names
beyond that one (they are checked against cAdvisor's source, README).
"""
import http.client
import http.server
import json
import os
import signal
import socket
import sys
from datetime import datetime

signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

KNOWN = {"docker_only", "store_container_labels", "whitelisted_container_labels", "housekeeping_interval", "disable_metrics", "port", "docker"}
SOCKET = "/var/run/docker.sock"


class UnixConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(5)
        self.sock.connect(SOCKET)


def engine(path):
    c = UnixConnection("docker")
    c.request("GET", path)
    r = c.getresponse()
    return r.status, r.read()


def check(argv):
    problems = []
    for arg in argv:
        if not arg.startswith("--") or "=" not in arg:
            problems.append(f"argument {arg!r}: expected --flag=value")
            continue
        flag, value = arg[2:].split("=", 1)
        if flag not in KNOWN:
            problems.append(f"argument {arg!r}: not a flag this stand-in knows cAdvisor to have")
        elif flag in ("docker_only", "store_container_labels") and value not in ("true", "false"):
            problems.append(f"argument {arg!r}: expected true or false")
        elif flag == "housekeeping_interval" and not (value[:-1].isdigit() and value[-1] in "sm"):
            problems.append(f"argument {arg!r}: expected a duration like 30s")
    for path in ("/rootfs/etc", "/sys/fs/cgroup"):
        if not (os.path.isdir(path) and os.access(path, os.R_OK)):
            problems.append(f"{path}: not a readable directory (bind mount missing?)")
    try:
        status, body = engine("/_ping")
        if status != 200 or body != b"OK":
            problems.append(f"{SOCKET}: /_ping answered {status} {body[:40]!r}")
    except OSError as e:
        problems.append(f"{SOCKET}: {e}")
    return problems


def started(iso):
    # Docker writes nanoseconds; Python parses microseconds.
    head, _, frac = iso.rstrip("Z").partition(".")
    return datetime.fromisoformat(head + "+00:00").timestamp() + float("0." + (frac or "0"))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/healthz":
            self._send(200, "text/plain", "ok")
        elif self.path == "/metrics":
            lines = ['cadvisor_version_info{cadvisorVersion="stand-in"} 1', "# TYPE container_start_time_seconds gauge"]
            status, body = engine("/containers/json")
            for c in json.loads(body) if status == 200 else []:
                _, inspect = engine(f"/containers/{c['Id']}/json")
                state = json.loads(inspect)["State"]
                name = c["Names"][0].lstrip("/")
                lines.append(f'container_start_time_seconds{{name="{name}"}} {started(state["StartedAt"]):.3f}')
            self._send(200, "text/plain; version=0.0.4", "\n".join(lines) + "\n")
        else:
            self._send(404, "text/plain", "not found")

    def _send(self, code, ctype, body):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    found = check(sys.argv[1:])
    if found:
        for p in found:
            print(f"cadvisor-standin: {p}", file=sys.stderr, flush=True)
        sys.exit(1)
    print("cadvisor-standin: flags and mounts in place; listening on 8080", flush=True)
    http.server.ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
