"""Assemble the plugin as QGIS installs it.

    package.py stage DIR   DIR/territorial_plugin/ (used by tests, demo, make qgis)
    package.py zip DIR     DIR/territorial_plugin-<version>.zip
    package.py install ZIP unzip into the user's QGIS profile and enable the plugin

The installed layout is one folder ``territorial_plugin/`` holding the package code,
``metadata.txt``, ``LICENSE``, ``resources/`` and compiled ``i18n/*.qm`` — nothing
else (no tests, no .ts, no caches, no sample generator scripts' caches).
"""

from __future__ import annotations

import configparser
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "territorial_plugin"
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts", ".qm~", ".gpkg-wal", ".gpkg-shm"}


def version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def plugin_files() -> list[tuple[Path, str]]:
    """(source file, path inside the plugin folder) for everything that ships."""
    files: list[tuple[Path, str]] = []

    def add_tree(src: Path, dest: str) -> None:
        for path in sorted(src.rglob("*")):
            rel = path.relative_to(src)
            if path.is_dir() or SKIP_DIRS.intersection(rel.parts) or path.suffix in SKIP_SUFFIXES:
                continue
            files.append((path, f"{dest}/{rel.as_posix()}" if dest else rel.as_posix()))

    add_tree(ROOT / NAME, "")
    add_tree(ROOT / "resources", "resources")
    # the handbook and its screenshots, opened from the panel (paths.handbook_path)
    files.append((ROOT / "docs" / "handbok.md", "help/handbok.md"))
    add_tree(ROOT / "docs" / "images" / "handbok", "help/images/handbok")
    files.append((ROOT / "metadata.txt", "metadata.txt"))
    files.append((ROOT / "LICENSE", "LICENSE"))
    qms = sorted((ROOT / "i18n").glob("*.qm"))
    if not qms:
        sys.exit("no compiled translations in i18n/: run 'make i18n' first")
    files.extend((qm, f"i18n/{qm.name}") for qm in qms)
    return files


def stage(dest: Path) -> Path:
    target = dest / NAME
    if target.exists():
        shutil.rmtree(target)
    for src, rel in plugin_files():
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, out)
    return target


def make_zip(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / f"{NAME}-{version()}.zip"
    tmp = path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for src, rel in plugin_files():
            archive.write(src, f"{NAME}/{rel}")
    tmp.replace(path)
    print(path)
    return path


def install(zip_path: Path) -> None:
    profile = Path.home() / ".local/share/QGIS/QGIS3/profiles/default"
    plugins = profile / "python/plugins"
    if (plugins / NAME).exists():
        shutil.rmtree(plugins / NAME)
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    ini = profile / "QGIS/QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = configparser.ConfigParser(interpolation=None, strict=False)
    settings.optionxform = str
    if ini.exists():
        settings.read(ini, encoding="utf-8")
    if not settings.has_section("PythonPlugins"):
        settings.add_section("PythonPlugins")
    settings.set("PythonPlugins", NAME, "true")
    with ini.open("w", encoding="utf-8") as handle:
        settings.write(handle, space_around_delimiters=False)
    print(f"installed into {plugins / NAME} and enabled")


def main(argv: list[str]) -> None:
    if len(argv) != 2 or argv[0] not in {"stage", "zip", "install"}:
        sys.exit(__doc__)
    command, arg = argv
    if command == "stage":
        print(stage(Path(arg)))
    elif command == "zip":
        make_zip(Path(arg))
    else:
        install(Path(arg))


if __name__ == "__main__":
    main(sys.argv[1:])
