#!/usr/bin/env bash
# The Action's install step: http-status-lens from npm (the action's own version unless HSL_PACKAGE names
# another spec or a tarball) into a folder of its own under RUNNER_TEMP, put on PATH for the next steps.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(node -p "require('$here/package.json').version")"
spec="${HSL_PACKAGE:-http-status-lens@$version}"
prefix="${RUNNER_TEMP:?RUNNER_TEMP is not set}/http-status-lens"
mkdir -p "$prefix"
echo "Installing $spec into $prefix"
npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$spec"
echo "$prefix/node_modules/.bin" >> "${GITHUB_PATH:?GITHUB_PATH is not set}"
"$prefix/node_modules/.bin/http-status-lens" --version
