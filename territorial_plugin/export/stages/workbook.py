"""The stage comparison as one workbook: per goal, links, areas, links whose area disappeared."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from ...core.errors import CancelledError
from ...core.i18n import tr


def sheet_titles() -> list[str]:
    return [tr("Per goal"), tr("Links"), tr("Areas"), tr("Links without area")]


def write_workbook(sheets: list[list[dict]], output: Path, *, feedback=None) -> Path:
    """``sheets`` (rows as dicts, in the order of :func:`sheet_titles`) → ``output`` (.xlsx), whole or not at all."""
    import pandas as pd
    from openpyxl.styles import Alignment, Font, PatternFill

    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.stem}.{uuid.uuid4().hex[:8]}.part.xlsx")
    header_fill = PatternFill("solid", fgColor="005480")
    try:
        with pd.ExcelWriter(temporary, engine="openpyxl") as writer:
            for title, rows in zip(sheet_titles(), sheets):
                if feedback is not None and feedback.isCanceled():
                    raise CancelledError(tr("The export was cancelled; no file was written."))
                frame = pd.DataFrame(rows)
                if frame.empty:
                    frame = pd.DataFrame({tr("Change"): [tr("Nothing changed")]})
                frame.to_excel(writer, sheet_name=title[:31], index=False)
                sheet = writer.sheets[title[:31]]
                for cell in sheet[1]:
                    cell.font = Font(bold=True, color="FFFFFF")
                    cell.fill = header_fill
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                sheet.freeze_panes = "A2"
                for index, column in enumerate(frame.columns, start=1):
                    values = [str(column)] + [str(v) for v in frame.iloc[:200, index - 1].tolist()]
                    width = min(max(len(v) for v in values) + 2, 50)
                    sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(width, 8)
        os.replace(temporary, output)
    finally:
        if temporary.exists():
            temporary.unlink()
    return output
