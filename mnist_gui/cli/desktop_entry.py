"""``mnist-gui --install-desktop-entry`` / ``--uninstall-desktop-entry``: the menu entry for pip users.

Only the wording; what is written where is ``mnist_gui.core.desktop_entry``.
"""

from __future__ import annotations

from mnist_gui.cli.parser import CliError
from mnist_gui.core import desktop_entry


def run(args) -> int:
    if args.install_desktop_entry and args.uninstall_desktop_entry:
        raise CliError("--install-desktop-entry and --uninstall-desktop-entry cannot be used together")
    if args.uninstall_desktop_entry:
        done = desktop_entry.uninstall()
        if not done.files:
            print(f"no menu entry to remove ({done.entry} does not exist)")
        else:
            print(f"removed the menu entry and its icons ({len(done.files)} files): {done.entry}")
        return 0
    done = desktop_entry.install()
    print(f"menu entry: {done.entry}")
    print(f"it runs: {' '.join(done.command)}")
    print(f"icons: {len(done.files) - 1} files in {done.files[1].parents[2]}")
    print("remove it with: mnist-gui --uninstall-desktop-entry")
    return 0
