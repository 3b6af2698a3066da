"""How much memory a training configuration needs, worked out before anything is allocated, and whether it
fits the machine: shared by ``mnist-gui train`` and the Training tab.

The estimate counts, in float32 (4 bytes): the parameters nine times over for Adam (the weights, their
gradients, two moment buffers, two copies kept against divergence and an update's temporaries; SGD and RMSprop keep
fewer), and one batch's activations about three times over (each layer's output, what its backward keeps,
and the gradient flowing back), for a CNN with the im2col window matrix of each convolution, and the
training images the run copies (uint8) plus one float32 batch. Checked against measured peaks in
``tests/core/test_memory.py``'s docstring. It is deliberately a little generous: a run that
the estimate lets through must not die of MemoryError halfway.

Free memory is ``MemAvailable`` from ``/proc/meminfo`` (Linux); where that cannot be read the check is
skipped (``available_bytes`` returns None). No Qt here, and nothing is built: a typo such as 8192 units x
8 layers is refused with arithmetic alone.
"""

from __future__ import annotations

import ctypes
import dataclasses
import sys

from mnist_gui.core.i18n import tr

FLOAT = 4
# float32 copies of the parameters: weights, gradients, the optimizer's buffers, the last good weights and
# the start-of-run weights kept against divergence, and an update's temporaries (measured: 7.4 for Adam on
# 784-4096x3-10 before the start-of-run copy was added)
OPTIMIZER_COPIES = {"sgd": 6, "adam": 9, "adamw": 9, "rmsprop": 7}
ACTIVATION_COPIES = 3
CNN_TRUNK = ((32, 3), (64, 3))  # mirrors mnist_gui.nn.presets.CNN_TRUNK (checked by a test)
HEADROOM = 0.8  # use at most this share of the free memory


@dataclasses.dataclass(frozen=True)
class Estimate:
    parameters: int
    parameter_bytes: int
    activation_bytes: int
    data_bytes: int

    @property
    def total(self) -> int:
        return self.parameter_bytes + self.activation_bytes + self.data_bytes


def _conv_trunk(h: int, w: int):
    """[(out_h, out_w, filters, window)] per convolution, then the pooled (h, w, channels)."""
    steps, c = [], 1
    for filters, k in CNN_TRUNK:
        oh, ow = h - k + 1, w - k + 1
        if oh < 1 or ow < 1:
            return None, None
        steps.append((oh, ow, filters, k * k * c))
        h, w, c = oh // 2, ow // 2, filters
        if h < 1 or w < 1:
            return None, None
    return steps, (h, w, c)


def cnn_fits_images(input_shape) -> bool:
    """Whether the CNN's two 3x3 convolutions and 2x2 poolings leave at least one pixel."""
    return len(input_shape) == 2 and _conv_trunk(*input_shape)[0] is not None


def estimate(cfg, input_shape=(28, 28), num_classes: int = 10) -> Estimate:
    """The memory ``cfg`` (a ``TrainConfig``) needs to train on images of ``input_shape``."""
    pixels = 1
    for side in input_shape:
        pixels *= int(side)
    batch = int(cfg.batch_size)
    activations = pixels  # per image: the float32 input
    params = 0
    if cfg.architecture == "cnn":
        steps, pooled = _conv_trunk(*input_shape) if len(input_shape) == 2 else (None, None)
        if steps is None:
            raise ValueError(tr("the cnn architecture needs images of at least 10 x 10 pixels, got {size}").format(
                size=" x ".join(map(str, input_shape))))
        for oh, ow, filters, window in steps:
            params += (window + 1) * filters
            activations += oh * ow * (filters + window)  # the output and the im2col windows (measured)
        flat = pooled[0] * pooled[1] * pooled[2]
    else:
        flat = pixels
    sizes = [flat, *cfg.hidden, num_classes]
    for a, b in zip(sizes, sizes[1:]):
        params += (a + 1) * b
    activations += sum(sizes)
    copies = OPTIMIZER_COPIES.get(cfg.optimizer, 4)
    return Estimate(parameters=params, parameter_bytes=params * FLOAT * copies,
                    activation_bytes=activations * batch * FLOAT * ACTIVATION_COPIES,
                    data_bytes=int(cfg.train_size) * pixels + batch * pixels * FLOAT)


def available_bytes() -> int | None:
    """Free memory the system could give this process now (Linux ``MemAvailable``), or None if unknown."""
    try:
        with open("/proc/meminfo", "rb") as f:
            for line in f.read(65536).decode("ascii", "replace").splitlines():
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def size_text(n: float) -> str:
    """1536 -> '1.5 KB'; decimal units, as file managers show them."""
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def check_fits(cfg, input_shape=(28, 28), num_classes: int = 10, available: int | None = -1) -> None:
    """Raise ValueError naming the figure and a smaller alternative when ``cfg`` cannot fit in memory.

    ``available``: free bytes (default: read from the system; None skips the check).
    """
    need = estimate(cfg, input_shape, num_classes)
    _check_loadable(need.parameters)
    free = available_bytes() if available == -1 else available
    if free is None or need.total <= HEADROOM * free:
        return
    advice = _smaller(cfg, input_shape, num_classes, HEADROOM * free)
    raise ValueError(tr("this network needs about {need} of memory to train ({weights:,} weights; batches of "
                        "{batch}), but only {free} is free. {advice}").format(
        need=size_text(need.total), weights=need.parameters, batch=cfg.batch_size, free=size_text(free),
        advice=advice))


def _check_loadable(parameters: int) -> None:
    """A network too big for ``load_model``'s budget could be trained but never opened again: refuse it."""
    from mnist_gui.nn.model_spec import MAX_LOAD_BYTES, MAX_PARAMS, load_bytes

    if parameters > MAX_PARAMS or load_bytes(parameters, FLOAT, 2) > MAX_LOAD_BYTES:
        raise ValueError(tr("a network of {weights:,} weights could be trained but not opened again from its file "
                            "(the app opens models of up to {size} in memory, about {most:,} weights). Try fewer or "
                            "smaller hidden layers.").format(weights=parameters, size=size_text(MAX_LOAD_BYTES),
                                                             most=MAX_LOAD_BYTES // load_bytes(1, FLOAT, 2)))


def memory_problem(cfg, input_shape=(28, 28), num_classes: int = 10) -> str | None:
    """``check_fits`` as a message for a form, or None when the run fits."""
    try:
        check_fits(cfg, input_shape, num_classes)
    except ValueError as exc:
        text = str(exc)
        return text[:1].upper() + text[1:]
    return None


def _smaller(cfg, input_shape, num_classes, budget: float) -> str:
    batch = int(cfg.batch_size)
    while batch > 1:
        batch //= 2
        if estimate(dataclasses.replace(cfg, batch_size=batch), input_shape, num_classes).total <= budget:
            return tr("Try a batch size of {batch}.").format(batch=batch)
    hidden = tuple(cfg.hidden)
    while hidden and max(hidden) > 16:
        hidden = tuple(max(16, h // 2) for h in hidden)
        if estimate(dataclasses.replace(cfg, hidden=hidden, batch_size=min(cfg.batch_size, 128)),
                    input_shape, num_classes).total <= budget:
            return tr("Try hidden layers of {sizes} with batches of at most 128.").format(
                sizes=", ".join(map(str, hidden)))
    return tr("Try fewer or smaller hidden layers and a smaller batch size.")


def release_freed_memory() -> None:
    """Hand memory that was freed but kept by the C allocator back to the system (glibc's ``malloc_trim``;
    nothing elsewhere). Worker threads get their own malloc arenas, which keep their freed buffers: after
    the Dataset tab's two prediction threads end, that is tens of MB the process no longer uses."""
    global _malloc_trim
    if _malloc_trim is None:
        _malloc_trim = False
        if sys.platform.startswith("linux"):
            try:
                _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
            except (OSError, AttributeError):   # not glibc (musl, ...): nothing to trim
                pass
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim = None
