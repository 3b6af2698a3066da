"""safe_json: small JSON parsed within a size and a depth limit, every problem a ValueError."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mnist_gui.data.safe_json import json_depth, load_json_file, loads_limited


@pytest.mark.parametrize("text, depth", [
    ("1", 0), ('"[[["', 0), ("[]", 1), ("[[], {}]", 2), ('{"a": [{"b": "]]]]"}]}', 3),
    (r'["\"[", "\\", "[\\\"]"]', 1), ("[[[[[]]]]]", 5)])
def test_depth_skips_brackets_inside_strings(text, depth):
    assert json_depth(text) == depth
    json.loads(text)  # each is valid JSON


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                                        max_size=3),
                           max_leaves=20)


def _depth(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_depth_and_result_agree_with_json(value):
    text = json.dumps(value)
    assert json_depth(text) == _depth(value)
    assert loads_limited(text) == value
    assert loads_limited(text.encode()) == value


def test_deep_nesting_is_refused_without_recursion():
    with pytest.raises(ValueError, match="nested 200000 levels deep, more than the 32 allowed"):
        loads_limited("[" * 200_000 + "]" * 200_000)
    assert loads_limited("[" * 32 + "]" * 32, max_depth=32) is not None
    with pytest.raises(ValueError, match="nested 33 levels deep"):
        loads_limited("[" * 33 + "]" * 33, max_depth=32)


@pytest.mark.parametrize("text", ["x" * 101, b"x" * 101, "é" * 51])
def test_size_is_counted_in_utf8_bytes(text):
    with pytest.raises(ValueError, match="larger than the 100 bytes limit"):
        loads_limited(text, max_bytes=100)


@pytest.mark.parametrize("text, problem", [
    ("{]", "not valid JSON"), (b"\xff[]", "not UTF-8"), ("", "not valid JSON"), ("[1,]", "not valid JSON")])
def test_broken_json_is_value_error(text, problem):
    with pytest.raises(ValueError, match=problem):
        loads_limited(text)


def test_other_types_are_type_errors():
    with pytest.raises(TypeError, match="str or bytes"):
        loads_limited(["[]"])


def test_load_json_file_names_the_file(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"a": [1, 2]}', encoding="utf-8")
    assert load_json_file(path) == {"a": [1, 2]}
    path.write_text("[" * 40 + "]" * 40, encoding="utf-8")
    with pytest.raises(ValueError, match=f"{path}: the JSON document is nested 40 levels deep"):
        load_json_file(path)
    path.write_text("[]" + " " * 100, encoding="utf-8")
    with pytest.raises(ValueError, match=f"{path}: the file is 102 bytes, larger than the 100 bytes limit for "
                                         "a JSON file"):
        load_json_file(path, max_bytes=100)
