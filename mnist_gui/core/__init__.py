"""What the window and the command line share, with no Qt: NumPy, the standard library, ``mnist_gui.nn`` and
``mnist_gui.data`` only (a test checks).

Open first: ``pictures`` (a picture or a drawing -> the 28x28 network input) and ``inference`` (that input
-> the model's answer, the one place that knows a model's input scale). Then ``saliency`` (which pixels
mattered), ``dataset_filters`` (what the Dataset tab shows, the confusion matrix), ``my_digits`` (the
person's own digits on disk), ``run_data``, ``training_text`` and ``train_fields`` (the numbers and words of
a training run and of its form).

Two modules are leaves with nothing but the standard library, so the engine and the data layer use them
too: ``files`` (the one atomic file write) and ``paths`` (bundled resources and user folders).

Not here: widgets, threads and anything else that imports PySide6 or pyqtgraph (``mnist_gui.ui``).
This ``__init__`` imports nothing, so that ``mnist_gui.core.files`` costs only itself.
"""
