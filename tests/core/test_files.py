"""The one atomic write (mnist_gui.core.files): old file intact on any failure, no temp left, unique temps,
stale temps of the app's own pattern removed and nothing else."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time

import pytest

from mnist_gui.core import files
from mnist_gui.core.files import atomic_path, atomic_write, remove_stale_temps, temp_path_for, write_bytes_atomic


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_write_replaces_the_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "model.npz"
    target.write_bytes(b"old")
    write_bytes_atomic(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert _leftovers(tmp_path) == []


def test_an_exception_keeps_the_old_file_and_removes_the_temp(tmp_path):
    target = tmp_path / "curves.csv"
    target.write_bytes(b"good")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as f:
            f.write(b"half")
            raise RuntimeError("crash in the middle")
    assert target.read_bytes() == b"good"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "curves.svg"
    target.write_bytes(b"<svg>good</svg>")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OSError) as info:
        write_bytes_atomic(target, b"x" * 1000)
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"<svg>good</svg>"
    assert _leftovers(tmp_path) == []


def test_a_writer_that_makes_no_file_is_an_error_and_changes_nothing(tmp_path):
    target = tmp_path / "plot.png"
    target.write_bytes(b"png")
    with pytest.raises(OSError):
        with atomic_path(target):
            pass  # e.g. Qt's save() returned False
    assert target.read_bytes() == b"png"


def test_temp_names_are_unique_so_concurrent_writers_do_not_clash(tmp_path):
    target = tmp_path / "export.csv"
    assert len({temp_path_for(target) for _ in range(100)}) == 100
    errors = []

    def write(i):
        try:
            for _ in range(20):
                write_bytes_atomic(target, f"writer {i}\n".encode() * 1000, fsync=False)
        except Exception as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    text = target.read_text()
    assert len(set(text.splitlines())) == 1  # one writer's whole file, never a mix
    assert _leftovers(tmp_path) == []


def test_kill_during_a_save_leaves_the_old_file_and_the_next_start_removes_the_temp(tmp_path):
    target = tmp_path / "big.npz"
    target.write_bytes(b"old model")
    code = ("import sys, time\nfrom mnist_gui.core.files import atomic_write\n"
            f"with atomic_write({str(target)!r}) as f:\n"
            "    f.write(b'x' * 5_000_000); f.flush(); print('writing', flush=True); time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.kill()
    proc.wait(timeout=30)
    assert target.read_bytes() == b"old model"
    temps = [p for p in tmp_path.iterdir() if p.name.endswith(files.TEMP_SUFFIX)]
    assert len(temps) == 1 and temps[0].stat().st_size == 5_000_000
    assert remove_stale_temps(tmp_path) == temps
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.npz"]


def test_stale_temp_cleanup_spares_live_writers_and_other_files(tmp_path):
    mine_live = temp_path_for(tmp_path / "a.npz")  # this process is alive
    mine_live.write_bytes(b"in progress")
    lookalikes = [tmp_path / ".a.npz.tmp", tmp_path / "notes.mnist-gui.tmp", tmp_path / ".x.123-zzzzzzzz.mnist-gui.tmp"]
    for p in lookalikes:
        p.write_bytes(b"not ours")
    (tmp_path / ".dir.1-0123abcd.mnist-gui.tmp").mkdir()
    assert remove_stale_temps(tmp_path) == []
    old = time.time() + files.STALE_AFTER_S + 10
    assert remove_stale_temps(tmp_path, now=old) == [mine_live]
    assert all(p.exists() for p in lookalikes)


def test_stale_temp_cleanup_of_a_missing_folder_does_nothing(tmp_path):
    assert remove_stale_temps(tmp_path / "nope") == []


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root ignores permissions")
def test_read_only_folder_raises_and_keeps_the_file(tmp_path):
    target = tmp_path / "m.npz"
    target.write_bytes(b"keep")
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            write_bytes_atomic(target, b"new")
    finally:
        tmp_path.chmod(0o755)
    assert target.read_bytes() == b"keep"
