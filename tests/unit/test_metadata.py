"""metadata.txt is complete for the official plugin repository and is the one version source."""

import configparser
import re
from pathlib import Path

from territorial_plugin import __about__
from territorial_plugin.paths import plugin_root, resource

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = [
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "description[sv]",
    "about[sv]",
    "version",
    "author",
    "email",
    "homepage",
    "tracker",
    "repository",
    "tags",
    "category",
    "icon",
    "hasProcessingProvider",
    "changelog",
]


def read_metadata() -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return dict(parser["general"])


def test_metadata_has_every_required_key():
    meta = read_metadata()
    missing = [key for key in REQUIRED if not meta.get(key, "").strip()]
    assert missing == []
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["hasProcessingProvider"] == "yes"
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])
    assert "å" in meta["about[sv]"] or "ä" in meta["about[sv]"]


def test_version_is_read_from_metadata_not_repeated():
    assert __about__.version() == read_metadata()["version"]
    version = read_metadata()["version"]
    repeats = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "territorial_plugin").rglob("*.py")
        if f'"{version}"' in path.read_text(encoding="utf-8")
    ]
    assert repeats == []


def test_icon_exists_where_metadata_says():
    icon = read_metadata()["icon"]
    assert (plugin_root() / icon).is_file()
    assert resource("icons", "territorial.svg").is_file()
