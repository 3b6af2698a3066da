"""The Inside tab: what every layer of the network does with the current digit, and why.

Open ``tab.py`` first: ``InsideTab`` assembles the pages and is all the main window needs (``set_model``,
``set_input``, ``set_dataset``, the ``image_sent`` signal). Then ``network_view`` (every layer, left to
right, painted from one ``core.inside.Trace``), ``detail_view`` (one clicked unit's weights, input and
arithmetic), ``pca_view`` (the PCA map), ``lab_view`` (the lab's controls) and ``workers`` (the thread the
map and the lab's accuracy run in). The rules (what is shown, the arithmetic, PCA, the edits) are
Qt-free, in ``mnist_gui.core.inside``, ``inside_explain``, ``inside_pictures``, ``pca`` and ``lab``.
"""

from mnist_gui.ui.inside.tab import InsideTab

__all__ = ["InsideTab"]
