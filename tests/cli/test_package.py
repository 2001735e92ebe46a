"""The zip from `make package` holds exactly the plugin and installs into a clean profile."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, str(ROOT / "tools" / "package.py"), "zip", str(dist)], check=True, cwd=ROOT)
    (path,) = dist.glob("territorial_plugin-*.zip")
    return path


def test_zip_holds_one_plugin_folder_and_nothing_else(plugin_zip):
    from territorial_plugin.__about__ import version

    assert plugin_zip.name == f"territorial_plugin-{version()}.zip"
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert all(n.startswith("territorial_plugin/") for n in names)
    for required in (
        "territorial_plugin/__init__.py",
        "territorial_plugin/metadata.txt",
        "territorial_plugin/LICENSE",
        "territorial_plugin/resources/icons/territorial.svg",
        "territorial_plugin/i18n/territorial_plugin_sv.qm",
    ):
        assert required in names
    forbidden = [n for n in names if "/tests/" in n or n.endswith((".ts", ".pyc")) or "__pycache__" in n]
    assert forbidden == []


def test_zip_installs_into_clean_profile_and_loads(plugin_zip, tmp_path, qgis_process_in):
    home = tmp_path / "home"
    plugins = home / ".local/share/QGIS/QGIS3/profiles/default/python/plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins)
    runner = qgis_process_in(home)
    runner.env.pop("QGIS_PLUGINPATH")  # only the installed copy
    enabled = runner("plugins", "enable", "territorial_plugin")
    assert enabled.returncode == 0, enabled.stderr
    listing = runner("list")
    assert "territorial:plugininfo" in listing.stdout
    assert "Traceback" not in listing.stderr
    info = runner.run_json("territorial:plugininfo")
    assert info["results"]["PLUGIN_ROOT"] == str(plugins / "territorial_plugin")
