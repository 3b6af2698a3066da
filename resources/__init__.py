"""Data files shipped with mnist-gui (installed as the package ``mnist_gui.resources``)."""
