"""Start the desktop app: ``run()`` makes the QApplication, installs the language (``ui/translation.py``,
before any window or message), loads MNIST and the default model, opens the main window and runs the event
loop.

A missing or unreadable default model is not fatal: the app opens without a current model and says
so in the status bar. A dataset that cannot be loaded is: the user gets a message and exit code 1.
At start-up the temporary files that interrupted saves left behind (``mnist_gui.core.files``' own
pattern, nothing else) are removed from the folders the app writes to. With no display to open a window on
(Linux and other X11/Wayland systems with neither ``DISPLAY`` nor ``WAYLAND_DISPLAY``, and no platform chosen
through ``QT_QPA_PLATFORM``), ``run`` prints one line saying so and returns 2 before Qt is started, instead
of Qt aborting the process.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import mnist_gui
from mnist_gui.core.files import remove_stale_temps
from mnist_gui.core.i18n import tr
from mnist_gui.core.paths import resource_path, user_cache_dir, user_data_dir
from mnist_gui.ui.theme import apply_theme, follow_system_scheme

_log = logging.getLogger(__name__)

# the name of the desktop entry (packaging/linux/<APP_ID>.desktop): Wayland compositors find the
# window's icon and menu entry through it
APP_ID = "io.github.mnist_gui.MnistGui"


def app_icon() -> QIcon:
    """The app icon from the bundled SVG, with PNG renders as fallbacks."""
    icon = QIcon()
    for name in ("mnist-gui.svg", "mnist-gui-256.png", "mnist-gui-64.png"):
        path = resource_path("icons", name)
        if path.exists():
            icon.addFile(str(path))
    return icon


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's names, icon, style and palette (reused if one exists)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv if argv is None else argv)
    app.setApplicationName("mnist-gui")
    app.setOrganizationName("mnist-gui")
    app.setApplicationDisplayName("mnist-gui")
    app.setApplicationVersion(mnist_gui.__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    follow_system_scheme(app)
    return app


def load_default_model():
    """The bundled default model, or None if it is missing or cannot be read."""
    path = resource_path("models", "default.npz")
    if not path.exists():
        return None
    try:
        from mnist_gui.nn import load_model

        return load_model(path)
    except Exception as exc:  # noqa: BLE001 - a bad default model must not stop the app
        _log.warning("could not load the default model %s: %s", path, exc)
        return None


def app_folders(remembered=()) -> list[Path]:
    """The folders the app writes to: the user data folder and its subfolders (My digits), the cache folder
    and its dataset entries, and ``remembered`` ones (the last model and export folders)."""
    folders = []
    for root, below in ((user_data_dir(), ""), (user_cache_dir(), "datasets")):
        folders.append(root)
        try:
            folders += [Path(e.path) for e in os.scandir(root / below if below else root) if e.is_dir()]
        except OSError:
            pass
    return list(dict.fromkeys([*folders, *map(Path, remembered)]))


def clean_up_interrupted_saves(remembered=()) -> list[Path]:
    """Remove the temporary files interrupted saves left in app_folders(remembered); returns them."""
    removed = [path for folder in app_folders(remembered) for path in remove_stale_temps(folder)]
    for path in removed:
        _log.info("removed %s, left behind by an interrupted save", path)
    return removed


NO_DISPLAY_EXIT = 2


def missing_display(environ=None, platform: str | None = None, argv=()) -> str | None:
    """Why no window can be opened here, in one line, or None when a display (or a Qt platform of the user's
    choice: ``QT_QPA_PLATFORM`` or ``-platform``) is there. Windows and macOS always have one."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win32", "darwin")) or environ.get("QT_QPA_PLATFORM") or "-platform" in argv:
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("error: there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "for headless use set QT_QPA_PLATFORM=offscreen, or use the train, evaluate and predict commands")


def run(argv: list[str] | None = None) -> int:
    """Open the app and return its exit code."""
    problem = missing_display(argv=sys.argv if argv is None else argv)
    if problem is not None:
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT
    app = make_application(argv)
    from mnist_gui.ui import translation

    translation.install(app)     # before any window or message: all of them in the chosen language
    from mnist_gui.data.mnist import load_dataset
    from mnist_gui.ui.main_window import MainWindow

    try:
        dataset = load_dataset()
    except (OSError, ValueError) as exc:
        QMessageBox.critical(None, "mnist-gui",
                             tr("The MNIST data could not be loaded:\n\n{reason}").format(reason=exc))
        return 1
    model = load_default_model()
    window = MainWindow(dataset, model)     # applies the theme kept in the settings (View → Theme)
    clean_up_interrupted_saves(window.remembered_folders())
    if model is None:
        window.statusBar().showMessage(tr("No default model found: train one on the Train tab, or open a model file."))
    window.show()
    return app.exec()
