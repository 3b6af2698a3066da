"""My digits never loses a digit: a folder that refuses writes (read-only, full), two processes keeping
digits in one folder at once, a FIFO or a damaged store in a read-only folder, and no pile of damaged
copies or temporary files. No Qt (the panel's side is in tests/ui/test_draw_my_digits.py).

Tests may run as root, where ``chmod`` does not stop writes: ``read_only`` then also makes every call that
would create, rename or delete something in the folder raise PermissionError, as the kernel would.
"""

from __future__ import annotations

import builtins
import errno
import fcntl
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

import mnist_gui
from mnist_gui.core import my_digits
from mnist_gui.core.files import STALE_AFTER_S
from mnist_gui.core.my_digits import IMAGES, LABELS, LOCK, MyDigitsStore
from mnist_gui.data.idx import read_idx, write_idx


def digit(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (28, 28), dtype=np.uint8)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def on_disk(folder: Path) -> list[int]:
    return read_idx(folder / LABELS).tolist()


@pytest.fixture
def read_only(monkeypatch):
    """``read_only(folder)`` makes the folder refuse writes until the test ends (or ``writable()``)."""
    folders: list[Path] = []
    patched = []

    def inside(path) -> bool:
        try:
            parent = Path(os.fsdecode(path)).absolute().parent
        except TypeError:  # a file descriptor
            return False
        return any(parent == f for f in folders)

    def refuse(path):
        raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))

    def guard(name, owner, writes):
        real = getattr(owner, name)

        def wrapper(*args, **kwargs):
            if writes(*args, **kwargs) and inside(args[0]):
                refuse(args[0])
            return real(*args, **kwargs)
        monkeypatch.setattr(owner, name, wrapper)
        patched.append((owner, name, real))

    def make(folder: Path) -> None:
        folder = folder.absolute()
        folder.chmod(0o555)
        folders.append(folder)
        probe = folder / ".probe"
        try:
            probe.touch()
        except PermissionError:
            return  # the kernel enforces it
        probe.unlink()
        if patched:
            return
        write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
        guard("open", os, lambda path, flags, *a, **k: bool(flags & write_flags))
        guard("open", builtins, lambda path, mode="r", *a, **k: any(c in mode for c in "wxa+"))
        for name in ("replace", "rename", "unlink", "remove", "mkdir"):
            guard(name, os, lambda *a, **k: True)

    def writable() -> None:
        for owner, name, real in patched:
            monkeypatch.setattr(owner, name, real)
        patched.clear()
        for folder in folders:
            folder.chmod(0o755)
        folders.clear()

    make.writable = writable
    yield make
    writable()


def test_a_read_only_folder_keeps_the_digit_unsaved_says_why_and_saves_it_later(tmp_path, read_only):
    store = MyDigitsStore(tmp_path)
    assert store.add(digit(1), 1) and store.add(digit(2), 2)
    read_only(tmp_path)
    assert store.add(digit(3), 3) is False, "the disk refused"
    assert len(store) == 3 and store.unsaved == 1 and store.labels.tolist() == [1, 2, 3]
    assert store.is_saved(1) and not store.is_saved(2)
    assert "read-only" in store.save_error and str(tmp_path) in store.save_error
    assert store.add(digit(4), 4) is False and store.unsaved == 2
    assert on_disk(tmp_path) == [1, 2], "the files were not touched"
    read_only.writable()
    assert store.add(digit(5), 5), "the next keep saves the waiting ones too"
    assert store.unsaved == 0 and store.save_error is None
    again = MyDigitsStore(tmp_path)
    assert again.labels.tolist() == [1, 2, 3, 4, 5]
    assert np.array_equal(again.images[2], digit(3))
    assert names(tmp_path) == [IMAGES, LABELS]


def test_a_full_disk_keeps_the_old_files_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    store = MyDigitsStore(tmp_path)
    store.add(digit(1), 7)
    before = (tmp_path / IMAGES).read_bytes(), (tmp_path / LABELS).read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", full)  # where a full disk shows when the data is flushed
        assert store.add(digit(2), 8) is False
    assert "the disk is full" in store.save_error and store.unsaved == 1
    assert ((tmp_path / IMAGES).read_bytes(), (tmp_path / LABELS).read_bytes()) == before
    assert names(tmp_path) == [IMAGES, LABELS], "no temporary file and no lock left behind"
    assert store.save() and on_disk(tmp_path) == [7, 8]


def test_removing_a_digit_the_disk_refuses_keeps_it(tmp_path, read_only):
    store = MyDigitsStore(tmp_path)
    store.add(digit(1), 1)
    store.add(digit(2), 2)
    read_only(tmp_path)
    assert store.remove(0) is None and store.labels.tolist() == [1, 2] and "read-only" in store.save_error
    store.add(digit(3), 3)
    assert store.remove(2) is not None and store.labels.tolist() == [1, 2], "an unsaved digit just goes"
    read_only.writable()
    assert store.remove(0) and MyDigitsStore(tmp_path).labels.tolist() == [2]


def test_two_stores_on_one_folder_add_to_each_other(tmp_path):
    a, b = MyDigitsStore(tmp_path), MyDigitsStore(tmp_path)
    a.add(digit(1), 1)
    b.add(digit(2), 2)
    a.add(digit(3), 3)
    assert a.labels.tolist() == [1, 2, 3], "a keep re-reads what the other instance saved"
    b.remove(0)
    assert MyDigitsStore(tmp_path).labels.tolist() == [2, 3]
    a.remove(1)  # a still shows [1, 2, 3]: its digit number 1 is the 2, now first on disk
    assert MyDigitsStore(tmp_path).labels.tolist() == [3]


WORKER = textwrap.dedent("""
    import os, sys, time
    import numpy as np
    from mnist_gui.core.my_digits import MyDigitsStore
    folder, who, go = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    store = MyDigitsStore(folder)
    while not os.path.exists(go):  # both start keeping at the same moment
        time.sleep(0.001)
    for i in range(100):
        image = np.zeros((28, 28), np.uint8)
        image[0, 0], image[0, 1] = who, i
        store.add(image, i % 10)
        time.sleep(0.002)  # a person's pace, compressed: the other process gets the lock in between
    for _ in range(50):  # a keep that timed out on the lock waits in the store: try again
        if store.save():
            break
    print(store.unsaved)
""")


def test_two_processes_keeping_digits_at_once_lose_none(tmp_path):
    folder, go = tmp_path / "my-digits", tmp_path / "go"
    folder.mkdir()
    env = dict(os.environ, PYTHONPATH=str(Path(mnist_gui.__file__).resolve().parents[1]))
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(folder), str(who), str(go)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for who in (1, 2)]
    time.sleep(0.5)
    go.touch()
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        assert out.strip() == "0"
    store = MyDigitsStore(folder)
    assert len(store) == 200 and store.problem is None
    who = store.images[:, 0, 0].tolist()
    kept = sorted(zip(who, store.images[:, 0, 1].tolist()))
    assert kept == sorted((w, i) for w in (1, 2) for i in range(100))
    assert sum(a != b for a, b in zip(who, who[1:])) > 10, "the two really kept digits at the same time"
    assert names(folder) == [IMAGES, LABELS]


def test_a_busy_lock_makes_the_keep_wait_then_stay_unsaved(tmp_path, monkeypatch):
    monkeypatch.setattr(my_digits, "LOCK_TIMEOUT_S", 0.2)
    store = MyDigitsStore(tmp_path)
    fd = os.open(tmp_path / LOCK, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another instance in the middle of a write
    try:
        start = time.monotonic()
        assert store.add(digit(1), 1) is False
        assert time.monotonic() - start < 2
        assert "busy" in store.save_error
    finally:
        os.close(fd)
    assert store.save() and on_disk(tmp_path) == [1]


OPEN_STORE = textwrap.dedent("""
    import json, sys
    from mnist_gui.core.my_digits import MyDigitsStore
    store = MyDigitsStore(sys.argv[1])
    print(json.dumps({"n": len(store), "problem": store.problem}))
""")


def test_a_fifo_in_place_of_the_images_file_opens_at_once_with_a_problem(tmp_path):
    os.mkfifo(tmp_path / IMAGES)  # opening it for reading the usual way would wait for a writer forever
    write_idx(tmp_path / LABELS, np.array([1, 2], np.uint8))
    env = dict(os.environ, PYTHONPATH=str(Path(mnist_gui.__file__).resolve().parents[1]))
    done = subprocess.run([sys.executable, "-c", OPEN_STORE, str(tmp_path)], env=env, capture_output=True,
                          text=True, timeout=20)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["n"] == 0 and "not a regular file" in result["problem"]
    store = MyDigitsStore(tmp_path)
    assert store.add(digit(1), 5) and on_disk(tmp_path) == [5]


def test_a_damaged_store_in_a_read_only_folder_is_left_in_place_and_the_app_still_starts(tmp_path, read_only):
    (tmp_path / IMAGES).write_bytes(b"not an idx file")
    write_idx(tmp_path / LABELS, np.array([3], np.uint8))
    read_only(tmp_path)
    store = MyDigitsStore(tmp_path)  # must not raise
    assert len(store) == 0
    assert "could not be read" in store.problem and "left as they are" in store.problem
    assert store.add(digit(1), 1) is False and store.unsaved == 1
    assert (tmp_path / IMAGES).read_bytes() == b"not an idx file", "never written over"
    read_only.writable()
    assert store.save(), "once the folder can be written, the damaged files are set aside and it saves"
    assert (tmp_path / (IMAGES + ".damaged")).read_bytes() == b"not an idx file"
    assert MyDigitsStore(tmp_path).labels.tolist() == [1]


def test_damaged_copies_are_bounded_and_the_newest_kept(tmp_path):
    for n in range(6):
        (tmp_path / IMAGES).write_bytes(f"damage number {n}".encode())
        write_idx(tmp_path / LABELS, np.array([1], np.uint8))
        assert "could not be read" in MyDigitsStore(tmp_path).problem
    damaged = [name for name in names(tmp_path) if ".damaged" in name]
    assert len([d for d in damaged if d.startswith(IMAGES)]) == my_digits.KEEP_DAMAGED
    assert len([d for d in damaged if d.startswith(LABELS)]) == my_digits.KEEP_DAMAGED
    assert (tmp_path / f"{IMAGES}.damaged6").read_bytes() == b"damage number 5"
    assert not (tmp_path / f"{IMAGES}.damaged").exists(), "the oldest went"


def test_stale_temporary_files_are_cleaned_when_the_store_opens(tmp_path):
    MyDigitsStore(tmp_path).add(digit(1), 1)
    stale = tmp_path / f".{IMAGES}.{os.getpid()}-0123abcd.mnist-gui.tmp"
    stale.write_bytes(b"half a file")
    old = time.time() - STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    assert MyDigitsStore(tmp_path).labels.tolist() == [1]
    assert not stale.exists()
