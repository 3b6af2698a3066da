"""Keras 3's progress output, the one place that formats it.

``verbose=1`` (what ``'auto'`` means): a live bar redrawn in place on a terminal, ending as ::

    1875/1875 ━━━━━━━━━━━━━━━━━━━━ 2s 1ms/step - accuracy: 0.9256 - loss: 0.2593

(when the stream is not a terminal only that final line is written, rather than Keras's one line per
update). ``verbose=2``: one line per epoch, ``1875/1875 - 2s - 1ms/step - accuracy: ... - loss: ...``.
Metrics are listed as Keras 3 lists them: the training ones in alphabetical order, then ``val_`` ones.
What is not here: when to print (callbacks.ProgbarLogger for fit, model_run for evaluate/predict).
"""

from __future__ import annotations

import sys
import time

BAR_WIDTH = 20


def resolve_verbose(verbose) -> int:
    """0, 1 or 2 from Keras's ``verbose`` ('auto' is 1); ValueError otherwise."""
    if verbose == "auto":
        return 1
    if isinstance(verbose, bool) or verbose not in (0, 1, 2):
        raise ValueError(f"verbose must be 0, 1, 2 or 'auto', got {verbose!r}")
    return int(verbose)


def format_time_per_step(seconds: float) -> str:
    if seconds >= 1 or seconds == 0:
        return f"{seconds:.0f}s/step"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.0f}ms/step"
    return f"{seconds * 1e6:.0f}us/step"


def format_metrics(logs: dict) -> str:
    """`` - accuracy: 0.9256 - loss: 0.2593 - val_accuracy: ...`` (empty without metrics)."""
    values = {k: v for k, v in (logs or {}).items() if isinstance(v, (int, float)) and k not in ("size", "batch")}
    keys = sorted(k for k in values if not k.startswith("val_")) + sorted(k for k in values if k.startswith("val_"))
    return "".join(f" - {k}: {values[k]:.4f}" if abs(values[k]) >= 1e-3 or values[k] == 0
                   else f" - {k}: {values[k]:.4e}" for k in keys)


class Progbar:
    """One bar over ``steps`` steps written to ``stream`` (stdout by default) at ``verbose`` 1 or 2."""

    def __init__(self, steps: int, verbose: int = 1, stream=None):
        self.steps, self.verbose = int(steps), int(verbose)
        self.stream = stream or sys.stdout
        self.start = time.perf_counter()
        self.current = 0
        self._last_draw = 0.0
        self._dynamic = bool(getattr(self.stream, "isatty", lambda: False)())

    def _line(self, current, logs, final) -> str:
        elapsed = time.perf_counter() - self.start
        per_step = elapsed / max(current, 1)
        count = f"{current:{len(str(self.steps))}d}/{self.steps}"
        if self.verbose == 2:
            return f"{count} - {elapsed:.0f}s - {format_time_per_step(per_step)}{format_metrics(logs)}"
        done = int(BAR_WIDTH * current / max(self.steps, 1))
        if self._dynamic:
            bar = f"\x1b[32m{'━' * done}\x1b[0m\x1b[37m{'━' * (BAR_WIDTH - done)}\x1b[0m"
        else:
            bar = "━" * BAR_WIDTH
        when = f"{elapsed:.0f}s" if final else f"{per_step * (self.steps - current):.0f}s"
        return f"{count} {bar} {when} {format_time_per_step(per_step)}{format_metrics(logs)}"

    def update(self, current: int, logs=None) -> None:
        self.current = current
        if self.verbose != 1 or not self._dynamic:
            return
        now = time.perf_counter()
        if now - self._last_draw < 0.05 and current < self.steps:
            return
        self._last_draw = now
        self.stream.write("\r" + self._line(current, logs, False) + "\x1b[K")
        self.stream.flush()

    def finish(self, logs=None) -> None:
        line = self._line(self.current or self.steps, logs, True)
        self.stream.write(("\r" + line + "\x1b[K\n") if self._dynamic and self.verbose == 1 else line + "\n")
        self.stream.flush()
