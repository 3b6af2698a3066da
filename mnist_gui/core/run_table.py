"""The runs table's rules, with no Qt: one row per kept run (what each column shows and sorts by), which
settings differ between two runs, the side-by-side comparison, each run's colour on the plots, and a run's
status from how its training ended.

A row is built from a :class:`mnist_gui.core.runs.Run` once, when the table is filled, so sorting and
redrawing never read the disk again. Not here: the run store itself (``mnist_gui.core.runs``), the Qt
model and view (``mnist_gui.ui.train.runs_model``, ``runs_panel``), a run's curves (``core.run_data``).
"""

from __future__ import annotations

import math
import time
import zlib
from dataclasses import dataclass, field

from mnist_gui.core.i18n import QT_TR_NOOP, number, tr
from mnist_gui.core.train_choices import shown_name
from mnist_gui.core.train_fields import label
from mnist_gui.core.training_text import duration

# (key, header, tooltip), marked for translation (shown as tr(header), tr(tooltip); "" and "★" as they are);
# "show", "star" and "name" are the columns the user changes
COLUMNS = (
    ("colour", "", QT_TR_NOOP("The run's colour on the plots")),
    ("show", QT_TR_NOOP("Show"), QT_TR_NOOP("Tick to draw this run on the plots")),
    ("star", "★", QT_TR_NOOP("Starred runs are never removed to make room for new ones")),
    ("name", QT_TR_NOOP("Name"), QT_TR_NOOP("Double-click to rename")),
    ("network", QT_TR_NOOP("Network"), QT_TR_NOOP("Architecture, hidden layers, activation and dropout")),
    ("optimizer", QT_TR_NOOP("Optimizer"), QT_TR_NOOP("The optimizer and its learning-rate schedule")),
    ("learning_rate", QT_TR_NOOP("Learning rate"), QT_TR_NOOP("The learning rate the run started with")),
    ("batch_size", QT_TR_NOOP("Batch"), QT_TR_NOOP("Images per weight update")),
    ("epochs", QT_TR_NOOP("Epochs"), QT_TR_NOOP("Epochs done of the epochs asked for")),
    ("best_val", QT_TR_NOOP("Best val."), QT_TR_NOOP("The best validation accuracy after any epoch ('–' without a "
                                                     "validation split: the test after each epoch is never shown "
                                                     "as validation)")),
    ("test", QT_TR_NOOP("Test"), QT_TR_NOOP("Accuracy on the test images after training")),
    ("seconds", QT_TR_NOOP("Time"), QT_TR_NOOP("Training time, pauses not counted")),
    ("status", QT_TR_NOOP("Status"), QT_TR_NOOP("How the run ended")),
)
COLUMN_KEYS = tuple(c[0] for c in COLUMNS)
# a run's status as the table shows it (the stored word is English: "finished", "not learning", ...)
STATUS_WORDS = {"finished": QT_TR_NOOP("finished"), "stopped": QT_TR_NOOP("stopped"),
                "diverged": QT_TR_NOOP("diverged"), "not learning": QT_TR_NOOP("not learning"),
                "interrupted": QT_TR_NOOP("interrupted"), "running": QT_TR_NOOP("running")}
# the settings behind each column, to highlight a cell whose settings differ from the selected run's
COLUMN_SETTINGS = {
    "network": ("architecture", "hidden", "activation", "dropout"),
    "optimizer": ("optimizer", "schedule"),
    "learning_rate": ("learning_rate",),
    "batch_size": ("batch_size",),
    "epochs": ("epochs",),
}
SETTING_ORDER = ("architecture", "hidden", "activation", "dropout", "optimizer", "learning_rate", "schedule",
                 "batch_size", "epochs", "l2", "train_size", "validation_split", "augmentation", "seed")
# colours of kept runs on the plots: distinct from each other and from the current run's blue, orange and
# green (the theme's), readable on light and dark backgrounds
PALETTE = ((148, 103, 189), (214, 39, 40), (227, 119, 194), (140, 86, 75), (188, 189, 34), (23, 190, 207),
           (127, 127, 127), (218, 165, 32))


def _number(value) -> float | None:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def steps_per_epoch(config: dict) -> int:
    """Batches per epoch of a run with these settings (as ``TrainConfig.steps_per_epoch``), at least 1."""
    try:
        size = int(config.get("train_size", 60000))
        n_train = size - int(round(size * float(config.get("validation_split", 0.0))))
        return max(-(-n_train // max(int(config.get("batch_size", 32)), 1)), 1)
    except (TypeError, ValueError):
        return 1


def network_text(config: dict) -> str:
    """'MLP 128 relu', 'MLP 512×2 relu, dropout 0.2', 'CNN + 128 relu', 'MLP linear (no hidden layer)'."""
    arch = str(config.get("architecture", "mlp"))
    hidden = [str(h) for h in config.get("hidden") or ()]
    if len(hidden) > 1 and len(set(hidden)) == 1:
        layers = f"{hidden[0]}×{len(hidden)}"
    else:
        layers = "-".join(hidden)
    activation = str(config.get("activation", ""))
    if arch == "cnn":
        text = f"CNN + {layers} {activation}" if hidden else "CNN"
    else:
        text = f"MLP {layers} {activation}" if hidden else tr("MLP (no hidden layer)")
    dropout = _number(config.get("dropout")) or 0
    if not (dropout and hidden):
        return text
    return tr("{network}, dropout {rate:g}").format(network=text, rate=dropout)


def default_name(config: dict, when: float | None = None) -> str:
    """A new run's name until the user renames it: what it trains and when, e.g. "MLP 128 relu, adam 0.001
    at 14:02"."""
    rate = _number(config.get("learning_rate"))
    clock = time.strftime("%H:%M", time.localtime(when))
    return tr("{network}, {optimizer} {rate} at {clock}").format(
        network=network_text(config), optimizer=config.get("optimizer", ""), rate="" if rate is None else f"{rate:g}",
        clock=clock)


def run_time(seconds: float | None) -> str:
    """A run's training time: '8.4 s' under a minute, then '1:05', '1:02:03'; '–' when unknown."""
    if seconds is None:
        return "–"
    return tr("{seconds:.1f} s").format(seconds=seconds) if seconds < 59.95 else duration(seconds)


def epoch_share(batches, steps) -> float | None:
    """The share of an epoch that Stop cut short (its batches run of its steps), None for a whole epoch."""
    if isinstance(batches, int) and isinstance(steps, int) and 0 < batches < steps:
        return round(batches / steps, 3)
    return None


def epochs_done(epochs: list[dict]) -> float:
    """Epochs a run has done: whole ones, plus the recorded share of an epoch that Stop cut short."""
    done = 0.0
    for logs in epochs:
        part = _number(logs.get("partial"))
        done += part if part is not None and 0 < part < 1 else 1.0
    return done


def epochs_text(done: float) -> str:
    """'3' for whole epochs, '2.4' for two and part of a third."""
    return f"{done:.0f}" if float(done).is_integer() else f"{math.floor(done * 10) / 10:.1f}"


def setting_text(key: str, value) -> str:
    """One setting as the comparison shows it."""
    if value is None:
        return "–"
    if key == "hidden":
        return ", ".join(str(h) for h in value) or tr("none", "no hidden layers")
    if isinstance(value, float):
        return number(value, "g")
    if key == "train_size" and isinstance(value, int):
        return number(value, ",")
    return str(value)


@dataclass
class RunRow:
    """What the table shows of one run. ``best_val`` and ``test`` are fractions (None when not measured)."""

    id: str
    name: str
    starred: bool
    status: str
    config: dict
    started: str
    epochs_done: float            # whole epochs, plus the share of one cut short by Stop
    best_val: float | None
    test: float | None
    seconds: float | None
    message: str = ""
    has_model: bool = False
    shown: bool = False          # ticked to be on the plots when last seen (kept in the record, so it lasts)
    extra: dict = field(default_factory=dict)

    def text(self, key: str) -> str:
        c = self.config
        if key == "name":
            return self.name
        if key == "network":
            return network_text(c)
        if key == "optimizer":
            schedule = c.get("schedule", "constant")
            shown = f", {shown_name(schedule)}" if schedule not in (None, "constant") else ""
            return str(c.get("optimizer", "")) + shown
        if key == "learning_rate":
            return setting_text(key, _number(c.get("learning_rate")))
        if key == "batch_size":
            return str(c.get("batch_size", ""))
        if key == "epochs":
            return f"{epochs_text(self.epochs_done)}/{c.get('epochs', '?')}"
        if key in ("best_val", "test"):
            value = getattr(self, key)
            return "–" if value is None else number(value, ".2%")
        if key == "seconds":
            return run_time(self.seconds)
        if key == "status":
            return tr(STATUS_WORDS[self.status]) if self.status in STATUS_WORDS else self.status
        return ""

    def sort_value(self, key: str):
        """What the column sorts by: numbers as numbers (unknown ones first), text case-blind."""
        if key in ("best_val", "test", "seconds"):
            value = getattr(self, key)
            return -1.0 if value is None else value
        if key == "learning_rate":
            return _number(self.config.get("learning_rate")) or 0.0
        if key == "batch_size":
            return _number(self.config.get("batch_size")) or 0.0
        if key == "epochs":
            return float(self.epochs_done)
        if key == "star":
            return int(self.starred)
        if key in ("colour", "show"):
            return self.started
        return self.text(key).casefold()


def row_from_run(run) -> RunRow:
    """The row of a :class:`~mnist_gui.core.runs.Run` (reads its epochs file once)."""
    info = run.info
    epochs = run.epochs()
    # validation only: a run without a validation split keeps its per-epoch test as test_accuracy, and test
    # numbers are never shown as validation
    vals = [v for v in (_number(e.get("val_accuracy")) for e in epochs) if v is not None]
    config = info.get("config") if isinstance(info.get("config"), dict) else {}
    return RunRow(id=run.id, name=run.name, starred=run.starred, status=run.status, config=config,
                  started=str(info.get("started") or ""), epochs_done=epochs_done(epochs),
                  best_val=max(vals) if vals else None, test=_number(info.get("test_accuracy")),
                  seconds=_number(info.get("seconds")), message=str(info.get("message") or ""),
                  has_model=run.model_path is not None, shown=info.get("shown") is True)


def differing(config: dict, other: dict) -> set[str]:
    """The settings whose values differ between two runs' configs."""
    return {k for k in set(config) | set(other) if config.get(k) != other.get(k)}


def differing_columns(config: dict, other: dict) -> set[str]:
    """The table's columns whose settings differ between two configs."""
    keys = differing(config, other)
    return {column for column, settings in COLUMN_SETTINGS.items() if keys & set(settings)}


def comparison(a: RunRow, b: RunRow) -> list[tuple[str, str, str, bool]]:
    """(what, run a, run b, differ) lines for comparing two runs side by side: every setting, then the
    outcome."""
    keys = [k for k in SETTING_ORDER if k in a.config or k in b.config]
    keys += sorted(k for k in set(a.config) | set(b.config) if k not in SETTING_ORDER)
    lines = []
    for key in keys:
        va, vb = setting_text(key, a.config.get(key)), setting_text(key, b.config.get(key))
        lines.append((label(key), va, vb, va != vb))
    for key, words in (("epochs", tr("Epochs done")), ("best_val", tr("Best validation accuracy")),
                       ("test", tr("Test accuracy")), ("seconds", tr("Training time")), ("status", tr("Status"))):
        va, vb = a.text(key), b.text(key)
        lines.append((words, va, vb, va != vb))
    return lines


def pick_colour(run_id: str, taken) -> int:
    """The palette index for a run about to be shown: its own (from its id) unless another shown run has it,
    else the first free one (the palette repeats beyond len(PALETTE) shown runs)."""
    taken = set(taken)
    own = zlib.crc32(run_id.encode()) % len(PALETTE)
    if own not in taken:
        return own
    free = [i for i in range(len(PALETTE)) if i not in taken]
    return free[0] if free else own
