"""mnist-gui: learn how a neural network learns, on MNIST, with a NumPy engine and a Qt desktop app.

Subpackages: ``nn`` (the network, NumPy only), ``data`` (IDX files, MNIST loading, preprocessing;
NumPy and the standard library only) and ``ui`` (everything that imports Qt).
"""

__version__ = "0.1.0"
