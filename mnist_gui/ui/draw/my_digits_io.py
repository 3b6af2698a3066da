"""My digits in and out of folders: import an image folder (``DIR/0/*.png``, ``DIR/1/*.jpg``, ...) or another
My digits folder, export to either layout. For the My digits panel; the reading and writing rules are
``core.digit_folders`` (pictures become 28x28 digits through the same pipeline as ``mnist-gui predict``,
decoded by ``ui.decode.decode_file``), the keeping is ``MyDigitsStore.add_many`` (one write).

Reading thousands of pictures takes tens of seconds, so both directions run in a
:class:`~mnist_gui.ui.widgets.background_job.BackgroundJob`; ``busy`` says what is under way, ``said(text,
error)`` what came of it: how many digits were read, added, already kept (the same picture), left out
(My digits is full), and what the folder reader skipped or ignored.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal

from mnist_gui.core.digit_folders import export_image_folder, export_my_digits, read_digits
from mnist_gui.core.i18n import tr
from mnist_gui.ui.decode import decode_file
from mnist_gui.ui.widgets.background_job import BackgroundJob

LAYOUTS = ("images", "my-digits")


def layout_texts(layout: str) -> tuple[str, str]:
    """(The Export menu's item, the folder dialog's title) for ``layout``, each a whole phrase to translate."""
    if layout == "images":
        return (tr("As an image folder (one folder per digit, PNG pictures)…"),
                tr("Export your digits as an image folder (one folder per digit, PNG pictures)"))
    return (tr("As a My digits folder (the two IDX files)…"),
            tr("Export your digits as a My digits folder (the two IDX files)"))


def _exported_text(n: int, path, layout: str) -> str:
    text = (tr("Exported {n:,} digit(s) to {path} as an image folder (one folder per digit, PNG pictures).", None, n)
            if layout == "images" else
            tr("Exported {n:,} digit(s) to {path} as a My digits folder (the two IDX files).", None, n))
    return text.format(n=n, path=path)


class DigitFolders(QObject):
    """``import_folder(path)``, ``export(path, layout)``; ``said(text, error)`` when each is done."""

    said = Signal(str, bool)
    progressed = Signal(str)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.job = BackgroundJob("mnist-gui digit folders", self)
        self.job.progressed.connect(self._on_progress)
        self.job.failed.connect(lambda message: self.said.emit(message, True))
        self._done = None

    def busy(self) -> bool:
        return self.job.is_running()

    def import_folder(self, path) -> bool:
        """Read ``path`` off the GUI thread, then keep what is new; False if another job runs."""
        path = Path(path)

        def read(control, progress):
            return read_digits(path, decode_file, control=control,
                               progress=lambda done, total: progress(
                                   tr("Reading pictures: {done:,} of {total:,}…").format(done=done, total=total)))
        return self._start(read, self._on_read)

    def export(self, path, layout: str) -> bool:
        """Write every kept digit to ``path`` in ``layout`` ("images" or "my-digits") off the GUI thread."""
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r}: expected one of {', '.join(LAYOUTS)}")
        path = Path(path)
        if path.resolve() == self.store.folder.resolve():
            self.said.emit(tr("That is My digits' own folder: choose another one to export to."), True)
            return False
        if len(self.store) == 0:
            self.said.emit(tr("There are no digits to export yet."), True)
            return False
        images, labels = self.store.images.copy(), self.store.labels.copy()
        write = export_image_folder if layout == "images" else export_my_digits
        exporting = tr("Exporting {n:,} digit(s)…", None, len(labels)).format(n=len(labels))

        def run(_control, progress):
            progress(exporting)
            return write(images, labels, path)
        return self._start(run, lambda n: self.said.emit(_exported_text(n, path, layout), False))

    def shutdown(self) -> None:
        self.job.shutdown()

    def _start(self, function, done) -> bool:
        if self.job.is_running():
            self.said.emit(tr("Wait for the import or export under way to finish."), True)
            return False
        if self._done is not None:
            self.job.finished.disconnect(self._done)
        self._done = done
        self.job.finished.connect(done)
        return self.job.start(function)

    def _on_progress(self, text) -> None:
        self.progressed.emit(str(text))

    def _on_read(self, read) -> None:
        """Keep the digits read that are not kept yet (by their pictures), as many as there is room for."""
        kept = {image.tobytes() for image in self.store.images}
        new = np.array([image.tobytes() not in kept for image in read.images], bool)
        already = int(len(new) - new.sum())
        images, labels = read.images[new], read.labels[new]
        if len(labels) and self.store.room() == 0:
            self.said.emit(f"{read.message()} {self.store.full_text()}", True)
            return
        added = self.store.add_many(images, labels) if len(labels) else 0
        parts = [read.message()]
        if len(read):
            # independent clauses, joined by semicolons: each translated whole, with its own count
            text = tr("{n:,} digit(s) added to My digits", None, added).format(n=added)
            if already:
                text += tr("; {n:,} was/were kept already", None, already).format(n=already)
            if added < len(labels):
                text += tr("; {n:,} left out: {reason}").format(n=len(labels) - added, reason=self.store.full_text())
            parts.append(text if text.endswith(".") else text + ".")
        if self.store.save_error:
            parts.append(self.store.save_error)
        self.said.emit(" ".join(parts), len(read) == 0 or bool(self.store.save_error))
