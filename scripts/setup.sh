#!/usr/bin/env bash
# Brings a clone to a runnable state, doing only what is missing: npm packages, the Prisma client.
# Safe to run any number of times. Debian packages are installed by mail-lab/lab and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
quiet=${1:-}
say() { [ "$quiet" = "--quiet" ] || echo "setup: $*"; }

major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || { echo "setup: Node.js 20 or newer is needed (found $(node -v))" >&2; exit 1; }

# node-gyp builds better-sqlite3 from source; without this it would try to download Node headers.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi

stamp=node_modules/.postern-installed
if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "installing npm packages (first run builds better-sqlite3, about 2 minutes)"
  # Not `npm ci`: npm 11 writes lock files without the other platforms' optional @next/swc-*
  # entries and then refuses them in `npm ci`. `npm install` keeps the locked versions.
  npm install --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

client=lib/generated/prisma/client.ts
if [ ! -f "$client" ] || [ prisma/schema.prisma -nt "$client" ]; then
  say "generating the Prisma client"
  # The schema engine cannot be downloaded offline and generate does not need it.
  PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx --no-install prisma generate >/dev/null
fi
# Prisma generates a client per provider: the PostgreSQL one comes from the same schema
# (DATABASE_URL=postgresql://..., lib/db/client.ts).
pg_client=lib/generated/prisma-postgresql/client.ts
if [ ! -f "$pg_client" ] || [ prisma/schema.prisma -nt "$pg_client" ]; then
  say "generating the Prisma client for PostgreSQL"
  mkdir -p lib/generated
  sed -e 's/^  provider = "sqlite"$/  provider = "postgresql"/' -e 's#^  output   = "../lib/generated/prisma"$#  output   = "prisma-postgresql"#' \
    prisma/schema.prisma > lib/generated/schema.postgresql.prisma
  grep -q '^  provider = "postgresql"$' lib/generated/schema.postgresql.prisma || { echo "setup: cannot derive the PostgreSQL schema" >&2; exit 1; }
  PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx --no-install prisma generate --schema lib/generated/schema.postgresql.prisma >/dev/null
fi
say "ready"
