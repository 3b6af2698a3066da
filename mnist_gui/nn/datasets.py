"""``keras.datasets.mnist.load_data()``: the MNIST the app bundles or has cached, never the network.

Returns ``((x_train, y_train), (x_test, y_test))`` as uint8 arrays, (60000, 28, 28) and (60000,) for
the full set, like Keras's. The files come from ``mnist_gui.data.mnist`` (imported only when called, so
the engine stays NumPy-only); a missing data set raises that module's error, which says where to get it.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np


def load_data(path=None):
    """MNIST: ((x_train, y_train), (x_test, y_test)), uint8. ``path``: a folder of the IDX files
    (Keras's ``path`` names a download cache file instead; there is no download here)."""
    from mnist_gui.data.mnist import load_mnist
    (x_train, y_train), (x_test, y_test) = load_mnist(path)
    return ((np.asarray(x_train, np.uint8), np.asarray(y_train, np.uint8)),
            (np.asarray(x_test, np.uint8), np.asarray(y_test, np.uint8)))


mnist = SimpleNamespace(load_data=load_data)

__all__ = ["mnist"]
