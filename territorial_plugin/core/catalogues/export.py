"""Export a catalogue to CSV, XLSX or JSON: files that ``catalogue_io`` reads back as the same goals."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import CatalogueError
from ..i18n import tr
from ..model import Catalogue, Goal
from .tree import FIELDS, goal_rows

EXPORT_COLUMNS = list(FIELDS)


def export_frame(goals: Sequence[Goal]):
    """The goals as a pandas DataFrame with the export columns, in tree order."""
    import pandas as pd

    rows = goal_rows(goals)
    return pd.DataFrame(
        [[getattr(row, key) for key in EXPORT_COLUMNS] for row in rows], columns=EXPORT_COLUMNS, dtype=object
    )


def export_catalogue(catalogue: Catalogue, goals: Sequence[Goal], path: str | Path) -> Path:
    """Write ``catalogue`` to ``path`` (.csv: UTF-8 with BOM and ``;`` as Swedish Excel
    expects; .xlsx: sheets ``goals`` and ``catalogue``; .json: the project format).

    The file is written to a temporary name first, so a failed export leaves no
    half-written file. Reading the export back gives the same goals.
    """
    from .json_format import catalogue_to_dict, dumps

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".json"):
        raise CatalogueError(tr("Export to .csv, .xlsx or .json, not {suffix}.").format(suffix=suffix or path.name))
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".json":
            tmp.write_text(dumps(catalogue, goals), encoding="utf-8")
        elif suffix == ".csv":
            export_frame(goals).to_csv(tmp, sep=";", index=False, encoding="utf-8-sig", lineterminator="\r\n")
        else:
            import pandas as pd

            meta = pd.DataFrame(list(catalogue_to_dict(catalogue).items()), columns=["key", "value"])
            with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
                export_frame(goals).to_excel(writer, sheet_name="goals", index=False)
                meta.to_excel(writer, sheet_name="catalogue", index=False, header=False)
        tmp.replace(path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise CatalogueError(
            tr("The catalogue could not be written to {path}: {error}").format(path=path, error=error)
        ) from error
    return path
