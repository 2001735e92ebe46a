"""Write the regional report's workbook without leaving a partial file."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from ...core.errors import CancelledError
from ...core.i18n import tr
from .tables import SHEETS, sheet_titles

#: characters; a goal's label ("Agenda 2030 · delmål 11.7") wraps onto two or three header lines
GOAL_COLUMN_WIDTH = 14


def write_regional_xlsx(tables: dict, output: str | Path, *, feedback=None) -> Path:
    """One workbook, a sheet per part of :data:`SHEETS`; headers styled as the goal tables' are."""
    import pandas as pd
    from openpyxl.styles import Alignment, Font, PatternFill

    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.stem}.{uuid.uuid4().hex[:8]}.part.xlsx")
    titles = sheet_titles()
    header_fill = PatternFill("solid", fgColor="005480")
    try:
        with pd.ExcelWriter(temporary, engine="openpyxl") as writer:
            for part in SHEETS:
                if feedback is not None and feedback.isCanceled():
                    raise CancelledError(tr("The export was cancelled; no file was written."))
                frame = tables[part]
                frame.to_excel(writer, sheet_name=titles[part][:31], index=False)
                sheet = writer.sheets[titles[part][:31]]
                for cell in sheet[1]:
                    cell.font = Font(bold=True, color="FFFFFF")
                    cell.fill = header_fill
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                matrix = part in ("areas", "hectares", "supports", "conflicts")
                sheet.freeze_panes = "C2" if matrix else "A2"
                for index, column in enumerate(frame.columns, start=1):
                    values = [str(column)] + [str(v) for v in frame.iloc[:200, index - 1].tolist()]
                    width = min(max(len(v) for v in values) + 2, 60)
                    if matrix and index > 2:  # a goal's column: its figures' width, the header wraps
                        width = min(width, GOAL_COLUMN_WIDTH)
                    sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(width, 8)
        os.replace(temporary, output)
    finally:
        if temporary.exists():
            temporary.unlink()
    return output
