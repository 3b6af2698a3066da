"""What fine-tuning tells the person in words: identical digits merged are said, MNIST changes of a few
hundredths show. The figures themselves are tested in test_finetune.py."""

from __future__ import annotations

from types import SimpleNamespace

from mnist_gui.core.finetune_report import digits_used, summary


def result(**changes):
    fields = dict(before={"personal": 0.9, "mnist": 0.9768}, after={"personal": 0.95, "mnist": 0.9774},
                  n_train=10, n_held_out=0, duplicates=0, epochs_run=3, best_epoch=3, stopped=False,
                  mnist_kept=True, tries=1)
    fields.update(changes)
    return SimpleNamespace(**fields)


def test_two_identical_digits_merged_into_one_are_said():
    """11 kept, two of them the same 3: it said "fine-tuned on 10 of your digits"."""
    assert digits_used(result(duplicates=1)) == "your digits (11 kept, 1 the same as another)"
    assert "11 kept, 1 the same as another" in summary(result(duplicates=1))
    assert digits_used(result()) == "10 of your digits"
    assert "10 of your digits, 2 held back for the test, in 3" in summary(result(n_train=8, n_held_out=2))


def test_mnist_shows_hundredths_so_a_small_change_is_seen():
    text = summary(result())
    assert "MNIST test 97.68% → 97.74%" in text and "90.0% → 95.0%" in text
