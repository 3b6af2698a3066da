"""View → Language: which language the window speaks (the environment, the setting, the system), the menu
ticking the one shown, keeping the choice, and restarting only when nothing is lost, in an environment that
no longer forces a language. The translations themselves: ``test_translations.py``."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QMessageBox

from mnist_gui.ui import translation
from mnist_gui.ui.main_window import MainWindow

from test_translations import _accelerator_clashes, _german


def test_the_language_is_the_environment_then_the_setting_then_the_system(settings, monkeypatch):
    monkeypatch.delenv(translation.ENV, raising=False)
    monkeypatch.setattr(translation, "system_languages", lambda: ["de-AT", "en-US"])
    assert translation.wanted_language(settings) == "de"           # the setting is "system" when missing
    settings.setValue("view/language", "en")
    assert translation.wanted_language(settings) == "en"
    settings.setValue("view/language", "nonsense")
    assert translation.wanted_language(settings) == "de"           # damaged: as if "system"
    monkeypatch.setattr(translation, "system_languages", lambda: ["fr-FR"])
    assert translation.wanted_language(settings) == "en"
    monkeypatch.setenv(translation.ENV, "de")
    assert translation.wanted_language(settings) == "de"


def _language_box(window) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_view_language_keeps_the_choice_and_restarts_only_when_nothing_is_lost(qtbot, small_dataset, settings,
                                                                              monkeypatch):
    started = []
    monkeypatch.setattr(translation, "launch", lambda command, environment: started.append(command) or True)
    monkeypatch.delenv(translation.ENV, raising=False)     # as a user starts it: the menu decides
    window = MainWindow(small_dataset, settings=settings)
    qtbot.addWidget(window)
    window.show()
    names = [window.actions[f"language_{c}"].text() for c in ("system", "en", "de")]
    assert names == ["&System", "&English", "&Deutsch"] and window.actions["language_system"].isChecked()
    assert _accelerator_clashes(window) == []

    monkeypatch.setattr(window.training_tab, "is_running", lambda: True)
    window.actions["language_de"].trigger()
    assert settings.value("view/language") == "de" and window.actions["language_de"].isChecked()
    box = _language_box(window)
    assert "restarted" in box.text() and "training" in box.informativeText()
    assert [b.text() for b in box.buttons()] == ["OK"]          # no restart while a network trains
    assert not translation.restart_app(window) and window.isVisible() and started == []
    assert "training" in window.statusBar().currentMessage()
    box.close()

    monkeypatch.setattr(window.training_tab, "is_running", lambda: False)
    monkeypatch.setattr(window.current, "unsaved", lambda: [("a trained network", None)])
    window.actions["language_system"].trigger()
    window.actions["language_de"].trigger()
    box = _language_box(window)
    assert "not saved" in box.informativeText() and [b.text() for b in box.buttons()] == ["OK"]
    assert not translation.restart_app(window) and window.isVisible() and started == []
    box.close()

    monkeypatch.setattr(window.current, "unsaved", lambda: [])
    window.actions["language_system"].trigger()
    window.actions["language_de"].trigger()
    box = _language_box(window)
    restart = next(b for b in box.buttons() if b.text() == "&Restart now")
    restart.click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert started == [translation.restart_command()] and "mnist_gui" in " ".join(started[0])


def test_the_language_menu_ticks_what_is_shown_and_its_choice_wins_over_the_environment(
        qtbot, qapp, small_dataset, settings, monkeypatch):
    """MNIST_GUI_LANGUAGE=de with English chosen: the menu ticked "English" over a German window, and "Restart
    now" came back German (the variable was handed down). Now the tick is German's, the tips say why, and the
    app is started again without the variable."""
    started = []
    monkeypatch.setattr(translation, "launch", lambda command, environment: started.append(environment) or True)
    monkeypatch.setenv(translation.ENV, "de")
    settings.setValue("view/language", "en")
    assert translation.install(qapp) == "de"
    try:
        window = MainWindow(small_dataset, settings=settings)
        qtbot.addWidget(window)
        window.show()
        assert window.actions["language_de"].isChecked() and not window.actions["language_en"].isChecked()
        assert translation.ENV in window.actions["language_en"].toolTip()
        assert translation.ENV in window.actions["language_en"].statusTip()
        window.actions["language_en"].trigger()
        assert settings.value("view/language") == "en"
        assert window.actions["language_de"].isChecked()          # still what the window shows
        box = _language_box(window)
        restart = next(b for b in box.buttons() if b.text() == _german("&Restart now"))
        restart.click()
        qtbot.waitUntil(lambda: not window.isVisible())
        assert len(started) == 1 and translation.ENV not in started[0] and started[0].get("PATH") == os.environ.get("PATH")
    finally:
        translation.remove(qapp)
    monkeypatch.delenv(translation.ENV)
    window = MainWindow(small_dataset, settings=settings)       # as restarted: the choice, ticked and shown
    qtbot.addWidget(window)
    assert window.actions["language_en"].isChecked() and translation.ENV not in window.actions["language_en"].toolTip()


def test_the_restarted_app_gets_the_environment_it_is_given(qtbot, tmp_path):
    """``launch`` really hands the environment to the new process, without the variable left out."""
    out = tmp_path / "env.txt"
    code = f"import os; open({str(out)!r}, 'w').write(os.environ.get({translation.ENV!r}, '-') + ' ' + os.environ['X_KEPT'])"
    environment = translation.restart_environment(dict(os.environ, X_KEPT="kept", **{translation.ENV: "de"}))
    assert translation.launch([sys.executable, "-c", code], environment)
    qtbot.waitUntil(lambda: out.is_file() and bool(out.read_text()), timeout=20000)
    assert out.read_text() == "- kept"
