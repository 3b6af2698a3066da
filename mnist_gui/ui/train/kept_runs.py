"""The Train tab's side of the run store: what the tab does when a run starts being kept (or cannot be),
when the learning watch finds a hopeless run, when the user ticks, renames or loads a run in the table, and
after a run ended. A mixin of :class:`~mnist_gui.ui.train.tab.TrainingTab`, which has ``store``, ``runs``
(the RunsPanel), ``plots``, ``banner`` and ``controls``; it only connects them. (No ``@Slot`` here:
PySide6 does not deliver queued signals to slots a non-QObject mixin declares.)

Not here: recording (the worker, through ``mnist_gui.core.run_recorder``), the table (runs_panel.py).
"""

from __future__ import annotations

from mnist_gui.core import training_text as text
from mnist_gui.core.i18n import tr
from mnist_gui.core.run_data import RunData
from mnist_gui.core.run_table import epoch_share, steps_per_epoch
from mnist_gui.nn.presets import TrainConfig


class KeptRunsMixin:
    """Slots between the runs table, the plots and the worker's recording signals."""

    def _connect_runs(self) -> None:
        self.runs.show_changed.connect(self._on_show_changed)
        self.runs.renamed.connect(self.plots.rename_run)
        self.runs.load_requested.connect(self.load_settings)
        self.runs.message.connect(self.banner.show_message)
        self.plots.runs_cleared.connect(self.runs.hide_all)
        self.runs.model.modelReset.connect(self._update_runs_tab)
        self.runs.reload()
        self._update_runs_tab()

    def _update_runs_tab(self) -> None:
        n = len(self.runs.model.rows)
        shown = tr("Runs ({n})").format(n=n) if n else tr("Runs")
        self.lower_tabs.setTabText(self.lower_tabs.indexOf(self.runs), shown)

    def _on_recording_started(self, info: dict) -> None:
        self.plots.current_id = info.get("run_id")
        self.runs.model.set_current(info.get("run_id"))
        if info.get("problem"):
            self.banner.show_message("warning", text.not_kept_warning(info["problem"]))
        self.runs.reload()            # the new run appears, "running"
        self._update_runs_tab()

    def _on_run_epoch(self, info: dict) -> None:
        """The running run's row counts its epochs as they end."""
        epoch = info.get("epoch")
        if self.plots.current_id is None or not isinstance(epoch, int):
            return
        share = epoch_share(info.get("batches"), info.get("steps"))  # the recorder's rule for a stopped epoch
        self.runs.model.set_epochs_done(self.plots.current_id, epoch - 1 + (1.0 if share is None else share))

    def _on_not_learning(self, verdict: str) -> None:
        self.banner.show_message("warning", text.not_learning_warning(verdict))
        self.status_message.emit(tr("This run does not seem to learn; see the message above the plots"))

    def _on_show_changed(self, run_id: str, shown: bool) -> None:
        if not shown:
            self.plots.hide_run(run_id)
            return
        row, run = self.runs.model.get(run_id), self.runs.runs.get(run_id)

        def load() -> RunData:
            return RunData.from_record(run.batches(), run.epochs(), steps_per_epoch(row.config),
                                       smoothing=self.plots.smoothing_weight())

        self.plots.show_run(run_id, row.name, self.runs.model.colour(run_id), load)

    def load_settings(self, config: dict) -> bool:
        """Put a kept run's settings back into the form; False (and the banner says why) if they cannot be
        shown as they were, e.g. settings from an older version."""
        if self.run is not None:
            return False
        if not config:
            self.banner.show_message("warning", tr("This run's record holds no settings to load."))
            return False
        try:
            cfg = TrainConfig.from_dict(config)
        except (TypeError, ValueError) as exc:
            self.banner.show_message("warning", tr("This run's settings cannot be loaded: {reason}").format(reason=exc))
            return False
        problem = self.controls.show_saved(cfg)
        if problem:
            self.banner.show_message("warning", tr("The form shows the default settings instead of {problem}").format(
                problem=problem))
            return False
        self.status_message.emit(tr("Loaded the run's settings into the form; press Start to train them"))
        return True

    def _after_run(self, result) -> None:
        """The run's thread has ended: refresh the table, tick the run just kept, say where things stand."""
        self.runs.set_running(False)
        self.runs.reload()
        self._update_runs_tab()
        if result is None:
            return
        if result.kept_problem and not self.banner.isVisible():
            self.banner.show_message("warning", text.not_kept_warning(result.kept_problem))
        if result.run_id is not None:
            if self.plots.show_earlier.isChecked():
                self.runs.set_shown(result.run_id, True)
            self.run_kept.emit(result.run_id, result.status)
