"""Runs that do not learn are caught with advice for their settings (mnist_gui.core.learning_watch)."""

from __future__ import annotations

import numpy as np

from mnist_gui.core.learning_watch import LearningWatch, advice, diagnose
from mnist_gui.nn.presets import TrainConfig, build_model


def test_a_healthy_run_has_no_verdict():
    n = 2000
    losses = 2.3 * np.exp(-np.arange(n) / 300) + 0.1
    accuracies = np.minimum(0.1 + np.arange(n) / 500, 0.97)
    assert diagnose(losses, accuracies, TrainConfig().to_dict()) is None
    assert diagnose(losses[:10], accuracies[:10], {}) is None  # too early to say


def test_a_rising_loss_and_a_stuck_accuracy_are_caught():
    cfg = TrainConfig(learning_rate=10).to_dict()
    rising = np.linspace(2.3, 300, 100)
    text = diagnose(rising, np.full(100, 0.1), cfg)
    assert "risen" in text and "far above what Adam usually needs; try 0.001" in text
    stuck = diagnose(np.full(400, 2.3), np.full(400, 0.11), cfg)
    assert "not learning" in stuck and "11%" in stuck


def test_advice_follows_the_settings():
    assert "far below" in advice({"optimizer": "sgd", "learning_rate": 1e-6})
    assert "try 0.1" in advice({"optimizer": "sgd", "learning_rate": 1e-6})
    assert "relu" in advice({"optimizer": "adam", "learning_rate": 1e-3, "activation": "sigmoid",
                             "hidden": [64] * 5})
    assert "Dropout 0.9" in advice({"optimizer": "adam", "learning_rate": 1e-3, "dropout": 0.9})


def test_adam_at_learning_rate_10_is_told_to_try_0_001(dataset):
    cfg = TrainConfig(learning_rate=10, epochs=1, train_size=12800)
    told = []
    watch = LearningWatch(cfg.to_dict(), on_verdict=told.append)
    model = build_model(cfg)
    history = model.fit(dataset.x_train[:12800], dataset.y_train[:12800], epochs=1, batch_size=32,
                        callbacks=[watch])
    if history.stop_reason == "diverged":  # the engine stopped it first, which is as good
        return
    assert len(told) == 1 and "try 0.001" in told[0]
