"""The Train tab: settings, Start / Pause / Stop, live loss and accuracy curves, the first layer's weights.

Open ``tab`` first (``TrainingTab``: the tab's state and slots); ``layout`` places its widgets; ``controls``
is the settings form, ``plots`` the curves (with ``plot_toolbar`` above them, ``run_curves`` the kept runs
drawn in their colours, ``readout`` the crosshair and its line of words, ``plot_exports`` CSV/PNG/SVG),
``runs_panel`` the runs table (``runs_model`` its Qt model, ``compare`` two runs side by side, ``kept_runs``
the tab's slots between the table, the plots and the run store), ``worker`` the QThread that runs ``fit``
and records the run (its callbacks, Qt-free, are ``mnist_gui.core.training_reporter`` and ``core.epoch_test``);
``weights_view``, ``augment_preview`` and ``log_spinbox`` are the tab's own widgets, ``choices`` its combo boxes
of names (shown translated, read as names). The numbers and words of a run live in ``mnist_gui.core.run_data``,
``mnist_gui.core.run_table`` and ``mnist_gui.core.training_text``.
"""
