"""Entry point: ``mnist-gui`` and ``python -m mnist_gui``.

With no arguments the desktop app opens; sub-commands (train, evaluate, predict) live in ``cli``.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from mnist_gui.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
