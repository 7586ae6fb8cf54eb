#!/bin/bash
# Stand-in entrypoint for ghcr.io/immich-app/postgres, on Debian's real PostgreSQL 17 + pgvector.
# Proves (our wiring): POSTGRES_USER/PASSWORD(_FILE)/DB and POSTGRES_INITDB_ARGS create the cluster the way the
# image does; DB_STORAGE_TYPE is SSD or HDD (anything else exits 1, as upstream); the override file we upload
# to /etc/postgresql/postgresql.override.conf is included and every setting in it is accepted by a real
# PostgreSQL 17 at start (a bad one stops the server); PGDATA persists on the data volume.
# Cannot prove: VectorChord (not packaged by Debian; only pgvector is here), upstream's baked SSD/HDD
# settings, its filesystem-type check, or the image's own entrypoint code.
set -euo pipefail
storage="${DB_STORAGE_TYPE:-SSD}"
case "$storage" in
  SSD) page_cost=1.1 ;;
  HDD) page_cost=4 ;;
  *) echo "DB_STORAGE_TYPE must be SSD or HDD (got $storage)" >&2; exit 1 ;;
esac
# As upstream's file_env: POSTGRES_PASSWORD_FILE names a file holding the password; both set is an error.
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then echo "error: both POSTGRES_PASSWORD and POSTGRES_PASSWORD_FILE are set (but are exclusive)" >&2; exit 1; fi
  POSTGRES_PASSWORD="$(<"$POSTGRES_PASSWORD_FILE")"
  export POSTGRES_PASSWORD
  unset POSTGRES_PASSWORD_FILE
fi
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"

cat >/etc/postgresql/postgresql.conf <<CONF
# Baked configuration of the stand-in (upstream bakes one per DB_STORAGE_TYPE and includes the override last).
data_directory = '$PGDATA'
hba_file = '$PGDATA/pg_hba.conf'
ident_file = '$PGDATA/pg_ident.conf'
listen_addresses = '*'
unix_socket_directories = '/var/run/postgresql'
random_page_cost = $page_cost
include_if_exists = '/etc/postgresql/postgresql.override.conf'
CONF

mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
# As upstream's entrypoint does when it starts as root: everything in PGDATA belongs to postgres.
find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
chmod 700 "$PGDATA"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  # As upstream: the password is needed to create a cluster, not to start an existing one (a restored backup).
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
  pwfile="$(mktemp)"
  printf '%s' "$POSTGRES_PASSWORD" >"$pwfile"
  chown postgres "$pwfile"
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of arguments, as in the upstream image
  runuser -u postgres -- initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 ${POSTGRES_INITDB_ARGS:-}
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  runuser -u postgres -- pg_ctl -D "$PGDATA" -o "-c config_file=/etc/postgresql/postgresql.conf -c listen_addresses=''" -w start
  if [ "$db" != "postgres" ]; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -h /var/run/postgresql -U "$user" -d postgres -c "CREATE DATABASE \"$db\""
  fi
  runuser -u postgres -- psql -v ON_ERROR_STOP=1 -h /var/run/postgresql -U "$user" -d "$db" -c "CREATE EXTENSION IF NOT EXISTS vector"
  runuser -u postgres -- pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec runuser -u postgres -- "$@"
