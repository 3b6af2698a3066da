"""The Draw tab: draw a digit, or bring a picture, and watch the network read it as you draw.

Open ``tab`` first (``DrawTab``); ``pad`` is the drawing pad with undo and redo (over ``ink_canvas``) and
the crop and digit boxes over it (``pad_overlay``), ``image_import`` brings files, drops and pastes in
(decoded by ``mnist_gui.ui.decode``, as the command line decodes), ``prediction_view`` shows the answer,
``preprocess_view`` what the network sees, ``my_digits_panel`` the person's kept digits (``my_digits_io``
their import and export, ``teach`` "Teach it my handwriting"). The rules behind them (a picture to the
network's input, saliency, the My digits store, fine-tuning) live in ``mnist_gui.core``.
"""
