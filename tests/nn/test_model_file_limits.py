"""load_model against hostile files (issue 12): every bad file is a ModelFileError naming the file and the
problem, refused before anything large is allocated, in bounded time and memory."""

import ast
import io
import json
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from mnist_gui.nn import Dense, ModelFileError, Sequential, load_model
from mnist_gui.nn import model_spec
from tests.nn import hostile_models as hostile

REPO = Path(__file__).resolve().parents[2]

REFUSED = {
    "zip bomb, small description": (lambda d: hostile.zip_bomb(d, 5 << 28, consistent=False, level=1),
                                    r"entry 'params' claims 1\.3 GiB, more than"),
    "zip bomb, description to match": (lambda d: hostile.zip_bomb(d, 256 << 20, name="bomb256.npz", level=1),
                                       r"would inflate .* into 256\.0 MiB \(more than 20:1"),
    "forged member size": (hostile.forged_size, r"entry 'params' claims 4\.0 GiB"),
    "Dense(300000)": (hostile.dense_units, r"loading it would take 4\.7 GiB of memory for 238,500,010 parameters"),
    "10,000 layers": (hostile.many_layers, "the model has 10,000 layers, more than the 1,000"),
    "JSON 100,000 deep": (hostile.deep_json, "nested more than 64 levels deep"),
    "JSON 70 deep": (lambda d: hostile.deep_json(d, depth=70), "nested more than 64 levels deep"),
    "4 MiB description": (hostile.huge_description, "the model description is 4,195,359 bytes, more than"),
    "5,000-digit number": (hostile.long_number, "a 5,000-digit integer"),
    "Conv2D(65536)": (hostile.wide_convolution,
                      r"layer 3 \(Conv2D\) is \(28, 28, 65536\): 51,380,224 values per sample"),
    "truncated": (hostile.truncated, "truncated"),
    "random bytes": (hostile.random_bytes, "not a mnist-gui model file"),
}


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory):
    """{name: path} of every file in REFUSED (made once: the zip bombs take a second or two)."""
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(folder) for name, (make, _) in REFUSED.items()}


@pytest.mark.parametrize("name", REFUSED)
def test_each_hostile_file_is_refused_with_a_message_naming_file_and_problem(hostile_files, name):
    path = hostile_files[name]
    with pytest.raises(ModelFileError, match=REFUSED[name][1]) as info:
        load_model(path)
    assert str(info.value).startswith(f"{path}: ")


def test_hostile_files_are_refused_in_bounded_time_and_memory(hostile_files, tmp_path):
    """One fresh process loads each file; its peak resident memory (which an inflated 1.25 GiB member or
    a Dense(300000) would push past 1 GB) stays near that of loading a small good model."""
    paths = [hostile.good_file(tmp_path, "baseline.npz")] + list(hostile_files.values())
    results = hostile.load_in_subprocess(paths, str(REPO), timeout=120)
    assert results[0]["outcome"] == "loaded"
    baseline = results[0]["peak_rss_mb"]
    for result in results[1:]:
        assert result["outcome"] == "ModelFileError", result
        assert result["seconds"] < 1.0, result
    assert results[-1]["peak_rss_mb"] < baseline + 100, results


def test_only_model_file_error_escapes_from_damaged_files(tmp_path):
    """Random byte flips, truncations and garbage inserted anywhere in a good file: each load gives a
    model or a ModelFileError, never another exception (the zip CRC catches flips in the weights)."""
    good = hostile.good_file(tmp_path).read_bytes()
    rng = np.random.default_rng(12)
    outcomes = {"loaded": 0, "refused": 0}
    path = tmp_path / "damaged.npz"
    for trial in range(300):
        data = bytearray(good)
        kind = trial % 3
        if kind == 0:
            for at in rng.integers(0, len(data), rng.integers(1, 8)):
                data[at] = int(rng.integers(256))
        elif kind == 1:
            data = data[:int(rng.integers(0, len(data)))]
        else:
            at = int(rng.integers(0, len(data)))
            data[at:at] = rng.bytes(int(rng.integers(1, 64)))
        path.write_bytes(bytes(data))
        try:
            load_model(path)
            outcomes["loaded"] += 1
        except ModelFileError as exc:
            assert str(exc).startswith(f"{path}: ")
            outcomes["refused"] += 1
    assert outcomes["refused"] > 250


def test_unexpected_errors_inside_become_model_file_errors(tmp_path, monkeypatch):
    path = hostile.good_file(tmp_path)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug nobody foresaw")

    monkeypatch.setattr(model_spec, "_fit_layers", broken)
    with pytest.raises(ModelFileError, match=r"not a readable model file \(a bug nobody foresaw\)") as info:
        load_model(path)
    assert "ZeroDivisionError" not in str(info.value)              # no class names in what the user reads
    assert isinstance(info.value.__cause__, ZeroDivisionError)  # kept for whoever debugs it

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(model_spec, "_fit_layers", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_model(path)


def test_a_thousand_unnamed_layers_load_fast_and_naming_is_linear(tmp_path):
    path = hostile.many_dense(tmp_path, count=1000)
    start = time.perf_counter()
    model = load_model(path)
    assert time.perf_counter() - start < 1.0
    assert len(model.layers) == 1000 and len({layer.name for layer in model.layers}) == 1000
    start = time.perf_counter()
    big = Sequential([Dense(1) for _ in range(20_000)])
    assert time.perf_counter() - start < 1.0  # the old scan of existing names took minutes
    assert [layer.name for layer in big.layers[:3]] == ["dense", "dense_1", "dense_2"]
    assert big.layers[-1].name == "dense_19999"


def test_automatic_names_skip_names_already_taken():
    taken = Sequential([Dense(1, name="dense_1"), Dense(1), Dense(1), Dense(1, name="dense_3"), Dense(1)])
    assert [layer.name for layer in taken.layers] == ["dense_1", "dense", "dense_2", "dense_3", "dense_4"]
    taken.layers.pop()  # edited directly: the names are looked at again
    taken.add(Dense(1))
    assert taken.layers[-1].name == "dense_4"


def test_the_memory_budget_is_checked_before_building(tmp_path):
    path = hostile.good_file(tmp_path)
    needed = model_spec.load_bytes(25_450, 4, 2)
    assert load_model(path, max_bytes=needed).count_params() == 25_450
    with pytest.raises(ModelFileError, match=r"loading it would take 0\.5 MiB .* more than the 0\.5 MiB allowed"):
        load_model(path, max_bytes=needed - 1)


def _zip(path, members, method=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _npy(array):
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def test_archive_level_tricks_are_refused(tmp_path):
    good = hostile.members(hostile.good_file(tmp_path))
    parts = {f"{key}.npy": _npy(value) for key, value in good.items()}
    cases = {
        "bzip2.npz": (lambda p: _zip(p, parts, zipfile.ZIP_BZIP2), "compression method 12"),
        "many.npz": (lambda p: _zip(p, {f"optimizer/s{i}.npy": b"" for i in range(40)}), "lists 40 entries"),
        "stranger.npz": (lambda p: _zip(p, {**parts, "../evil.npy": b""}), "unexpected entries"),
        "not-npy.npz": (lambda p: _zip(p, {**parts, "params.npy": b"PK not an array"}), "not a NumPy array"),
    }
    for name, (make, message) in cases.items():
        with pytest.raises(ModelFileError, match=message):
            load_model(make(tmp_path / name))
    # a model file re-compressed by someone (numpy's savez_compressed) is still a model file
    recompressed = tmp_path / "recompressed.npz"
    with open(recompressed, "wb") as f:
        np.savez_compressed(f, **good)
    assert load_model(recompressed).count_params() == 25_450


def test_json_numbers_must_be_json_numbers(tmp_path):
    arrays = hostile.members(hostile.good_file(tmp_path))
    text = json.dumps(hostile.config_of(arrays))
    for bad, message in (('"seed": NaN', "NaN, which is not a JSON number"),
                         ('"seed": 1e999', "too large for a float")):
        arrays["config"] = hostile.config_array(text.replace('"seed": 0', bad))
        path = hostile.write_members(tmp_path / "numbers.npz", arrays)
        with pytest.raises(ModelFileError, match=message):
            load_model(path)


def test_declared_sizes_must_match_the_header_exactly(tmp_path):
    arrays = hostile.members(hostile.good_file(tmp_path))
    parts = {f"{key}.npy": _npy(value) for key, value in arrays.items()}
    parts["params.npy"] += b"\0" * 16  # trailing bytes after the array
    with pytest.raises(ModelFileError, match="entry 'params' is .* bytes but its header describes"):
        load_model(_zip(tmp_path / "padded.npz", parts))


def _nn_imports(path: Path) -> set:
    """The mnist_gui.nn modules a source file imports, anywhere in it (lazy imports count)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        found.update(n.split(".")[2] for n in names if n.startswith("mnist_gui.nn.") and n.count(".") >= 2)
    return found


def test_the_engine_modules_import_each_other_one_way():
    """No cycles among mnist_gui/nn's modules (the package __init__ aside), lazy imports included:
    model.py uses the writer (saving.py) and the loader (serialization.py) uses the model."""
    folder = REPO / "mnist_gui" / "nn"
    graph = {p.stem: _nn_imports(p) & {q.stem for q in folder.glob("*.py")} - {"__init__", p.stem}
             for p in folder.glob("*.py") if p.stem != "__init__"}
    assert "serialization" not in graph["model"] and "model" in graph["serialization"]
    assert "model" not in graph["saving"] and "saving" in graph["model"]
    done, on_path = set(), []

    def visit(module):
        assert module not in on_path, f"import cycle: {' -> '.join(on_path + [module])}"
        if module in done:
            return
        on_path.append(module)
        for imported in sorted(graph[module]):
            visit(imported)
        on_path.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
