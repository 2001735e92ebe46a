"""The report of a rules run as a table (.xlsx or .csv): area, rule, goal, what would change or changed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import RuleError
from ..i18n import tr
from .apply import Outcome, change_text


def report_frame(outcomes: Sequence[Outcome], names: dict[str, str]):
    """The outcomes as a pandas DataFrame (translated headers), in run order."""
    import pandas as pd

    columns = [
        tr("Area id"),
        tr("Name"),
        tr("Rule"),
        tr("Goal id"),
        tr("Change"),
        tr("Stance"),
        tr("Motivation"),
    ]
    texts = {}
    rows = []
    for o in outcomes:
        text = texts.get(o.change) or texts.setdefault(o.change, change_text(o.change))
        rows.append((o.key, names.get(o.key, ""), o.rule, o.goal_id, text, o.stance, o.motivation))
    return pd.DataFrame(rows, columns=columns, dtype=object)


def write_report(outcomes: Sequence[Outcome], names: dict[str, str], path: str | Path) -> Path:
    """Write the report (via a temporary file: a failed write leaves no half file)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise RuleError(tr("Write the report to .xlsx or .csv, not {suffix}.").format(suffix=suffix or path.name))
    frame = report_frame(outcomes, names)
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".csv":
            frame.to_csv(tmp, sep=";", index=False, encoding="utf-8-sig", lineterminator="\r\n")
        else:
            frame.to_excel(tmp, sheet_name=tr("Rules"), index=False, engine="openpyxl")
        tmp.replace(path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise RuleError(
            tr("The report could not be written to {path}: {error}").format(path=path, error=error)
        ) from error
    return path
