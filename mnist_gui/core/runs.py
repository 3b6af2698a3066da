"""The run store: every training run kept on disk with its settings, curves, outcome and model. No Qt.

Layout, under ``user_data_dir()/runs`` by default, one folder per run so two app instances (or the window
and the command line) never write the same file::

    <id>/run.json      id, name, starred, config, started, finished, seconds, status, message,
                       test_accuracy, test_loss, model ("model.npz" or null), source ("cli" or "app")
    <id>/epochs.jsonl  one JSON line of logs per finished epoch, appended as the run goes
    <id>/batches.f32   (loss, accuracy) float32 pairs, one per batch, appended as the run goes
    <id>/model.npz     the trained model (``model.save``), when it is usable
    <id>/.lock         held (flock) by the process training this run

``run.json`` is replaced atomically (``mnist_gui.core.files``); the append-only files lose at most a torn
last record to a crash, which reading drops. A run whose status is still "running" but whose lock nobody
holds was killed (SIGKILL, a crash, a power cut): it reads as "interrupted" with the curves it had.
A folder whose ``run.json`` cannot be read is reported (``problems``) and moved to ``.damaged/``, never
fatal. The store keeps the newest ``KEEP_UNSTARRED`` unstarred runs plus every starred one.

Not here: recording a run as ``fit`` goes (``mnist_gui.core.run_recorder``), the runs table (the Train tab).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import time
from pathlib import Path

import numpy as np

from mnist_gui.core.files import is_locked, remove_stale_temps, try_lock, write_bytes_atomic
from mnist_gui.core.i18n import tr
from mnist_gui.core.paths import user_data_dir
from mnist_gui.data.safe_json import load_json_file, loads_limited


STATUSES = ("running", "finished", "stopped", "diverged", "not learning", "interrupted")
KEEP_UNSTARRED = 50
MAX_NAME = 200  # characters of a run's name
MAX_RECORD_BYTES = 4_000_000  # a run.json larger than this is damaged, not read
RUN_FILE, EPOCHS_FILE, BATCHES_FILE, MODEL_FILE, LOCK_FILE = (
    "run.json", "epochs.jsonl", "batches.f32", "model.npz", ".lock")


def clean_name(name) -> str:
    """A run's name as stored: one line, trimmed, at most MAX_NAME characters; ValueError if empty."""
    text = " ".join(str(name).split())[:MAX_NAME]
    if not text:
        raise ValueError(tr("a run needs a name"))
    return text


def _read_json(path: Path, limit: int = MAX_RECORD_BYTES):
    """A run record, by the data layer's limited reader (regular files only, size and depth capped)."""
    return load_json_file(path, max_bytes=limit, what="a run record")


def _lock_is_free(folder: Path) -> bool:
    """Whether no process holds the run's lock (so a "running" run is in fact interrupted). Where locking
    is impossible (Windows) a "running" run reads as running."""
    from mnist_gui.core import files

    return files.fcntl is not None and not is_locked(folder / LOCK_FILE)


class Run:
    """One kept run: its record (``info``, a dict as in ``run.json``) and where its files are."""

    def __init__(self, folder: Path, info: dict):
        self.folder = folder
        self.info = info
        self.lock_fd: int | None = None  # held while this process trains the run

    id = property(lambda self: self.info["id"])
    name = property(lambda self: self.info.get("name") or self.info["id"])
    status = property(lambda self: self.info.get("status", "interrupted"))
    starred = property(lambda self: bool(self.info.get("starred")))

    @property
    def model_path(self) -> Path | None:
        """The model file, or None if the run kept none (or it was deleted by hand)."""
        name = self.info.get("model")
        path = self.folder / MODEL_FILE if name else None
        return path if path is not None and path.is_file() else None

    def epochs(self) -> list[dict]:
        """Per-epoch logs; a torn or damaged line (a crash while appending) ends the list."""
        out = []
        with contextlib.suppress(OSError), open(self.folder / EPOCHS_FILE, "rb") as f:
            for line in f.read(MAX_RECORD_BYTES * 4).splitlines():
                try:
                    logs = loads_limited(line, max_depth=4)
                except ValueError:
                    break
                if not isinstance(logs, dict):
                    break
                out.append(logs)
        return out

    def batches(self) -> np.ndarray:
        """(n, 2) float32 per-batch (loss, accuracy); a torn last record is dropped."""
        try:
            raw = np.fromfile(self.folder / BATCHES_FILE, dtype="<f4")
        except (OSError, ValueError):
            return np.zeros((0, 2), np.float32)
        return raw[: len(raw) // 2 * 2].reshape(-1, 2).astype(np.float32)

    def summary(self) -> dict:
        """What ``mnist-gui runs --json`` prints for this run."""
        keys = ("id", "name", "started", "finished", "seconds", "status", "message", "config",
                "test_accuracy", "test_loss", "starred", "source")
        doc = {k: self.info.get(k) for k in keys}
        doc["name"] = self.name
        doc["status"] = self.status
        doc["model"] = str(self.model_path) if self.model_path else None
        doc["epochs"] = len(self.epochs())
        return doc


class RunStore:
    """The runs in ``folder`` (default ``user_data_dir()/runs``), newest first. Reading never raises for a
    damaged entry: it lands in ``problems`` and is moved aside."""

    def __init__(self, folder=None):
        self.folder = Path(folder) if folder is not None else user_data_dir() / "runs"
        self.problems: list[str] = []

    def runs(self) -> list[Run]:
        self.problems = []
        try:
            entries = sorted(p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith("."))
        except OSError:
            return []
        out = []
        for folder in entries:
            run = self._open(folder)
            if run is not None:
                out.append(run)
        out.sort(key=lambda r: (str(r.info.get("started", "")), r.id), reverse=True)
        return out

    def _open(self, folder: Path) -> Run | None:
        try:
            info = _read_json(folder / RUN_FILE)
            if not isinstance(info, dict) or info.get("id") != folder.name:
                raise ValueError("not a run record")
        except FileNotFoundError:
            return None  # a run being created right now, or not ours
        except (OSError, ValueError) as exc:
            self.problems.append(tr("run {run} could not be read ({why}) and was set aside").format(run=folder.name,
                                                                                                   why=exc))
            self._set_aside(folder)
            return None
        run = Run(folder, info)
        if run.status == "running" and _lock_is_free(folder):
            info["status"] = "interrupted"
            remove_stale_temps(folder)  # what a save killed halfway left behind (the app's own names only)
        return run

    def _set_aside(self, folder: Path) -> None:
        target = self.folder / ".damaged" / f"{folder.name}-{secrets.token_hex(2)}"
        with contextlib.suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(folder, target)

    def get(self, run_id: str) -> Run:
        """The run with this id (or a unique prefix of it); KeyError in plain words if none."""
        matches = [r for r in self.runs() if r.id == run_id] or \
                  [r for r in self.runs() if r.id.startswith(str(run_id))]
        if len(matches) != 1:
            raise KeyError(f"no run {run_id!r}" if not matches else f"{run_id!r} matches several runs")
        return matches[0]

    def create(self, config: dict, name: str | None = None, source: str = "app") -> Run:
        """A new run folder with status "running", its lock held by this process (``run.lock_fd``) from
        before its record exists, so no other process can take it for interrupted."""
        self.prune()
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        run_id = f"{stamp}-{secrets.token_hex(3)}"
        folder = self.folder / run_id
        folder.mkdir()
        info = {"id": run_id, "name": clean_name(name or f"run {stamp}"), "starred": False, "config": config,
                "started": time.strftime("%Y-%m-%dT%H:%M:%S"), "finished": None, "seconds": None,
                "status": "running", "message": "", "test_accuracy": None, "test_loss": None, "model": None,
                "source": source, "pid": os.getpid()}
        run = Run(folder, info)
        run.lock_fd = try_lock(folder / LOCK_FILE)
        self.save(run)
        return run

    def save(self, run: Run) -> None:
        write_bytes_atomic(run.folder / RUN_FILE, json.dumps(run.info, allow_nan=False, indent=1).encode())

    def update(self, run_id: str, **changes) -> Run:
        """Rename (``name=``) or star (``starred=``) a run."""
        run = self.get(run_id)
        if "name" in changes:
            changes["name"] = clean_name(changes["name"])
        run.info.update({k: v for k, v in changes.items() if k in ("name", "starred")})
        self.save(run)
        return run

    def delete(self, run_id: str) -> Run:
        run = self.get(run_id)
        shutil.rmtree(run.folder)
        return run

    def prune(self, keep: int | None = None) -> list[str]:
        """Delete the oldest unstarred runs that are not running beyond ``keep`` (default KEEP_UNSTARRED - 1,
        making room for a new run); returns their ids."""
        keep = KEEP_UNSTARRED - 1 if keep is None else keep
        unstarred = [r for r in self.runs() if not r.starred and r.status != "running"]
        removed = []
        for run in unstarred[keep:]:
            with contextlib.suppress(OSError):
                shutil.rmtree(run.folder)
                removed.append(run.id)
        return removed

    def disk_bytes(self) -> int:
        total = 0
        for root, _, names in os.walk(self.folder):
            for n in names:
                with contextlib.suppress(OSError):
                    total += os.lstat(os.path.join(root, n)).st_size
        return total
