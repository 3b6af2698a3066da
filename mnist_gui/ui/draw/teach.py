""""Teach it my handwriting": fine-tune a copy of the model on the digits kept in My digits.

:class:`TeachPanel` sits under the My digits list. Its button is enabled with a usable model and at least
``core.finetune.MIN_DIGITS`` kept digits (otherwise it says how many more are needed, or why the model
cannot learn them). The work (``core.finetune.finetune`` on a copy of the digits, then
``save_result_as_run``) runs in a :class:`~mnist_gui.ui.widgets.background_job.BackgroundJob`, with a progress
bar and Stop; Stop and closing the window (``shutdown``) end it without writing anything, and the model in
use is never touched. When it is done: accuracy before and after, side by side, on the person's held-out
digits and on the MNIST test set, a line in the error colour when no epoch kept MNIST within 0.3 points
(``core.finetune_report.LOST_MNIST``), the advice (which digits to draw more of), and "Use this model". The
result is kept as a run (``run_saved(run_id)``, so the window lists it), and only "Use this model" makes it
current (``use_requested(model, run_id or None)``): the app never swaps the model by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from mnist_gui.core.finetune import MIN_DIGITS, check_finetunable, check_model, finetune, save_result_as_run
from mnist_gui.core.finetune_report import LOST_MNIST, MNIST_DECIMALS, percent
from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.words import error_text
from mnist_gui.ui.widgets.background_job import BackgroundJob
from mnist_gui.ui.accessibility import verdict_colors
from mnist_gui.ui.theme import ERROR_COLOR


@dataclass
class TeachOutcome:
    """What the job hands back: the FinetuneResult, the run it was kept as (or None) and why not."""

    result: object
    run: object = None
    problem: str | None = None


def teach_job(model, images, labels, mnist=None, runs=None):
    """The function the worker thread runs: fine-tune, then keep the result as a run unless stopped."""
    def job(control, progress) -> TeachOutcome:
        result = finetune(model, images, labels, control=control, progress=progress, mnist=mnist)
        if result.stopped or control.stop_requested:
            return TeachOutcome(result)
        try:
            run = save_result_as_run(result, store=runs)
        except OSError as exc:
            return TeachOutcome(result, None, tr("It could not be kept as a run ({reason}); it is usable until the "
                                                 "app closes.").format(reason=error_text(exc)))
        return TeachOutcome(result, run)
    return job


class TeachPanel(QFrame):
    """``set_model``; follows ``store``; ``run_saved(run_id)``, ``use_requested(model, run_id or None)``."""

    run_saved = Signal(str)
    use_requested = Signal(object, object)
    finished = Signal(object)  # the TeachOutcome, or None after a failure (for tests and the window)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self._model = None
        self.mnist = None   # the Dataset to mix in and test on; None: the bundled MNIST is loaded
        self.runs = None    # the RunStore to keep the result in; None: the user's own
        self.outcome: TeachOutcome | None = None
        self.job = BackgroundJob("mnist-gui fine-tuning", self)
        self._make_widgets()
        self._lay_out()
        self.teach_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.use_button.clicked.connect(self._on_use)
        self.job.progressed.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        store.on_change(self.refresh)
        self.refresh()

    def _make_widgets(self) -> None:
        self.teach_button = QPushButton(tr("Teach it my handwriting"))
        self.teach_button.setToolTip(tr("Fine-tune a copy of the model on your digits, mixed with MNIST so it "
                                        "still reads everyone else's; the model in use stays until you choose"))
        self.hint = QLabel(wordWrap=True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setToolTip(tr("Stop fine-tuning: nothing is kept and the model in use is unchanged"))
        self.status = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)
        self.result_box = QWidget()
        self.table = QGridLayout()
        self.warning = QLabel(tr(LOST_MNIST), wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)
        self.warning.setStyleSheet(f"color: {ERROR_COLOR}")
        self.advice = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)
        self.kept = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)
        self.use_button = QPushButton(tr("Use this model"))
        self.use_button.setToolTip(tr("Make the fine-tuned model the one every tab uses (Undo in the status bar "
                                      "goes back)"))
        for button in (self.teach_button, self.stop_button, self.use_button):
            button.setFocusPolicy(Qt.TabFocus)  # Tab reaches them; a click leaves the keyboard on the pad

    def _lay_out(self) -> None:
        self.top_row = top = QHBoxLayout()  # the panel puts Import and Export at its start
        top.addStretch(1)
        top.addWidget(self.teach_button)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.stop_button)
        result = QVBoxLayout(self.result_box)
        result.setContentsMargins(0, 4, 0, 0)
        result.addLayout(self.table)
        result.addWidget(self.warning)
        result.addWidget(self.advice)
        result.addWidget(self.kept)
        use_row = QHBoxLayout()
        use_row.addStretch(1)
        use_row.addWidget(self.use_button)
        result.addLayout(use_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addLayout(running)
        layout.addWidget(self.status)
        layout.addWidget(self.result_box)
        self._show_running(False)
        self.result_box.hide()
        self.status.hide()

    # ---- state ----

    def set_model(self, model) -> None:
        self._model = model
        self.refresh()

    def set_context(self, mnist=None, runs=None) -> None:
        """The MNIST the window has loaded (mixed in and tested on) and the run store it lists."""
        self.mnist, self.runs = mnist, runs

    def is_running(self) -> bool:
        return self.job.is_running()

    def why_not(self) -> str | None:
        """Why teaching cannot start now, in words; None when it can."""
        if self._model is None:
            return tr("Load or train a model first, then teach it your handwriting.")
        problem = check_model(self._model)
        if problem:
            return problem
        n = len(self.store)
        if n < MIN_DIGITS:
            return tr("Keep %n more digit(s) to teach it your handwriting ({needed} are needed; one of each digit "
                      "is a start).", None, MIN_DIGITS - n).format(needed=MIN_DIGITS)
        return check_finetunable(self._model, self.store.images, self.store.labels)

    def refresh(self) -> None:
        why = self.why_not()
        can = why is None
        self.teach_button.setEnabled(can and not self.is_running())
        if why is None:
            n = len(self.store)
            why = tr("Fine-tunes a copy of the model on your {n:,} digit(s), mixed with MNIST so it still reads "
                     "everyone else's. The model in use stays until you choose.", None, n).format(n=n)
        self.hint.setText(why)
        # while it runs the progress says what happens; with a result shown, the result does
        self.hint.setVisible(not self.is_running() and (self.result_box.isHidden() or not can))

    # ---- running ----

    def start(self) -> bool:
        """Start fine-tuning on a copy of the kept digits; False (and the reason shown) if it cannot."""
        why = self.why_not()
        if why is not None or self.is_running():
            return False
        job = teach_job(self._model, self.store.images.copy(), self.store.labels.copy(), self.mnist, self.runs)
        self.outcome = None
        self.result_box.hide()
        self.job.start(job)
        self.progress.setValue(0)
        self._show_running(True)
        self._say(tr("Starting…"))
        self.refresh()
        return True

    def stop(self) -> None:
        if self.is_running():
            self.stop_button.setEnabled(False)
            self._say(tr("Stopping…"))
            self.job.stop()

    def shutdown(self) -> None:
        """The window is closing: stop, wait, keep nothing."""
        self.job.shutdown()

    def _on_progress(self, report) -> None:
        self.progress.setValue(int(round(1000 * report.fraction)))
        self._say(report.message)

    def _on_finished(self, outcome: TeachOutcome) -> None:
        self._show_running(False)
        self.refresh()
        result = outcome.result
        if result.stopped:
            self._say(tr("Stopped: nothing was kept, and the model in use is unchanged."))
            self.finished.emit(outcome)
            return
        self.outcome = outcome
        self._say(_done_text(result))
        self._show_result(outcome)
        if outcome.run is not None:
            self.run_saved.emit(outcome.run.id)
        self.finished.emit(outcome)

    def _on_failed(self, message: str) -> None:
        self._show_running(False)
        self.refresh()
        self._say(tr("Fine-tuning failed: {reason}").format(reason=message), error=True)
        self.finished.emit(None)

    def _on_use(self) -> None:
        if self.outcome is None:
            return
        run_id = self.outcome.run.id if self.outcome.run is not None else None
        self.use_button.setEnabled(False)
        self.use_button.setText(tr("Every tab uses it"))
        self.use_requested.emit(self.outcome.result.model, run_id)

    # ---- showing ----

    def _show_result(self, outcome: TeachOutcome) -> None:
        result = outcome.result
        while self.table.count():
            self.table.takeAt(0).widget().deleteLater()
        bold = QFont(self.font())
        bold.setBold(True)
        for column, text in enumerate(("", tr("Before"), tr("After"))):
            label = QLabel(text)
            label.setFont(bold)
            self.table.addWidget(label, 0, column, Qt.AlignRight if column else Qt.AlignLeft)
        n = result.n_held_out
        held = tr("Your {n:,} held-out digit(s)", None, n).format(n=n) if n else tr(HELD_NONE)
        rows = ((held, "personal", 1), (tr("MNIST test set"), "mnist", MNIST_DECIMALS))
        for row, (name, key, decimals) in enumerate(rows, start=1):
            self.table.addWidget(QLabel(name, wordWrap=True), row, 0)  # wraps: the column is narrow
            before, after = result.before.get(key), result.after.get(key)
            self.table.addWidget(QLabel(percent(before, decimals)), row, 1, Qt.AlignRight)
            change = QLabel(percent(after, decimals))
            if before is not None and after is not None and abs(after - before) >= 0.0005:
                rise, fall = verdict_colors(self.palette())  # the app's right/wrong colours, plus an arrow
                color, mark = (rise, "▲") if after > before else (fall, "▼")
                change.setText(f"<b style='color:{color.name()}'>{mark} {percent(after, decimals)}</b>")
            self.table.addWidget(change, row, 2, Qt.AlignRight)
        self.table.setColumnStretch(0, 1)
        # said apart, in the error colour, above the advice (written in the language of its day)
        head = next((h for h in (tr(LOST_MNIST), LOST_MNIST) if result.advice.startswith(h)), None)
        tip = result.advice[len(head):].strip() if head else result.advice
        self.warning.setVisible(head is not None)
        self.advice.setText(tip)
        self.advice.setVisible(bool(tip))
        if outcome.run is not None:
            self.kept.setText(tr("Kept as the run “{name}” (in the model list and the Train tab's runs).").format(
                name=outcome.run.name))
            self.kept.setStyleSheet("")
        else:
            self.kept.setText(outcome.problem or "")
            self.kept.setStyleSheet(f"color: {ERROR_COLOR}")
        self.use_button.setEnabled(result.model is not None)
        self.use_button.setText(tr("Use this model"))
        self.result_box.show()
        self.refresh()
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:  # the Draw tab's right column scrolls: bring the result into view, once laid out
            QTimer.singleShot(0, lambda: parent.ensureWidgetVisible(self.use_button))

    def _show_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(running)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOR}" if error else "")
        self.status.setVisible(bool(text))


HELD_NONE = QT_TR_NOOP("Your digits — measured on the ones it learned from (keep 3 or more of a digit to hold "
                       "some back for a fair test)")


def _done_text(result) -> str:
    """"Done in 12 s (6 epochs, on a second, gentler try; the weights of epoch 4 kept).": each variant whole."""
    n, gentler, kept = result.epochs_run, result.tries > 1, 0 < result.best_epoch < result.epochs_run
    text = (tr("Done in {seconds:.0f} s (%n epoch(s), on a second, gentler try; the weights of epoch {best} kept).",
               None, n) if gentler and kept else
            tr("Done in {seconds:.0f} s (%n epoch(s), on a second, gentler try).", None, n) if gentler else
            tr("Done in {seconds:.0f} s (%n epoch(s); the weights of epoch {best} kept).", None, n) if kept else
            tr("Done in {seconds:.0f} s (%n epoch(s)).", None, n))
    return text.format(seconds=result.seconds, best=result.best_epoch)
