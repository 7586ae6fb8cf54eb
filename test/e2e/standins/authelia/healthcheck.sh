#!/bin/sh
# As upstream's /app/healthcheck.sh: GET /api/health on Authelia's port.
exec wget -q -O /dev/null "http://127.0.0.1:9091/api/health"
