"""tools/check_qt6.py: what would break on QGIS 4 (Qt6) is found before a user meets it."""

from __future__ import annotations

import configparser
import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_qt6", ROOT / "tools" / "check_qt6.py")
check_qt6 = importlib.util.module_from_spec(_spec)
sys.modules["check_qt6"] = check_qt6  # dataclasses resolve annotations through sys.modules
_spec.loader.exec_module(check_qt6)


def codes(source: str) -> list[str]:
    return [f.code for f in check_qt6.check_source(textwrap.dedent(source))]


def messages(source: str) -> list[str]:
    return [f.message for f in check_qt6.check_source(textwrap.dedent(source))]


@pytest.mark.parametrize(
    "bad",
    [
        "from PyQt5.QtWidgets import QWidget",
        "import PyQt5.QtCore",
        "from PyQt6 import QtCore",
        "import sip",
        "from PySide6.QtCore import Qt",
    ],
)
def test_qt_imported_directly_is_reported(bad):
    assert codes(bad) == ["QT601"]


def test_qt_through_qgis_pyqt_passes():
    assert codes("from qgis.PyQt.QtWidgets import QWidget\nfrom qgis.PyQt import sip\n") == []


@pytest.mark.parametrize(
    ("bad", "scoped"),
    [
        ("from qgis.PyQt.QtCore import Qt\nx = Qt.AlignLeft", "Qt.AlignmentFlag.AlignLeft"),
        ("from qgis.PyQt.QtCore import Qt\nx = Qt.Checked", "Qt.CheckState.Checked"),
        ("from qgis.PyQt.QtWidgets import QMessageBox\nx = QMessageBox.Yes", "QMessageBox.StandardButton.Yes"),
        ("from qgis.PyQt import QtCore\nx = QtCore.Qt.RightDockWidgetArea", "QtCore.Qt.DockWidgetArea"),
        ("from qgis.PyQt.QtWidgets import QDialog as D\nok = D.Accepted", "D.DialogCode.Accepted"),
        ("from qgis.core import Qgis\nlevel = Qgis.Warning", "Qgis.MessageLevel.Warning"),
    ],
)
def test_unscoped_enum_is_reported_with_its_scoped_form(bad, scoped):
    found = check_qt6.check_source(bad)
    assert [f.code for f in found] == ["QT602"]
    assert scoped in found[0].message
    assert found[0].line == 2


def test_enum_used_in_an_expression_is_found_on_its_line():
    source = """
        from qgis.PyQt.QtCore import Qt

        def align(label):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignRight)
    """
    found = check_qt6.check_source(textwrap.dedent(source))
    assert [(f.code, f.line) for f in found] == [("QT602", 5)]
    assert "Qt.AlignmentFlag.AlignRight" in found[0].message


def test_scoped_enums_and_plain_attributes_pass():
    source = """
        from qgis.PyQt.QtCore import Qt, QMetaType
        from qgis.PyQt.QtWidgets import QDialogButtonBox, QMessageBox
        from qgis.core import Qgis, QgsProject

        a = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        b = QDialogButtonBox.StandardButton.Ok
        c = QMessageBox.StandardButton.Yes
        d = Qgis.MessageLevel.Info
        e = QMetaType.Type.QString
        f = QgsProject.instance
        g = Qt.AlignmentFlag
    """
    assert codes(source) == []


def test_exec_underscore_is_reported():
    source = """
        from qgis.PyQt.QtWidgets import QDialog
        QDialog().exec_()
    """
    assert codes(source) == ["QT603"]
    assert codes("from qgis.PyQt.QtWidgets import QDialog\nQDialog().exec()\n") == []


def test_qvariant_type_constant_is_reported_unless_marked_as_the_compat_fallback():
    assert codes("from qgis.PyQt.QtCore import QVariant\nt = QVariant.String\n") == ["QT604"]
    assert codes("from qgis.PyQt.QtCore import QVariant\nt = QVariant.Int  # qt6: ok\n") == []
    # a QVariant value itself is fine (QGIS 4 still has QVariant)
    assert codes("from qgis.PyQt.QtCore import QVariant\nv = QVariant()\n") == []


@pytest.mark.parametrize(
    "bad",
    [
        "from qgis.PyQt.QtCore import QRegExp",
        "from qgis.PyQt.QtGui import QRegExpValidator",
        "from qgis.PyQt.QtWidgets import QDesktopWidget",
        "from qgis.PyQt.QtCore import Qt\nb = Qt.MidButton",
        "from qgis.PyQt import QtWebKit",
    ],
)
def test_api_removed_in_qt6_is_reported(bad):
    assert codes(bad) == ["QT605"]


def test_spelling_this_qgis_does_not_have_is_reported():
    # in the 3.40/3.44 lanes this is how a 3.22-only spelling of a moved enum shows up
    found = check_qt6.check_source("from qgis.PyQt.QtCore import Qt\nx = Qt.AlignmentFlag.AlignNowhere\n")
    assert [f.code for f in found] == ["QT607"]
    assert "Qt.AlignmentFlag.AlignNowhere does not exist in QGIS 3." in found[0].message


def test_qaction_from_qtwidgets_is_accepted():
    # QGIS's Qt6 shim keeps QAction importable from QtWidgets (3.22 has it only there)
    assert codes("from qgis.PyQt.QtWidgets import QAction, QActionGroup\n") == []


def test_committed_pyuic_output_is_reported():
    source = "# Form implementation generated from reading ui file 'dock.ui'\nclass Ui_Dock:\n    pass\n"
    assert codes(source) == ["QT606"]


def test_command_line_fails_on_a_bad_file_and_passes_on_a_good_one(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from qgis.PyQt.QtWidgets import QMessageBox\nQMessageBox.Ok\n", encoding="utf-8")
    good = tmp_path / "good.py"
    good.write_text("from qgis.PyQt.QtWidgets import QMessageBox\nQMessageBox.StandardButton.Ok\n", encoding="utf-8")
    script = str(ROOT / "tools" / "check_qt6.py")
    failing = subprocess.run([sys.executable, script, str(bad)], capture_output=True, text=True)
    assert failing.returncode == 1
    assert "bad.py:2: QT602" in failing.stdout
    passing = subprocess.run([sys.executable, script, str(good)], capture_output=True, text=True)
    assert passing.returncode == 0, passing.stdout


def test_metadata_offers_the_plugin_to_qgis_4_only_while_the_check_passes():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    meta = parser["general"]
    # QGIS 4's plugin manager hides plugins without these two keys
    assert meta.get("supportsQt6") == "True"
    assert meta.get("qgisMaximumVersion") == "4.99"
    findings = [
        str(f)
        for path in check_qt6.python_files(check_qt6.DEFAULT_PATHS)
        for f in check_qt6.check_source(path.read_text(encoding="utf-8"), path)
    ]
    assert findings == [], "metadata.txt claims supportsQt6 but tools/check_qt6.py finds problems"
