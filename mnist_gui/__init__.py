"""mnist-gui: learn how a neural network learns, on MNIST, with a NumPy engine and a Qt desktop app.

Subpackages, from the bottom up: ``nn`` (the network, NumPy only), ``data`` (IDX files, MNIST loading,
preprocessing; NumPy and the standard library only), ``core`` (what the window and the command line share,
no Qt), ``cli`` (the command line) and ``ui`` (everything that imports Qt).
"""

__version__ = "0.1.0"
