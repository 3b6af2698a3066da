#!/usr/bin/env bash
# Build the stand-alone one-folder bundle and check it: packaging/build_bundle.sh
#
# 1. a build venv (build/venv-bundle; BUNDLE_VENV overrides) with the project, installed non-editable,
#    and PyInstaller;
# 2. PyInstaller with packaging/mnist-gui.spec -> dist/mnist-gui/ (the program is dist/mnist-gui/mnist-gui),
#    plus the Linux desktop files in dist/mnist-gui/share/ (or run `dist/mnist-gui/mnist-gui --install-desktop-entry`);
# 3. the bundle's own --self-test (offscreen), then its size.
# Needs python3 with venv and the package index pip is set up with. PYTHON picks the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
VENV=${BUNDLE_VENV:-$ROOT/build/venv-bundle}
DIST=$ROOT/dist
WORK=$ROOT/build/pyinstaller
started=$(date +%s)
export PYINSTALLER_CONFIG_DIR=$ROOT/build/pyinstaller-cache  # its cache, kept out of the home folder

if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating the build venv $VENV"
    "$PYTHON" -m venv "$VENV"
fi
echo "== installing mnist-gui and PyInstaller into the build venv"
"$VENV/bin/python" -m pip install --quiet . "pyinstaller>=6.10"

echo "== PyInstaller"
rm -rf "$DIST/mnist-gui"
mkdir -p "$WORK"
# run from build/, away from the source tree, so the installed package (with mnist_gui.resources) is frozen
(cd "$WORK" && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/mnist-gui.spec")

# Python's shared library keeps its symbol table (about 18 MB of it) when built from source; the dynamic
# symbols extension modules link against stay. Stripping every library breaks NumPy's OpenBLAS.
libpython=$(find "$DIST/mnist-gui/_internal" -maxdepth 1 -name 'libpython3*.so*' -type f -print -quit)
if [ -n "$libpython" ] && command -v strip >/dev/null; then
    strip --strip-unneeded "$libpython"
fi

# the desktop files an installer copies (the same ones `mnist-gui --install-desktop-entry` writes); the bundle
# has one program, mnist-gui, so its menu entry runs that rather than the wheel's mnist-gui-app
share=$DIST/mnist-gui/share
app_id=io.github.mnist_gui.MnistGui
mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
sed -e 's/^Exec=mnist-gui-app/Exec=mnist-gui/' -e 's/^TryExec=mnist-gui-app/TryExec=mnist-gui/' \
    "resources/desktop/$app_id.desktop" > "$share/applications/$app_id.desktop"
cp packaging/linux/*.metainfo.xml "$share/metainfo/"
cp -r resources/desktop/icon-theme/. "$share/icons/hicolor/"
cp resources/icons/mnist-gui.svg "$share/icons/hicolor/scalable/apps/$app_id.svg"

echo "== the bundle's --self-test"
self_test_dir=$(mktemp -d "${TMPDIR:-/tmp}/mnist-gui-bundle-test.XXXXXX")
trap 'rm -rf "$self_test_dir"' EXIT
# from an empty folder, with a fresh cache, so nothing of the source tree or the user's files can help
(cd "$self_test_dir" && env -u PYTHONPATH -u PYTHONHOME \
    MNIST_GUI_CACHE_DIR="$self_test_dir/cache" MNIST_GUI_DATA_DIR="$self_test_dir/data" \
    XDG_CONFIG_HOME="$self_test_dir/config" "$DIST/mnist-gui/mnist-gui" --version)
(cd "$self_test_dir" && env -u PYTHONPATH -u PYTHONHOME \
    MNIST_GUI_CACHE_DIR="$self_test_dir/cache" MNIST_GUI_DATA_DIR="$self_test_dir/data" \
    XDG_CONFIG_HOME="$self_test_dir/config" "$DIST/mnist-gui/mnist-gui" --self-test)

echo "== done in $(( $(date +%s) - started )) s"
echo "bundle: $DIST/mnist-gui ($(du -sh "$DIST/mnist-gui" | cut -f1) unpacked, $(find "$DIST/mnist-gui" -type f | wc -l) files)"
echo "largest parts:"
# sed rather than head: head would close the pipe early and, under pipefail, sort's SIGPIPE fails the script
du -sh "$DIST"/mnist-gui/_internal/* 2>/dev/null | sort -rh | sed -n '1,8s/^/  /p'
