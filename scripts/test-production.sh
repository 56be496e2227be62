#!/usr/bin/env bash
# The production path: the build, installed with production dependencies only
# (`npm ci --omit=dev` in a copy), must migrate (`npm run migrate`) and serve
# (`npm run start:prod`). Needs a build first (npm run build). Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp -r package.json package-lock.json dist "$dir"/
mkdir -p "$dir/tools/openapi-client" && cp tools/openapi-client/package.json "$dir/tools/openapi-client/"
(cd "$dir" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
PRODUCTION_DIR="$dir" npx mocha --config .mocharc.json --timeout 60000 'dist/test/production/*.test.js'
