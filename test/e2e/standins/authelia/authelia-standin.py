#!/usr/bin/env python3
"""Stand-in for Authelia 4.39.

Proves (our wiring): /config/configuration.yml and /config/users_database.yml are where Authelia reads them
and parse as YAML once every `{{ secret "FILE" }}` template (X_AUTHELIA_CONFIG_FILTERS=template) names a
non-empty file we delivered; every AUTHELIA_*_FILE variable names a non-empty file; the OIDC client secret
file holds a bcrypt or pbkdf2 digest and the JWKS file a PEM private key; the session Redis accepts
session.redis.username with the password of AUTHELIA_SESSION_REDIS_PASSWORD_FILE and lets it write, read and
delete a key in database_index. It writes no sessions of its own (no logins happen here).
It refuses to start otherwise. Once started it answers /api/health, the portal page and the OIDC discovery
document (issuer from the request's host, as Authelia derives it), so the proxy routes and the server's
trust in the proxy's CA can be tested.
Its forward-auth endpoint (/api/authz/forward-auth) decides nothing: it records the request the proxy made
(method, path and every header, as JSON lines in /tmp/forward-auth.jsonl) and answers every request with one
fixed 302 (FORWARD_AUTH_LOCATION, derived from nothing), so the suite can observe what the proxy sent to
Authelia (the X-Forwarded-* headers, the client address, identity headers stripped) and that the proxy relays
Authelia's answer to the visitor unchanged before anything reaches the protected service.
Cannot prove: Authelia's own validation of the file (the schema tests do that), its access-control decisions
(which rule covers which host, the redirect it builds), logins, MFA, subject matching or OIDC flows.
"""
import http.server
import json
import os
import signal
import re
import subprocess
import urllib.parse
import sys

# PID 1 ignores SIGTERM unless it handles it: stop at once, as the real service does.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

import yaml

CONFIG = "/config/configuration.yml"
USERS = "/config/users_database.yml"
FORWARD_AUTH_LOG = "/tmp/forward-auth.jsonl"
FORWARD_AUTH_LOCATION = "https://authelia-standin.invalid/forward-auth-answer"
TEMPLATE = re.compile(r'\{\{\s*secret\s+"([^"]+)"[^}]*\}\}')


def fail(problems):
    for p in problems:
        print(f"authelia-standin: {p}", file=sys.stderr, flush=True)
    sys.exit(1)


def check():
    problems = []
    text = open(CONFIG, encoding="utf-8").read()
    secrets = {}
    for path in TEMPLATE.findall(text):
        if not (os.path.isfile(path) and os.path.getsize(path) > 0):
            problems.append(f"{CONFIG} reads secret file {path}, which is missing or empty")
        else:
            secrets[path] = open(path, encoding="utf-8").read()
    if "template" not in os.environ.get("X_AUTHELIA_CONFIG_FILTERS", "") and TEMPLATE.search(text):
        problems.append("the configuration uses templates but X_AUTHELIA_CONFIG_FILTERS does not enable 'template'")
    cfg = yaml.safe_load(TEMPLATE.sub("'rendered'", text))
    users = yaml.safe_load(open(USERS, encoding="utf-8"))
    if not isinstance(users, dict) or not isinstance(users.get("users"), dict):
        problems.append(f"{USERS} has no users map")
    for key, value in os.environ.items():
        if key.startswith("AUTHELIA_") and key.endswith("_FILE") and not (os.path.isfile(value) and os.path.getsize(value) > 0):
            problems.append(f"{key}={value}: missing or empty")
    for path, content in secrets.items():
        if "digest" in path and not re.match(r"^\$(2[aby]\$\d\d\$[./A-Za-z0-9]{53}|pbkdf2-sha\d+\$\d+\$\S+)$", content.strip()):
            problems.append(f"{path} is not a bcrypt or pbkdf2 digest")
        if "jwks" in path and "PRIVATE KEY-----" not in content:
            problems.append(f"{path} is not a PEM private key")
    redis = ((cfg or {}).get("session") or {}).get("redis")
    if redis:
        # As Authelia: session.redis.username and the password of AUTHELIA_SESSION_REDIS_PASSWORD_FILE, in
        # database_index; the probe writes, reads and deletes a key there, as a session's lifetime does.
        cli = ["redis-cli", "-h", str(redis["host"]), "-p", str(redis.get("port", 6379)), "-n", str(redis.get("database_index", 0)), "--no-auth-warning"]
        if redis.get("username"):
            cli += ["--user", str(redis["username"])]
        run_env = dict(os.environ)
        pw_file = os.environ.get("AUTHELIA_SESSION_REDIS_PASSWORD_FILE")
        if pw_file and os.path.isfile(pw_file):
            run_env["REDISCLI_AUTH"] = open(pw_file, encoding="utf-8").read().strip()
        for args, want in ((["set", "authelia-standin-probe", "ok", "EX", "60"], "OK"), (["get", "authelia-standin-probe"], "ok"), (["del", "authelia-standin-probe"], "1")):
            r = subprocess.run([*cli, *args], env=run_env, capture_output=True, text=True, timeout=10)
            if r.stdout.strip() != want:
                problems.append(f"session redis {redis['host']} ({args[0]}): {r.stderr.strip() or r.stdout.strip()}")
                break
    return problems


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        host = self.headers.get("X-Forwarded-Host") or self.headers.get("Host", "")
        proto = self.headers.get("X-Forwarded-Proto", "https")
        issuer = f"{proto}://{host}"
        # Routed by path alone, as Authelia's router does: Caddy's forward_auth keeps the visitor's query string.
        path = urllib.parse.urlsplit(self.path).path
        if path == "/api/health":
            self._send(200, "application/json", {"status": "OK"})
        elif path == "/.well-known/openid-configuration":
            self._send(200, "application/json", {
                "issuer": issuer,
                "authorization_endpoint": f"{issuer}/api/oidc/authorization",
                "token_endpoint": f"{issuer}/api/oidc/token",
                "jwks_uri": f"{issuer}/jwks.json",
                "response_types_supported": ["code"],
            })
        elif path == "/api/authz/forward-auth":
            self._forward_auth()
        elif path == "/":
            self._send(200, "text/html", "<!doctype html><title>Login - Authelia (stand-in)</title>")
        else:
            self._send(404, "application/json", {"status": "KO"})

    def _forward_auth(self):
        # Recorded as received: the suite judges what the proxy sent, and the answer is the same for every request.
        with open(FORWARD_AUTH_LOG, "a", encoding="utf-8") as f:
            f.write(json.dumps({"method": self.command, "target": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}}) + "\n")
        self.send_response(302)
        self.send_header("Location", FORWARD_AUTH_LOCATION)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, code, ctype, body):
        data = (json.dumps(body) if ctype == "application/json" else body).encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    found = check()
    if found:
        fail(found)
    print("authelia-standin: configuration, users and secrets in place; listening on 9091", flush=True)
    http.server.ThreadingHTTPServer(("0.0.0.0", 9091), Handler).serve_forever()
