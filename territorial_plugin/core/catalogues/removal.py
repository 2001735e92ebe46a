"""Deleting a catalogue that areas are linked to: never without a copy of the store to go back to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import StoreError, TerritorialError
from ..i18n import tr
from ..store.base import Store


@dataclass(frozen=True)
class Removal:
    """What deleting a catalogue did: links deleted with it, and where the copy from before is."""

    catalogue_id: str
    links: int
    backup: Path | None


def backup_folder(store: Store, project_folder: str = "") -> Path:
    """Beside a GeoPackage store; for a shared store beside the project (else the home folder)."""
    if store.engine != "postgres":
        return Path(store.uri).resolve().parent
    return Path(project_folder) if project_folder else Path.home()


def backup_path(store: Store, catalogue_id: str, folder: Path, now: datetime | None = None) -> Path:
    """``<store>.bak-<catalogue>-<YYYYmmdd-HHMMSS>.gpkg``; never an existing file."""
    stem = Path(store.uri).stem if store.engine != "postgres" else "kopplingsdatabas"
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}.bak-{catalogue_id}-{stamp}.gpkg"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{stem}.bak-{catalogue_id}-{stamp}-{counter}.gpkg"
    return candidate


def delete_catalogue(store: Store, catalogue_id: str, backup_dir: Path) -> Removal:
    """Delete ``catalogue_id`` with its goals; when areas are linked to it, first copy the
    whole store (history included) to a GeoPackage in ``backup_dir``, so the links can be
    read or copied back. No copy, no deletion."""
    links = store.link_count_by_catalogue().get(catalogue_id, 0)
    backup = None
    if links:
        from ..store.transfer import copy_store

        backup = backup_path(store, catalogue_id, backup_dir)
        try:
            copy_store(store.uri, str(backup))
        except (TerritorialError, OSError) as error:
            if backup.exists():
                backup.unlink()
            raise StoreError(
                tr(
                    "The catalogue '{id}' was not deleted: the copy of the link store kept before a "
                    "deletion could not be written to {path} ({reason})."
                ).format(id=catalogue_id, path=backup, reason=error)
            ) from error
    store.delete_catalogue(catalogue_id, delete_links=bool(links))
    return Removal(catalogue_id, links, backup)
