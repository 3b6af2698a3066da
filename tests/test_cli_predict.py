"""``mnist-gui predict`` on the pictures people have: JPEG photos, whole numbers, blank paper, bad files.

For each picture the JSON gives the best single-digit reading (``digit``, ``probability``), the whole
number (``text``) and each digit with its box and ten probabilities; a file that cannot be read is
reported and the others are still answered.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mnist_gui import cli
from mnist_gui.core.paths import resource_path

sys.path.insert(0, str(Path(__file__).parent / "core"))
import photo_set  # noqa: E402

MODEL = resource_path("models", "default.npz")


def predict(capsys, *paths, json_out=True):
    capsys.readouterr()
    code = cli.main(["predict", str(MODEL), *map(str, paths)] + (["--json"] if json_out else []))
    out, err = capsys.readouterr()
    return code, (json.loads(out)["predictions"] if json_out else out), err


def save_jpeg(path: Path, rgb: np.ndarray, quality: int = 85) -> Path:
    from PySide6.QtGui import QImage

    rgb = np.ascontiguousarray(rgb)
    image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], 3 * rgb.shape[1], QImage.Format_RGB888)
    assert image.save(str(path), "JPG", quality)
    return path


@pytest.fixture
def number_photo(dataset, tmp_path):
    rng = np.random.default_rng(2024)
    ids = [int(np.flatnonzero(dataset.y_test == d)[4]) for d in (2, 0, 2, 4)]
    ink = photo_set.number_ink([dataset.x_test[i] for i in ids], rng)
    return save_jpeg(tmp_path / "year.jpg", photo_set.photo(ink, rng, lines=True))


def test_a_photo_of_a_number_gives_its_text_and_each_digit_with_its_box(capsys, number_photo):
    from PySide6.QtGui import QImage

    code, (answer,), _ = predict(capsys, number_photo)
    assert code == 0 and answer["text"] == "2024" and not answer["blank"]
    width, height = QImage(str(number_photo)).width(), QImage(str(number_photo)).height()
    lefts = []
    for d, want in zip(answer["digits"], (2, 0, 2, 4)):
        x, y, w, h = d["box"]
        assert d["digit"] == want and len(d["probabilities"]) == 10
        assert abs(sum(d["probabilities"]) - 1) < 1e-3 and d["probability"] == max(d["probabilities"])
        assert 0 <= x and x + w <= width and 0 <= y and y + h <= height, "boxes in the photo's own pixels"
        assert 0.05 * min(width, height) < h < 0.6 * height
        lefts.append(x)
    assert lefts == sorted(lefts)
    assert isinstance(answer["digit"], int) and 0 <= answer["probability"] <= 1, "the single-digit reading"
    code, out, _ = predict(capsys, number_photo, json_out=False)
    assert "2024" in out and "4 digits" in out
    assert ": 2024 (4 digits: 2 " in out, "one space before the bracket (it printed '2024  (4 digits')"


def test_a_single_digit_blank_paper_and_a_bad_file_in_one_batch(capsys, dataset, tmp_path):
    rng = np.random.default_rng(1)
    i = int(np.flatnonzero(dataset.y_test == 3)[0])
    three = save_jpeg(tmp_path / "three.jpg", photo_set.photo(np.pad(dataset.x_test[i] / 255, 4), rng))
    paper = save_jpeg(tmp_path / "paper.jpg", np.full((300, 400, 3), (235, 228, 200), np.uint8))
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 truncated")
    svg = tmp_path / "drawing.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    code, answers, _ = predict(capsys, three, bad, paper, svg)
    assert code == 2, "a file failed, so the exit status says so"
    assert answers[0]["text"] == "3" and answers[0]["digit"] == 3 and len(answers[0]["digits"]) == 1
    assert "error" in answers[1] and "bad.jpg" in answers[1]["error"]
    assert answers[2]["blank"] and answers[2]["text"] == "" and answers[2]["digits"] == []
    assert answers[2]["digit"] is None, "blank paper names no digit"
    assert "SVG" in answers[3]["error"]
    code, out, err = predict(capsys, three, paper, bad, json_out=False)
    assert "three.jpg: 3 (" in out and "paper.jpg: (blank image)" in out and "bad.jpg: error" in err


def test_without_qt_predict_falls_back_to_the_numpy_decoders(tmp_path, dataset):
    from mnist_gui.data.images import save_png

    i = int(np.flatnonzero(dataset.y_test == 8)[0])
    save_png(tmp_path / "eight.png", 1 - np.kron(dataset.x_test[i] / 255, np.ones((5, 5))))
    code = (
        "import sys, json; sys.modules['PySide6'] = None\n"  # importing PySide6 now raises ImportError
        "from mnist_gui import cli\n"
        f"cli.main(['predict', {str(MODEL)!r}, {str(tmp_path / 'eight.png')!r}, '--json'])\n"
        "assert not any(m.startswith('PySide6.') for m in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["predictions"][0]["text"] == "8"
