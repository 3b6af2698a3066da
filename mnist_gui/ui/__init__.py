"""Everything that imports Qt (PySide6, pyqtgraph): the application, the main window, its menus and theme, and
one package per tab (``train``, ``dataset``, ``draw``), with widgets they share in ``widgets``.

Open ``app`` first (start-up), then ``main_window`` (which wires the tabs together with signals: tabs never
import each other). The rules the tabs apply live in ``mnist_gui.core``; this package only connects widgets
to them.
"""
