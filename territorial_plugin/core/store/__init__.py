"""Open a link store by URI: a GeoPackage path or ``postgres:<QGIS connection name>``."""

from __future__ import annotations

from ..errors import StoreError
from ..i18n import tr
from .base import MigrationReport, Store

POSTGRES_PREFIX = "postgres:"

__all__ = ["MigrationReport", "Store", "is_postgres_uri", "open_store"]


def is_postgres_uri(uri: str) -> bool:
    return uri.strip().lower().startswith(POSTGRES_PREFIX)


def open_store(uri: str, *, create: bool = False) -> Store:
    """Open (and with ``create=True`` create or upgrade) the store at ``uri``."""
    uri = (uri or "").strip()
    if not uri:
        raise StoreError(tr("No link store given. Choose a GeoPackage file or a PostgreSQL connection."))
    if is_postgres_uri(uri):
        from .postgres.store import PostgresStore

        return PostgresStore.open(uri[len(POSTGRES_PREFIX) :], create=create)
    from .gpkg.store import GeoPackageStore

    return GeoPackageStore.open(uri, create=create)
