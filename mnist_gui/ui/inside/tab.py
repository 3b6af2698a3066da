"""The Inside tab: one input through the network, every layer, and why each unit fired.

Three pages. **Layers**: the ``NetworkView`` of the current input (computed once per input by
``core.inside.trace``, coalesced so a burst of strokes costs one pass) above the ``DetailView`` of the
clicked unit. **Map**: the PCA map of a layer (``core.pca``), computed off the GUI thread the first time
the page is shown for a model: first of ``pca.FIRST_MAP_IMAGES`` test images (what a first look needs, in
well under a second), then at once of all ``MAP_IMAGES``, adding only the images not yet through the model. **Lab**: edits to a copy of the network (``core.lab``); the Layers view
then shows the edited copy, and its test accuracy is measured off the GUI thread; "Keep it as a run"
writes the edited copy to the run store as a finished run (``core.lab.keep_as_run``, off the GUI thread),
then emits ``run_kept(run id)`` and ``edited_model_kept(model, description)``.

The main window calls ``set_model`` (None: no model), ``set_input`` (the 28x28 input in [0, 1] the Draw tab
shows, None for a blank pad) and ``set_dataset`` (test images for the map and the lab), and connects
``image_sent`` (a uint8 test image the map's "Send to Draw tab" sends) to the Draw tab and
``test_image_picked`` (the test-set index of an image clicked on the map, shown on the Layers page) to
the Dataset tab, and ``run_kept`` to whatever lists runs (the Train tab's table, the
model selector). ``store``: the run store kept networks go to (default: the user's). An answer from a
worker for a model swapped since is dropped.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from mnist_gui.core import inside, lab, pca
from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.inside_explain import explain
from mnist_gui.ui.inside.detail_view import DetailView
from mnist_gui.ui.inside.lab_page import LabPage
from mnist_gui.ui.inside.lab_view import LabView
from mnist_gui.ui.inside.network_view import NetworkView
from mnist_gui.ui.inside.pca_view import PcaView
from mnist_gui.ui.inside.workers import JobRunner

MAP_IMAGES = 5000
LEGEND = QT_TR_NOOP("Colours: black is 0; red → orange → pale yellow are larger positive values, blue → cyan "
                    "negative ones. Each layer has one scale shared by all its maps and units: its brightest colour "
                    "is the number under it. Click any map, unit or answer to see why it fired.")


class InsideTab(LabPage, QWidget):
    image_sent = Signal(object)  # a test image (uint8 (28, 28)) picked on the map
    test_image_picked = Signal(int)  # ... and its index in dataset.x_test
    edited_model_kept = Signal(object, str)  # (the lab's edited copy, what was changed), once kept as a run
    run_kept = Signal(str)  # the id of the run the lab's edited copy was kept as
    view_updated = Signal()  # the Layers page shows the current input and model

    def __init__(self, dataset=None, parent=None, store=None):
        super().__init__(parent)
        self.store = store
        self._edited_accuracy = None  # (edits, accuracy) last measured for the lab's edits
        self._model = None          # the network the other tabs use
        self._shown = None          # the one traced: the model, or its lab-edited copy
        self._image = None
        self._from_map = None       # the test image clicked on the map that the Layers page shows, if any
        self.trace = inside.trace(None, None)
        self._selected: tuple[int, int] | None = None
        self._edits = lab.Edits()
        self._dataset = None
        self._features = None       # (model, {layer: features}) of the map's images
        self._accuracy = None       # core.lab.Accuracy for the current model
        self._base_accuracy = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.legend = QLabel(tr(LEGEND))
        self.legend.setWordWrap(True)
        self.network = NetworkView()
        self.detail = DetailView()
        self.pca_view = PcaView()
        self.lab_view = LabView()
        layers_page = QWidget()
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.network)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 240])
        page = QVBoxLayout(layers_page)
        page.setContentsMargins(4, 4, 4, 4)
        page.addWidget(self.message)
        page.addWidget(self.legend)
        page.addWidget(splitter, 1)
        self.pages = QTabWidget(documentMode=True)
        self.pages.addTab(layers_page, tr("Layers"))
        self.pages.addTab(self.pca_view, tr("Map (PCA)"))
        self.pages.addTab(self.lab_view, tr("Lab"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.update_view)
        self.map_runner = JobRunner("inside-pca", self)
        self.lab_runner = JobRunner("inside-lab", self)
        self.keep_runner = JobRunner("inside-keep", self)
        self.keep_runner.finished.connect(self._on_kept)
        self.keep_runner.failed.connect(
            lambda _t, text: self.lab_view.show_kept(tr("Not kept: {problem}").format(problem=text)))
        self.map_runner.finished.connect(self._on_map_done)
        self.map_runner.failed.connect(
            lambda _t, text: self.pca_view.show_status(tr("The map failed: {problem}").format(problem=text)))
        self.lab_runner.finished.connect(self._on_accuracy_done)
        self.lab_runner.failed.connect(
            lambda _t, text: self.lab_view.show_accuracy(tr("Could not measure: {problem}").format(problem=text)))
        self.network.unit_clicked.connect(self._on_unit_clicked)
        self.detail.temperature_changed.connect(lambda _t: self._explain())
        self.pca_view.layer_chosen.connect(lambda _name: self.request_map())
        self.pca_view.image_picked.connect(self._on_image_picked)
        self.pca_view.send_requested.connect(self._on_send_requested)
        self.lab_view.edits_changed.connect(self._on_edits)
        self.lab_view.save_requested.connect(self._on_save)
        self.lab_view.keep_requested.connect(self.keep_edited)
        self.pages.currentChanged.connect(self._on_page)
        QCoreApplication.instance().aboutToQuit.connect(self.shutdown)
        if dataset is not None:
            self.set_dataset(dataset)
        self.update_view()

    # ---- inputs from the main window ----

    def set_model(self, model) -> None:
        """Use ``model`` (None: no model); the lab's edits and the map are for the old one, so they go."""
        self._model = self._shown = model
        self._selected = None
        self._features = None
        self._accuracy = self._base_accuracy = self._edited_accuracy = None
        self.pca_view.clear()
        self.pca_view.set_model(model)
        if model is not None:
            self.pca_view.set_layers(pca.mappable_layers(model))
            self.lab_view.set_layers({layer.name: layer.kernel.shape[-1] for layer in model.layers
                                      if getattr(layer, "kernel", None) is not None})
        else:
            self.lab_view.set_layers({})
        self.detail.show_hint()
        self.update_view()
        if self.pages.currentWidget() is self.pca_view:
            self.request_map()

    def set_input(self, image) -> None:
        """Show ``image`` (28x28 in [0, 1], or another size, or None for a blank pad) on the next event-loop
        turn: many calls in a row cost one pass through the network."""
        self._image = None if image is None else np.array(image, copy=True)
        self._from_map = None
        if not self._timer.isActive():
            self._timer.start()

    def set_dataset(self, dataset) -> None:
        """Test images (``dataset.x_test`` uint8, ``y_test``, ``class_names``) for the map and the lab."""
        self._dataset = dataset
        self._features = None
        self._accuracy = self._base_accuracy = None

    # ---- the Layers page ----

    def update_view(self) -> None:
        """Trace the current input through the shown model now and repaint."""
        self._timer.stop()
        try:
            self.trace = inside.trace(self._shown, self._image)
        except ValueError as error:
            self.trace = inside.Trace(self._shown, None, message=str(error))
        t = self.trace
        lines = [t.message] if t.message else []
        if t.image is not None and all(v.kind == "output" for v in t.views):
            lines.append(tr("This network has no hidden layer: the answer is one weighted sum per class "
                            "of the pixels (logistic regression). Click an answer to see its weights."))
        if not self._edits.is_empty() and self._shown is not None:
            lines.append(tr("Lab edits shown: {edits}.").format(edits=self._edits.describe()))
        if self._from_map is not None:
            lines.append(tr("Test image {index:,}, clicked on the map; the pad's next stroke comes back "
                            "here.").format(index=self._from_map))
        self.message.setText(" ".join(lines))
        self.message.setVisible(bool(lines))
        self.network.set_trace(t)
        if t.image is None:     # the message above says what is missing: the detail pane does not repeat it
            self.detail.show_hint("" if t.message else inside.BLANK_TEXT)
        elif self._selected is None:
            self.detail.show_hint()
        else:
            self._explain()
        self._update_lab_answer()
        self._place_on_map()
        self.view_updated.emit()

    def _view_of(self, index: int):
        return next((v for v in self.trace.views if v.index == index), None)

    def _on_unit_clicked(self, index: int, unit: int) -> None:
        self._selected = (index, unit)
        layer = self._shown.layers[index] if self._shown is not None else None
        self.lab_view.set_clicked_unit(layer.name if layer is not None else None, unit)
        self._explain()

    def select_unit(self, index: int, unit: int) -> None:  # as if the user clicked it
        self.network.select(index, unit)
        self._on_unit_clicked(index, unit)

    def _explain(self) -> None:
        if self._selected is None or self.trace.image is None:
            return
        view = self._view_of(self._selected[0])
        if view is None or self._selected[1] >= view.values.shape[-1 if view.kind == "maps" else 0]:
            self.detail.show_hint()
            return
        self.network.select(*self._selected)
        e = explain(self.trace, view, self._selected[1], self.detail.temperature_value(), self.network.class_names)
        self.detail.show_explanation(e, is_answer=view.kind == "output" and view.logits is not None)

    # ---- the Map page ----

    def _on_page(self, _index: int) -> None:
        if self.pages.currentWidget() is self.pca_view and self.pca_view.map is None:
            self.request_map()
        if self.pages.currentWidget() is self.lab_view and self._base_accuracy is None:
            self.request_accuracy()

    def request_map(self) -> None:
        """Compute the map of the chosen layer off the GUI thread (the first one for a model runs the test
        images through it; later layers reuse that pass)."""
        layer = self.pca_view.chosen_layer()
        if self._model is None or self._dataset is None or layer is None:
            self.pca_view.show_status(tr("The map needs a model and the test images.") if layer or self._model is None
                                      else tr("No layer of this network is small enough to map."))
            return
        cached = self._features[1] if self._features and self._features[0] is self._model else None
        n = MAP_IMAGES if cached else min(pca.FIRST_MAP_IMAGES, MAP_IMAGES)
        images, labels = self._dataset.x_test[:n], self._dataset.y_test[:n]
        self.pca_view.show_status(tr("Mapping {n:,} test images through {layer}…").format(n=len(images), layer=layer))
        self.map_runner.submit(self._model, pca.grown_map, self._model, images, labels, layer, cached)

    def _on_map_done(self, model, result) -> None:
        if model is not self._model:
            return  # the model was swapped while the map was computed
        pca_map, features = result
        self._features = (model, features)
        n = len(pca_map.coords)
        self.pca_view.show_map(pca_map, self._dataset.x_test[:n], self._dataset.class_names)
        self._place_on_map()
        total = min(MAP_IMAGES, len(self._dataset.x_test))
        if n < total:  # that was the first look: now all of them
            said = self.pca_view.status.text()
            self.request_map()
            self.pca_view.show_status(tr("{status} Adding {n:,} more…").format(status=said, n=total - n))

    def _place_on_map(self) -> None:
        m = self.pca_view.map
        if m is None or self._model is None or self.trace.image is None or self.trace.model is None:
            self.pca_view.set_current(None)
            return
        self.pca_view.set_current(m.place(self._model, self.trace.image))

    def _on_image_picked(self, index: int) -> None:
        """A point clicked on the map: its image goes through the network on the Layers page (the pad's
        next stroke takes the Layers page back), and ``test_image_picked`` names it for the Dataset tab."""
        image = self._dataset.x_test[index]
        self.set_input(image.astype(np.float32) / 255)
        self._from_map = index
        self.pages.setCurrentIndex(0)  # the Layers page
        self.test_image_picked.emit(index)

    def _on_send_requested(self, index: int) -> None:
        self.image_sent.emit(self._dataset.x_test[index].copy())

    def shutdown(self) -> None:
        """Wait for the workers (call before the window closes)."""
        self.map_runner.stop()
        self.lab_runner.stop()
        self.keep_runner.stop()
