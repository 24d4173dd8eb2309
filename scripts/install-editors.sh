#!/usr/bin/env bash
# Installs the real editors the editor tests drive, without downloading any editor build:
#   - Neovim from Debian's packages (the LSP client test),
#   - code-server (a full VS Code: workbench + Node extension host) from npm, and Chromium from
#     Debian's packages with playwright-core from npm, to run the extension-host suite and the UI test.
# Recipe: ../shared/recipes/vscode-offline.md. Everything from npm goes into a cache folder
# (default .cache/editors in the project, gitignored; override with BULKHEAD_EDITORS_CACHE), never
# into the project's dependencies. Idempotent: a second run finds everything and does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3      # VS Code 1.100.3; the newest code-server that accepts Node 20
PLAYWRIGHT_CORE_VERSION=1.57.0
RIPGREP_PACKAGE_VERSION=1.15.11  # @vscode/ripgrep's version inside code-server 4.100.3
CACHE="${BULKHEAD_EDITORS_CACHE:-$PWD/.cache/editors}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"

# --- Debian packages -------------------------------------------------------------------------
need=()
for pkg in neovim chromium ripgrep libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-editors: missing Debian packages (${need[*]}); run as root or: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "== apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- code-server + playwright-core (npm, into the cache folder) -----------------------------
stamp="$CACHE/installed-code-server-$CODE_SERVER_VERSION-playwright-$PLAYWRIGHT_CORE_VERSION"
if [ ! -f "$stamp" ] || [ ! -x "$CACHE/node_modules/.bin/code-server" ]; then
  echo "== npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION into $CACHE"
  # @vscode/ripgrep's postinstall takes a cached archive instead of downloading one.
  tmp="${TMPDIR:-/tmp}"
  rg_cache="$tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
  mkdir -p "$rg_cache"
  tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  [ -f "$CACHE/package.json" ] || echo '{"name":"bulkhead-editors-cache","private":true}' > "$CACHE/package.json"
  (cd "$CACHE" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-save --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION")
  touch "$stamp"
fi

echo "install-editors: $(nvim --version | head -1), code-server $("$CACHE/node_modules/.bin/code-server" --version 2>/dev/null | tail -1), $(chromium --version 2>/dev/null | head -1)"
