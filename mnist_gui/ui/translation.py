"""The window's language: which one, loading its catalog into Qt, and View → Language.

``install(app)`` runs once at start-up, before any window is built (``ui/app.py``). The language is, in this
order: ``$MNIST_GUI_LANGUAGE`` (a code such as ``de`` or ``en``; the test suite sets ``en``), the
``view/language`` setting unless it is "system", the system's languages (``QLocale.system().uiLanguages()``),
English (``mnist_gui.core.i18n.pick_language``). Its ``resources/i18n/<code>.qm`` is loaded with a
``QTranslator``, with Qt's own ``qtbase_<code>.qm`` beside it when PySide6 has one (the standard dialog
buttons), and ``mnist_gui.core.i18n.tr`` is routed through ``QCoreApplication.translate`` (one empty
context). English loads ``en.qm`` for its plural forms. A catalog that is missing or cannot be read is
logged and English is used instead; nothing here raises.

View → Language (``add_language_menu``) lists System and each shipped language by its own name, the one
shown ticked; a choice is kept in the settings and takes effect at the next start. While
``$MNIST_GUI_LANGUAGE`` decides the language, the menu ticks the language it forces and says so in its
tips. "Restart now" is offered only when nothing can be lost (no network training, no trained network
unsaved) and starts the app without ``$MNIST_GUI_LANGUAGE``, so that the menu's choice wins. Not here: the catalogs themselves
(``resources/i18n``, built by ``packaging/translations.py``).
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import (QCoreApplication, QLibraryInfo, QLocale, QProcess, QProcessEnvironment, QSettings, Qt,
                            QTranslator)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from mnist_gui.core import i18n
from mnist_gui.core import settings as stored
from mnist_gui.core.i18n import SOURCE_LANGUAGE, SYSTEM, tr
from mnist_gui.core.paths import resource_path

_log = logging.getLogger(__name__)

ENV = "MNIST_GUI_LANGUAGE"
KEY = "view/language"

_installed: list[QTranslator] = []
_language = SOURCE_LANGUAGE


def current_language() -> str:
    """The code of the language the window speaks now ("en" until ``install`` loads another)."""
    return _language


def system_languages() -> list[str]:
    return list(QLocale.system().uiLanguages())


def chosen(settings: QSettings | None = None) -> str:
    """The setting ``view/language`` ("system" or a shipped code; a damaged value reads as "system")."""
    settings = settings if settings is not None else QSettings("mnist-gui", "mnist-gui")
    try:
        raw = settings.value(KEY)
    except Exception:  # noqa: BLE001 - whatever the file holds must not stop the app
        raw = None
    value, _problem = stored.check(KEY, raw if isinstance(raw, str) else None)   # the window repairs damage
    return value


def forced_language() -> str | None:
    """The shipped language ``$MNIST_GUI_LANGUAGE`` forces, or None (unset, empty, or no shipped language)."""
    code = os.environ.get(ENV, "").strip()
    return code if code in i18n.shipped_languages() else None


def wanted_language(settings: QSettings | None = None) -> str:
    """The shipped language to load: ``$MNIST_GUI_LANGUAGE``, else the setting, else the system's, else English."""
    choice = os.environ.get(ENV, "").strip() or chosen(settings)
    return i18n.pick_language(choice, system_languages(), i18n.shipped_languages())


def install(app: QCoreApplication | None = None, language: str | None = None,
            settings: QSettings | None = None) -> str:
    """Load ``language`` (default ``wanted_language(settings)``) into ``app`` and route ``tr`` through Qt;
    returns the language loaded (English if the wanted one could not be)."""
    global _language
    app = app if app is not None else QCoreApplication.instance()
    remove(app)
    language = language or wanted_language(settings)
    loaded = _load(app, language)
    if not loaded and language != SOURCE_LANGUAGE:
        loaded = _load(app, SOURCE_LANGUAGE)
        language = SOURCE_LANGUAGE
    _language = language
    if loaded:
        i18n.set_hook(lambda text, disambiguation, n: QCoreApplication.translate("", text, disambiguation, n),
                      language)     # numbers in the translated sentences written the language's way
    else:   # not even English: the core's own English plurals (resources/i18n/en.ts)
        i18n.set_hook(None)
    return language


def remove(app: QCoreApplication | None = None) -> None:
    """Take out the translators ``install`` put in; ``tr`` is English again."""
    global _language
    app = app if app is not None else QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    i18n.set_hook(None)
    _language = SOURCE_LANGUAGE


def _load(app, language: str) -> bool:
    path = resource_path("i18n", f"{language}.qm")
    translator = QTranslator(app)
    if app is None or not path.is_file() or not translator.load(str(path)):
        _log.warning("the %s translation %s could not be loaded; the window speaks English", language, path)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    qt_own = QTranslator(app)
    if language != SOURCE_LANGUAGE and qt_own.load(f"qtbase_{language}",
                                                  QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True


# ---- View → Language

def add_language_menu(window, view_menu: QMenu, actions: dict) -> QMenu:
    """View → Language: System and each shipped language, named in itself; ``actions["language_<code>"]``."""
    menu = view_menu.addMenu(tr("&Language"))
    menu.setToolTipsVisible(True)
    group = QActionGroup(window)
    forced = forced_language()
    # ticked: the language shown; while the environment forces one, that one (not the kept choice)
    current = current_language() if forced else window.setting(KEY)
    for code in (SYSTEM, *i18n.shipped_languages()):
        name = i18n.language_name(code)
        text = tr("&System", "language") if code == SYSTEM else f"&{name}"
        action = QAction(text, window, checkable=True)
        tip = tr("The language the system is set to") if code == SYSTEM else name
        if forced:
            tip = tr("{tip} (now {language}, set by {variable}; a choice here is used after a restart)").format(
                tip=tip, language=i18n.language_name(current), variable=ENV)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, c=code: choose_language(window, c))
        group.addAction(action)
        menu.addAction(action)
        actions[f"language_{code}"] = action
    return menu


def choose_language(window, code: str) -> QMessageBox | None:
    """Keep ``code`` ("system" or a shipped language) as the language; say when it takes effect."""
    window._store(KEY, code)
    # while the environment forces a language the tick stays on the one shown (the tips say why)
    ticked = current_language() if forced_language() else code
    action = getattr(window, "actions", {}).get(f"language_{ticked}")
    if action is not None:
        action.setChecked(True)
    coming = i18n.pick_language(code, system_languages(), i18n.shipped_languages())
    if coming == current_language():
        window.statusBar().showMessage(tr("mnist-gui already speaks this language."), 5000)
        return None
    box = QMessageBox(QMessageBox.Information, tr("Language"),
                      tr("The language changes when mnist-gui is restarted."), QMessageBox.Ok, window)
    why_not = _why_not_restart(window)
    if why_not:
        box.setInformativeText(why_not)
    else:
        restart = box.addButton(tr("&Restart now"), QMessageBox.AcceptRole)
        box.button(QMessageBox.Ok).setText(tr("&Later"))
        restart.clicked.connect(lambda: restart_app(window))
    box.setDefaultButton(QMessageBox.Ok)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.open()
    return box


def _why_not_restart(window) -> str | None:
    """Why restarting now would lose work (a network training, a trained one unsaved), or None."""
    if window.training_tab.is_running():
        return tr("A network is training, so the new language is used the next time mnist-gui starts.")
    if window.current.unsaved():
        return tr("A trained network is not saved yet, so the new language is used the next time mnist-gui "
                  "starts.")
    return None


def restart_command() -> list[str]:
    """How this app was started, to start it again: the bundle itself, or this Python with ``-m mnist_gui``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, "-m", "mnist_gui", *sys.argv[1:]]


def restart_environment(environ=None) -> dict[str, str]:
    """The environment to start the app again in: this one without ``$MNIST_GUI_LANGUAGE``, which would
    otherwise override the language just chosen in the menu."""
    environ = os.environ if environ is None else environ
    return {name: value for name, value in environ.items() if name != ENV}


def launch(command: list[str], environment: dict[str, str]) -> bool:
    process = QProcess()
    process.setProgram(command[0])
    process.setArguments(command[1:])
    env = QProcessEnvironment()
    for name, value in environment.items():
        env.insert(name, value)
    process.setProcessEnvironment(env)
    started = process.startDetached()
    return bool(started[0] if isinstance(started, tuple) else started)


def restart_app(window) -> bool:
    """Close the window (as File → Quit does, settings saved) and start the app again; only if nothing is lost:
    while a network trains or a trained one is unsaved, nothing happens and False is returned."""
    why_not = _why_not_restart(window)     # asked again: a run may have started since the question
    if why_not:
        window.statusBar().showMessage(why_not, 8000)
        return False
    if not window.close():
        return False
    started = launch(restart_command(), restart_environment())
    if not started:
        _log.warning("could not start %s again", restart_command())
    return started
