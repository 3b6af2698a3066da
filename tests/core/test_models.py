"""The models a user can choose, and which may become current: the rules of mnist_gui.core.models."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_gui.core import models
from mnist_gui.core.run_recorder import start_run
from mnist_gui.core.runs import RunStore
from mnist_gui.core.train_form import problem, read, show, step
from mnist_gui.nn.presets import LIMITS, TrainConfig, build_model


def tiny_model(accuracy=None):
    model = build_model(TrainConfig(hidden=(4,)))
    if accuracy is not None:
        model.metadata["test_accuracy"] = accuracy
    return model


def keep(store, name, status, model=None, accuracy=None):
    recorder, problem_text = start_run({"hidden": [4]}, name=name, store=store)
    assert problem_text is None
    keep.count = getattr(keep, "count", 0) + 1
    recorder.run.info["started"] = f"2026-01-01T00:00:{keep.count:02d}"   # one a second, in order
    recorder.finish(status, test_accuracy=accuracy, model=model)
    return recorder.run


def test_finished_and_stopped_runs_with_a_model_are_offered_newest_first(tmp_path):
    store = RunStore(tmp_path / "runs")
    keep(store, "old", "finished", tiny_model(), 0.9)
    keep(store, "blew up", "diverged", tiny_model(), 0.1)
    keep(store, "flat", "not learning", tiny_model(), 0.1)
    keep(store, "no model", "finished")
    keep(store, "halted", "stopped", tiny_model(), 0.8)
    choices = models.run_choices(store.runs())
    assert [c.name for c in choices] == ["halted", "old"]
    assert choices[0].label() == "halted (stopped) · 80.00%" and choices[1].label() == "old · 90.00%"


def test_a_run_whose_model_file_was_deleted_is_listed_as_unavailable(tmp_path):
    store = RunStore(tmp_path / "runs")
    run = keep(store, "gone", "finished", tiny_model(), 0.9)
    (run.folder / "model.npz").unlink()
    (choice,) = models.run_choices(store.runs())
    assert not choice.available and "missing" in choice.label()
    with pytest.raises(ValueError, match="missing"):
        models.load(choice)


def test_only_a_finished_usable_run_becomes_current():
    probe = np.zeros((2, 28, 28), np.uint8)
    good = tiny_model()
    assert models.becomes_current("finished") and not models.becomes_current("stopped")
    assert models.refusal("finished", good, probe) is None
    assert models.refusal("stopped", good, probe) is None            # listed, the user may choose it
    for status in ("diverged", "not learning", "interrupted", "failed", "unusable"):
        assert models.refusal(status, good, probe), status
    nan = tiny_model()
    nan.set_weights([np.full_like(w, np.nan) for w in nan.get_weights()])
    assert "NaN" in models.refusal("finished", nan, probe)
    assert models.refusal("finished", None, probe)


def test_a_file_with_nan_outputs_cannot_be_loaded(tmp_path):
    nan = tiny_model()
    nan.set_weights([np.full_like(w, np.nan) for w in nan.get_weights()])
    path = tmp_path / "nan.npz"
    nan.save(path)
    with pytest.raises(ValueError, match="NaN"):
        models.load(models.file_choice(path), np.zeros((2, 28, 28), np.uint8))


def test_the_list_keeps_its_order_and_undo_goes_one_step_back():
    lst = models.ModelList(models.default_choice(model=tiny_model(0.99)))
    lst.make_current("default")
    lst.add(models.file_choice("/tmp/a.npz"))
    lst.add(models.memory_choice(1, tiny_model(0.5)))
    lst.set_runs([models.Choice("run:x", "run", "x")])
    assert [c.kind for c in lst.choices()] == ["default", "memory", "run", "file"]
    lst.make_current("run:x")
    assert lst.previous == "default" and [c.name for c in lst.unsaved()] == ["Trained model"]
    assert lst.default.label() == "Default model · 99.00%"


# the settings form reads each field through the same table validate() uses
@pytest.mark.parametrize("name, text", [("learning_rate", "1e6"), ("batch_size", "0"), ("epochs", "0"),
                                        ("epochs", "5000"), ("epochs", "five"), ("dropout", "1"),
                                        ("seed", "-1"), ("l2", "abc"), ("train_size", "10"),
                                        ("validation_split", "0.9"), ("epochs", "2.5")])
def test_a_refused_field_gets_the_message_validate_gives(name, text):
    reason = problem(name, text)
    assert reason and reason.startswith(f"{name}: the ")
    try:
        value = read(name, text)
    except ValueError as exc:
        assert str(exc) == reason                            # not a number: the range is still named
        return
    with pytest.raises(ValueError) as refused:
        cfg = TrainConfig(**{name: value})
        cfg.validate()
    assert str(refused.value) == reason


def test_a_field_reads_what_was_typed_and_steps_within_the_range():
    assert read("learning_rate", "1e6") == 1e6               # not 10
    assert read("train_size", "60,000") == 60000 and read("epochs", "1e3") == 1000
    assert problem("learning_rate", "0.001") is None and problem("train_size", "60 000") is None
    assert show("learning_rate", 1e-5) == "1e-05" and show("dropout", 0.0) == "0" and show("seed", 3_000_000_000) == \
        "3,000,000,000"
    assert step("epochs", 5000, -1) == LIMITS["epochs"].high   # back into the range, not a value further out
    assert step("epochs", 1, -1) == 1 and step("dropout", 0.95, 1) == 0.95
    assert step("learning_rate", 0.001, 1) == pytest.approx(0.002) and step("learning_rate", 10, 1) == 10
