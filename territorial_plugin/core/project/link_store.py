"""Which link store belongs to the open project (project entry ``territorial_links/store``)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject

from ..store import is_postgres_uri

SCOPE, KEY = "territorial_links", "store"
DEFAULT_NAME = "territorial_links.gpkg"


def project_store_uri(project: QgsProject | None = None) -> str:
    """The store remembered in the project, as an absolute path or ``postgres:…``."""
    project = project or QgsProject.instance()
    value, found = project.readEntry(SCOPE, KEY, "")
    if not found or not value:
        return ""
    if is_postgres_uri(value):
        return value
    return project.pathResolver().readPath(value)


def remember_store(uri: str, project: QgsProject | None = None) -> None:
    """Remember ``uri`` in the project (a path relative to the project file where possible)."""
    project = project or QgsProject.instance()
    value = uri if is_postgres_uri(uri) else project.pathResolver().writePath(uri)
    project.writeEntry(SCOPE, KEY, value)


def default_store_path(project: QgsProject | None = None) -> str:
    """``<project folder>/<project name>_links.gpkg``, or a file in the home folder."""
    project = project or QgsProject.instance()
    if project.fileName():
        path = Path(project.fileName())
        return str(path.with_name(f"{path.stem}_links.gpkg"))
    return str(Path.home() / DEFAULT_NAME)
