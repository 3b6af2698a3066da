"""The Training tab: set up a network, watch it learn, keep the result.

It puts together the settings form (:mod:`.controls`), the live curves (:mod:`.plots`), the runs table
(:mod:`.runs_panel`), the first-layer weights (:mod:`.weights_view`), what happens inside the network
(:mod:`.inside_training`), a progress bar, a log with one line per epoch, and Start / Pause / Stop. A run
is a :class:`~mnist_gui.ui.train.worker.TrainingRun` (a worker in a QThread) that records itself in the
run store; this tab only connects to its signals (the run store's side is kept_runs.py; what the curves,
the progress and the log show as the run goes is run_view.py). When a run's thread has ended the tab
emits ``run_finished(result)``, ``run_kept(run_id, status)`` if the run is in the store, and, if it
finished with a usable network (``TrainingResult.leaves_model``), ``model_trained(model)``. What the user
must know (a diverged run, one that does not learn, a store that refuses, a network with NaN outputs, an
export that failed) goes to the banner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from mnist_gui.core.i18n import tr
from mnist_gui.core.memory import memory_problem
from mnist_gui.core.run_table import STATUS_WORDS
from mnist_gui.core import training_text as text
from mnist_gui.core.runs import RunStore
from mnist_gui.ui.train.controls import summary_line
from mnist_gui.ui.train.kept_runs import KeptRunsMixin
from mnist_gui.ui.train.layout import setup_ui
from mnist_gui.ui.train.run_view import REDRAW_MS, RunViewMixin
from mnist_gui.ui.train.keras_code_dialog import add_keras_code_button
from mnist_gui.core.training_reporter import first_kernel, first_kernel_columns
from mnist_gui.ui.train.worker import DEFAULT_BLAS_THREADS, TrainingResult, TrainingRun

WEIGHT_UNITS = 16


class TrainingTab(KeptRunsMixin, RunViewMixin, QWidget):
    """The Train tab. ``dataset`` is a :class:`mnist_gui.data.mnist.Dataset`; ``store`` the RunStore runs are
    kept in (default: the user's)."""

    model_trained = Signal(object)     # the network of a run that finished (not stopped, diverged, hopeless)
    run_finished = Signal(object)      # TrainingResult, or None if the run failed; the thread has ended
    run_kept = Signal(str, str)        # run id, status: a run that ended is in the run store
    running_changed = Signal(bool)
    status_message = Signal(str)

    def __init__(self, dataset, parent: QWidget | None = None, *, blas_threads: int | None = DEFAULT_BLAS_THREADS,
                 max_rate: float = 10.0, redraw_ms: int = REDRAW_MS, store: RunStore | None = None):
        super().__init__(parent)
        self.dataset = dataset
        self.store = store if store is not None else RunStore()
        self.blas_threads, self.max_rate = blas_threads, max_rate
        self.run: TrainingRun | None = None
        self.result: TrainingResult | None = None
        self.runs_started = 0
        self._steps = 1
        self._last_chunk: dict | None = None
        self._pending_weights = None
        self._dirty = False
        self._testing = False           # the run is in its final test evaluation
        self._first_layer: tuple[int | None, str] = (None, "hidden")   # units in all, kind, for the weights view
        self._redraw_ms = redraw_ms
        self._redraw = QTimer(self, interval=redraw_ms)
        self._redraw.timeout.connect(self._refresh_view)
        setup_ui(self)
        self.keras_code_button = add_keras_code_button(self)   # opens "Show as Keras code"
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.controls.validity_changed.connect(self._update_buttons)
        self.controls.config_changed.connect(self._on_config_changed)
        self.plots.export_failed.connect(lambda message: self.banner.show_message("error", message))
        self.plots.exported.connect(lambda path: self.status_message.emit(
            tr("Exported the curves to {path}").format(path=path)))
        augmentation = self.controls.augmentation      # its item data is the preset's name
        augmentation.currentIndexChanged.connect(lambda _i: self.augment_preview.set_preset(augmentation.currentData()))
        self.augment_preview.set_preset(augmentation.currentData())
        self._connect_runs()
        self._on_config_changed(self.controls.config() if self.controls.is_valid() else None)
        self._update_buttons()

    def is_running(self) -> bool:
        return self.run is not None

    @Slot()
    def start(self) -> bool:
        """Start a run with the form's settings; False (and nothing happens) if they are invalid."""
        if self.run is not None or not self.controls.is_valid():
            return False
        cfg = self.controls.config()
        problem = memory_problem(cfg, self.dataset.x_train.shape[1:], len(self.dataset.class_names))
        if problem:
            self.banner.show_message("error", problem)
            return False
        self.runs_started += 1
        self.result = None
        self._prepare_view(cfg)
        run = self.run = TrainingRun(cfg, self.dataset, self, blas_threads=self.blas_threads,
                                     max_rate=self.max_rate, weight_units=WEIGHT_UNITS,
                                     store_folder=self.store.folder)
        self._connect_run_view(run)
        # queued explicitly: these signals come from the worker thread, the slots touch widgets
        queued = Qt.QueuedConnection
        run.worker.recording_started.connect(self._on_recording_started, queued)
        run.worker.not_learning.connect(self._on_not_learning, queued)
        run.worker.epoch_ended.connect(self._on_run_epoch, queued)
        run.thread.finished.connect(self._on_thread_finished, queued)
        run.start()
        self.runs.set_running(True)
        self._redraw.start(self._redraw_ms)
        self._set_running(True)
        self.status_message.emit(tr("Training started"))
        return True

    @Slot()
    def toggle_pause(self) -> None:
        if self.run is None or self._testing:   # the final test has no batches to pause between
            return
        if self.run.paused:
            self.run.resume()
            self.status_message.emit(tr("Training resumed"))
        else:
            self.run.pause()
            self.progress.setFormat(tr("{progress} · paused").format(progress=self.progress.format()))
            if self._last_chunk is not None:
                self.progress_detail.setText(text.progress_detail(self._last_chunk, paused=True))
            self.status_message.emit(tr("Training paused (press Resume or Space to go on)"))
        self._update_buttons()

    @Slot()
    def start_or_pause(self) -> None:
        """What Space and Ctrl+Enter do: start when idle, otherwise pause or resume."""
        if self.run is None:
            self.start()
        else:
            self.toggle_pause()

    @Slot()
    def stop(self) -> None:
        if self.run is not None:
            self.run.stop()
            self.progress.setFormat(tr("Skipping the test…") if self._testing else tr("Stopping after this batch…"))
            self._update_buttons()

    def shutdown(self) -> None:
        """Stop any run and wait for its thread (the window is closing); nothing is emitted afterwards."""
        self.runs.commit_deletes()
        run, self.run = self.run, None
        if run is not None:
            for signal in (run.worker.finished, run.worker.failed, run.thread.finished):
                signal.disconnect()
            run.shutdown()
            run.deleteLater()
            self._redraw.stop()
            self._set_running(False)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override (the tab shown on its own, in tests)
        self.shutdown()
        super().closeEvent(event)

    def set_model(self, model) -> None:
        """Show ``model``'s first-layer weights while no run is going (e.g. the model opened from a file)."""
        if self.run is None and model is not None:
            kernel = first_kernel(model)
            conv = kernel is not None and kernel.ndim == 4
            self._first_layer = (kernel.shape[-1] if kernel is not None else None, "convolution" if conv else "hidden")
            self._show_weights(first_kernel_columns(model, WEIGHT_UNITS))

    def settings_state(self) -> dict:
        """What to remember between sessions (the main window stores it in QSettings)."""
        state = {"smoothing": self.plots.smoothing_weight(), "show_earlier": self.plots.show_earlier.isChecked()}
        try:
            state["config"] = self.controls.config().to_dict()
        except ValueError:
            pass
        return state

    def restore_settings_state(self, state: dict) -> list[str]:
        """Show ``state`` (``config``, ``smoothing``, ``show_earlier``, as ``mnist_gui.core.settings`` checked
        them); returns what the form could not show as it was, in plain words (empty when all is well)."""
        problem = self.controls.show_saved(state["config"]) if "config" in state else None
        if "smoothing" in state:
            self.plots.set_smoothing(state["smoothing"])
        if "show_earlier" in state:
            self.plots.set_show_earlier(state["show_earlier"])
        return [problem] if problem else []

    def _set_running(self, running: bool) -> None:
        self.controls.set_editable(not running)
        self._update_buttons()
        self.running_changed.emit(running)

    def _update_buttons(self, *_args) -> None:
        running = self.run is not None
        valid = self.controls.is_valid()
        self.start_button.setEnabled(not running and valid)
        if running:
            self.start_button.setToolTip(tr("A run is going; stop it first."))
        elif valid:
            self.start_button.setToolTip(tr("Train a new network with these settings (Space or Ctrl+Enter)."))
        else:
            self.start_button.setToolTip(tr("Can't start: {reason}").format(reason=self.controls.error))
        self.pause_button.setEnabled(running and not self._testing)
        self.stop_button.setEnabled(running)
        self.pause_button.setText(tr("Resume") if running and self.run.paused else tr("Pause"))

    def _on_config_changed(self, cfg) -> None:
        if cfg is not None and self.run is None:
            self.plots.set_validation(cfg.n_validation > 0)
        self.summary.setText(summary_line(cfg) if cfg is not None else tr("These settings can't be used yet: "
                                                                           "{reason}").format(
            reason=self.controls.error or ""))

    @Slot()
    def _on_thread_finished(self) -> None:
        self._redraw.stop()
        self._refresh_view()
        run, self.run = self.run, None
        if run is not None:
            run.deleteLater()
        self._set_running(False)
        result = self.result
        self._after_run(result)
        if result is not None and result.leaves_model():
            self.model_trained.emit(result.model)
            self.status_message.emit(tr("Training finished: the trained network is now the current model"))
        elif result is not None:
            status = tr(STATUS_WORDS[result.status]) if result.status in STATUS_WORDS else result.status
            self.status_message.emit(tr("Training ended ({status}); the current model is unchanged").format(
                status=status))
        self.run_finished.emit(result)
