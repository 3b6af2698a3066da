"""mnist_gui.core.settings: every stored value comes back usable, whatever the file held, and says why not."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from mnist_gui.core import settings as stored
from mnist_gui.nn.presets import PRESETS, TrainConfig

TOP_LEVEL = [key for key in stored.SETTINGS if "." not in key]


def json_values():
    leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                                              inner, max_size=4),
                        max_leaves=20)


@pytest.mark.parametrize("key", TOP_LEVEL)
def test_a_missing_value_is_the_default_without_a_problem(key):
    value, problem = stored.check(key, None)
    assert problem is None
    assert stored.check(key, stored.encode(key, value)) == (value, None) or value is None


@hypothesis_settings(max_examples=300, deadline=None)
@given(key=st.sampled_from(TOP_LEVEL),
       raw=st.text(max_size=300) | st.binary(max_size=100) | st.integers() | st.floats() | json_values()
       | json_values().map(json.dumps))
def test_any_stored_value_gives_a_usable_value_and_never_raises(key, raw):
    value, problem = stored.check(key, raw)
    again, second = stored.check(key, stored.encode(key, value))
    assert second is None                                  # what would be written back reads back cleanly
    if problem is not None:
        assert problem.startswith(stored.SETTINGS[key].label) or ":" in problem
        assert len(problem) < 1000


@pytest.mark.parametrize("text", ["[" * 100000, "{\"a\":" * 100000, "[" * 30000 + "]" * 30000,
                                  "[" * 800 + "]" * 800, "x" * 100000])
def test_deep_or_huge_json_is_refused_without_recursion(text):
    with pytest.raises(ValueError):
        stored.parse_json(text)
    value, problem = stored.check("training", text)
    assert problem and value["config"] == PRESETS[stored.DEFAULT_PRESET]


def test_numbers_are_range_checked_and_nan_refused():
    assert stored.check("window/tab", "2") == (2, None)
    assert stored.check("window/tab", 1) == (1, None)
    for bad in ("99999999999999999999", "-1", "4", "1.5", "abc", True, 2.0, [1]):
        value, problem = stored.check("window/tab", bad)
        assert value == 0 and "the tab that was open" in problem
    smoothing = lambda v: stored.check("training", json.dumps({"smoothing": v}) if not isinstance(v, str)  # noqa: E731
                                       else v)
    assert smoothing(0.5) == ({"config": PRESETS["tutorial"], "smoothing": 0.5, "show_earlier": True}, None)
    for bad in ('{"smoothing": NaN}', '{"smoothing": Infinity}', '{"smoothing": "abc"}', '{"smoothing": 1.5}'):
        value, problem = smoothing(bad)
        assert value["smoothing"] == 0.9 and "smoothing" in problem and not math.isnan(value["smoothing"])


def test_the_training_config_goes_through_trainconfig_validation():
    good = TrainConfig(hidden=(64, 32), epochs=7, seed=3_000_000_000)
    value, problem = stored.check("training", stored.encode("training", {"config": good}))
    assert problem is None and value["config"] == good
    for bad in ({"seed": 2**32}, {"hidden": "128"}, {"learning_rate": 0}, {"unknown": 1}, {"epochs": True}):
        value, problem = stored.check("training", json.dumps({"config": bad, "smoothing": 0.25}))
        assert value["config"] == PRESETS["tutorial"] and "network and training settings" in problem
        assert value["smoothing"] == 0.25                       # the rest of the group is kept


def test_recent_files_keep_what_is_usable():
    value, problem = stored.check("recent_models", json.dumps(["/a.npz", 3, None, "/a.npz", "/b.npz", "x\x00"]))
    assert value == ["/a.npz", "/b.npz"] and "removed" in problem
    assert stored.check("recent_models", json.dumps(["/a.npz"])) == (["/a.npz"], None)
    value, problem = stored.check("recent_models", json.dumps([f"/{i}" for i in range(50)]))
    assert len(value) == stored.MAX_RECENT and problem


def test_the_recovery_message_is_plain_words():
    text = stored.recovery_message(["the tab that was open: 7 is not a whole number from 0 to 2"])
    assert text.startswith("Some saved settings were damaged") and "repaired" in text


def test_unreadable_is_a_problem_not_a_value():
    assert stored.check("training", stored.UNREADABLE)[1] == "the Train tab's settings: it could not be read"
