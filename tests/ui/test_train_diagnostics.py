"""The Train tab's "Inside training" view: gradient sizes, dead ReLUs and weight histograms appear while a
network trains, named in plain words, and a network without ReLUs says why it has no dead units."""

from __future__ import annotations

import numpy as np

from mnist_gui.core.train_diagnostics import NO_RELU, DiagnosticsHistory
from mnist_gui.ui.train.inside_training import InsideTrainingView
from tests.ui.test_runs_table import make_tab


def _report(x, grads, dead, units=(32, 10), kinds=("dense", "dense")):
    layers = []
    for g, d, u, kind in zip(grads, dead, units, kinds):
        layers.append({"name": "d", "kind": kind, "units": u, "relu": d is not None, "grad_norm": g,
                       "weight_rms": 0.1, "counts": np.array([1, 2, 1]), "edges": np.array([-1.0, -0.3, 0.3, 1.0]),
                       "dead": d})
    return {"x": x, "layers": layers}


def test_a_run_fills_the_inside_training_view(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    tab.resize(1280, 720)
    tab.show()
    tab.lower_tabs.setCurrentWidget(tab.inside_training)
    assert tab.lower_tabs.tabText(tab.lower_tabs.currentIndex()) == "Inside training"
    with qtbot.waitSignal(tab.run_finished, timeout=60000):
        tab.start()
    view = tab.inside_training
    h = view.history
    assert h.labels == ["Dense 1 (32 units)", "Output (10 classes)"]
    assert h.n >= 2 and np.isnan(h.grad[0]).all()              # the start has weights but no gradient yet
    assert (h.grad[1:h.n] > 0).all()
    assert len(view.grad_curves[0].xData) == h.n - 1 and len(view.dead_curves[0].xData) == h.n - 1
    empty = view.dead_curves[1].xData
    assert empty is None or not len(empty)                         # the output layer has no ReLU
    assert view.hist_now.yData.sum() == 784 * 32                   # every weight of the first layer
    assert view.summary.text().startswith("At epoch") and "dead ReLUs" in view.summary.text()
    view.layer_choice.setCurrentIndex(1)
    assert view.hist_now.yData.sum() == 32 * 10
    tab.start()
    assert tab.inside_training.history.n <= 1                     # a new run starts a new history
    tab.shutdown()


def test_captions_and_summary_in_plain_words(qtbot):
    view = InsideTrainingView()
    qtbot.addWidget(view)
    assert "Start a run" in view.summary.text()
    assert all(len(c.text()) > 60 for c in view.captions.values())
    view.add(_report(0.0, [float("nan")] * 2, [None, None], ))
    view.add(_report(0.5, [0.002, 0.04], [None, None]))
    view.refresh()
    assert NO_RELU in view.summary.text() and "from 0.002 (Dense 1 (32 units)) to 0.04" in view.summary.text()


def test_the_history_grows_and_ignores_another_network():
    h = DiagnosticsHistory(capacity=2)
    for i in range(5):
        h.add(_report(i / 4, [0.1 * (i + 1), 0.2], [0.25, None]))
    h.add(_report(9.0, [0.1], [0.0], units=(5,)))               # a report of a different network
    assert h.n == 5 and np.allclose(h.x[:5], np.arange(5) / 4)
    assert np.allclose(h.dead[:5, 0], 0.25) and np.isnan(h.dead[:5, 1]).all()
    assert "dead ReLUs 25% in Dense 1 (32 units)" in h.summary()


def _filled_view(qtbot, kinds=("dense", "dense")) -> InsideTrainingView:
    view = InsideTrainingView()
    qtbot.addWidget(view)
    view.add(_report(0.0, [float("nan")] * 2, [0.1, None], kinds=kinds))
    for i in range(1, 6):
        view.add(_report(i / 10, [0.2 / i, 0.03 / i], [0.1, None], kinds=kinds))
    view.refresh()
    return view


def test_the_plots_follow_the_dark_theme(qtbot, qapp):
    from mnist_gui.ui.theme import apply_theme, is_dark

    apply_theme(qapp, "light")
    view = _filled_view(qtbot)
    try:
        apply_theme(qapp, "dark")                                   # View > Theme > Dark, after the view exists
        qapp.processEvents()
        assert view.graphics.backgroundBrush().color().lightness() < 100
        for plot in (view.grad_plot, view.dead_plot, view.hist_plot):
            assert plot.getAxis("left").textPen().color().lightness() > 150      # light labels on dark
        apply_theme(qapp, "light")
        qapp.processEvents()
        assert view.graphics.backgroundBrush().color().lightness() > 200 and not is_dark()
    finally:
        apply_theme(qapp, "system")


def test_a_short_panel_keeps_the_y_axes_readable_and_the_captions_apart(qtbot):
    view = _filled_view(qtbot)
    view.resize(900, 220)                                           # the panel under the curves on a laptop
    view.show()
    qtbot.waitExposed(view)
    axis = view.grad_plot.getAxis("left")
    assert axis.height() >= 80                                      # room for three labels, none on another
    caption = view.captions["dead"]
    graphics_bottom = view.graphics.mapTo(view, view.graphics.rect().bottomLeft()).y()
    assert caption.mapTo(view, caption.rect().topLeft()).y() > graphics_bottom    # below the plots, not over them
    assert caption.height() >= caption.heightForWidth(caption.width())            # every line of it shown


def test_the_dead_relu_caption_names_filters_only_for_a_convolution(qtbot):
    mlp = _filled_view(qtbot)
    assert "dead ReLU" in mlp.captions["dead"].text() and "convolution" not in mlp.captions["dead"].text()
    cnn = _filled_view(qtbot, kinds=("conv", "dense"))
    assert cnn.history.labels[0].startswith("Convolution")
    assert "a convolution's filters" in cnn.captions["dead"].text()
    cnn.begin_run()
    cnn.add(_report(0.0, [float("nan")] * 2, [0.1, None]))        # the next run is an MLP
    assert "convolution" not in cnn.captions["dead"].text()


def test_before_any_numbers_the_plots_say_so_instead_of_making_up_axes(qtbot):
    view = InsideTrainingView()
    qtbot.addWidget(view)
    grad_axis = view.grad_plot.getAxis("left")

    def labels(axis):
        assert axis._tickLevels is not None, "the axis would label a range of its own making"
        return [text for level in axis._tickLevels for _, text in level]

    assert labels(grad_axis) == []                               # not a pile of labels on an empty log axis
    assert all(note.isVisible() and note.toPlainText() == "No run yet" for note in view.notes.values())
    view.begin_run()
    assert all(note.toPlainText() == "Waiting for the first batch…" for note in view.notes.values())
    view.add(_report(0.0, [float("nan")] * 2, [None, None]))
    view.add(_report(0.5, [0.002, 0.04], [0.1, None]))
    view.refresh()
    assert not any(note.isVisible() for note in view.notes.values())
    assert {"0.002", "0.01", "0.05"} <= set(labels(grad_axis))   # the decades the gradients span
    view.begin_run()
    assert labels(grad_axis) == [] and all(note.isVisible() for note in view.notes.values())
