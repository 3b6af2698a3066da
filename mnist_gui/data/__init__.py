"""The data layer, NumPy and the standard library only: IDX files, MNIST-format datasets (with a
memory-mapped cache), image files, and ``to_mnist``, which makes any picture of a digit look like MNIST.
Every file is read within the size limits of ``limits``; ``loads_limited`` parses small JSON safely."""

from mnist_gui.data.idx import read_idx, read_idx_header, write_idx
from mnist_gui.data.images import MAX_PIXELS, MAX_SIDE, load_image, save_png
from mnist_gui.data.mnist import DIGIT_NAMES, Dataset, load_dataset, load_mnist
from mnist_gui.data.preprocess import to_mnist
from mnist_gui.data.safe_json import load_json_file, loads_limited

__all__ = ["read_idx", "read_idx_header", "write_idx", "load_image", "save_png", "MAX_PIXELS", "MAX_SIDE",
           "DIGIT_NAMES", "Dataset", "load_dataset", "load_mnist", "to_mnist", "loads_limited", "load_json_file"]
