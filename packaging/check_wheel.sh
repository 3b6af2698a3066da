#!/usr/bin/env bash
# Build the wheel and sdist, show what is in them, and try the wheel as a user would:
# installed into a fresh venv in a temporary folder outside the source tree, then
# `mnist-gui --version` and `mnist-gui --self-test` run from there.
#
#   packaging/check_wheel.sh          (PYTHON picks the interpreter; KEEP=1 keeps the temporary folder)
#
# The build tool lives in its own venv (build/venv-tools), never in the project's .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
TOOLS=${TOOLS_VENV:-$ROOT/build/venv-tools}
DIST=$ROOT/dist
started=$(date +%s)

if [ ! -x "$TOOLS/bin/python" ]; then
    echo "== creating the tools venv $TOOLS"
    "$PYTHON" -m venv "$TOOLS"
fi
"$TOOLS/bin/python" -m pip install --quiet "build>=1"

echo "== python -m build"
rm -f "$DIST"/mnist_gui-*.whl "$DIST"/mnist_gui-*.tar.gz
"$TOOLS/bin/python" -m build --outdir "$DIST" . > "$ROOT/build/python-build.log" 2>&1 \
    || { tail -n 40 "$ROOT/build/python-build.log"; exit 1; }
wheel=$(ls "$DIST"/mnist_gui-*.whl)
sdist=$(ls "$DIST"/mnist_gui-*.tar.gz)
contents_ok=1
"$PYTHON" packaging/dist_contents.py "$wheel" "$sdist" || contents_ok=0

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mnist-gui-wheel.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "keeping $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi
echo "== installing the wheel into a fresh venv in $WORK"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet "$wheel"

cd "$WORK"  # outside the source tree: resources must come from the installed package
export MNIST_GUI_CACHE_DIR=$WORK/cache MNIST_GUI_DATA_DIR=$WORK/data XDG_CONFIG_HOME=$WORK/config
unset PYTHONPATH
where=$("$WORK/venv/bin/python" -c "import mnist_gui.core.paths as p; print(p.resource_path('mnist'))")
case "$where" in
    "$WORK"/venv/*) echo "resources found at $where" ;;
    *) echo "FAIL: resources come from $where, not from the installed package"; exit 1 ;;
esac
echo "== mnist-gui --version"
"$WORK/venv/bin/mnist-gui" --version
echo "== mnist-gui --self-test"
t0=$(date +%s)
"$WORK/venv/bin/mnist-gui" --self-test
echo "== done in $(( $(date +%s) - started )) s (self-test $(( $(date +%s) - t0 )) s, with Python start-up)"
ls -l "$wheel" "$sdist" | awk '{printf "%s %.1f MB\n", $NF, $5 / 1e6}'
if [ "$contents_ok" = 0 ]; then echo "FAIL: the wheel or sdist lacks required files (MISSING above)"; exit 1; fi
