#!/bin/bash
# The upstream image's healthcheck: the server accepts connections and no data-checksum failure was seen.
set -euo pipefail
pg_isready -h /var/run/postgresql --dbname="$POSTGRES_DB" --username="$POSTGRES_USER" >/dev/null
failures="$(psql -h /var/run/postgresql -U "$POSTGRES_USER" -d "$POSTGRES_DB" -tAc 'SELECT COALESCE(SUM(checksum_failures), 0) FROM pg_stat_database')"
[ "$failures" = "0" ]
