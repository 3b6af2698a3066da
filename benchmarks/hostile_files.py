"""How the data layer copes with hostile files (issue 12): for each worst case, what the call does, how
long it takes and how much memory it needs, each run in a fresh interpreter (peak RSS: VmHWM on Linux,
else getrusage),
medians over a few runs.

The hostile cases are the ones found against the old code: small PNG and BMP files claiming hundreds of
megapixels, a Paeth-filtered PNG, a symlink to /dev/zero, a FIFO, gzip bombs as IDX files, a deeply
nested manifest.json in the dataset cache and classes.json in a data folder. The honest cases are files
just inside the limits, to show what an accepted file at the limit costs. The files are made once in a
temporary folder by tests/data/hostile.py (the tests use the same makers).

Each child runs with its address space limited to 8 GiB (so an old decoder fails with MemoryError rather
than taking the machine) and is killed after --timeout seconds ("hangs"). POSIX only.

    python benchmarks/hostile_files.py [--repeats 3] [--timeout 30] [--before ROOT] [--only NAME ...]

``--before ROOT``: also measure the ``mnist_gui`` package under ROOT, e.g. the code before issue 12:
``mkdir /tmp/before && git archive <commit> mnist_gui resources | tar -x -C /tmp/before``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "data"))
import hostile  # noqa: E402  (the makers of hostile files, shared with the tests)

ADDRESS_SPACE = 8 << 30

CHILD = r"""
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
sys.path.insert(0, ROOT)
import numpy as np
from mnist_gui.data.images import load_image
from mnist_gui.data.idx import read_idx
from mnist_gui.data.mnist import load_dataset
path, setup, call = sys.argv[1], sys.argv[2], sys.argv[3]
exec(setup)
start = time.perf_counter()
try:
    exec(call)
    outcome = "accepted"
except Exception as exc:
    outcome = f"{type(exc).__name__}: {exc}".replace(path, "<file>")
seconds = time.perf_counter() - start
try:  # Linux keeps ru_maxrss across exec (it would be the parent's); VmHWM is this program's own
    peak_mb = int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError):
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / ((1 << 20) if sys.platform == "darwin" else 1024)
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb}))
"""

# the manifest case: load once to make the cache entry, then spoil its manifest; only the second load is timed
SPOIL_MANIFEST = ("import pathlib; cache = pathlib.Path(path).parent / ('cache-' + str(time.time_ns())); "
                  "load_dataset(path, cache_dir=cache); "
                  "next(cache.rglob('manifest.json')).write_text('[' * 100000 + ']' * 100000)")


def write_noisy_png(path, side: int, color: int, depth: int = 8, levels: int = 4, seed: int = 0) -> int:
    """A side x side PNG of low-entropy noise (bytes 0 to levels - 1) behind a random filter on every row,
    as libpng's adaptive filtering writes them: it inflates at the speed of a real picture's data, not
    of zeros, and stays under the file-size limit."""
    row_bytes = side * {0: 1, 6: 4}[color] * depth // 8
    rng = np.random.default_rng(seed)
    c = zlib.compressobj(1)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + hostile._png_chunk(b"IHDR", side.to_bytes(4, "big") * 2
                                                        + bytes([depth, color, 0, 0, 0])))
        for lo in range(0, side, 256):
            rows = rng.integers(0, levels, (min(256, side - lo), row_bytes + 1), dtype=np.uint8)
            if depth == 16:
                rows[:, 2::2] = 0  # noise in the high bytes only, or the file outgrows the size limit
            rows[:, 0] = rng.integers(0, 5, len(rows))
            f.write(hostile._png_chunk(b"IDAT", c.compress(rows.tobytes())))
        f.write(hostile._png_chunk(b"IDAT", c.flush()) + hostile._png_chunk(b"IEND", b""))
        return f.tell()


def write_bmp_24(path, width: int, height: int) -> int:
    stride = (width * 3 + 3) // 4 * 4
    with open(path, "wb") as f:
        f.write(b"BM" + (54 + stride * height).to_bytes(4, "little") + bytes(4) + (54).to_bytes(4, "little"))
        f.write(np.array([40, width, height], "<i4").tobytes() + np.array([1, 24], "<u2").tobytes()
                + bytes(24))
        row = bytes(range(256)) * (stride // 256 + 1)
        for _ in range(height):
            f.write(row[:stride])
        return f.tell()


def small_dataset(folder: Path, classes_json: str | None = None) -> None:
    sys.path.insert(0, str(REPO))
    from mnist_gui.data.idx import write_idx

    folder.mkdir()
    rng = np.random.default_rng(0)
    for name, n, image in (("train-images-idx3-ubyte.gz", 60, True), ("train-labels-idx1-ubyte.gz", 60, False),
                           ("t10k-images-idx3-ubyte.gz", 20, True), ("t10k-labels-idx1-ubyte.gz", 20, False)):
        a = rng.integers(0, 256, (n, 28, 28)) if image else np.arange(n) % 10
        write_idx(folder / name, a.astype(np.uint8))
    if classes_json is not None:
        (folder / "classes.json").write_text(classes_json)


def cases(folder: Path):
    """(name, path, setup, call) for every case; makes the files."""
    f = folder
    hostile.write_png(f / "huge.png", 20000, 20000)
    hostile.write_png(f / "paeth.png", 12000, 12000, filter_type=4)
    hostile.write_bmp_1bit(f / "huge.bmp", 16000, 16000)
    os.symlink("/dev/zero", f / "zero.png")
    hostile.make_fifo(f / "fifo.png")
    hostile.write_gzip_idx(f / "bomb.gz", (3_061_224, 28, 28), 3_061_224 * 784)
    hostile.write_gzip_idx(f / "bomb-small-header.gz", (1000, 28, 28), 3_061_224 * 784)
    small_dataset(f / "dataset")
    small_dataset(f / "nested-classes", hostile.nested_json(100_000))
    side = 6324  # 39.99 megapixels: just inside the pixel limit
    write_noisy_png(f / "cap-rgba.png", side, 6)
    write_noisy_png(f / "cap-gray.png", side, 0)
    write_noisy_png(f / "cap-rgba16.png", side, 6, depth=16, levels=2)
    hostile.write_png(f / "cap-paeth.png", side, side, filter_type=4, color=6)
    hostile.write_bmp_1bit(f / "cap-1bit.bmp", side, side)
    write_bmp_24(f / "cap-24bit.bmp", 4700, 4700)  # 63 MB: just inside the file-size limit
    hostile.write_gzip_idx(f / "cap.gz", (1_369_000, 28, 28), 1_369_000 * 784)  # 1.0 GiB of zeros
    image, idx = "load_image(path)", "read_idx(path)"
    return [
        ("baseline: import only", f / "huge.png", "", "pass"),
        ("PNG 20000x20000 zeros", f / "huge.png", "", image),
        ("PNG 12000x12000 Paeth", f / "paeth.png", "", image),
        ("BMP 1-bit 16000x16000", f / "huge.bmp", "", image),
        ("symlink to /dev/zero", f / "zero.png", "", image),
        ("FIFO", f / "fifo.png", "", image),
        ("gzip IDX bomb, 2.4 GB declared", f / "bomb.gz", "", idx),
        ("gzip IDX bomb, small header", f / "bomb-small-header.gz", "", idx),
        ("cache manifest nested 100000 deep", f / "dataset", SPOIL_MANIFEST, "load_dataset(path, cache_dir=cache)"),
        ("classes.json nested 100000 deep", f / "nested-classes", "", "load_dataset(path, cache_dir=path + '-cache')"),
        ("at the limit: PNG 40 MP RGBA8 mixed", f / "cap-rgba.png", "", image),
        ("at the limit: PNG 40 MP RGBA8 Paeth 0s", f / "cap-paeth.png", "", image),
        ("at the limit: PNG 40 MP gray8 mixed", f / "cap-gray.png", "", image),
        ("at the limit: PNG 40 MP RGBA16 mixed", f / "cap-rgba16.png", "", image),
        ("at the limit: BMP 1-bit 40 MP", f / "cap-1bit.bmp", "", image),
        ("at the limit: BMP 24-bit 63 MB", f / "cap-24bit.bmp", "", image),
        ("at the limit: gzip IDX 1 GiB", f / "cap.gz", "", idx),
    ]


def run(root: str, path: Path, setup: str, call: str, timeout: float) -> dict:
    code = CHILD.replace("ADDRESS_SPACE", str(ADDRESS_SPACE)).replace("ROOT", repr(root))
    try:
        done = subprocess.run([sys.executable, "-c", code, str(path), setup, call], capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"outcome": f"hangs (killed after {timeout:g} s)", "seconds": None, "peak_mb": None}
    if done.returncode != 0:
        return {"outcome": f"crashed: {done.stderr.strip().splitlines()[-1]}", "seconds": None, "peak_mb": None}
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(root: str, case, repeats: int, timeout: float) -> dict:
    runs = []
    for _ in range(repeats):
        runs.append(run(root, *case[1:], timeout))
        if runs[-1]["seconds"] is None:
            break  # a hang or a crash: once is enough
    timed = [r for r in runs if r["seconds"] is not None]
    if not timed:
        return runs[0]
    return {"outcome": timed[0]["outcome"], "seconds": statistics.median(r["seconds"] for r in timed),
            "peak_mb": statistics.median(r["peak_mb"] for r in timed)}


def cell(result: dict) -> str:
    if result["seconds"] is None:
        return f"{'-':>8} {'-':>9}"
    return f"{result['seconds']:7.2f}s {result['peak_mb']:7.0f}MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--before", help="root of another checkout whose mnist_gui to measure too")
    parser.add_argument("--only", nargs="*", help="run only the cases whose names contain one of these")
    args = parser.parse_args()
    roots = [("before", args.before)] if args.before else []
    roots.append(("now", str(REPO)))
    with tempfile.TemporaryDirectory(prefix="mnist-gui-hostile-") as tmp:
        selected = [c for c in cases(Path(tmp)) if not args.only or any(s in c[0] for s in args.only)]
        print(f"{'case':38} {'file':>8}  " + "  ".join(f"{label + ': time, peak RSS':>20}" for label, _ in roots))
        for case in selected:
            path = case[1]
            size = sum(p.stat().st_size for p in path.rglob("*")) if path.is_dir() else os.lstat(path).st_size
            results = [measure(root, case, args.repeats, args.timeout) for _, root in roots]
            print(f"{case[0]:38} {size / 2**20:7.1f}M  " + "  ".join(f"{cell(r):>20}" for r in results))
            for (label, _), r in zip(roots, results):
                print(f"{'':40}{label}: {r['outcome'][:110]}")
    print(f"medians of {args.repeats} runs, each in a fresh interpreter; address space limited to "
          f"{ADDRESS_SPACE >> 30} GiB; {os.cpu_count()} CPUs, NumPy {np.__version__}")


if __name__ == "__main__":
    main()
