"""The states ``test_layouts.py`` checks the window in: each tab as it opens (the Draw tab with a digit,
its steps and saliency; the Train tab with two epochs of made-up numbers), and after what brings longer
texts (a finished "Teach it my handwriting", earlier runs on the plots, a run deleted, two compared, a
convolution's first layer). Made-up numbers only: nothing here trains.
"""

from __future__ import annotations

import numpy as np

from layout_checks import header_problems, layout_problems, plot_problems

TAB_NAMES = ["Train", "Dataset", "Draw", "Inside"]


def settle(qapp, rounds: int = 3) -> None:
    for _ in range(rounds):
        qapp.processEvents()


def _draw_a_digit(window) -> None:
    pad = window.draw_tab.pad
    pad.draw_stroke([(140.0, 45.0 + 19.0 * i) for i in range(11)])
    window.draw_tab.update_prediction()


def _fake_training(plots) -> None:
    """Two epochs of made-up numbers on the plots, and the crosshair's line of words for the middle."""
    x = [i / 50 for i in range(1, 101)]
    plots.begin_run(100, epochs=2, steps=50, validation=False)
    plots.add_batches({"x": x, "loss": [2.3 / (1 + v) for v in x], "accuracy": [0.5 + v / 5 for v in x]})
    for epoch in (1, 2):
        plots.add_epoch({"epoch": epoch, "loss": 0.5 / epoch, "accuracy": 0.9, "test_loss": 0.4 / epoch,
                         "test_accuracy": 0.91})
    plots.readout.set_line(plots.readout_at(1.5))


def every_tab_problems(window, qapp, size) -> list[str]:
    """Show each tab in turn (the Draw tab with its steps and saliency on) and collect what is broken and
    whether the window changed size."""
    found = []
    for index, name in enumerate(TAB_NAMES):
        window.tabs.setCurrentIndex(index)
        settle(qapp)
        if name == "Draw":
            _draw_a_digit(window)
            view = window.draw_tab.network_view
            view.steps_box.setChecked(True)
            view.overlay_box.setChecked(True)
            settle(qapp)
        if name == "Train":
            _fake_training(window.training_tab.plots)
            settle(qapp)
        found += [f"{name} tab: {p}" for p in layout_problems(window)]
        if (window.width(), window.height()) != size:
            found.append(f"{name} tab: the window became {window.width()}×{window.height()}, was {size[0]}×{size[1]}")
    return found


LONG_NAME = "CNN + 128 relu, dropout 0.3, adam 0.002, cosine, standard augmentation at 01:49"


def _keep_runs(store, n: int) -> list[str]:
    """``n`` finished runs with long names in ``store``, as the recorder leaves them, without training."""
    from mnist_gui.core.run_recorder import start_run
    from mnist_gui.nn.presets import TrainConfig

    ids = []
    for i in range(n):
        cfg = TrainConfig(hidden=(32,), epochs=2, batch_size=50, train_size=1000, validation_split=0.0)
        recorder, problem = start_run(cfg.to_dict(), name=f"{LONG_NAME} #{i + 1}", store=store)
        assert problem is None, problem
        for e in range(2):
            for b in range(20):
                recorder.on_batch_end(b, {"loss": 0.5 + 1 / (1 + b + 20 * e), "accuracy": 0.8})
            recorder.on_epoch_end(e, {"loss": 0.5, "accuracy": 0.8})
        recorder.finish("finished", "", seconds=12.5, test_loss=0.5, test_accuracy=0.83)
        ids.append(recorder.run.id)
    return ids


def _show_teach_result(window) -> None:
    """The Draw tab's Teach panel as a finished "Teach it my handwriting" leaves it: the before/after table,
    the advice and the run it was kept as (made-up numbers, no fine-tuning)."""
    from types import SimpleNamespace as Fake

    result = Fake(n_held_out=0, before={"personal": 0.9, "mnist": 0.977}, after={"personal": 0.9, "mnist": 0.981},
                  advice="Draw 5 more 5s, 6 more 6s, 4 more 0s and 4 more 1s: it misreads your 6s and there are "
                         "too few of your 5s, 0s and 1s to learn from.", model=window.draw_tab._model)
    window.draw_tab.my_digits.teach._show_result(Fake(result=result, run=Fake(name=LONG_NAME, id="x"), problem=None))


def busy_tab_problems(window, qapp, size) -> list[str]:
    """What is broken once the user has done things that bring longer texts: taught the model their
    handwriting (Draw), shown earlier runs on the plots (whose legend must then neither cover the curves nor
be cut), deleted one, compared two and looked at a convolution's first layer (Train)."""
    found = []
    window.tabs.setCurrentIndex(TAB_NAMES.index("Draw"))
    _show_teach_result(window)
    settle(qapp, 6)
    found += [f"Draw tab after teaching: {p}" for p in layout_problems(window)]
    window.tabs.setCurrentIndex(TAB_NAMES.index("Train"))
    tab = window.training_tab
    ids = _keep_runs(tab.store, 5)
    tab.runs.reload()
    _fake_training(tab.plots)
    for run_id in ids[:4]:
        tab.runs.set_shown(run_id, True)
    settle(qapp)
    found += [f"Train tab with earlier runs shown: {p}" for p in plot_problems(tab.plots)]
    tab.runs.select(ids[4])
    tab.runs.delete_selected()
    settle(qapp, 6)
    found += [f"Train tab after a delete: {p}" for p in layout_problems(window)]
    tab.runs.select(*ids[:2])
    dialog = tab.runs.compare_selected()
    dialog.show()
    settle(qapp)
    found += [f"Compare dialog: {p}" for p in layout_problems(dialog) + header_problems(dialog.table)]
    dialog.close()
    tab.lower_tabs.setCurrentIndex(1)                     # the first layer's weights, of a convolution
    tab.weights.set_weights(np.random.default_rng(0).normal(size=(784, 16)), total_units=32, kind="convolution")
    settle(qapp, 12)         # the caption's second line reaches the page's size through several layouts
    found += [f"Train tab, first layer: {p}" for p in layout_problems(window)]
    tab.lower_tabs.setCurrentIndex(0)
    if (window.width(), window.height()) != size:
        found.append(f"the window became {window.width()}×{window.height()}, was {size[0]}×{size[1]}")
    return found


def sideways_pages(window) -> list[str]:
    """The tabs whose page is wider than the window gives it (so it scrolls sideways)."""
    return [TAB_NAMES[i] for i in range(window.tabs.count())
            if window.tabs.widget(i).minimumSizeHint().width() > window.tabs.width()]
