"""The operator's mail server and webhook endpoint for the alerts suite (see the Dockerfile's header).

Environment: SMTP_USER, SMTP_PASSWORD (what AUTH must present), WEBHOOK_PATH (the only path that is recorded),
TLS_CERT, TLS_KEY (the server's certificate chain and key). Everything received goes under /out:
  /out/mail/<n>.eml      each accepted message (after STARTTLS and a successful AUTH)
  /out/hook/<n>.json     each POST to WEBHOOK_PATH
  /out/events.log        one line per refused AUTH, refused plain-text command, or POST elsewhere
"""
import http.server
import itertools
import os
import ssl
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

OUT = "/out"
USER = os.environ["SMTP_USER"].encode()
PASSWORD = os.environ["SMTP_PASSWORD"].encode()
HOOK_PATH = os.environ["WEBHOOK_PATH"]
counter = itertools.count(1)
lock = threading.Lock()


def record(kind: str, data: bytes) -> None:
    with lock:
        n = next(counter)
        os.makedirs(f"{OUT}/{kind}", exist_ok=True)
        tmp = f"{OUT}/{kind}/.{n}.tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, f"{OUT}/{kind}/{n:05d}.{'eml' if kind == 'mail' else 'json'}")


def event(line: str) -> None:
    with lock, open(f"{OUT}/events.log", "a") as f:
        f.write(f"{time.strftime('%H:%M:%S')} {line}\n")


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER and auth_data.password == PASSWORD
    if not ok:
        event(f"smtp auth refused ({mechanism})")
    return AuthResult(success=ok)


class Handler:
    async def handle_DATA(self, server, session, envelope):
        # aiosmtpd refuses MAIL before STARTTLS and AUTH (require_starttls, auth_required): checked again here.
        if not session.authenticated:
            event("smtp message refused: not authenticated")
            return "530 Authentication required"
        record("mail", envelope.original_content or envelope.content)
        return "250 OK"


class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path != HOOK_PATH:
            event("webhook POST to another path refused")
            self.send_response(404)
        else:
            record("hook", body)
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(os.environ["TLS_CERT"], os.environ["TLS_KEY"])
    smtp = Controller(
        Handler(),
        hostname="0.0.0.0",
        port=587,
        server_hostname="mail.alerts.test",
        tls_context=tls,
        require_starttls=True,
        auth_required=True,
        auth_require_tls=True,
        authenticator=authenticator,
        # aiosmtpd's LOGIN challenges are "User Name\0" and "Password\0", where servers like Postfix/Dovecot send
        # "Username:" and "Password:", which Alertmanager's LOGIN client expects: offer PLAIN only (over TLS).
        auth_exclude_mechanism=["LOGIN"],
    )
    smtp.start()
    server = http.server.ThreadingHTTPServer(("0.0.0.0", 8080), Hook)
    print("receivers: SMTP on 587 (STARTTLS, AUTH), webhook on 8080", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
