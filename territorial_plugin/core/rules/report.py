"""The report of a rules run as a table (.xlsx or .csv): area, rule, goal, what would change or changed."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import RuleError
from ..i18n import tr
from .apply import OutcomeRow, change_text


def _headers() -> list[str]:
    return [tr("Area id"), tr("Name"), tr("Rule"), tr("Goal id"), tr("Change"), tr("Stance"), tr("Motivation")]


def _rows(outcomes: Sequence[OutcomeRow], names: dict[str, str]) -> Iterator[tuple]:
    texts: dict[str, str] = {}
    for key, rule, goal, change, stance, motivation in outcomes:
        text = texts.get(change) or texts.setdefault(change, change_text(change))
        yield (key, names.get(key, ""), rule, goal, text, stance, motivation)


def report_frame(outcomes: Sequence[OutcomeRow], names: dict[str, str]):
    """The outcomes (as for :func:`write_report`) as a pandas DataFrame (translated headers), in run order."""
    import pandas as pd

    return pd.DataFrame(list(_rows(outcomes, names)), columns=_headers(), dtype=object)


def write_report(outcomes: Sequence[OutcomeRow], names: dict[str, str], path: str | Path) -> Path:
    """Write the report (via a temporary file: a failed write leaves no half file).

    ``outcomes``: :class:`Outcome` or rows laid out as one (``ApplyResult.rows``).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise RuleError(tr("Write the report to .xlsx or .csv, not {suffix}.").format(suffix=suffix or path.name))
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".csv":
            # the csv module straight from the outcomes: a DataFrame of a run's hundreds of
            # thousands of rows costs more than the writing (the same file as pandas' to_csv).
            # The byte order mark (for Excel) written once: the utf-8-sig codec encodes in Python.
            with open(tmp, "w", encoding="utf-8", newline="") as file:
                file.write("\ufeff")
                writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
                writer.writerow(_headers())
                writer.writerows(_rows(outcomes, names))
        else:
            report_frame(outcomes, names).to_excel(tmp, sheet_name=tr("Rules"), index=False, engine="openpyxl")
        tmp.replace(path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise RuleError(
            tr("The report could not be written to {path}: {error}").format(path=path, error=error)
        ) from error
    return path
