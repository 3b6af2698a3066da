"""The file name suggested for a model (``mnist_gui.core.models.file_stem``): short, clean, never empty."""

from __future__ import annotations

import pytest

from mnist_gui.core.models import MAX_STEM, file_stem


@pytest.mark.parametrize("name, stem", [
    ("CNN + 128 relu, dropout 0.3, adam 0.002 at 01:49", "cnn-128-relu"),
    ("CNN---128-relu--dropout-0.3", "cnn-128-relu-dropout-0.3"),
    ("mine.npz", "mine"),
    ("Default model", "default-model"),
    ("Zahl 5 – Ünïcode", "zahl-5-unicode"),
    ("", "model"),
    ("!!! ..", "model"),
    ("../../etc/passwd", "etc-passwd"),
])
def test_a_model_name_becomes_a_short_clean_file_name(name, stem):
    assert file_stem(name) == stem


def test_a_long_name_is_cut_at_a_word():
    stem = file_stem("fine tuned on ten of your digits with a very long description of everything")
    assert len(stem) <= MAX_STEM and not stem.endswith("-") and stem.startswith("fine-tuned-on-ten")
    assert len(file_stem("x" * 500)) == MAX_STEM
