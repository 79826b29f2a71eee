#!/usr/bin/env bash
# Runs `next build` unless the last build is newer than every source file.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
export NEXT_TELEMETRY_DISABLED=1
# every input of the build: a source or catalog newer than the build means it is stale
if [ -f .next/BUILD_ID ] && [ -z "$(find app lib i18n messages auth.ts proxy.ts instrumentation.ts next.config.ts package.json public prisma \
     -newer .next/BUILD_ID -type f -not -path 'lib/generated/*' -print -quit 2>/dev/null)" ]; then
  echo "build: up to date"
  exit 0
fi
echo "build: next build"
npx --no-install next build
