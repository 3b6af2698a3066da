"""The Dataset tab: all 70,000 images, and the person's own (My digits), with their labels and what the
model says of them.

Open ``tab`` first (``DatasetTab``); ``controls`` are the split and filter widgets, ``grid`` the virtual
thumbnail grid (painted by ``thumbnails``), ``detail`` one image large with its probabilities, ``stats`` the
class statistics, ``confusion_view`` the confusion matrix, ``predictions`` the worker that runs the model
over a split, ``my_digits_split`` the My digits split and its editing. What to show and the confusion
matrix itself are ``mnist_gui.core.dataset_filters``.
"""
