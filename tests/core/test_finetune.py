"""Fine-tuning a model on a person's digits: it learns their handwriting, keeps MNIST, can be stopped, and
never changes the model it was given. A tiny MLP and a small slice of MNIST keep every test fast."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from mnist_gui.core import finetune as ft
from mnist_gui.core.finetune import (advice, check_finetunable, finetune, held_out_split,
                                     save_result_as_run)
from mnist_gui.core.finetune_watch import kept_score
from mnist_gui.core.runs import RunStore
from mnist_gui.data.mnist import Dataset
from mnist_gui.data.warp import warp
from mnist_gui.nn import (Conv2D, Dense, Dropout, Flatten, MaxPooling2D, Rescaling, Reshape, Sequential,
                          TrainingControl, load_model)


@pytest.fixture(scope="module")
def small_mnist(dataset):
    return Dataset(dataset.x_train[:8000], dataset.y_train[:8000], dataset.x_test[2000:4000],
                   dataset.y_test[2000:4000])


@pytest.fixture(scope="module")
def tiny_mlp(small_mnist):
    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Flatten(), Dense(128, activation="relu"),
                        Dense(10, activation="softmax")], seed=3)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(small_mnist.x_train, small_mnist.y_train, epochs=2, batch_size=64, seed=3, verbose=0)
    return model


def slanted_writer(dataset, n=200):
    """A writer with a strong backhand slant and bold strokes, a style MNIST lacks, from MNIST test digits
    0 to n (the MNIST test slice starts at 2000, so none of these is in the mix or in the MNIST figure)."""
    m = np.zeros((n, 2, 3), np.float32)
    m[:, 0, 0], m[:, 0, 1], m[:, 1, 1], m[:, 0, 2] = 1, -0.8, 1, 0.8 * 13.5  # x reads x - 0.8 (y - centre)
    styled = warp(dataset.x_test[:n], m, thickness=np.ones(n, np.float32))
    return np.rint(styled).clip(0, 255).astype(np.uint8), dataset.y_test[:n].copy()


def test_it_learns_a_writers_style_without_forgetting_mnist(tiny_mlp, small_mnist, dataset):
    images, labels = slanted_writer(dataset)
    weights = [w.copy() for w in tiny_mlp.get_weights()]
    result = finetune(tiny_mlp, images, labels, mnist=small_mnist, seed=1)
    assert not result.stopped and result.n_held_out == 40 and result.n_train == 160
    assert result.after["personal"] >= result.before["personal"] + 0.3
    assert result.after["mnist"] >= result.before["mnist"] - 0.02
    assert all(np.array_equal(a, b) for a, b in zip(weights, tiny_mlp.get_weights()))  # the original unchanged
    assert result.model is not tiny_mlp and 1 <= result.epochs_run <= ft.MAX_EPOCHS
    assert {"val_personal_accuracy", "val_mnist_accuracy", "val_kept_score"} <= set(result.epochs[0])
    kept = result.epochs[result.best_epoch - 1]  # the engine's EarlyStopping kept the best-scoring epoch
    assert kept["val_kept_score"] == max(e["val_kept_score"] for e in result.epochs)
    assert result.after["mnist_check"] == kept["val_mnist_accuracy"]
    assert "→" in result.summary() and result.advice.endswith(".")


def test_a_cnns_convolutions_are_frozen_for_the_run_only(small_mnist, dataset):
    cnn = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Reshape((28, 28, 1)), Conv2D(4, 3, activation="relu"),
                      MaxPooling2D(2), Flatten(), Dense(10, activation="softmax")], seed=4)
    cnn.compile()
    cnn.fit(small_mnist.x_train[:2000], small_mnist.y_train[:2000], epochs=1, verbose=0)
    images, labels = slanted_writer(dataset, 40)
    result = finetune(cnn, images, labels, mnist=small_mnist, max_epochs=1)
    conv = [i for i, layer in enumerate(cnn.layers) if isinstance(layer, Conv2D)][0]
    assert result.config["frozen"] == [cnn.layers[conv].name]
    assert np.array_equal(result.model.layers[conv].kernel, cnn.layers[conv].kernel)  # it did not learn
    assert not np.array_equal(result.model.layers[-1].kernel, cnn.layers[-1].kernel)  # the head did
    assert all(layer.trainable for layer in result.model.layers)  # and the saved model trains whole later


def test_the_same_seed_gives_the_same_model(tiny_mlp, small_mnist, dataset):
    images, labels = slanted_writer(dataset, 60)
    a, b = (finetune(tiny_mlp, images, labels, mnist=small_mnist, seed=7, max_epochs=2) for _ in range(2))
    assert all(np.array_equal(x, y) for x, y in zip(a.model.get_weights(), b.model.get_weights()))
    assert a.after == b.after
    c = finetune(tiny_mlp, images, labels, mnist=small_mnist, seed=8, max_epochs=2)
    assert not all(np.array_equal(x, y) for x, y in zip(a.model.get_weights(), c.model.get_weights()))


def test_the_kept_epoch_is_the_best_for_the_person_among_those_that_kept_mnist():
    start = 0.990
    scores = [kept_score(p, m, loss, start) for p, m, loss in
              [(0.60, 0.989, 0.03), (0.95, 0.980, 0.08), (0.80, 0.9871, 0.04), (0.80, 0.9875, 0.05)]]
    assert max(range(4), key=scores.__getitem__) == 3  # epoch 2 is best for the person but lost MNIST
    lost = [kept_score(p, m, loss, start) for p, m, loss in [(0.9, 0.95, 0.2), (0.5, 0.96, 0.1)]]
    assert max(lost) < min(scores[0], scores[2]) and lost[1] > lost[0]  # none kept MNIST: smallest loss


def test_with_room_on_mnist_the_first_try_keeps_it(tiny_mlp, small_mnist, dataset, monkeypatch):
    """A tiny MLP (94% on the images it trained on) cannot learn a strong slant within 0.3 points of them
    (the next test), but within 3 points it can, on the first try."""
    monkeypatch.setattr("mnist_gui.core.finetune_watch.MNIST_TOLERANCE", 0.03)
    images, labels = slanted_writer(dataset, 60)
    result = finetune(tiny_mlp, images, labels, mnist=small_mnist, seed=2, max_epochs=3)
    assert result.mnist_kept and result.tries == 1 and result.config["learning_rate"] == ft.LEARNING_RATE
    assert result.after["mnist_check"] >= result.before["mnist_check"] - 0.03
    assert "0.3 points" not in result.advice + result.summary()


def test_when_no_epoch_keeps_mnist_it_retries_gentler_and_says_so(tiny_mlp, small_mnist, dataset, monkeypatch):
    monkeypatch.setattr(ft, "MNIST_TOLERANCE", -1.0)  # no epoch can qualify
    monkeypatch.setattr("mnist_gui.core.finetune_watch.MNIST_TOLERANCE", -1.0)
    images, labels = slanted_writer(dataset, 60)
    result = finetune(tiny_mlp, images, labels, mnist=small_mnist, seed=2, max_epochs=2)
    assert not result.mnist_kept and result.tries == 2
    assert result.config["learning_rate"] == ft.GENTLE[0] and result.config["mnist_share"] == ft.GENTLE[1]
    losses = [e["val_mnist_loss"] for e in result.epochs]
    assert result.best_epoch == 1 + int(np.argmin(losses))  # the epoch that kept MNIST best
    assert "0.3 points" in result.advice and "0.3 points" in result.summary()
    single = finetune(tiny_mlp, images, labels, mnist=small_mnist, seed=2, max_epochs=2, retry=False)
    assert single.tries == 1 and not single.mnist_kept


def test_the_same_digits_in_another_order_give_the_same_cnn_even_in_a_thread(small_mnist, dataset):
    """The promise: same digits, same seed, same model -- a CNN, trained in a worker thread while another
    thread keeps predicting with the original model (as the Draw tab's pad does), digits in any order."""
    cnn = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Reshape((28, 28, 1)), Conv2D(4, 3, activation="relu"),
                      MaxPooling2D(2), Flatten(), Dense(16, activation="relu"), Dropout(0.3),
                      Dense(10, activation="softmax")], seed=5)
    cnn.compile()
    cnn.fit(small_mnist.x_train[:2000], small_mnist.y_train[:2000], epochs=1, verbose=0)
    images, labels = dataset.x_test[:40, :, ::-1].copy(), dataset.y_test[:40].copy()
    a = finetune(cnn, images, labels, mnist=small_mnist, seed=3, max_epochs=2)
    shuffled = np.random.default_rng(1).permutation(40)
    out, done = {}, threading.Event()

    def work():
        out["b"] = finetune(cnn, images[shuffled], labels[shuffled], mnist=small_mnist, seed=3, max_epochs=2)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        cnn.predict(dataset.x_test[:3], verbose=0)
    worker.join()
    b = out["b"]
    assert all(np.array_equal(x, y) for x, y in zip(a.model.get_weights(), b.model.get_weights()))
    assert a.after == b.after and a.epochs == b.epochs


def test_stopping_mid_run_gives_no_model_and_touches_nothing(tiny_mlp, small_mnist, dataset, tmp_path):
    images, labels = slanted_writer(dataset, 60)
    weights = [w.copy() for w in tiny_mlp.get_weights()]
    control, seen = TrainingControl(), []

    def progress(p):
        seen.append(p)
        if p.epoch >= 1:
            control.stop()

    result = finetune(tiny_mlp, images, labels, mnist=small_mnist, control=control, progress=progress)
    assert result.stopped and result.model is None and result.after == {}
    assert all(np.array_equal(a, b) for a, b in zip(weights, tiny_mlp.get_weights()))
    assert seen[-1].message == "Stopped" and all(0 <= p.fraction <= 1 for p in seen)
    with pytest.raises(ValueError, match="stopped"):
        save_result_as_run(result, store=RunStore(tmp_path / "runs"))
    assert not (tmp_path / "runs").exists()


def test_ten_digits_are_enough_to_start(tiny_mlp, small_mnist, dataset):
    idx = [int(np.flatnonzero(dataset.y_test == d)[0]) for d in range(10)]
    result = finetune(tiny_mlp, dataset.x_test[idx], dataset.y_test[idx], mnist=small_mnist)
    assert result.n_held_out == 0 and result.n_train == 10  # one of each: nothing can be held out
    assert result.before["personal"] is not None and "own" in result.summary()


def test_a_flat_input_mlp_without_rescaling_learns_too_and_duplicates_count_once(small_mnist, dataset):
    flat = Sequential([Dense(32, activation="relu", input_shape=(784,)), Dense(10, activation="softmax")], seed=2)
    flat.compile()
    flat.fit(small_mnist.x_train.reshape(-1, 784) / 255.0, small_mnist.y_train, epochs=1, verbose=0)
    images, labels = slanted_writer(dataset, 100)
    twice = np.concatenate([images, images[:7]]), np.concatenate([labels, labels[:7]])
    result = finetune(flat, *twice, mnist=small_mnist, seed=1)
    assert result.duplicates == 7 and result.n_train + result.n_held_out == 100
    assert result.after["personal"] > result.before["personal"]


def test_how_small_sets_are_split():
    train, held = held_out_split(np.repeat(np.arange(10), 2))
    assert len(held) == 0 and len(train) == 20
    labels = np.repeat(np.arange(10), [3, 3, 3, 10, 10, 10, 1, 0, 25, 3])
    train, held = held_out_split(labels, seed=5)
    assert np.bincount(labels[held], minlength=10).tolist() == [1, 1, 1, 2, 2, 2, 0, 0, 5, 1]
    assert len(np.intersect1d(train, held)) == 0 and len(train) + len(held) == len(labels)


def test_what_cannot_be_fine_tuned_is_said(tiny_mlp):
    digits, labels = np.zeros((12, 28, 28), np.uint8), np.arange(12) % 10
    small = Sequential([Flatten(input_shape=(10, 10)), Dense(10, activation="softmax")])
    small.compile()
    assert "10 x 10 inputs" in check_finetunable(small, digits, labels)
    assert "keep at least 10" in check_finetunable(tiny_mlp, digits[:3], labels[:3])
    assert "label" in check_finetunable(tiny_mlp, digits, labels + 5)
    assert check_finetunable(tiny_mlp, digits, labels) is None
    with pytest.raises(ValueError, match="Only 1 of these digits differ"):
        finetune(tiny_mlp, digits, labels, mnist=object())  # twelve blank pictures are one digit
    fashion = Sequential([Flatten(input_shape=(28, 28)), Dense(10, activation="softmax")])
    fashion.compile()
    fashion.class_names = ["T-shirt/top", "Trouser", "Pullover"] + [f"clothes {k}" for k in range(7)]
    assert "T-shirt/top, Trouser, Pullover, ... apart" in check_finetunable(fashion, digits, labels)
    with pytest.raises(ValueError, match="10 x 10"):
        finetune(small, digits, labels, mnist=object())


class _Answers:
    """A stand-in model that answers ``answers`` (one per image, in order)."""

    def __init__(self, answers):
        self.answers = np.asarray(answers)
        self.layers = [Flatten(input_shape=(28, 28))]

    def predict(self, x, batch_size=256, verbose=0):
        return np.eye(10)[self.answers[: len(x)]]


def test_advice_names_the_misread_digits_with_plurals():
    labels = np.repeat(np.arange(10), 6)
    answers = labels.copy()
    answers[labels == 7] = [7, 1, 1, 7, 7, 7]  # two 7s misread
    answers[np.flatnonzero(labels == 9)[0]] = 4  # one 9
    text = advice(_Answers(answers), np.zeros((60, 28, 28), np.uint8), labels)
    assert text == "Draw 6 more 7s and 3 more 9s: it misreads your 7s and 9s."
    labels = np.concatenate([np.repeat(np.arange(1, 10), 5), [0, 0, 0, 0]])
    text = advice(_Answers(labels), np.zeros((49, 28, 28), np.uint8), labels)
    assert text == "Draw 1 more 0: there are too few of your 0s to learn from."
    labels = np.repeat(np.arange(10), 5)
    assert advice(_Answers(labels), np.zeros((50, 28, 28), np.uint8), labels).startswith("It reads all")


def test_a_result_kept_as_a_run_shows_before_and_after(tiny_mlp, small_mnist, dataset, tmp_path):
    images, labels = slanted_writer(dataset, 50)
    result = finetune(tiny_mlp, images, labels, mnist=small_mnist, max_epochs=2)
    store = RunStore(tmp_path / "runs")
    run = save_result_as_run(result, store=store)
    kept = store.get(run.id)
    assert kept.status == "finished" and kept.info["source"] == "finetune"
    assert kept.info["finetune"]["personal"] == {"before": result.before["personal"],
                                                 "after": result.after["personal"]}
    assert kept.info["test_accuracy"] == pytest.approx(result.after["mnist"])
    assert f"{100 * result.after['mnist']:.2f}%" in kept.info["message"]
    assert len(kept.epochs()) == result.epochs_run
    loaded = load_model(kept.model_path)
    assert all(np.array_equal(a, b) for a, b in zip(loaded.get_weights(), result.model.get_weights()))
