"""The engine, the data layer and the core layer never import Qt (napari's rule: models have no Qt import),
and the engine and the data layer use nothing of the core layer but its two standard-library leaves."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import mnist_gui.core
import mnist_gui.data
import mnist_gui.nn

QT = ("PySide6", "pyqtgraph", "shiboken6")


def _modules(package) -> list[str]:
    return sorted(f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__))


def _imported_after(modules: list[str]) -> list[str]:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules) +
            "print('\\n'.join(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_nn_data_and_core_import_without_qt():
    modules = _modules(mnist_gui.nn) + _modules(mnist_gui.data) + _modules(mnist_gui.core)
    assert len(modules) > 20  # every module, not just the packages
    loaded = _imported_after(modules)
    assert [m for m in loaded if m.split(".")[0] in QT] == []
    assert not [m for m in loaded if m.startswith(("mnist_gui.ui", "mnist_gui.cli"))]


def test_engine_and_data_use_only_the_core_leaves():
    loaded = _imported_after(_modules(mnist_gui.nn) + _modules(mnist_gui.data))
    core = sorted(m for m in loaded if m.startswith("mnist_gui.core."))
    assert set(core) <= {"mnist_gui.core.files", "mnist_gui.core.paths"}, core
