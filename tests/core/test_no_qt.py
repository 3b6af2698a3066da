"""The engine and the data layer never import Qt (napari's rule: models have no Qt import)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import mnist_gui.nn
import mnist_gui.data
from mnist_gui.data import idx, images, mnist, png, preprocess
leaked = sorted(m for m in ("PySide6", "pyqtgraph", "shiboken6") if m in sys.modules)
print(",".join(leaked) or "clean")
"""


def test_nn_and_data_import_without_qt():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"
