"""The command line: ``mnist-gui`` with no arguments opens the app."""

from __future__ import annotations


def main(argv: list[str]) -> int:
    if not argv:
        from mnist_gui.ui.app import run

        return run()
    raise SystemExit("sub-commands are not implemented yet")
