"""The upstream image's healthcheck.py: GET http://localhost:<port>/ping within 2 s must return 200."""
import os
import sys
import urllib.request

port = os.environ.get("MACHINE_LEARNING_PORT", os.environ.get("IMMICH_PORT", "3003"))
try:
    with urllib.request.urlopen(f"http://localhost:{port}/ping", timeout=2) as resp:
        sys.exit(0 if resp.status == 200 else 1)
except Exception:  # noqa: BLE001
    sys.exit(1)
