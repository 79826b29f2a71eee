#!/usr/bin/env bash
# Backs up or restores Postern's own database (sessions, settings, read links, the send queue,
# spam weights; mail itself is on the IMAP server). Reads the engine from the environment Postern
# uses: DATABASE_URL=postgresql://... for PostgreSQL, else SQLite at DATABASE_URL=file:PATH or
# $POSTERN_DATA_DIR/postern.db (POSTERN_DATA_DIR defaults to ./data).
# Usage: bash scripts/backup.sh backup FILE     a consistent copy while Postern runs
#        bash scripts/backup.sh restore FILE    replaces the database: stop every Postern first
#   SQLite: VACUUM INTO (a compact, consistent copy: deleted read-link content is not carried over).
#   PostgreSQL: pg_dump --format=custom; restore with pg_restore --clean in one transaction.
# The backup holds sealed credentials that only POSTERN_SECRET_KEY (or $POSTERN_DATA_DIR/secret.key)
# opens: keep that key too, but not beside the backup. See docs/operations.md.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

die() { echo "backup: $*" >&2; exit 1; }
[ $# = 2 ] || die "usage: bash scripts/backup.sh backup|restore FILE"
cmd=$1 file=$2

url=${DATABASE_URL:-file:${POSTERN_DATA_DIR:-data}/postern.db}
case "$url" in
  postgres://*|postgresql://*) engine=postgresql ;;
  file:*) engine=sqlite; db=${url#file:} ;;
  *) die "DATABASE_URL must be file:PATH or postgresql://..." ;;
esac

# Debian's client wrappers pick a version; the versioned directories serve where only a server is installed.
pg_tool() {
  local tool=$1 dir; shift
  if command -v "$tool" >/dev/null && "$tool" --version >/dev/null 2>&1; then "$tool" "$@"; return; fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/$tool" ] && { "$dir/$tool" "$@"; return; }
  done
  die "$tool not found (apt-get install postgresql-client)"
}

sqlite_vacuum_into() { # FROM TO: better-sqlite3 (Postern's own driver), so no sqlite3 CLI is needed
  node -e '
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1], { readonly: true, fileMustExist: true, timeout: 10000 });
    db.prepare("VACUUM INTO ?").run(process.argv[2]);
    db.close();' "$1" "$2"
}

case "$engine:$cmd" in
  sqlite:backup)
    [ -s "$db" ] || die "no SQLite database at $db"
    rm -f "$file.partial"
    sqlite_vacuum_into "$db" "$file.partial" && mv -f "$file.partial" "$file"
    ;;
  sqlite:restore)
    [ -s "$file" ] || die "no backup at $file"
    mkdir -p "$(dirname "$db")"
    # A copy checked through SQLite first, then moved in whole; the old WAL must not be replayed
    # onto it.
    rm -f "$db.restoring"
    sqlite_vacuum_into "$file" "$db.restoring"
    rm -f "$db-wal" "$db-shm"
    mv -f "$db.restoring" "$db"
    ;;
  postgresql:backup)
    pg_tool pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" --dbname="$url"
    mv -f "$file.partial" "$file"
    ;;
  postgresql:restore)
    [ -s "$file" ] || die "no backup at $file"
    pg_tool pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$url" "$file"
    ;;
  *) die "unknown command $cmd (backup or restore)" ;;
esac
echo "backup: $cmd of the $engine database done ($file)"
