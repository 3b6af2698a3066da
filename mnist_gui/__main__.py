"""Entry points: ``mnist-gui`` (and ``python -m mnist_gui``), and ``mnist-gui-app``.

``mnist-gui`` is the command line: with no arguments the desktop app opens; sub-commands (train, evaluate,
predict, ...) live in ``cli``. ``mnist-gui-app`` is the same program installed as a GUI script, so that on
Windows the window opens without a console window (and, for that reason, prints nothing there).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    from mnist_gui.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


def gui() -> int:
    """The ``mnist-gui-app`` GUI script: Windows starts it with no console, hence no stdout or stderr."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # a print or a warning must not fail for want of a console
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app
    return main()


if __name__ == "__main__":
    sys.exit(main())
