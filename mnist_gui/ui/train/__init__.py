"""The Train tab: settings, Start / Pause / Stop, live loss and accuracy curves, the first layer's weights.

Open ``tab`` first (``TrainingTab``: the tab's state and slots); ``layout`` places its widgets; ``controls``
is the settings form, ``plots`` the curves, ``worker`` the QThread that runs ``fit``; ``weights_view``,
``augment_preview`` and ``log_spinbox`` are the tab's own widgets. The numbers and words of a run live in
``mnist_gui.core.run_data`` and ``mnist_gui.core.training_text``.
"""
