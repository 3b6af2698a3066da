"""Every size limit of the data layer, in one place, each with the reason for its value.

A file is checked against these from what can be learned cheaply (its size on disk, its header) before
anything the header asks for is allocated, so a small hostile file cannot make the app hang or take
gigabytes. ``check_pixels`` is the one check of a picture's size; the Qt decoder in the UI uses the same
numbers (``MAX_PIXELS``, ``MAX_SIDE``, also exported by ``mnist_gui.data.images``). Not here: the checks
of each format's own structure (``idx``, ``png``, ``bmp``, ``pnm``, ``mnist``).
"""

from __future__ import annotations

# Deflate (zlib, gzip) cannot expand its input by more than 1032:1 (a 258-byte match in about two bits),
# so a header claiming more data than that is a lie we can refuse before inflating anything.
MAX_DEFLATE_RATIO = 1032

# Pictures. to_mnist shrinks everything to 20 x 20, so a big picture only costs memory and time: 40 MP
# is more than any phone or camera photo of a digit needs (a 12 MP phone photo is 4032 x 3024), and a
# 40 MP RGBA PNG with adaptive filters decodes in about 3 s with 420 MB at peak (16-bit RGBA: about
# 5 s, 570 MB; see benchmarks/hostile_files.py).
MAX_PIXELS = 40_000_000
# A side longer than this is a strip, not a photo; the PNG decoder loops once per row and once per
# anti-diagonal, so bounding the sides bounds those Python-level loops too.
MAX_SIDE = 16384
# The bytes of a picture file are read into memory whole. A drawing or scan saved as PNG at the pixel
# limit is far smaller (a 40 MP photo saved as PNG may not be); uncompressed BMP and PPM files reach
# this at about 21 megapixels (24-bit colour).
MAX_PICTURE_FILE_BYTES = 64 << 20
# The PGM/PPM header (magic, size, maxval and any comments) must end within this many bytes: real
# headers are a few dozen bytes, and the header is parsed byte by byte.
MAX_PNM_HEADER_BYTES = 64 << 10
# Plain (text) PGM/PPM spends about four bytes of text a sample and is parsed token by token, at tens of
# bytes of memory a token: a format for small pictures. 4 MB is about a megapixel of gray.
MAX_PLAIN_PNM_BYTES = 4 << 20

# IDX files. EMNIST ByClass, the largest MNIST-format set in use, has 697,932 training images (547 MB),
# so 1 GiB of data per file leaves room while keeping a lying or bomb-like file from taking more.
MAX_IDX_BYTES = 1 << 30
# on disk: the data plus the header (at most 20 bytes), or gzip's overhead on incompressible data
# (5 bytes per 64 KB stored block, 80 KB per GiB)
MAX_IDX_FILE_BYTES = MAX_IDX_BYTES + (1 << 20)

# Small JSON files (the dataset cache's manifest.json, a data folder's classes.json). Both are a few
# kilobytes; the cap keeps a huge file from being read, and the depth cap keeps a deeply nested one
# from exhausting the parser's recursion (Python's json module recurses once per level).
MAX_JSON_BYTES = 1 << 20
MAX_JSON_DEPTH = 32

# Class names: labels are bytes, so a dataset has at most 256 classes; a name is shown in tables and
# menus, where 100 characters is already far too long to read.
MAX_CLASSES = 256
MAX_CLASS_NAME_CHARS = 100


def check_pixels(width: int, height: int) -> None:
    """Raise ValueError if a picture of ``width`` x ``height`` pixels is over the pixel or side limit."""
    if width * height > MAX_PIXELS:
        limit = MAX_PIXELS // 1_000_000
        raise ValueError(f"{width} × {height} pixels is larger than the {limit}-megapixel limit")
    if max(width, height) > MAX_SIDE:
        raise ValueError(f"{width} × {height} pixels: a side is longer than the {MAX_SIDE}-pixel limit")


def describe_bytes(n: int) -> str:
    """A byte count for a message: "64 MB", "1 GB", "389 KB" (powers of 1024)."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"
