"""Everything that imports Qt: the main window, one module per tab, the workers, reusable widgets."""

from mnist_gui.ui import _pyside_fix

_pyside_fix.apply()  # before any signal is emitted: see _pyside_fix for the PySide6 6.12.0 bug it guards
