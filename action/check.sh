#!/usr/bin/env bash
# The GitHub Action's work (action.yml), as a plain script a test can run:
# install copydesk if it is not on PATH, check the paths, write SARIF and
# workflow annotations, and record the exit status for the later steps.
#
# Inputs come as INPUT_PATHS, INPUT_ARGS and INPUT_SARIF_FILE; outputs go to
# $GITHUB_OUTPUT (exit-code, sarif-file). GITHUB_ACTION_PATH is this
# repository's checkout, built with `cargo install --locked` when needed.
set -uo pipefail

paths=${INPUT_PATHS:-.}
args=${INPUT_ARGS:-}
sarif=${INPUT_SARIF_FILE:-copydesk.sarif}
output=${GITHUB_OUTPUT:-/dev/null}

if ! command -v copydesk >/dev/null 2>&1; then
  echo "::group::Installing copydesk"
  if ! cargo install --locked --path "${GITHUB_ACTION_PATH:?where the action is}"; then
    echo "::error title=copydesk::cargo install failed"
    echo "exit-code=2" >>"$output"
    exit 2
  fi
  PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  echo "::endgroup::"
fi
copydesk --version

# Word splitting is wanted: paths and args are space-separated lists.
# shellcheck disable=SC2086
copydesk check --format sarif $args -- $paths >"$sarif"
status=$?
# The same findings as annotations on the pull request's lines (warnings and up).
# shellcheck disable=SC2086
copydesk check --format github --quiet $args -- $paths 2>/dev/null || true

case $status in
  0) echo "copydesk: no findings at the --fail-on severity" ;;
  1) echo "copydesk: findings at or above the --fail-on severity; see $sarif" ;;
  *) echo "::error title=copydesk::copydesk check failed with status $status" ;;
esac
{
  echo "exit-code=$status"
  if [ -s "$sarif" ]; then echo "sarif-file=$sarif"; fi
} >>"$output"
# The action's last step exits with this status, after the upload.
exit 0
