#!/usr/bin/env bash
# Installs what the end-to-end tests need on a fresh Debian machine, idempotently:
#   - Debian packages: chromium (headless browser), neovim (LSP client test), ripgrep, libkrb5-dev
#   - code-server 4.100.3 (a real VS Code 1.100.3 build that runs offline on node 20) into .tools/code-server/
# Facts and workarounds: ../shared/REAL-VSCODE.md. Safe to run repeatedly: finished steps are skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
CS_VERSION="4.100.3"
CS_DIR="$TOOLS/code-server"
RG_VERSION="v13.0.0-10"        # what @vscode/ripgrep@1.15.11 asks for
RG_PKG_VERSION="1.15.11"
start=$(date +%s)

log() { printf '[install-tools] %s\n' "$*"; }
die() { printf '[install-tools] ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo" || die "not root and no sudo: cannot apt-get install"
fi

# ---- 1. Debian packages (only those missing) --------------------------------------------------
# chromium: the browser playwright-core drives; neovim: the LSP-client test; ripgrep: code-server's search;
# libkrb5-dev + a C++ toolchain + python3: code-server's native modules (kerberos, node-pty) build at install.
want=(chromium neovim ripgrep libkrb5-dev)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present: ${want[*]}"
fi
command -v chromium >/dev/null || die "chromium still missing after apt-get"
command -v rg >/dev/null || die "rg (ripgrep) still missing after apt-get"

# ---- 2. code-server into .tools/code-server ---------------------------------------------------
cs_bin="$CS_DIR/node_modules/.bin/code-server"
installed_version() {
  node -e 'try{console.log(require(process.argv[1]).version)}catch{}' \
    "$CS_DIR/node_modules/code-server/package.json" 2>/dev/null || true
}
if [ -x "$cs_bin" ] && [ "$(installed_version)" = "$CS_VERSION" ] \
   && [ -e "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  log "code-server $CS_VERSION present in .tools/code-server"
else
  log "installing code-server@$CS_VERSION into .tools/code-server (about a minute)"
  mkdir -p "$CS_DIR"
  if [ ! -f "$CS_DIR/package.json" ]; then
    cat > "$CS_DIR/package.json" <<JSON
{
  "name": "http-status-lens-tools",
  "private": true,
  "description": "Test tools for the e2e suites; never packed into the .vsix (see scripts/install-tools.sh)",
  "dependencies": { "code-server": "$CS_VERSION" }
}
JSON
  fi
  # Fix 3: @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds this cached tarball.
  tmp="${TMPDIR:-/tmp}"
  cache_dir="$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
  tarball="$cache_dir/ripgrep-$RG_VERSION-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$tarball" ]; then
    mkdir -p "$cache_dir"
    staging="$(mktemp -d)"
    cp "$(command -v rg)" "$staging/rg"
    tar -czf "$tarball" -C "$staging" rg
    rm -rf "$staging"
  fi
  # Fixes 1 and 2: postinstall scripts as root, and node-pty's `npx node-gyp` with npm's yes=false.
  (
    cd "$CS_DIR"
    export npm_config_unsafe_perm=true npm_config_yes=true TMPDIR="$tmp"
    npm install --no-audit --no-fund --loglevel=error --omit=dev
  ) || die "npm install code-server@$CS_VERSION failed (see output above)"
  [ "$(installed_version)" = "$CS_VERSION" ] || die "code-server $CS_VERSION not found after npm install"
fi
"$cs_bin" --version >/dev/null 2>&1 || die "$cs_bin does not run"

log "done in $(( $(date +%s) - start )) s"
