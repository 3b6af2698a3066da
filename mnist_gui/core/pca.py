"""A map of what the network learned: PCA of one layer's activations over a few thousand images.

``mappable_layers(model)`` lists the layers whose outputs are small enough to map (at most
``MAX_FEATURES`` numbers per image; a first convolution's 21,632 are not, and 5,000 images of a wider
layer would hold hundreds of megabytes). ``pca_map(model, images,
labels, layer)`` runs the images (uint8, as the data set holds them) through the model once up to that
layer (``nn.layer_outputs``), centres the activations and finds their two main directions by a
randomized SVD (NumPy's SVD of a small projected matrix, Halko et al. 2011: 5,000 rows of 1,600 in a
fraction of a second). ``features`` computes every mappable layer in one pass, so switching layers
redoes only the SVD, each direction's sign fixed so the picture does not flip between runs;
``grow_features`` adds more images to such a table (the tab maps ``FIRST_MAP_IMAGES`` first, then all of
them). The pass is the cost (the default CNN's convolutions: ~0.13 ms of CPU per image, the SVD a tenth
of that), so ``features`` splits the images over ``pass_threads()`` threads where BLAS runs on one
thread anyway (``pass_threads`` says why that leaves the GUI thread served). A
``PcaMap`` also places a new input (``place``), the current digit's cross on the map. No Qt here; the
scatter plot is ``mnist_gui.ui.inside.pca_view``, run off the GUI thread.
"""

from __future__ import annotations

import dataclasses
import math
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from mnist_gui.core.i18n import tr
from mnist_gui.core.inference import input_from_uint8, input_from_unit
from mnist_gui.nn.introspect import layer_outputs
from mnist_gui.nn.threads import blas_threads, current_blas_threads, training_threads

MAX_FEATURES = 2048
FIRST_MAP_IMAGES = 2000  # the first map of a model: the default CNN's pass over 5,000 takes ~0.7 s of CPU
POWER_ITERATIONS = 3
OVERSAMPLING = 10  # extra random directions: the default CNN's layers' leading directions to 1e-6 (a plain SVD's)
MAP_THREADS = 2  # at most this many threads share the map's pass (2: 0.50 s to the tab's map, 1: 0.77 s)
PART_IMAGES = 500  # fewer images per thread than this are not worth a thread
BATCH_SIZE = 64  # two threads' buffers stay small: CPU 0.85 s for 5,000 at 64 or 128, 0.98 s at 256
SKIPPED = ("Rescaling", "Reshape", "Flatten", "Dropout")


@dataclasses.dataclass
class PcaMap:
    """``coords`` (N, 2) of each image, ``labels`` (N,), the ``layer`` mapped, ``explained``: the share of
    the variance along each axis; ``mean`` and ``components`` (2, D) place new inputs."""

    layer: str
    coords: np.ndarray
    labels: np.ndarray
    explained: np.ndarray
    mean: np.ndarray
    components: np.ndarray

    def place(self, model, image01: np.ndarray) -> np.ndarray:
        """Where the 28x28 input ``image01`` ([0, 1]) falls on this map, (2,)."""
        x = input_from_unit(model, np.asarray(image01, np.float32)[None])
        x = x.reshape((1,) + tuple(model.layers[0].input_shape))
        features = layer_outputs(model, x, layers=[self.layer])[0][1].reshape(1, -1)
        return ((features - self.mean) @ self.components.T)[0]


def model_batch(model, images: np.ndarray) -> np.ndarray:
    """uint8 images (N, H, W) -> the batch the model takes (its scale and shape); ValueError naming both
    sizes when the images are not the model's size (a custom dataset's 32 x 32 digits for a 28 x 28 model)."""
    images = np.asarray(images)
    shape = tuple(model.layers[0].input_shape)
    if images.ndim < 2 or math.prod(images.shape[1:]) != math.prod(shape):
        raise ValueError(tr("these test images are {size} but the network takes {inputs} inputs; use test images "
                            "of the size it was trained on").format(size="×".join(map(str, images.shape[1:])),
                                                                    inputs="×".join(map(str, shape))))
    return input_from_uint8(model, images).reshape((len(images),) + shape)


def mappable_layers(model) -> list[tuple[str, int]]:
    """[(layer name, numbers per image), ...] of the layers worth a map: no pass-through layers, at most
    MAX_FEATURES outputs each."""
    out = []
    for layer in model.layers:
        size = math.prod(layer.output_shape)
        if type(layer).__name__ not in SKIPPED and size <= MAX_FEATURES:
            out.append((layer.name, size))
    return out


def principal_components(features: np.ndarray, k: int = 2, seed: int = 0):
    """(coords (N, k), mean (D,), components (k, D), explained (k,)) of the rows of ``features``.

    A randomized SVD (OVERSAMPLING extra directions, POWER_ITERATIONS power iterations), checked against
    ``np.linalg.svd``: for the default CNN's layers over 5,000 test images, whose spectra fall slowly (the
    last pooling's third singular value is 0.83 of its first), both directions agree to 1 - |cos| < 1e-6. The
    centring is never materialised ((X - 1m)Q = XQ - 1(mQ)), so a 5,000 x 1,600 float32 matrix is not
    copied.
    """
    with blas_threads(training_threads()):  # spinning BLAS threads on a busy machine cost seconds here
        return _principal_components(np.asarray(features, np.float32), k, seed)


def _principal_components(x, k, seed):
    if x.ndim != 2 or len(x) < 2:
        raise ValueError(f"PCA needs at least 2 rows of features (N, D), got shape {x.shape}")
    n = len(x)
    mean = x.mean(axis=0, dtype=np.float64).astype(np.float32)
    # each column's sum of squares (of N numbers) in float32, their total in float64
    squares = np.einsum("ij,ij->j", x, x).astype(np.float64).sum()
    total = max(float(squares) - n * float(mean.astype(np.float64) @ mean), 0.0)
    k = min(k, *x.shape)
    if min(x.shape) <= 4 * (k + OVERSAMPLING):
        _, s, vt = np.linalg.svd(x - mean, full_matrices=False)
    else:
        rng = np.random.default_rng(seed)
        omega = rng.standard_normal((x.shape[1], k + OVERSAMPLING)).astype(np.float32)
        q = x @ omega - mean @ omega
        for _ in range(POWER_ITERATIONS):
            q, _ = np.linalg.qr(q)
            y = x.T @ q - np.outer(mean, q.sum(axis=0))  # (D, l) = Xc^T q
            q, _ = np.linalg.qr(x @ y - mean @ y)
        b = q.T @ x - np.outer(q.sum(axis=0), mean)  # (l, D) = q^T Xc
        _, s, vt = np.linalg.svd(b.astype(np.float64), full_matrices=False)
    components = vt[:k]
    # make each direction's largest coefficient positive, so a recomputed map is drawn the same way round
    signs = np.sign(components[np.arange(k), np.abs(components).argmax(axis=1)])
    components = (components * np.where(signs == 0, 1, signs)[:, None]).astype(np.float32)
    explained = (s[:k] ** 2) / total if total > 0 else np.zeros(k)
    coords = x @ components.T - mean @ components.T
    return coords.astype(np.float32), mean, components, np.asarray(explained, np.float64)


def pass_threads() -> int:
    """How many threads ``features`` runs the images through the model on: one per core, at most
    MAP_THREADS, where BLAS uses one thread (``nn.threads.training_threads()`` is 1 on a 1- or 2-core
    machine); 1 where BLAS already spreads the products over the cores.

    Unlike training (threads.py keeps a core free for the GUI), the map is a burst of well under a second
    that the user waits for; its threads wait on Python's interpreter lock or the OS as any thread does,
    never spinning as BLAS's own threads do, so the GUI thread is still given a core when it wakes
    (benchmarks/inside_view.py measures a 10 ms timer meanwhile: late by at most ~10 ms during the pass,
    the larger delays being the tab's own drawing of the 5,000 points).
    """
    if training_threads() > 1:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(MAP_THREADS, cores))


def features(model, images: np.ndarray, layers, batch_size: int = BATCH_SIZE, threads: int | None = None) -> dict:
    """{layer name: float32 (N, D)} of ``images`` (uint8 (N, 28, 28)) for the named layers, from one pass
    through the model (what a map of each of them needs; kept by the tab for the model it was made for).
    ``threads`` (default ``pass_threads()``) share the images, each taking a contiguous part of them in
    order: the same rows, in the same order, as from one thread."""
    x = model_batch(model, images)
    layers = list(layers)
    threads = pass_threads() if threads is None else threads
    parts = max(1, min(int(threads), len(x) // PART_IMAGES))

    def through(lo, hi):
        return dict(layer_outputs(model, x[lo:hi], layers=layers, batch_size=batch_size))

    if parts == 1:
        tables = [through(0, len(x))]
    else:
        bounds = np.linspace(0, len(x), parts + 1).astype(int)
        with blas_threads(1):  # one block around all the parts, so the limit stays put between theirs
            if current_blas_threads() not in (1, None):
                # BLAS would split each part's products too: two callers' spinning threads cost seconds
                tables, parts = [through(0, len(x))], 1
            else:
                with ThreadPoolExecutor(parts - 1, thread_name_prefix="pca-pass") as pool:
                    rest = [pool.submit(through, lo, hi) for lo, hi in zip(bounds[1:-1], bounds[2:])]
                    tables = [through(bounds[0], bounds[1])] + [future.result() for future in rest]
    return {name: (tables[0][name] if parts == 1 else np.concatenate([t[name] for t in tables])).reshape(len(x), -1)
            for name in layers}


def grow_features(model, images: np.ndarray, cached: dict | None, layers) -> dict:
    """A ``features`` table of ``images`` for ``layers``, computing only the rows ``cached`` (a table of
    the first images, or None) does not hold yet."""
    done = 0 if not cached else len(next(iter(cached.values())))
    if cached and done >= len(images) and all(name in cached for name in layers):
        return {name: cached[name][:len(images)] for name in layers}
    if not cached or any(name not in cached for name in layers):
        done, cached = 0, None
    more = features(model, images[done:], layers)
    return more if cached is None else {name: np.concatenate([cached[name], more[name]]) for name in layers}


def grown_map(model, images: np.ndarray, labels: np.ndarray, layer: str, cached: dict | None):
    """(The map of ``layer`` for ``images``, the ``features`` table of every mappable layer it came from),
    running through the model only the images ``cached`` does not hold yet (the tab's job)."""
    table = grow_features(model, images, cached, [name for name, _ in mappable_layers(model)])
    return pca_map(model, images, labels, layer, table), table


def pca_map(model, images: np.ndarray, labels: np.ndarray, layer: str, cached: dict | None = None) -> PcaMap:
    """The map of ``layer`` for ``images`` (uint8 (N, 28, 28), N >= 2) and their ``labels``; ``cached``: a
    ``features`` dict made earlier for the same model and images, used when it holds ``layer``."""
    table = cached if cached is not None and layer in cached else features(model, images, [layer])
    coords, mean, components, explained = principal_components(table[layer])
    return PcaMap(layer, coords, np.asarray(labels), explained, mean, components)
