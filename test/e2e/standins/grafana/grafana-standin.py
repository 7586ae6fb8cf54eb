#!/usr/bin/env python3
"""Stand-in for Grafana, as immich-iac runs it.

Proves (our wiring), refusing to start otherwise:
- GF_PATHS_CONFIG names the grafana.ini we upload; it parses as INI; every `$__file{PATH}` in it names a
  non-empty file we delivered, and no value looks like an inline secret;
- logins go only through the generic OAuth client (login form, basic auth, anonymous access and sign-up off),
  whose authorize, token and userinfo URLs sit on one https issuer; `tls_client_ca`, when set, is a PEM
  certificate the container can read;
- the provisioning directory holds a Prometheus data source with a uid, and the dashboard provider's path holds
  dashboards that reference no other data source uid;
- the data directory (Grafana's SQLite volume) is writable by the user the container runs as;
- the OIDC discovery document of that issuer is reachable from this container through the proxy, trusting
  `tls_client_ca`, and names the token endpoint grafana.ini uses (retried for a minute: the proxy may still
  be starting).
Once started it answers /api/health and /metrics (the proxy's route and Prometheus' scrape) and nothing else:
it plays no part of the login, so nothing about the login is asserted from it (the suite reads the grafana.ini
the container was given and Authelia's configuration instead).
Cannot prove: Grafana's own parsing of grafana.ini and the provisioning files (the renderer's tests check the
keys against Grafana's documentation), that the dashboards render, the redirect Grafana builds (client, callback,
PKCE challenge), the OAuth code exchange, or Grafana's role mapping (a non-admin refused): Grafana is not built
here (AGPL, not served by the Go module proxy) and no image registry is reachable.
"""
import configparser
import glob
import http.server
import json
import os
import re
import signal
import ssl
import sys
import time
import urllib.parse
import urllib.request

import yaml

# PID 1 ignores SIGTERM unless it handles it: stop at once, as the real service does.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

FILE_REF = re.compile(r"^\$__file\{([^}]+)\}$")


def fail(problems):
    for p in problems:
        print(f"grafana-standin: {p}", file=sys.stderr, flush=True)
    sys.exit(1)


def load_ini(path):
    ini = configparser.ConfigParser(interpolation=None, comment_prefixes=(";", "#"), inline_comment_prefixes=None)
    with open(path, encoding="utf-8") as f:
        ini.read_file(f)
    return ini


def check(ini):
    problems = []
    for section in ini.sections():
        for key, value in ini.items(section):
            m = FILE_REF.match(value.strip())
            if m:
                p = m.group(1)
                if not (os.path.isfile(p) and os.path.getsize(p) > 0):
                    problems.append(f"[{section}] {key}: $__file{{{p}}} names no non-empty file")
            elif key in ("admin_password", "secret_key", "client_secret") and value.strip():
                problems.append(f"[{section}] {key}: an inline value (expected $__file{{…}})")
    get = lambda s, k, d="": ini.get(s, k, fallback=d).strip()
    off = {("auth", "disable_login_form"): "true", ("auth.basic", "enabled"): "false", ("auth.anonymous", "enabled"): "false", ("users", "allow_sign_up"): "false", ("auth.generic_oauth", "enabled"): "true", ("auth.generic_oauth", "auto_login"): "true", ("auth.generic_oauth", "use_pkce"): "true"}
    for (s, k), want in off.items():
        if get(s, k).lower() != want:
            problems.append(f"[{s}] {k}: expected {want}, got {get(s, k) or 'nothing'}")
    root_url = get("server", "root_url")
    if not root_url.startswith("https://") or not root_url.endswith("/"):
        problems.append(f"[server] root_url: expected https://<host>/, got {root_url!r}")
    urls = {k: get("auth.generic_oauth", k) for k in ("auth_url", "token_url", "api_url")}
    issuers = {u.split("/api/oidc/")[0] for u in urls.values()}
    if len(issuers) != 1 or not all(u.startswith("https://") and "/api/oidc/" in u for u in urls.values()):
        problems.append(f"[auth.generic_oauth] auth_url, token_url, api_url: expected one https issuer's /api/oidc/ endpoints, got {urls}")
    ca = get("auth.generic_oauth", "tls_client_ca")
    if ca:
        try:
            with open(ca, encoding="ascii") as f:
                if "BEGIN CERTIFICATE" not in f.read():
                    problems.append(f"[auth.generic_oauth] tls_client_ca {ca}: not a PEM certificate")
        except OSError as e:
            problems.append(f"[auth.generic_oauth] tls_client_ca {ca}: {e.strerror}")

    prov = get("paths", "provisioning", "/etc/grafana/provisioning")
    uids = set()
    for path in sorted(glob.glob(f"{prov}/datasources/*.yaml")):
        for ds in (yaml.safe_load(open(path, encoding="utf-8")) or {}).get("datasources") or []:
            if ds.get("type") == "prometheus" and ds.get("uid"):
                uids.add(ds["uid"])
    if not uids:
        problems.append(f"{prov}/datasources: no Prometheus data source with a uid")
    boards = []
    for path in sorted(glob.glob(f"{prov}/dashboards/*.yaml")):
        for provider in (yaml.safe_load(open(path, encoding="utf-8")) or {}).get("providers") or []:
            boards += sorted(glob.glob(f"{(provider.get('options') or {}).get('path', '')}/*.json"))
    if not boards:
        problems.append(f"{prov}/dashboards: no provider path holds a dashboard")
    for path in boards:
        used = set()

        def walk(node):
            if isinstance(node, dict):
                ds = node.get("datasource")
                if isinstance(ds, dict) and "uid" in ds:
                    used.add(ds["uid"])
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)

        walk(json.load(open(path, encoding="utf-8")))
        if used - uids:
            problems.append(f"{path}: references data source uid {sorted(used - uids)} that is not provisioned ({sorted(uids)})")

    data = get("paths", "data", "/var/lib/grafana")
    try:
        probe = os.path.join(data, ".standin-write-test")
        with open(probe, "w", encoding="ascii") as f:
            f.write("ok")
        os.remove(probe)
    except OSError as e:
        problems.append(f"[paths] data {data}: not writable as uid {os.getuid()} ({e.strerror})")
    return problems


def discovery(ini):
    token_url = ini.get("auth.generic_oauth", "token_url").strip()
    issuer = token_url.split("/api/oidc/")[0]
    ctx = ssl.create_default_context()
    ca = ini.get("auth.generic_oauth", "tls_client_ca", fallback="").strip()
    if ca:
        ctx.load_verify_locations(cafile=ca)
    last = ""
    for _ in range(30):
        try:
            with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", context=ctx, timeout=5) as r:
                doc = json.load(r)
            if doc.get("token_endpoint") != token_url:
                return [f"OIDC discovery at {issuer}: token_endpoint {doc.get('token_endpoint')!r}, grafana.ini says {token_url!r}"]
            print(f"grafana-standin: OIDC discovery at {issuer} matches grafana.ini", flush=True)
            return []
        except Exception as e:  # noqa: BLE001 - any failure is retried, then reported
            last = str(e)
            time.sleep(2)
    return [f"OIDC discovery at {issuer}: {last}"]


class Handler(http.server.BaseHTTPRequestHandler):
    ini = None

    def do_GET(self):  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        if path == "/api/health":
            self._send(200, "application/json", json.dumps({"database": "ok", "version": "stand-in"}))
        elif path == "/metrics":
            self._send(200, "text/plain; version=0.0.4", 'grafana_build_info{edition="stand-in"} 1\n')
        else:
            self._send(404, "application/json", json.dumps({"message": "Not found"}))

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
    config = os.environ.get("GF_PATHS_CONFIG", "/etc/grafana/grafana.ini")
    try:
        ini = load_ini(config)
    except (OSError, configparser.Error) as e:
        fail([f"{config}: {e}"])
    found = check(ini) or discovery(ini)
    if found:
        fail(found)
    Handler.ini = ini
    port = ini.getint("server", "http_port", fallback=3000)
    print(f"grafana-standin: configuration, provisioning and secrets in place; listening on {port}", flush=True)
    http.server.ThreadingHTTPServer(("0.0.0.0", port), Handler).serve_forever()
