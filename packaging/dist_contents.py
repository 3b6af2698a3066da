"""Summarise a wheel or sdist and check that it carries what the app needs.

    python packaging/dist_contents.py dist/mnist_gui-0.1.0-py3-none-any.whl dist/mnist_gui-0.1.0.tar.gz

For each file: its size, its members grouped by folder (count and unpacked size), and the required
members that are missing (the LICENSE and the two entry points included). Exit status 1 if any is missing. Standard library only, so it runs with any
Python; ``tests/test_packaging.py`` uses ``missing`` too.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from collections import defaultdict
from pathlib import Path, PurePosixPath

# members every wheel must have (paths inside the wheel)
WHEEL_REQUIRED = [
    "mnist_gui/__init__.py",
    "mnist_gui/__main__.py",
    "mnist_gui/cli/__init__.py",
    "mnist_gui/core/inference.py",
    "mnist_gui/ui/train/tab.py",
    "mnist_gui/ui/dataset/tab.py",
    "mnist_gui/ui/draw/tab.py",
    "mnist_gui/ui/widgets/banner.py",
    "mnist_gui/nn/__init__.py",
    "mnist_gui/data/__init__.py",
    "mnist_gui/ui/main_window.py",
    "mnist_gui/ui/self_test.py",
    "mnist_gui/resources/__init__.py",
    "mnist_gui/resources/mnist/README.md",
    "mnist_gui/resources/mnist/train-images-idx3-ubyte.gz",
    "mnist_gui/resources/mnist/train-labels-idx1-ubyte.gz",
    "mnist_gui/resources/mnist/t10k-images-idx3-ubyte.gz",
    "mnist_gui/resources/mnist/t10k-labels-idx1-ubyte.gz",
    "mnist_gui/resources/models/default.npz",
    "mnist_gui/resources/icons/mnist-gui.svg",
    "mnist_gui/resources/desktop/io.github.mnist_gui.MnistGui.desktop",
    "mnist_gui/resources/desktop/icon-theme/48x48/apps/io.github.mnist_gui.MnistGui.png",
    "mnist_gui/resources/i18n/en.ts",
    "mnist_gui/resources/i18n/en.qm",
    "mnist_gui/resources/i18n/de.qm",
]
# the wheel's entry points: the command line (a console program) and the window (no console on Windows)
ENTRY_POINTS = {"[console_scripts]": "mnist-gui = mnist_gui.__main__:main",
                "[gui_scripts]": "mnist-gui-app = mnist_gui.__main__:gui"}
# members every sdist must have (paths below its top folder)
SDIST_REQUIRED = [
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "mnist_gui/__init__.py",
    "resources/mnist/README.md",
    "resources/mnist/train-images-idx3-ubyte.gz",
    "resources/models/default.npz",
    "resources/icons/mnist-gui.svg",
    "resources/desktop/io.github.mnist_gui.MnistGui.desktop",
    "resources/i18n/de_app.ts",
    "resources/i18n/de.qm",
    "packaging/linux/io.github.mnist_gui.MnistGui.metainfo.xml",
    "tests/conftest.py",
]


def members(path: Path) -> dict[str, int]:
    """Member name -> unpacked size; an sdist's names lose their top folder (``mnist_gui-0.1.0/``)."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as z:
            return {i.filename: i.file_size for i in z.infolist() if not i.is_dir()}
    with tarfile.open(path) as t:
        return {str(PurePosixPath(*PurePosixPath(m.name).parts[1:])): m.size for m in t.getmembers() if m.isfile()}


def missing(path: Path) -> list[str]:
    """The required members ``path`` (a wheel or an sdist) lacks, plus a wheel's missing LICENSE and entry points."""
    names = members(path)
    required = WHEEL_REQUIRED if path.suffix == ".whl" else SDIST_REQUIRED
    absent = [name for name in required if name not in names]
    if path.suffix == ".whl":
        if not any(n.endswith((".dist-info/licenses/LICENSE", ".dist-info/LICENSE")) for n in names):
            absent.append("<name>.dist-info/licenses/LICENSE")
        with zipfile.ZipFile(path) as z:
            entry_points = next((z.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")), "")
        sections: dict[str, list[str]] = {}
        section = ""
        for line in entry_points.splitlines():
            if line.startswith("["):
                section = line.strip()
            elif line.strip():
                sections.setdefault(section, []).append(" ".join(line.split()))
        for section, entry in ENTRY_POINTS.items():
            if entry not in sections.get(section, []):
                absent.append(f"entry_points.txt: {section} {entry}")
    return absent


def summary(path: Path) -> str:
    names = members(path)
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, size in names.items():
        parts = PurePosixPath(name).parts
        key = "/".join(parts[:3]) if parts[0] == "mnist_gui" and len(parts) > 3 else "/".join(parts[:2]) \
            if len(parts) > 2 else parts[0] if len(parts) > 1 else "(top)"
        groups[key][0] += 1
        groups[key][1] += size
    lines = [(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, {len(names)} files, "
              f"{sum(names.values()) / 1e6:.1f} MB unpacked")]
    for key in sorted(groups):
        count, size = groups[key]
        lines.append(f"  {key:<40} {count:>4} files {size / 1e6:>8.2f} MB")
    return "\n".join(lines)


def main(paths: list[str]) -> int:
    status = 0
    for p in map(Path, paths):
        print(summary(p))
        absent = missing(p)
        for name in absent:
            print(f"  MISSING: {name}")
        status |= bool(absent)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
