"""The words the Training tab shows: log lines, progress text, the end-of-run report. No Qt here.

``chunk`` and ``info`` are the dicts the training worker emits (see training_worker), ``result`` its
TrainingResult.
"""

from __future__ import annotations

import math

from mnist_gui.ui.training_controls import summary_line


def duration(seconds: float) -> str:
    """0:07, 1:05, 1:02:03; '–' when unknown."""
    if not math.isfinite(seconds):
        return "–"
    m, s = divmod(int(round(seconds)), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def run_header(number: int, cfg) -> str:
    return (f"Run {number}: {summary_line(cfg)} · {cfg.optimizer}, learning rate {cfg.learning_rate:g}, "
            f"{cfg.schedule} schedule, seed {cfg.seed}")


def progress_format(chunk: dict, paused: bool = False) -> str:
    text = f"Epoch {chunk['epoch']} of {chunk['epochs']} · batch {chunk['batch']:,} of {chunk['steps']:,}"
    return text + (" · paused" if paused else "")


def progress_detail(chunk: dict) -> str:
    return f"{chunk['samples_per_s']:,.0f} images/s · about {duration(chunk['seconds_left'])} left"


def epoch_line(info: dict) -> str:
    nan = float("nan")
    text = (f"Epoch {info['epoch']}/{info['epochs']} · loss {info.get('loss', nan):.4f} · "
            f"accuracy {100 * info.get('accuracy', nan):.2f}%")
    if "val_loss" in info:
        text += (f" · validation loss {info['val_loss']:.4f} · validation accuracy "
                 f"{100 * info.get('val_accuracy', nan):.2f}%")
    if info.get("batches", 0) < info.get("steps", 0):
        text += f" · ended after batch {info['batches']:,} of {info['steps']:,}"
    return text + f" · {info.get('seconds', nan):.1f} s"


def result_lines(result, n_test: int) -> list[str]:
    """What the log says when a run ends (the last line is also shown under the progress bar)."""
    lines = []
    if result.stop_reason == "diverged":
        lines.append(f"Diverged: {result.message}")
    elif result.stop_reason == "stopped":
        lines.append(f"Stopped during epoch {result.epochs_completed}; the network keeps the weights it had.")
    if result.test_accuracy is not None:
        lines.append(f"Test accuracy {100 * result.test_accuracy:.2f}% on {n_test:,} images "
                     f"(test loss {result.test_loss:.4f}) · {duration(result.seconds)} in all")
    return lines


def end_state(result) -> str:
    return {"diverged": "Diverged", "stopped": "Stopped"}.get(result.stop_reason, "Done")
