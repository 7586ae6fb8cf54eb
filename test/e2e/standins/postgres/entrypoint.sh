#!/bin/bash
# Stand-in entrypoint for ghcr.io/immich-app/postgres, on Debian's real PostgreSQL 17 + pgvector.
# Proves (our wiring): POSTGRES_USER/PASSWORD(_FILE)/DB and POSTGRES_INITDB_ARGS create the cluster the way the
# image does; DB_STORAGE_TYPE is SSD or HDD (anything else exits 1, as upstream); the configuration files the
# image generation reads, in its order, are all PostgreSQL reads here: /etc/postgresql/postgresql.conf written
# as the image writes it (`cp -n` of its template, so a file already there is kept), which includes
# $PGDATA/postgresql.conf first and the override files last; whatever the command says (config_file) decides
# what else is read, and a real PostgreSQL 17 accepts every setting at start (a bad one stops the server).
# IMMICH_STANDIN_GENERATION (the Dockerfile's VARIANT) picks the generation, from base-images' history:
#   override-include (#315, 2026-03-20, on): include_if_exists 'postgresql.override.conf' (/etc/postgresql/),
#     then include_if_exists '$PGDATA/postgresql.override.conf'
#   before-override-include (#208 to before #315, including every build of compose's 14-vectorchord0.4.3-pgvectors0.2.0):
#     include_if_exists '$PGDATA/postgresql.override.conf' only; /etc/postgresql/postgresql.override.conf is
#     never read by the image's own configuration.
# The stand-in writes none of our settings: a setting in effect was read from a file our stack uploaded.
# Cannot prove: VectorChord (not packaged by Debian; only pgvector is here), upstream's baked SSD/HDD
# settings (shared_preload_libraries, search_path, memory), its filesystem-type check, PostgreSQL 14–16 or 18
# (only 17 is here), or the image's own entrypoint code.
set -euo pipefail
storage="${DB_STORAGE_TYPE:-SSD}"
case "$storage" in
  SSD) page_cost=1.2 ;;
  HDD) page_cost=4 ;;
  *) echo "DB_STORAGE_TYPE must be SSD or HDD (got $storage)" >&2; exit 1 ;;
esac
generation="${IMMICH_STANDIN_GENERATION:-override-include}"
case "$generation" in
  override-include) etc_override="include_if_exists 'postgresql.override.conf'" ;;
  before-override-include) etc_override="# (this generation never includes /etc/postgresql/postgresql.override.conf)" ;;
  *) echo "stand-in: unknown IMMICH_STANDIN_GENERATION $generation" >&2; exit 1 ;;
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

# As upstream's `cp -n` of its template and `sed s@##PGDATA@$PGDATA@`: written once per container.
if [ ! -e /etc/postgresql/postgresql.conf ]; then
  cat >/etc/postgresql/postgresql.conf <<CONF
include_if_exists '$PGDATA/postgresql.conf'

# Baked configuration of the stand-in ($storage, generation $generation; upstream bakes its tuning here).
unix_socket_directories = '/var/run/postgresql'
random_page_cost = $page_cost

$etc_override
include_if_exists '$PGDATA/postgresql.override.conf'
CONF
fi

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
  # As the official image: its postgresql.conf.sample listens on every address, its pg_hba.conf ends with this.
  sed -ri "s!^#?(listen_addresses)\s*=\s*\S+.*!\1 = '*'!" "$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  # As the official entrypoint's temporary server: the command's own options (config_file), socket only.
  opts="$(printf '%q ' "${@:2}")"
  runuser -u postgres -- pg_ctl -D "$PGDATA" -o "$opts -c listen_addresses=''" -w start
  if [ "$db" != "postgres" ]; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -h /var/run/postgresql -U "$user" -d postgres -c "CREATE DATABASE \"$db\""
  fi
  runuser -u postgres -- psql -v ON_ERROR_STOP=1 -h /var/run/postgresql -U "$user" -d "$db" -c "CREATE EXTENSION IF NOT EXISTS vector"
  runuser -u postgres -- pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec runuser -u postgres -- "$@"
