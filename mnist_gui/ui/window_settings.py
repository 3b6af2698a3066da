"""The main window's saved settings: every read through ``setting(key)`` (``mnist_gui.core.settings``: a
damaged value is reset to its default, written back at once and named in the banner), recent model files,
the last folders, and the window's state restored at start and saved at close.

A mixin of ``MainWindow`` (``ui/main_window.py``), which provides ``settings`` (a ``QSettings``), ``banner``,
``recovered``, ``tabs`` and ``training_tab``. Not here: the menus (``main_menus``), the model selector.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from mnist_gui.core import settings as stored


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
        return self.setting("last_dir") or str(Path.home())

    def _restore_settings(self) -> None:
        """Every setting once, through ``setting()``, so a damaged file is repaired at start-up."""
        geometry = self.setting("window/geometry")
        restored = geometry is not None and self.restoreGeometry(QByteArray(geometry))
        if geometry is not None and not restored:
            self._store("window/geometry", None)
            label = stored.SETTINGS["window/geometry"].label
            self._recovered(f"{label}: it is not a size and position the window can use")
        if not restored:
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.9)), min(820, int(screen.height() * 0.9)))
        before = len(self.recovered)
        problems = self.training_tab.restore_settings_state(self.setting("training"))
        for problem in problems:
            self._recovered(problem)
        if len(self.recovered) > before:   # the tab's own state is what the file should hold now
            self._store("training", self.training_tab.settings_state())
        self.tabs.setCurrentIndex(self.setting("window/tab"))
        self.training_tab.plots.export_dir = self.setting("last_export_dir")
        for key in ("recent_models", "last_dir"):   # read now, so damage is found and repaired now
            self.setting(key)

    def save_settings(self) -> None:
        self._store("window/geometry", bytes(self.saveGeometry().data()), sync=False)
        self._store("window/tab", self.tabs.currentIndex(), sync=False)
        state = self.training_tab.settings_state()
        if not self.training_tab.controls.is_valid():   # never what the form refuses: what was stored stays
            state["config"] = self.setting("training")["config"].to_dict()
        self._store("training", state)
