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

The API `immich-iac libraries sync` and `immich-iac import` (through the real @immich/cli) call, as Immich
serves it on the API port: users/me, api-keys/me, admin/users, server/version, server/media-types,
assets/bulk-upload-check, assets (multipart upload), assets/statistics, libraries (list, create, get, update,
delete) and libraries/{id}/scan. Every request body is validated against JSON Schemas generated from
@immich/sdk's published types (sdk-schemas.json beside this file, in the image in /usr/local/share/immich-standin;
checked against the installed SDK by test/libraries/standin-schemas.test.ts) with the small validator below,
which knows exactly the keywords those schemas use and refuses to start on any other (query strings are not
checked: the clients send none that matter). Every answer is validated against its response type before it
is sent. It refuses what the real server refuses: no or an unknown x-api-key -> 401, a non-admin key on an
admin route -> 403, a body that is not JSON or not of the type -> 400, an id that is no UUID -> 400, an
unknown library -> 404; on top of the types, the server-side rules Immich adds (UUID owner, ISO dates, at
most 128 unique import paths and exclusion patterns). Unknown JSON fields are refused (Immich's validation
pipe may only strip them: stricter, never looser); unknown multipart fields are stripped, as Immich does (the
CLI sends fileSize, which the DTO lacks). Uploads are deduplicated per owner by the file's SHA-1, as Immich
does: bulk-upload-check answers reject/duplicate for a known checksum, and an upload of known content answers
status "duplicate" without storing it again. Each new asset's bytes are written to
/data/upload/<userId>/<xx>/<yy>/<uuid><ext> on the library volume (Immich's upload layout); each upload
request's checksum is appended to /tmp/immich-standin-uploads.log, each scan (with whether each import path
is a readable folder in this container) to /tmp/immich-standin-scans.log.
Users and API keys come from `immich-standin seed` (JSON on stdin: {"users": [{"email", "name", "isAdmin"}],
"apiKeys": [{"secret", "email"}]}), which stands for users logging in once with OIDC and an admin creating a key
in the web app: neither can happen without Immich.
Cannot verify, of that API: Immich's indexing. A scan reads no files, creates no assets and leaves assetCount
at 0; no thumbnails, metadata extraction or jobs follow an upload; Immich's permission model is reduced to
"the key is a seeded user's, an admin's for admin routes"; state lives in memory and is lost when the
container restarts.
"""
import base64
import datetime
import email.parser
import email.policy
import hashlib
import http.server
import json
import os
import re
import signal
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid

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


# ---- Immich's API, as libraries sync and @immich/cli call it -------------------------------------------------

SCHEMA_FILE = env.get("IMMICH_STANDIN_SCHEMAS", "/usr/local/share/immich-standin/sdk-schemas.json")
SEED_FILE = "/tmp/immich-standin-seed.json"
UPLOADS_LOG = "/tmp/immich-standin-uploads.log"
SCANS_LOG = "/tmp/immich-standin-scans.log"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# The keywords ts-json-schema-generator emits for the types in sdk-schemas.json; any other stops the stand-in.
KNOWN_KEYWORDS = {"type", "properties", "items", "description", "required", "additionalProperties", "$ref", "anyOf", "enum"}
MEDIA_TYPES = {"image": [".jpg", ".jpeg", ".png", ".heic", ".webp"], "video": [".mp4", ".mov"], "sidecar": [".xmp"]}


def load_schemas(path=SCHEMA_FILE):
    with open(path, encoding="utf-8") as f:
        defs = json.load(f)["definitions"]

    def check(node, where):
        if isinstance(node, list):
            for n in node:
                check(n, where)
        elif isinstance(node, dict):
            unknown = set(node) - KNOWN_KEYWORDS
            if unknown:
                raise ValueError(f"{where}: schema keyword(s) {sorted(unknown)} the stand-in's validator does not know")
            for k, v in node.items():
                if k == "properties":
                    for name, sub in v.items():
                        check(sub, f"{where}.{name}")
                elif k in ("items", "anyOf", "additionalProperties"):
                    check(v, where)

    for name, d in defs.items():
        check(d, name)
    return defs


class Schemas:
    def __init__(self, defs):
        self.defs = defs

    def errors(self, type_name, value):
        out = []
        self._validate({"$ref": f"#/definitions/{type_name}"}, value, "", out)
        return out

    def _validate(self, schema, value, path, out):
        if "$ref" in schema:
            return self._validate(self.defs[schema["$ref"].rsplit("/", 1)[-1]], value, path, out)
        if "anyOf" in schema:
            if not any(not self._sub(s, value, path) for s in schema["anyOf"]):
                out.append(f"{path or '/'} must match a schema in anyOf")
            return
        if "enum" in schema and value not in schema["enum"]:
            out.append(f"{path or '/'} must be one of {schema['enum']}")
            return
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_is_type(value, t) for t in types):
                out.append(f"{path or '/'} must be {' or '.join(types)}")
                return
        if isinstance(value, dict) and ("properties" in schema or "required" in schema or "additionalProperties" in schema):
            props = schema.get("properties", {})
            for r in schema.get("required", []):
                if r not in value:
                    out.append(f"{path or '/'} must have property {r}")
            for k, v in value.items():
                if k in props:
                    self._validate(props[k], v, f"{path}/{k}", out)
                elif schema.get("additionalProperties") is False:
                    out.append(f"{path}/{k} is not allowed (no such property)")
                elif isinstance(schema.get("additionalProperties"), dict):
                    self._validate(schema["additionalProperties"], v, f"{path}/{k}", out)
        if isinstance(value, list) and "items" in schema:
            for i, v in enumerate(value):
                self._validate(schema["items"], v, f"{path}/{i}", out)

    def _sub(self, schema, value, path):
        out = []
        self._validate(schema, value, path, out)
        return out


def _is_type(value, t):
    return {
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "string": isinstance(value, str),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "null": value is None,
    }[t]


def iso_date(v):
    if not isinstance(v, str) or not re.match(r"^\d{4}-\d{2}-\d{2}T", v):
        return False
    try:
        datetime.datetime.fromisoformat(v)
        return True
    except ValueError:
        return False


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def seed():
    """Reads {"users": [...], "apiKeys": [...]} on stdin and stores it for the server process (atomic rename)."""
    doc = json.load(sys.stdin)
    users = doc.get("users")
    keys = doc.get("apiKeys")
    if not isinstance(users, list) or not isinstance(keys, list):
        print("seed: expected {\"users\": [...], \"apiKeys\": [...]}", file=sys.stderr)
        return 2
    emails = {u.get("email") for u in users}
    for k in keys:
        if k.get("email") not in emails or not re.match(r"^[A-Za-z0-9_\-+/=.]{16,512}$", str(k.get("secret", ""))):
            print(f"seed: api key for {k.get('email')!r}: no such user, or not a key Immich would issue", file=sys.stderr)
            return 2
    tmp = SEED_FILE + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"users": users, "apiKeys": keys}, f)
    os.replace(tmp, SEED_FILE)
    print(json.dumps({"users": len(users), "apiKeys": len(keys)}))
    return 0


class ApiError(Exception):
    def __init__(self, status, message, error):
        super().__init__(message)
        self.status, self.message, self.error = status, message, error


def bad_request(message):
    return ApiError(400, message, "Bad Request")


class Api:
    """Immich's API as the stand-in serves it; state in memory, guarded by one lock."""

    def __init__(self, schemas):
        self.schemas = schemas
        self.lock = threading.Lock()
        self.libraries = {}  # id -> LibraryResponseDto
        self.assets = {}  # (ownerId, sha1 hex) -> {"id", "type"}
        self.key_ids = {}

    # -- users and keys (from the seed file) --
    def users(self):
        try:
            with open(SEED_FILE, encoding="utf-8") as f:
                doc = json.load(f)
        except FileNotFoundError:
            return [], []
        users = [self.user_dto(u) for u in doc["users"]]
        return users, doc["apiKeys"]

    @staticmethod
    def user_dto(u):
        at = "2026-12-01T10:00:00.000Z"
        return {
            "avatarColor": "primary", "createdAt": at, "deletedAt": None, "email": u["email"],
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "immich-standin:" + u["email"])), "isAdmin": bool(u.get("isAdmin")),
            "license": None, "name": u["name"], "oauthId": "oidc-" + u["email"], "profileChangedAt": at, "profileImagePath": "",
            "quotaSizeInBytes": None, "quotaUsageInBytes": None, "shouldChangePassword": False, "status": "active",
            "storageLabel": None, "updatedAt": at, "clusterGroupId": str(uuid.uuid5(uuid.NAMESPACE_URL, "immich-standin-group:" + u["email"])),
        }

    def authenticate(self, headers):
        key = headers.get("x-api-key")
        if not key:
            raise ApiError(401, "Authentication required", "Unauthorized")
        users, keys = self.users()
        match = next((k for k in keys if k["secret"] == key), None)
        if match is None:
            raise ApiError(401, "Invalid API key", "Unauthorized")
        return next(u for u in users if u["email"] == match["email"]), match

    def answer(self, type_name, body, many=False):
        for item in body if many else [body]:
            errs = self.schemas.errors(type_name, item)
            if errs:
                raise RuntimeError(f"stand-in: its own answer is no {type_name}: {errs}")
        return body

    def body_of(self, type_name, body):
        if body is None:
            raise bad_request(["body must be JSON (Content-Type: application/json)"])
        errs = self.schemas.errors(type_name, body)
        if errs:
            raise bad_request(errs)
        return body

    @staticmethod
    def list_rules(dto):
        for field in ("importPaths", "exclusionPatterns"):
            v = dto.get(field)
            if v is not None and (len(v) > 128 or len(set(v)) != len(v)):
                raise bad_request([f"{field} must contain at most 128 unique elements"])

    def handle(self, method, path, query, headers, raw):
        """Returns (status, body or None)."""
        public = {("GET", "/api/server/version"): lambda: self.answer("ServerVersionResponseDto", {"major": 3, "minor": 2, "patch": 2, "prerelease": None})}
        if (method, path) in public:
            return 200, public[(method, path)]()
        user, key = self.authenticate(headers)
        ctype = headers.get("content-type", "")
        body = None
        if raw and not ctype.startswith("multipart/"):
            if not ctype.startswith("application/json"):
                raise bad_request(["body must be JSON (Content-Type: application/json)"])
            try:
                body = json.loads(raw)
            except ValueError:
                raise bad_request("Unexpected token in JSON") from None
        admin_only = path.startswith("/api/admin/") or path.startswith("/api/libraries")
        if admin_only and not user["isAdmin"]:
            raise ApiError(403, "Forbidden", "Forbidden")
        with self.lock:
            return self.route(method, path, query, user, key, body, ctype, raw)

    def route(self, method, path, query, user, key, body, ctype, raw):
        if method == "GET" and path == "/api/users/me":
            return 200, self.answer("UserAdminResponseDto", user)
        if method == "GET" and path == "/api/api-keys/me":
            kid = self.key_ids.setdefault(key["secret"], str(uuid.uuid4()))
            at = "2026-12-01T10:00:00.000Z"
            return 200, self.answer("ApiKeyResponseDto", {"id": kid, "name": key.get("name", "immich-iac"), "createdAt": at, "updatedAt": at, "permissions": ["all"]})
        if method == "GET" and path == "/api/admin/users":
            return 200, self.answer("UserAdminResponseDto", self.users()[0], many=True)
        if method == "GET" and path == "/api/server/media-types":
            return 200, self.answer("ServerMediaTypesResponseDto", MEDIA_TYPES)
        if method == "GET" and path == "/api/assets/statistics":
            mine = [a for (owner, _), a in self.assets.items() if owner == user["id"]]
            images = sum(1 for a in mine if a["type"] == "IMAGE")
            return 200, self.answer("AssetStatsResponseDto", {"images": images, "videos": len(mine) - images, "total": len(mine)})
        if method == "POST" and path == "/api/assets/bulk-upload-check":
            dto = self.body_of("AssetBulkUploadCheckDto", body)
            results = []
            for a in dto["assets"]:
                have = self.assets.get((user["id"], sha1_hex(a["checksum"])))
                results.append({"id": a["id"], "action": "reject", "reason": "duplicate", "assetId": have["id"], "isTrashed": False} if have else {"id": a["id"], "action": "accept"})
            return 200, self.answer("AssetBulkUploadCheckResponseDto", {"results": results})
        if method == "POST" and path == "/api/assets":
            return self.upload(user, ctype, raw)
        if method == "GET" and path == "/api/libraries":
            return 200, self.answer("LibraryResponseDto", list(self.libraries.values()), many=True)
        if method == "POST" and path == "/api/libraries":
            dto = self.body_of("CreateLibraryDto", body)
            self.list_rules(dto)
            if not UUID_RE.match(dto["ownerId"]):
                raise bad_request(["ownerId must be a UUID"])
            if dto["ownerId"] not in {u["id"] for u in self.users()[0]}:
                raise bad_request("User not found")
            at = now_iso()
            lib = {"id": str(uuid.uuid4()), "name": dto.get("name", "New External Library"), "ownerId": dto["ownerId"], "importPaths": dto.get("importPaths", []),
                   "exclusionPatterns": dto.get("exclusionPatterns", []), "assetCount": 0, "createdAt": at, "updatedAt": at, "refreshedAt": None}
            self.libraries[lib["id"]] = lib
            return 201, self.answer("LibraryResponseDto", lib)
        m = re.match(r"^/api/libraries/([^/]+)(/scan)?$", path)
        if m:
            if not UUID_RE.match(m.group(1)):
                raise bad_request(["id must be a UUID"])
            lib = self.libraries.get(m.group(1))
            if lib is None:
                raise ApiError(404, "Library not found", "Not Found")
            if method == "POST" and m.group(2):
                if body is not None:
                    raise bad_request(["scan takes no body"])
                with open(SCANS_LOG, "a", encoding="utf-8") as f:
                    f.write(json.dumps({"library": lib["name"], "importPaths": [{"path": p, "readableFolder": os.path.isdir(p) and os.access(p, os.R_OK | os.X_OK)} for p in lib["importPaths"]]}) + "\n")
                return 204, None
            if method == "GET" and not m.group(2):
                return 200, self.answer("LibraryResponseDto", lib)
            if method == "PUT" and not m.group(2):
                dto = self.body_of("UpdateLibraryDto", body)
                self.list_rules(dto)
                lib.update(dto)
                lib["updatedAt"] = now_iso()
                return 200, self.answer("LibraryResponseDto", lib)
            if method == "DELETE" and not m.group(2):
                del self.libraries[lib["id"]]
                return 204, None
        raise ApiError(404, f"Cannot {method} {path}", "Not Found")

    def upload(self, user, ctype, raw):
        """POST /api/assets: multipart/form-data of AssetMediaCreateDto; assetData is the file."""
        if not ctype.startswith("multipart/form-data"):
            raise bad_request(["expected multipart/form-data"])
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + raw)
        if not msg.is_multipart():
            raise bad_request(["expected multipart/form-data"])
        fields, data, filename = {}, None, ""
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            if name in ("assetData", "sidecarData") and part.get_filename() is not None:
                fields[name] = {"size": len(payload), "type": part.get_content_type()}
                if name == "assetData":
                    data, filename = payload, part.get_filename()
            elif name:
                fields[name] = payload.decode("utf-8", "replace")
        props = self.schemas.defs["AssetMediaCreateDto"]["properties"]
        dto = {}
        for k, v in fields.items():
            if k not in props:
                continue  # stripped, as Immich's validation pipe does with fields the DTO lacks
            t = props[k].get("type")
            if t == "boolean" and v in ("true", "false"):
                v = v == "true"
            elif t == "number" and isinstance(v, str) and re.match(r"^-?\d+(\.\d+)?$", v):
                v = float(v)
            dto[k] = v
        errs = self.schemas.errors("AssetMediaCreateDto", dto)
        errs += [f"/{k} must be an ISO 8601 date" for k in ("fileCreatedAt", "fileModifiedAt") if k in dto and not iso_date(dto[k])]
        if errs or data is None:
            raise bad_request(errs or ["assetData must be a file"])
        ext = os.path.splitext(filename)[1].lower()
        if ext not in MEDIA_TYPES["image"] + MEDIA_TYPES["video"]:
            raise bad_request([f"Unsupported file type {filename}"])
        sha1 = hashlib.sha1(data).hexdigest()
        with open(UPLOADS_LOG, "a", encoding="utf-8") as f:
            f.write(f"{sha1} {filename}\n")
        have = self.assets.get((user["id"], sha1))
        if have:
            return 200, self.answer("AssetMediaResponseDto", {"id": have["id"], "status": "duplicate"})
        asset_id = str(uuid.uuid4())
        folder = os.path.join("/data/upload", user["id"], asset_id[:2], asset_id[2:4])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, asset_id + ext), "wb") as f:
            f.write(data)
        self.assets[(user["id"], sha1)] = {"id": asset_id, "type": "VIDEO" if ext in MEDIA_TYPES["video"] else "IMAGE"}
        return 201, self.answer("AssetMediaResponseDto", {"id": asset_id, "status": "created"})


def sha1_hex(checksum):
    """Immich takes a SHA-1 as hex or base64."""
    if re.match(r"^[0-9a-fA-F]{40}$", checksum):
        return checksum.lower()
    try:
        raw = base64.b64decode(checksum, validate=True)
    except ValueError:
        return ""
    return raw.hex() if len(raw) == 20 else ""


def serve(state):
    api = Api(Schemas(load_schemas()))

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802
            if self.path == "/api/server/ping" and not state["problems"]:
                self._send(200, {"res": "pong"})
            elif self.path == "/api/server/ping":
                self._send(503, {"problems": state["problems"]})
            elif self.path == "/api/server/config":
                answer = database_answers()
                self._send(200, {"isInitialized": answer}) if answer is not None else self._send(503, {"message": "database did not answer"})
            else:
                self._api("GET")

        def do_POST(self):  # noqa: N802
            self._api("POST")

        def do_PUT(self):  # noqa: N802
            self._api("PUT")

        def do_DELETE(self):  # noqa: N802
            self._api("DELETE")

        def _api(self, method):
            url = urllib.parse.urlsplit(self.path)
            raw = self._body()
            headers = {k.lower(): v for k, v in self.headers.items()}
            try:
                status, body = api.handle(method, url.path, urllib.parse.parse_qs(url.query), headers, raw)
            except ApiError as e:
                status, body = e.status, {"message": e.message, "error": e.error, "statusCode": e.status}
            except Exception as e:  # noqa: BLE001 - the stand-in's own fault: a 500 with the reason, and logged
                print(f"immich-standin: {method} {url.path}: {e}", flush=True)
                status, body = 500, {"message": str(e), "statusCode": 500}
            self._send(status, body)

        def _body(self):
            """The request body, with Content-Length or chunked (as Node's fetch may send a stream)."""
            if "chunked" not in self.headers.get("Transfer-Encoding", "").lower():
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()

        def _send(self, code, body):
            data = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
            self.send_response(code)
            if body is not None:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    if env.get("IMMICH_TELEMETRY_INCLUDE"):
        threading.Thread(target=serve_metrics, args=(state,), daemon=True).start()
    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):  # a client closing its keep-alive
                super().handle_error(request, client_address)

    port = int(env.get("IMMICH_PORT", "2283"))
    Server(("0.0.0.0", port), Handler).serve_forever()


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
    if sys.argv[1:] == ["seed"]:
        sys.exit(seed())
    state = {"problems": ["starting"]}
    threading.Thread(target=watch, args=(state,), daemon=True).start()
    if api_excluded():
        if env.get("IMMICH_TELEMETRY_INCLUDE"):
            threading.Thread(target=serve_metrics, args=(state,), daemon=True).start()
        threading.Event().wait()
    else:
        serve(state)
