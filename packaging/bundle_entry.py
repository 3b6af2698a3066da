"""The script PyInstaller freezes: the same ``main`` as the ``mnist-gui`` entry point of the wheel."""

import sys

from mnist_gui.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
