"""The models a user can choose as the current one, and the rules for which may become current. No Qt.

A :class:`Choice` is one entry of the window's model selector: the bundled default, a kept run that has a
model (``mnist_gui.core.runs``), a model file opened this session, or a trained network that exists only in
memory (its run could not be kept). :class:`ModelList` holds them in the selector's order (default,
in-memory networks, kept runs newest first, opened files) and remembers the previous current choice, so
"Undo" is one step back.

The rules, in one place: a run's model is offered when the run finished or was stopped
(``OFFERED_STATUSES``); only a finished run becomes current by itself (``becomes_current``); a run that
diverged, did not learn or was interrupted, and any network whose outputs are not finite numbers, never
becomes current (``refusal``). ``load`` reads a choice's file and applies the same check. ``file_stem`` is
the short file name suggested for a model (e.g. when it is exported).

Not here: the selector widget (``ui/model_selector.py``), saving files (``Sequential.save``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mnist_gui.core.i18n import QT_TR_NOOP, number, tr
from mnist_gui.core.words import error_text

DEFAULT_KEY = "default"
OFFERED_STATUSES = ("finished", "stopped")
AUTO_CURRENT_STATUSES = ("finished",)
_REFUSED = {"diverged": QT_TR_NOOP("it diverged"), "not learning": QT_TR_NOOP("it did not learn"),
            "failed": QT_TR_NOOP("it failed"), "interrupted": QT_TR_NOOP("it was interrupted"),
            "running": QT_TR_NOOP("it is still training"),
            "unusable": QT_TR_NOOP("its network gives NaN or infinite outputs")}
# how a run ended, in the selector ("name (stopped)"); the stored word is English
_STATUS_WORDS = {"stopped": QT_TR_NOOP("stopped"), "diverged": QT_TR_NOOP("diverged"),
                 "not learning": QT_TR_NOOP("not learning"), "interrupted": QT_TR_NOOP("interrupted"),
                 "running": QT_TR_NOOP("running"), "failed": QT_TR_NOOP("failed"),
                 "unusable": QT_TR_NOOP("unusable")}


@dataclass(frozen=True)
class Choice:
    """One model the user can choose. ``kind``: default, run, file or memory. ``path``: its file (None for a
    network only in memory); ``available`` False with ``note`` saying why (e.g. its file was deleted)."""

    key: str
    kind: str
    name: str
    path: Path | None = None
    test_accuracy: float | None = None
    status: str | None = None
    available: bool = True
    note: str = ""

    @property
    def unsaved(self) -> bool:
        """Whether closing the app would lose it: a network kept neither in a run nor in a file."""
        return self.kind == "memory"

    def label(self) -> str:
        """The selector's text: name, how the run ended if not finished, test accuracy or why it can't be used."""
        text = self.name
        if self.kind == "run" and self.status not in (None, "finished"):
            status = tr(_STATUS_WORDS[self.status]) if self.status in _STATUS_WORDS else self.status
            text += f" ({status})"
        if self.kind == "memory":
            text = tr("{name} (not saved)").format(name=text)
        if not self.available:
            return f"{text} · {self.note or tr('unavailable')}"
        if self.test_accuracy is not None:
            text += f" · {number(self.test_accuracy, '.2%')}"
        return text

    def description(self) -> str:
        """A sentence for the status bar and tooltips: which model every tab uses."""
        where = {"default": tr("the bundled default model"), "run": tr("the model of a kept run"),
                 "file": tr("the model file {path}").format(path=self.path),
                 "memory": tr("a trained network kept only in memory")}
        if self.test_accuracy is None:
            return tr("{name}: {where}").format(name=self.name, where=where[self.kind])
        return tr("{name}: {where}, test accuracy {accuracy:.2f}%").format(name=self.name, where=where[self.kind],
                                                                           accuracy=100 * self.test_accuracy)


def accuracy_of(model) -> float | None:
    """A model's recorded test accuracy (``model.metadata['test_accuracy']``), if it has one."""
    meta = getattr(model, "metadata", None) or {}
    value = meta.get("test_accuracy") if isinstance(meta, dict) else None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


MAX_STEM = 40   # characters in a suggested file name, before its extension
MODEL_SUFFIXES = (".npz", ".onnx")   # dropped from a name that is a file's


def file_stem(name: str, fallback: str = "model") -> str:
    """A short, clean file name (without extension) to suggest for a model called ``name``: the name's first
    part (up to a comma, without a file's extension) in lower-case words and numbers joined by single hyphens,
    cut at a word after ``MAX_STEM`` characters; ``fallback`` when nothing is left. E.g. "CNN + 128 relu,
    dropout 0.3, adam 0.002" -> "cnn-128-relu", "mine.npz" -> "mine"."""
    head = str(name).split(",", 1)[0].strip().lower()
    head = unicodedata.normalize("NFKD", head).encode("ascii", "ignore").decode()     # "ü" -> "u"
    if head.endswith(MODEL_SUFFIXES):
        head = head.rsplit(".", 1)[0]
    stem = ""
    for word in re.findall(r"[a-z0-9]+(?:\.[0-9]+)*", head):     # "0.3" stays one word
        if stem and len(stem) + len(word) + 1 > MAX_STEM:
            break
        stem = f"{stem}-{word}" if stem else word[:MAX_STEM]
    return stem or fallback[:MAX_STEM]


def default_choice(path=None, model=None, name: str = "Default model") -> Choice:
    return Choice(DEFAULT_KEY, "default", name, Path(path) if path else None, accuracy_of(model))


def file_choice(path, model=None) -> Choice:
    path = Path(path).resolve()
    return Choice(f"file:{path}", "file", path.name, path, accuracy_of(model))


def memory_choice(number: int, model=None, name: str = "Trained model") -> Choice:
    return Choice(f"memory:{number}", "memory", f"{name} {number}" if number > 1 else name, None,
                  accuracy_of(model))


def run_choice(run) -> Choice | None:
    """The selector's entry for a kept run (``mnist_gui.core.runs.Run``), or None if it is not offered: it
    kept no model, or ended in a way that makes its model unfit (see ``refusal``)."""
    if not run.info.get("model") or run.status not in OFFERED_STATUSES:
        return None
    path = run.model_path
    accuracy = run.info.get("test_accuracy")
    accuracy = float(accuracy) if isinstance(accuracy, (int, float)) and not isinstance(accuracy, bool) else None
    return Choice(f"run:{run.id}", "run", run.name, path or run.folder / "model.npz", accuracy, run.status,
                  available=path is not None, note="" if path is not None else "model file missing")


def run_choices(runs) -> list[Choice]:
    """The entries for ``runs`` (newest first, as ``RunStore.runs()`` gives them) that have a model to offer."""
    return [c for c in map(run_choice, runs) if c is not None]


def becomes_current(status: str | None) -> bool:
    """Whether a run that ended with ``status`` becomes the current model by itself (only a finished one:
    a stopped run is offered in the list, the user chooses it)."""
    return status in AUTO_CURRENT_STATUSES


def refusal(status: str | None, model=None, probe=None) -> str | None:
    """Why a run's network must never become current, in plain words, or None. ``probe``: a few images the
    network must give finite outputs for."""
    if status in _REFUSED:
        return tr(_REFUSED[status])
    if status not in OFFERED_STATUSES:
        return tr("it ended as {status!r}").format(status=status)
    if model is None:
        return tr("it left no network")
    if probe is not None and not outputs_finite(model, probe):
        return tr("its network gives NaN or infinite outputs")
    return None


def status_of(result) -> str:
    """The run status of what a Train tab run handed back (a ``TrainingResult``, None if the run failed)."""
    if result is None:
        return "failed"
    if not getattr(result, "usable", True):
        return "unusable"
    if getattr(result, "status", None):
        return str(result.status)
    reason = getattr(result, "stop_reason", None)
    return "finished" if reason is None else str(reason)


def outputs_finite(model, probe) -> bool:
    from mnist_gui.nn import model_outputs_finite

    try:
        return bool(model_outputs_finite(model, probe))
    except (ValueError, TypeError, ArithmeticError):
        return False


def load(choice: Choice, probe=None):
    """The network of ``choice`` read from its file; ValueError in plain words when it is missing, is not a
    model for these images, or gives non-finite outputs for ``probe`` (one forward pass checks both)."""
    from mnist_gui.nn import load_model, model_outputs_finite

    if choice.path is None or not Path(choice.path).is_file():
        if choice.path:
            raise ValueError(tr("the model file of {name} is missing ({path})").format(name=choice.name,
                                                                                      path=choice.path))
        raise ValueError(tr("the model file of {name} is missing").format(name=choice.name))
    name = Path(choice.path).name
    try:
        model = load_model(choice.path)
        finite = probe is None or model_outputs_finite(model, probe)
    except Exception as exc:  # noqa: BLE001 - a boundary: any bad file (or a model for other inputs) becomes a message
        reason = error_text(exc).removeprefix(f"{choice.path}: ")
        raise ValueError(tr("{name} is not a model mnist-gui can use: {reason}.\n\nOpen a .npz file that mnist-gui "
                            "saved, or train a network in the Train tab.").format(name=name, reason=reason)) from None
    if not finite:
        raise ValueError(tr("{name} gives NaN or infinite outputs, so it is not used").format(name=name))
    return model


class ModelList:
    """The choices in the selector's order, by key; ``previous`` is the key Undo goes back to."""

    def __init__(self, default: Choice | None = None):
        self.default = default
        self.memory: list[Choice] = []
        self.runs: list[Choice] = []
        self.files: list[Choice] = []
        self.current: str | None = None
        self.previous: str | None = None

    def choices(self) -> list[Choice]:
        return ([self.default] if self.default else []) + self.memory[::-1] + self.runs + self.files

    def get(self, key: str | None) -> Choice | None:
        return next((c for c in self.choices() if c.key == key), None)

    def set_runs(self, choices: list[Choice]) -> None:
        self.runs = list(choices)

    def add(self, choice: Choice) -> Choice:
        """Add (or update) ``choice`` in its group: files and networks in memory keep the order they came in."""
        group = self.memory if choice.kind == "memory" else self.files if choice.kind == "file" else None
        if choice.kind == "default":
            self.default = choice
        elif choice.kind == "run":
            self.runs = [choice] + [c for c in self.runs if c.key != choice.key]
        else:
            group[:] = [c for c in group if c.key != choice.key] + [choice]
        return choice

    def remove(self, key: str) -> None:
        for group in (self.memory, self.runs, self.files):
            group[:] = [c for c in group if c.key != key]

    def make_current(self, key: str | None) -> None:
        """Note ``key`` as the current choice; the one before becomes ``previous`` (what Undo returns to)."""
        if key != self.current:
            self.previous, self.current = self.current, key

    def unsaved(self) -> list[Choice]:
        return [c for c in self.memory if c.unsaved]
