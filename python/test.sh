#!/usr/bin/env bash
# The Python package, end to end:
#   - builds the wheel for this machine with maturin (from PyPI);
#   - installs it into a fresh venv, with pytest and the archive example's
#     pinned requirements (dask, distributed, pandas, pyarrow);
#   - runs python/tests (the wheel's `copydesk` command and the module) and
#     examples/archive (2,000 generated articles on a Dask LocalCluster, against
#     the release build of the CLI).
# Build tools and venvs live under python/.cache (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/python/.cache"
MATURIN_VERSION=1.16.0
PYTEST_VERSION=9.2.0
pip_install() { "$1/bin/pip" install --quiet --disable-pip-version-check "${@:2}"; }

build="$cache/build-venv"
if ! [[ -x $build/bin/maturin ]] || [[ $("$build/bin/maturin" --version) != "maturin $MATURIN_VERSION" ]]; then
  echo "== python: maturin $MATURIN_VERSION"
  rm -rf "$build"
  python3 -m venv "$build"
  pip_install "$build" "maturin==$MATURIN_VERSION"
fi

echo "== python: maturin build --release (the wheel for this machine)"
rm -rf "$cache/wheels"
"$build/bin/maturin" build --quiet --release --locked -m "$root/python/Cargo.toml" --out "$cache/wheels"
wheel=$(ls "$cache"/wheels/copydesk-*.whl)
echo "# $(basename "$wheel"): $(du -h "$wheel" | cut -f1)"

echo "== python: a fresh venv with the wheel"
venv="$cache/test-venv"
rm -rf "$venv"
python3 -m venv "$venv"
pip_install "$venv" "$wheel" "pytest==$PYTEST_VERSION" -r "$root/examples/archive/requirements.txt"

echo "== python: cargo build --release (the CLI the archive example is checked against)"
(cd "$root" && cargo build --quiet --release --locked --bin copydesk)

echo "== python: pytest"
cd "$root"
COPYDESK_BIN="${CARGO_TARGET_DIR:-$root/target}/release/copydesk" \
  "$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests examples/archive
