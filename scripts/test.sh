#!/usr/bin/env bash
# npm test: every suite, from a fresh clone. Installs what is missing (npm packages, Debian's
# Chromium, mail servers and PostgreSQL), starts and seeds the mail lab, runs unit, integration and
# end-to-end tests (unit tests that use the database and the integration suite once on SQLite and
# once on PostgreSQL), and ends with one line "N passed, N failed" summing them all.
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
export NEXT_TELEMETRY_DISABLED=1 NO_COLOR=1 FORCE_COLOR=0
results=data/test-results
started=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - started ))s)"; }

set -e
step "setup"
bash scripts/setup.sh
if ! command -v chromium >/dev/null; then
  step "installing Debian's chromium for the end-to-end tests"
  [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
step "mail lab"
bash mail-lab/lab up
set +e
rm -rf "$results"; mkdir -p "$results"

step "typecheck (application, tests, e2e, benchmark)"
npx --no-install tsc --noEmit || echo "tsc reported type errors" > "$results/typecheck-failed"

step "unit tests"
npx --no-install vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"

step "unit tests that use the database, on PostgreSQL (the lab's)"
TEST_POSTGRES_URL=$(bash mail-lab/pg url) npx --no-install vitest run --project unit $(grep -rl --include='*.test.ts' useTempDatabase lib app) \
  --reporter=default --reporter=json --outputFile.json="$results/unit-postgresql.json"

step "integration tests (real Dovecot and Postfix)"
bash mail-lab/lab seed >/dev/null
npx --no-install vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json"

step "integration tests again on PostgreSQL (the lab's, a fresh database)"
pg_db="postern_ci_$(date +%s)_$$"
if pg_url=$(bash mail-lab/pg createdb "$pg_db"); then
  bash mail-lab/lab seed >/dev/null
  DATABASE_URL="$pg_url" npx --no-install vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration-postgresql.json"
  bash mail-lab/pg dropdb "$pg_db" >/dev/null
fi

step "build"
if bash scripts/build-if-needed.sh; then
  step "end-to-end tests (Playwright, Debian Chromium)"
  bash mail-lab/lab seed >/dev/null
  rm -rf data/e2e
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx --no-install playwright test --reporter=list,json
else
  echo "build failed: end-to-end tests not run" | tee "$results/build-failed"
fi

step "summary"
node scripts/summarize-tests.mjs "$results"
