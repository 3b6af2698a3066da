"""The window in other languages: a pseudo-language that marks every translated string shows that no text
of any tab, menu or dialog bypasses the translation; German at start-up, with its menus' accelerators
unique, its numbers and key names German; a damaged catalog falls back to English. View → Language:
``test_language_menu.py``. The catalogs themselves: ``tests/test_translation_catalogs.py``."""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QWidget

from mnist_gui.core import i18n
from mnist_gui.core.i18n import tr
from mnist_gui.core.paths import resource_path
from mnist_gui.nn import load_model
from mnist_gui.ui import main_menus, translation
from mnist_gui.ui.main_window import MainWindow
from mnist_gui.ui.train.keras_code_dialog import show_keras_code

from shown_texts import MARK, needs_translation, shown_texts, untranslated, visit_pages

ROOT = Path(__file__).resolve().parents[2]


def _catalogs():
    """``packaging/catalogs.py``: the areas, their sources and catalogs (standard library only)."""
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "packaging" / "catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogs = _catalogs()


class PseudoTranslator(QTranslator):
    """Every string, Qt's own too, as "⟦source⟧": placeholders and %n kept, so .format and counts still work."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return f"{MARK}{source}⟧" if source else source

    def isEmpty(self):  # noqa: N802 - Qt override
        return False


@pytest.fixture(scope="module")
def model():
    return load_model(resource_path("models", "default.npz"))


@pytest.fixture
def pseudo(qapp):
    translator = PseudoTranslator()
    qapp.installTranslator(translator)
    i18n.set_hook(lambda text, disambiguation, n: QCoreApplication.translate("", text, disambiguation, n))
    yield translator
    qapp.removeTranslator(translator)
    i18n.set_hook(None)


def _sources() -> dict[str, str]:
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in catalogs.all_sources()}


_TABS = {"TrainingTab": "train", "DatasetTab": "dataset", "DrawTab": "draw", "InsideTab": "inside"}


def _area(path: str, text: str, sources: dict[str, str]) -> str:
    """The area whose sources have ``text`` (its longest line, as typed): the tab's it is shown on first."""
    shown = next((area for cls, area in _TABS.items() if cls in path), "app")
    probe = max(text.replace("&", "").splitlines() or [text], key=len).strip()[:60]
    if not probe:
        return shown
    # a single word is looked for as a whole string literal ("Pause"), anything longer as typed
    probes = [f'"{probe}"', f"'{probe}'"] if " " not in probe else [probe, probe.replace('"', '\\"')]
    files = {name for name, source in sources.items() if any(p in source for p in probes)}
    for area in (shown, *catalogs.AREAS):
        if any(ROOT / name in catalogs.sources(area) for name in files):
            return area
    return shown


def _report(offenders) -> str:
    sources = _sources()
    by_area = defaultdict(lambda: defaultdict(list))
    for path, what, text in offenders:
        short = " › ".join(path.split(" › ")[-5:])
        by_area[_area(path, text, sources)][short].append(f"{what}: {text[:100]!r}")
    lines = ["untranslated texts by area: " + ", ".join(f"{a} {sum(map(len, p.values()))}"
                                                     for a, p in sorted(by_area.items()))]
    for area, paths in sorted(by_area.items()):
        lines.append(f"[{area}]")
        for path, items in sorted(paths.items()):
            lines.append(f"  {path}")
            lines += [f"      {item}" for item in sorted(set(items))]
    return "\n".join(lines)


def test_the_allow_list_keeps_only_names_numbers_and_files():
    assert not needs_translation("MNIST") and not needs_translation("1,200") and not needs_translation("0.5 s")
    assert not needs_translation("default.npz") and not needs_translation("Deutsch") and not needs_translation("3e-04")
    assert not needs_translation("dense_1") and not needs_translation("quick-mlp")
    assert needs_translation("Learning rate") and needs_translation("ONNX opset") and needs_translation("12 digits")


def test_every_text_the_window_shows_goes_through_the_translation(qtbot, pseudo, small_dataset, settings, model):
    window = MainWindow(small_dataset, model, settings=settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.wait(50)
    seen = []

    def look():
        seen.extend(shown_texts(window))
        seen.append(("status bar", "message", window.statusBar().currentMessage()))

    # a short run first: what a run shows while it trains and after (progress, runs table, messages)
    c = window.training_tab.controls
    c.hidden.setText("32")
    c.epochs.setValue(1)
    c.batch_size.setValue(50)
    c.train_size.setValue(1000)
    window.training_tab.running_changed.connect(lambda _running: look())
    with qtbot.waitSignal(window.training_tab.run_finished, timeout=60000):
        window.actions["start_pause"].trigger()
    qtbot.wait(50)
    look()
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(50)
        look()
        visit_pages(qtbot, window.tabs.widget(i), look)
    for action in window.menuBar().actions():
        if action.menu() is not None:
            action.menu().aboutToShow.emit()       # menus filled when opened (recent files, Pause/Resume)
    look()
    dialogs = (main_menus.show_shortcuts(window), main_menus.show_about(window),
               main_menus.ask_before_closing(window, ["tutorial run"], lambda _answer: None),
               main_menus.ask_before_stopping(window, 40, lambda _answer: None),
               show_keras_code(window.training_tab), translation.choose_language(window, "de"))
    for dialog in dialogs:
        qtbot.wait(20)
        seen.extend((f"{type(dialog).__name__} › {p}", w, t) for p, w, t in shown_texts(dialog))
        dialog.close()
    assert len(seen) > 200                       # the walk reached the tabs, not just the window frame
    assert any(MARK in text for _, _, text in seen)
    # the program "Show as Keras code" writes is Python with English comments in every language (core.i18n.english)
    seen = [(p, w, t) for p, w, t in seen if not (p.endswith("KerasCodeDialog › QPlainTextEdit") and w == "text")]
    offenders = sorted(set(untranslated(seen)))
    print(_report(offenders))
    assert not offenders, _report(offenders)


def _german(source: str, comment: str = "") -> str | None:
    for area in catalogs.AREAS:
        path = catalogs.catalog("de", area)
        if path.is_file():
            message = catalogs.messages(path).get((source, comment))
            if message and message["finished"]:
                return message["forms"][0]
    return None


def _accelerator_clashes(window) -> list[str]:
    """Menus (the menu bar too) in which two entries share an Alt+letter."""
    clashes = []
    menus = [("menu bar", QWidget.actions(window.menuBar()))]
    menus += [(m.title(), m.actions()) for m in window.menuBar().findChildren(QMenu)]
    for title, actions in menus:
        keys = [m.group(1).lower() for a in actions if (m := re.search(r"&([^&\s])", a.text().replace("&&", "")))]
        clashes += [f"{title}: &{key} twice" for key in sorted(set(keys)) if keys.count(key) > 1]
    return clashes


def test_in_german_the_tabs_and_menus_are_german(qtbot, qapp, small_dataset, settings, monkeypatch, model):
    monkeypatch.setenv(translation.ENV, "de")
    assert translation.install(qapp) == "de"
    try:
        window = MainWindow(small_dataset, model, settings=settings)
        qtbot.addWidget(window)
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tabs == [_german(s) for s in ("&Train", "&Dataset", "D&raw", "&Inside")]
        assert sum(t.replace("&", "") not in ("Train", "Dataset", "Draw", "Inside") for t in tabs) >= 3
        menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
        assert menus[0] == "Datei" and "Ansicht" in menus and menus[-1] == "Hilfe"
        assert _accelerator_clashes(window) == []
        dialog = main_menus.show_shortcuts(window)
        if Path(QLibraryInfo.path(QLibraryInfo.TranslationsPath), "qtbase_de.qm").is_file():   # Qt's own words
            assert [b.text().replace("&", "") for b in dialog.findChild(QDialogButtonBox).buttons()] == ["Schließen"]
            _german_key_names_are_qts_own(window)
        dialog.close()
        # numbers the German way: no "99.45%" or "25,450 Parameter" anywhere, the model's accuracy "99,45 %"
        texts = [t for _, _, t in shown_texts(window)]
        assert not [t for t in texts if re.search(r"\d\.\d+%|\d,\d{3} Parameter", t)]
        assert any(re.search(r"\d,\d\d\u00a0%", t) for t in texts), "no accuracy written as 99,45 %"
    finally:
        translation.remove(qapp)
    assert tr("Open", "menu") == "Open"


def _german_key_names_are_qts_own(window):
    """The F1 list names every key as Qt does in German ("Entf", never "Löschen" beside it), and the
    descriptions joined for one key stay sentences ("… machen. Das letzte …", not "…; Das letzte …")."""
    from mnist_gui.ui.shortcut_list import shortcut_groups

    rows = [row for _, group in shortcut_groups(window) for row in group]
    keys = " | ".join(k for k, _ in rows)
    assert "Entf" in keys and "Löschen" not in keys and "Eingabetaste" not in keys and "Delete" not in keys
    assert "Doppelklick" in keys and "Pfeiltasten" in keys and "Pos1" in keys, keys
    texts = [t for _, t in rows]
    assert any(". Das letzte Löschen" in t for t in texts), texts
    assert not any(re.search(r"; [A-ZÄÖÜ]", t) for t in texts), texts


def test_english_counts_come_from_the_english_catalog_in_the_window(qapp):
    assert translation.install(qapp, "en") == "en"
    try:
        message = next((k, m) for k, m in catalogs.messages(catalogs.ENGLISH).items() if "%n" in k[0])
        (source, comment), forms = message[0], message[1]["forms"]
        assert tr(source, comment or None, 1) == forms[0].replace("%n", "1")
        assert tr(source, comment or None, 7) == forms[1].replace("%n", "7")
    finally:
        translation.remove(qapp)


def test_a_damaged_or_missing_catalog_falls_back_to_english(qapp, tmp_path, monkeypatch, caplog):
    (tmp_path / "i18n").mkdir()
    shutil.copy(resource_path("i18n", "en.qm"), tmp_path / "i18n" / "en.qm")
    (tmp_path / "i18n" / "de.qm").write_bytes(b"this is no catalog")
    monkeypatch.setattr(translation, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    try:
        assert translation.install(qapp, "de") == "en"
        assert "could not be loaded" in caplog.text and translation.current_language() == "en"
        (tmp_path / "i18n" / "en.qm").unlink()
        assert translation.install(qapp, "de") == "en"       # not even English: the core's plain English
        assert tr("Open", "menu") == "Open"
    finally:
        translation.remove(qapp)
