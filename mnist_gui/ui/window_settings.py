"""The main window's saved settings: every read through ``setting(key)`` (``mnist_gui.core.settings``: a
damaged value is reset to its default, written back at once and named in the banner), recent model files,
the last folders, the theme (View → Theme), and the window's state restored at start and saved at close: its
geometry (fitted to the screen it opens on, even one of another size than it was saved on, with a minimum
size ``MIN_SIZE``), the model every tab used (``model/current``, chosen again by the model selector's
``start``) and the positions of the tabs' splitters, put back when each is first shown.

A mixin of ``MainWindow`` (``ui/main_window.py``), which provides ``settings`` (a ``QSettings``), ``banner``,
``recovered``, ``tabs`` and ``training_tab``. Not here: the menus (``main_menus``), the model selector.
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QSplitter

from mnist_gui.core import settings as stored
from mnist_gui.core.i18n import tr
from mnist_gui.ui.theme import apply_theme

# the smallest window the tabs are laid out in without scrolling much (below it their pages scroll)
MIN_SIZE = (640, 440)
# the tabs in order, by names that stay the same in every language (the splitters' settings keys)
TAB_KEYS = ("train", "dataset", "draw", "inside")


class WindowSettings:
    """Settings methods of the main window (see the module docstring)."""

    def setting(self, key: str):
        """A stored setting, checked by ``mnist_gui.core.settings``: a damaged value comes back as the
        default, is written back at once and is named in the banner."""
        try:
            raw = self.settings.value(key)
        except Exception:  # noqa: BLE001 - a boundary: whatever the file holds must not stop the app
            raw = stored.UNREADABLE
        if raw is None and self.settings.contains(key):   # e.g. an @Variant(...) Qt could not rebuild
            raw = stored.UNREADABLE
        value, problem = stored.check(key, bytes(raw.data()) if isinstance(raw, QByteArray) else raw)
        if problem:
            self._store(key, value)
            self._recovered(problem)
        return value

    def _store(self, key: str, value, sync: bool = True) -> None:
        encoded = stored.encode(key, value)
        if encoded is None:
            self.settings.remove(key)
        else:
            self.settings.setValue(key, QByteArray(encoded) if isinstance(encoded, bytes) else encoded)
        if sync:
            self.settings.sync()

    def _recovered(self, problem: str) -> None:
        self.recovered.append(problem)
        # a FormatError is about what was read (the damage itself); only an AccessError means it can't be written
        repaired = self.settings.status() != QSettings.AccessError
        self.banner.show_message("warning", stored.recovery_message(self.recovered, repaired))

    def remembered_folders(self) -> list[Path]:
        """The folders of the last model file and the last export, where known."""
        return [Path(p) for p in (self.setting("last_dir"), self.setting("last_export_dir")) if p]

    def recent_models(self) -> list[str]:
        return list(self.setting("recent_models"))

    def _remember_recent(self, path: Path) -> None:
        path = str(Path(path).resolve())
        self._store("recent_models", [path] + [p for p in self.recent_models() if p != path], sync=False)
        self._store("last_dir", str(Path(path).parent))

    def _forget_recent(self, path: Path) -> None:
        path = str(Path(path).resolve())
        self._store("recent_models", [p for p in self.recent_models() if p != path])

    def clear_recent(self) -> None:
        self._store("recent_models", [])

    def _last_dir(self) -> str:
        return self.dialog_folders.start("model")   # the remembered folder, else Documents (never the cwd)

    def _restore_settings(self) -> None:
        """Every setting once, through ``setting()``, so a damaged file is repaired at start-up."""
        geometry = self.setting("window/geometry")
        restored = geometry is not None and self._restore_geometry(geometry)
        if geometry is not None and not restored:
            self._store("window/geometry", None)
            label = tr(stored.SETTINGS["window/geometry"].label)
            self._recovered(tr("{setting}: it is not a size and position the window can use").format(setting=label))
        self._fit_to_screen(restored)
        self.set_theme(self.setting("view/theme"), keep=False)
        self._dividers = _PendingSizes(self)
        kept = self.setting("window/splitters")
        for name, splitter in self._splitters().items():
            sizes = kept.get(name)
            if sizes is not None and len(sizes) == splitter.count():
                self._dividers.set_when_shown(splitter, sizes)
        before = len(self.recovered)
        problems = self.training_tab.restore_settings_state(self.setting("training"))
        for problem in problems:
            self._recovered(problem)
        if len(self.recovered) > before:   # the tab's own state is what the file should hold now
            self._store("training", self.training_tab.settings_state())
        self.tabs.setCurrentIndex(self.setting("window/tab"))
        self.training_tab.plots.export_dir = self.setting("last_export_dir")
        for key in ("recent_models", "last_dir", "folders/picture", "folders/digits"):   # damage found now
            self.setting(key)

    def _restore_geometry(self, geometry: bytes) -> bool:
        """Put back a saved size and position; False only when ``geometry`` cannot be read at all. Qt refuses
        a geometry saved on a screen of another size (e.g. 1366×768, then 1024×640): that is no damage, so
        the saved size and place are fitted into this screen instead, quietly."""
        saved = saved_geometry(geometry)      # first: Qt takes a cut-off one for a 1×1 window
        if saved is None:
            return False
        if self.restoreGeometry(QByteArray(geometry)):
            return True
        (x, y, width, height), maximized = saved
        free = self.screen().availableGeometry()
        width, height = min(width, free.width()), min(height, free.height())
        x = max(free.left(), min(x, free.right() + 1 - width))
        y = max(free.top(), min(y, free.bottom() + 1 - height))
        self.resize(width, height)
        self.move(x, y)
        if maximized:
            self.setWindowState(self.windowState() | Qt.WindowMaximized)
        return True

    def _fit_to_screen(self, restored: bool) -> None:
        """A minimum size the tabs are usable at (smaller still on a smaller screen: the pages scroll), and,
        when nothing was restored, 95 % of the screen's free width and 90 % of its height (the title bar comes
        on top) up to 1280×820, so a 1024-pixel screen shows the Draw tab whole. (A restored geometry from a
        bigger screen is already fitted to this one by ``restoreGeometry``.)"""
        free = self.screen().availableGeometry()
        self.setMinimumSize(min(MIN_SIZE[0], free.width()), min(MIN_SIZE[1], free.height()))
        if not restored:
            self.resize(min(1280, int(free.width() * 0.95)), min(820, int(free.height() * 0.9)))

    def set_theme(self, theme: str, keep: bool = True) -> None:
        """View → Theme: 'system', 'light' or 'dark', applied to the whole app at once and kept (``keep``)."""
        apply_theme(QApplication.instance(), theme)
        action = self.actions.get(f"theme_{theme}") if hasattr(self, "actions") else None
        if action is not None:
            action.setChecked(True)
        if keep:
            self._store("view/theme", theme)

    def _splitters(self) -> dict:
        """Every splitter of the tabs by a name that stays the same between launches and languages ("<tab>/<n>")."""
        found = {}
        for index in range(self.tabs.count()):
            tab = TAB_KEYS[index] if index < len(TAB_KEYS) else f"tab{index}"
            for n, splitter in enumerate(self.tabs.widget(index).findChildren(QSplitter)):
                found[f"{tab}/{n}"] = splitter
        return found

    def save_settings(self) -> None:
        self._store("window/geometry", bytes(self.saveGeometry().data()), sync=False)
        self._store("window/splitters", {name: self._dividers.sizes(s) for name, s in self._splitters().items()},
                    sync=False)
        self._store("window/tab", self.tabs.currentIndex(), sync=False)
        choice = self.current.choice          # the model every tab uses, chosen again at the next start
        self._store("model/current", choice.key if choice is not None and choice.kind != "memory" else "",
                    sync=False)
        state = self.training_tab.settings_state()
        if not self.training_tab.controls.is_valid():   # never what the form refuses: what was stored stays
            state["config"] = self.setting("training")["config"].to_dict()
        self._store("training", state)


_GEOMETRY_MAGIC = 0x1D9D0CB   # how QWidget.saveGeometry's data starts (then its format's version)


def saved_geometry(data: bytes) -> tuple[tuple[int, int, int, int], bool] | None:
    """((x, y, width, height), maximized) from ``QWidget.saveGeometry`` data (formats 1 to 3: the frame's
    position, the normal size), or None when ``data`` is not such data or holds no usable size."""
    if len(data) < 46:
        return None
    magic, major = struct.unpack_from(">IH", data)
    if magic != _GEOMETRY_MAGIC or not 1 <= major <= 3:
        return None
    frame_left, frame_top = struct.unpack_from(">ii", data, 8)
    left, top, right, bottom = struct.unpack_from(">4i", data, 24)     # the normal geometry (no frame)
    maximized = data[44] != 0
    width, height = right - left + 1, bottom - top + 1
    if not (0 < width <= 100_000 and 0 < height <= 100_000 and abs(frame_left) <= 1_000_000
            and abs(frame_top) <= 1_000_000):
        return None
    return (frame_left, frame_top, width, height), maximized


class _PendingSizes(QObject):
    """Splitter positions put back when each splitter is first shown: before that it has no real size (a
    hidden tab), and sizes set then would be stretched away by the first layout."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._pending: dict = {}

    def set_when_shown(self, splitter: QSplitter, sizes: list[int]) -> None:
        if splitter.isVisible():
            splitter.setSizes(sizes)
            return
        self._pending[splitter] = sizes
        splitter.installEventFilter(self)

    def sizes(self, splitter: QSplitter) -> list[int]:
        """What to keep: the sizes still waiting for a splitter never shown this time, else its own."""
        return list(self._pending.get(splitter, splitter.sizes()))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Show and watched in self._pending:
            watched.removeEventFilter(self)
            watched.setSizes(self._pending.pop(watched))
        return False
