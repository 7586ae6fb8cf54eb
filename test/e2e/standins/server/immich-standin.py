#!/usr/bin/env python3
"""Stand-in for ghcr.io/immich-app/immich-server (API worker, or job handler with IMMICH_WORKERS_EXCLUDE=api).

Verifies (our wiring), against the real programs: it logs in to the real PostgreSQL with the DB_* settings and
the password of DB_PASSWORD_FILE, and to the real Redis as REDIS_USERNAME with REDIS_PASSWORD_FILE (a Lua script
that writes and reads a queue key, as BullMQ does), as Immich does when it boots; it reads and parses
IMMICH_CONFIG_FILE as JSON, writes under /data (the library volume), reaches machineLearning.urls (GET
<url>/ping; healthy while any answers, as Immich serves ML while one does), and, when NODE_EXTRA_CA_CERTS is
set, finds that CA file. Every verdict is what PostgreSQL, Redis or the ML container answered: a wrong password
is refused by PostgreSQL or Redis, not by a rule of this file.
Health: GET /api/server/ping answers {"res":"pong"} only while every check passes (re-run every 5 s), so the
container turns unhealthy when a login is refused or the database stops. The real server's ping answers while
its process runs and it exits at boot when a login fails: the stand-in's health is stricter, never looser.
GET /api/server/config runs a query on the database at each request, as Immich's getSystemConfig does
(hasAdmin), and answers {"isInitialized": ...} from its result, or 503 when the database does not answer within
5 s: it proves the monitoring probe reaches the server's API port and that a database that stops answering
fails it; it cannot prove Immich's own pool wedging (immich-app/immich#31489), only its effect.
`immich-standin check` runs the checks once and prints the problems as JSON (exit 1 when any): the suite runs
it with a wrong password file to see PostgreSQL and Redis refuse it.
`immich-standin ml` prints which URLs answer and which one a request would go to (the first that answers, in
list order). `immich-standin oidc` fetches the OIDC discovery document from oauth.issuerUrl, trusting
NODE_EXTRA_CA_CERTS, as the real server does when a user logs in.
Cannot verify: anything of Immich's own behaviour (migrations, jobs, the web app, OAuth login itself, the
refusal of a first-admin sign-up with IMMICH_ALLOW_SETUP=false), nor that the real server reads
NODE_EXTRA_CA_CERTS only once at start (the stand-in re-reads it).
"""
import http.server
import json
import os
import signal
import ssl
import subprocess
import sys
import threading
import time
import urllib.request

# PID 1 ignores SIGTERM unless it handles it: stop at once, as the real service does.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

HEALTHY_FILE = "/tmp/immich-standin.healthy"
env = os.environ


def config():
    path = env.get("IMMICH_CONFIG_FILE")
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def secret(name):
    """NAME or NAME_FILE, as Immich reads them [environment-variables.md, Docker Secrets]; both set is an error."""
    if env.get(name) and env.get(f"{name}_FILE"):
        raise ValueError(f"both {name} and {name}_FILE are set")
    if env.get(f"{name}_FILE"):
        with open(env[f"{name}_FILE"], encoding="utf-8") as f:
            return f.read().strip()
    return env.get(name, "")


def api_excluded():
    include = env.get("IMMICH_WORKERS_INCLUDE")
    exclude = env.get("IMMICH_WORKERS_EXCLUDE", "").split(",")
    return (include is not None and "api" not in include.split(",")) or "api" in exclude


def problems():
    found = []
    try:
        cfg = config()
    except Exception as e:  # noqa: BLE001 - any failure to read or parse is the finding
        return [f"IMMICH_CONFIG_FILE: {e}"]
    try:
        db_password = secret("DB_PASSWORD")
        redis_password = secret("REDIS_PASSWORD")
    except ValueError as e:
        return [str(e)]
    missing = [k for k in ("DB_HOSTNAME", "DB_PORT", "DB_USERNAME", "DB_DATABASE_NAME") if not env.get(k)] + ([] if db_password else ["DB_PASSWORD(_FILE)"])
    if missing:
        found.append("missing " + ", ".join(missing))
    else:
        r = subprocess.run(
            ["psql", "-h", env["DB_HOSTNAME"], "-p", env["DB_PORT"], "-U", env["DB_USERNAME"], "-d", env["DB_DATABASE_NAME"], "-tAc", "SELECT 1"],
            env={**env, "PGPASSWORD": db_password, "PGCONNECT_TIMEOUT": "3"}, capture_output=True, text=True, timeout=10,
        )
        if r.returncode != 0 or r.stdout.strip() != "1":
            found.append("database: " + (r.stderr.strip() or r.stdout.strip()))
    # As the real server (ioredis, BullMQ): authenticated as REDIS_USERNAME, then it writes and reads its queue keys.
    redis = ["redis-cli", "-h", env.get("REDIS_HOSTNAME", "redis"), "-p", env.get("REDIS_PORT", "6379"), "--no-auth-warning"]
    if env.get("REDIS_USERNAME"):
        redis += ["--user", env["REDIS_USERNAME"]]
    redis_env = {**env, "REDISCLI_AUTH": redis_password} if redis_password else dict(env)
    r = subprocess.run([*redis, "eval", "redis.call('SET', KEYS[1], ARGV[1]); return redis.call('GET', KEYS[1])", "1", "immich_bull:standin:probe", "ok"],
                       env=redis_env, capture_output=True, text=True, timeout=10)
    if r.stdout.strip() != "ok":
        found.append("redis: " + (r.stderr.strip() or r.stdout.strip()))
    try:
        os.makedirs("/data/upload", exist_ok=True)
        with open("/data/.immich-standin-probe", "w", encoding="utf-8") as f:
            f.write(str(time.time()))
    except OSError as e:
        found.append(f"/data is not writable: {e}")
    ml = cfg.get("machineLearning", {})
    if ml.get("enabled", True):
        # Like Immich: ML works while any URL answers (it tries them in order); down only when none does.
        checked = ml_urls(cfg)
        if not any(c["ok"] for c in checked):
            found.extend(f"machine learning {c['url']}: {c['error']}" for c in checked)
    ca = env.get("NODE_EXTRA_CA_CERTS")
    if ca and not (os.path.isfile(ca) and "BEGIN CERTIFICATE" in open(ca, encoding="utf-8").read()):
        found.append(f"NODE_EXTRA_CA_CERTS {ca}: no certificate there")
    return found


def database_answers():
    """True or False from a query the database itself answers (does any role exist?); None when it does not answer."""
    try:
        r = subprocess.run(
            ["psql", "-h", env["DB_HOSTNAME"], "-p", env["DB_PORT"], "-U", env["DB_USERNAME"], "-d", env["DB_DATABASE_NAME"], "-tAc", "SELECT EXISTS (SELECT 1 FROM pg_roles)"],
            env={**env, "PGPASSWORD": secret("DB_PASSWORD"), "PGCONNECT_TIMEOUT": "3"}, capture_output=True, text=True, timeout=5,
        )
    except (subprocess.TimeoutExpired, KeyError, ValueError):
        return None
    return {"t": True, "f": False}.get(r.stdout.strip()) if r.returncode == 0 else None


def ml_urls(cfg):
    """Every machineLearning.urls entry, in order, with whether GET <url>/ping answers 200."""
    urls = cfg.get("machineLearning", {}).get("urls") or ([env["IMMICH_MACHINE_LEARNING_URL"]] if env.get("IMMICH_MACHINE_LEARNING_URL") else [])
    out = []
    for url in urls:
        try:
            with urllib.request.urlopen(url.rstrip("/") + "/ping", timeout=2) as resp:
                out.append({"url": url, "ok": resp.status == 200, "error": "" if resp.status == 200 else f"HTTP {resp.status}"})
        except Exception as e:  # noqa: BLE001
            out.append({"url": url, "ok": False, "error": str(e)})
    return out


def ml():
    """Prints each ML URL with whether it answers, and the one Immich would send a request to (the first that
    answers, in list order [IMM machine-learning.repository.ts]); exit 1 when none answers."""
    checked = ml_urls(config())
    serving = next((c["url"] for c in checked if c["ok"]), None)
    print(json.dumps({"urls": checked, "serving": serving}))
    return 0 if serving else 1


def watch(state):
    while True:
        try:
            state["problems"] = problems()
        except Exception as e:  # noqa: BLE001
            state["problems"] = [str(e)]
        if state["problems"]:
            print("immich-standin: unhealthy: " + "; ".join(state["problems"]), flush=True)
            if os.path.exists(HEALTHY_FILE):
                os.remove(HEALTHY_FILE)
        else:
            open(HEALTHY_FILE, "w").close()
        time.sleep(5)


def serve(state):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path == "/api/server/ping" and not state["problems"]:
                self._send(200, {"res": "pong"})
            elif self.path == "/api/server/ping":
                self._send(503, {"problems": state["problems"]})
            elif self.path == "/api/server/config":
                answer = database_answers()
                self._send(200, {"isInitialized": answer}) if answer is not None else self._send(503, {"message": "database did not answer"})
            else:
                self._send(404, {"message": "stand-in: only /api/server/ping and /api/server/config"})

        def _send(self, code, body):
            data = json.dumps(body, separators=(",", ":")).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    if env.get("IMMICH_TELEMETRY_INCLUDE"):
        threading.Thread(target=serve_metrics, args=(state,), daemon=True).start()
    port = int(env.get("IMMICH_PORT", "2283"))
    http.server.ThreadingHTTPServer(("0.0.0.0", port), Handler).serve_forever()


def serve_metrics(state):
    """With IMMICH_TELEMETRY_INCLUDE, the real server serves Prometheus metrics on 8081 (API) or 8082 (microservices).
    The stand-in serves one gauge there, its own health: it proves the port and path Prometheus scrapes, not Immich's metrics."""

    class Metrics(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path != "/metrics":
                self.send_response(404)
                self.end_headers()
                return
            body = f"# TYPE immich_standin_healthy gauge\nimmich_standin_healthy {0 if state['problems'] else 1}\n".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    worker = "microservices" if api_excluded() else "api"
    port = int(env.get("IMMICH_API_METRICS_PORT" if worker == "api" else "IMMICH_MICROSERVICES_METRICS_PORT", "8081" if worker == "api" else "8082"))
    http.server.ThreadingHTTPServer(("0.0.0.0", port), Metrics).serve_forever()


def oidc():
    """Prints the issuer of the discovery document at oauth.issuerUrl; exit 1 when it cannot be fetched."""
    issuer = config().get("oauth", {}).get("issuerUrl")
    if not issuer:
        print("oauth.issuerUrl is not set", file=sys.stderr)
        return 1
    ctx = ssl.create_default_context()
    if env.get("NODE_EXTRA_CA_CERTS"):
        ctx.load_verify_locations(env["NODE_EXTRA_CA_CERTS"])
    with urllib.request.urlopen(issuer.rstrip("/") + "/.well-known/openid-configuration", timeout=5, context=ctx) as resp:
        doc = json.load(resp)
    print(json.dumps({"issuer": doc.get("issuer"), "tlsVersion": "checked by the test"}))
    return 0


def check():
    """Runs every check once; prints the problems as JSON, exit 1 when there are any."""
    found = problems()
    print(json.dumps(found))
    return 1 if found else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["check"]:
        sys.exit(check())
    if sys.argv[1:] == ["oidc"]:
        sys.exit(oidc())
    if sys.argv[1:] == ["ml"]:
        sys.exit(ml())
    state = {"problems": ["starting"]}
    threading.Thread(target=watch, args=(state,), daemon=True).start()
    if api_excluded():
        if env.get("IMMICH_TELEMETRY_INCLUDE"):
            threading.Thread(target=serve_metrics, args=(state,), daemon=True).start()
        threading.Event().wait()
    else:
        serve(state)
