#!/usr/bin/env bash
# Runs `next build` unless the last build is newer than every source file.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ -f .next/BUILD_ID ] && [ -z "$(find app lib auth.ts instrumentation.ts next.config.ts package.json public prisma \
     -newer .next/BUILD_ID -type f -not -path 'lib/generated/*' -print -quit 2>/dev/null)" ]; then
  echo "build: up to date"
  exit 0
fi
echo "build: next build"
npx --no-install next build
