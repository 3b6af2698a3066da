"""The Inside tab's Lab page, as the tab drives it: edits to a copy of the network (``core.lab``) shown at
once, the test accuracy measured off the GUI thread, keeping the edited copy as a run or a file.

A mixin of :class:`mnist_gui.ui.inside.tab.InsideTab`, which owns the state it uses (``_model``,
``_shown``, ``_edits``, the runners, ``lab_view``). Not here: the Lab page's widgets
(``ui.inside.lab_view``) and the edits themselves (``core.lab``).
"""

from __future__ import annotations

from mnist_gui.core import inside, lab
from mnist_gui.core.i18n import tr
from mnist_gui.core.runs import RunStore
from mnist_gui.ui.dataset.controls import shown_class_names
from mnist_gui.ui.widgets.dialog_folders import folders_for


class LabPage:
    """The tab's Lab-page slots (see the module docstring)."""

    def _on_edits(self, edits) -> None:
        self._edits = edits
        if self._model is None:
            return
        self._shown = self._model if edits.is_empty() else lab.edited(self._model, edits)
        self.update_view()
        if self.pages.currentWidget() is self.lab_view:  # not for every new model while the lab is hidden
            self.request_accuracy()

    def request_accuracy(self) -> None:
        """Measure the test accuracy off the GUI thread: the network as trained (once per model), then as
        the lab has it."""
        if self._model is None or self._dataset is None:
            self.lab_view.show_accuracy(tr("The test accuracy needs a model and the test images."))
            return
        if self._accuracy is None or self._accuracy.model is not self._model:
            n = lab.LAB_IMAGES
            self._accuracy = lab.Accuracy(self._model, self._dataset.x_test[:n], self._dataset.y_test[:n])
        self.lab_view.show_accuracy(tr("Measuring the test accuracy…"))
        if self._base_accuracy is None:
            self.lab_runner.submit((self._model, None), self._accuracy.of, lab.Edits())
        if not self._edits.is_empty():
            self.lab_runner.submit((self._model, self._edits), self._accuracy.of, self._edits)

    def _on_accuracy_done(self, token, value) -> None:
        model, edits = token
        if model is not self._model:
            return  # the model was swapped while this was measured
        if edits is None:
            self._base_accuracy = value  # the edited network's request, if any, runs next
        elif edits is not self._edits:
            return  # an older request: a newer one is on its way
        else:
            self._edited_accuracy = (edits, value)
        on = self._accuracy_sample()
        if self._edits.is_empty():
            self.lab_view.show_accuracy(tr("Test accuracy on {sample}: {accuracy:.2%}").format(
                sample=on, accuracy=self._base_accuracy))
        elif edits is not None:
            self.lab_view.show_accuracy(tr("Test accuracy on {sample}: {edited:.2%} edited, {trained:.2%} as "
                                           "trained").format(sample=on, edited=value, trained=self._base_accuracy))

    def _accuracy_sample(self) -> str:
        """What the lab's accuracy is measured on, said so that it is not mistaken for the model's own
        figure (measured on every test image, so a little different)."""
        n, total = len(self._accuracy.labels), len(self._dataset.y_test)
        if n >= total:
            return tr("all {total:,} test images").format(total=total)
        return tr("a sample of {n:,} of the {total:,} test images, to keep edits quick (the model list's "
                  "figure is on all {total:,}, so it differs a little)").format(n=n, total=total)

    def _update_lab_answer(self) -> None:
        answer = self.trace.answer
        if answer is None:
            self.lab_view.show_answer(tr("Your digit: nothing to answer yet (draw one)."))
            return
        names = shown_class_names(self.trace.model.class_names)
        (name, p), = inside.top_classes(answer, names, 1)
        if self._shown is self._model:
            text = tr("Your digit: {name} at {share:.1%}").format(name=name, share=p)
        else:
            base = inside.trace(self._model, self.trace.image).answer
            (was, q), = inside.top_classes(base, names, 1)
            text = tr("Your digit: {name} at {share:.1%} (as trained: {was} at {was_share:.1%})").format(
                name=name, share=p, was=was, was_share=q)
        self.lab_view.show_answer(text)

    def keep_edited(self) -> None:
        """Keep the network as the lab has it as a finished run in the run store (off the GUI thread, its
        test accuracy measured first when not known yet); ``run_kept`` says when it is there."""
        if self.keep_runner.is_busy():
            return  # a second click while the first is being written would keep it twice
        if self._model is None or self._shown is self._model or self._dataset is None:
            self.lab_view.show_kept(tr("Nothing to keep: edit the network first (and the test images are needed)."))
            return
        n = lab.LAB_IMAGES
        known = self._edited_accuracy
        accuracy = known[1] if known is not None and known[0] is self._edits else None
        store = self.store if self.store is not None else RunStore()
        self.lab_view.show_kept(tr("Keeping the edited network as a run…"))
        self.keep_runner.submit((self._model, self._shown, self._edits.describe()), lab.keep_as_run, self._shown,
                                self._edits, accuracy, self._dataset.x_test[:n], self._dataset.y_test[:n], store)

    def _on_kept(self, token, result) -> None:
        _base, model, description = token
        run_id, problem = result
        if run_id is None:
            self.lab_view.show_kept(tr("Not kept: {problem}").format(problem=problem))
            return
        name = f"lab edit: {description}"  # the run's name in the store (data, not translated)
        self.lab_view.show_kept(tr("Kept as the run “{name}”: it is listed with the runs in the Train tab and in "
                                   "the model list.").format(name=name))
        self.run_kept.emit(run_id)
        self.edited_model_kept.emit(model, name)

    def save_edited(self, path) -> None:
        """Write the network as the lab has it to a model file."""
        self._shown.save(path)

    def _on_save(self) -> None:
        path = folders_for(self).save_file(self, "model", tr("Save the edited network"), "edited.npz",
                                           tr("Models (*.npz)"))
        if path:
            self.save_edited(path)
