"""The data layer, NumPy and the standard library only: IDX files, MNIST-format datasets (with a
memory-mapped cache), image files, and ``to_mnist``, which makes any picture of a digit look like MNIST."""

from mnist_gui.data.idx import read_idx, write_idx
from mnist_gui.data.images import load_image, save_png
from mnist_gui.data.mnist import DIGIT_NAMES, Dataset, load_dataset, load_mnist
from mnist_gui.data.preprocess import to_mnist

__all__ = ["read_idx", "write_idx", "load_image", "save_png", "DIGIT_NAMES", "Dataset", "load_dataset",
           "load_mnist", "to_mnist"]
