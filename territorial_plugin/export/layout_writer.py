"""Write a print layout to PDF, PNG or SVG without ever leaving a partial result.

Everything is written under a temporary name beside the target and renamed at
the end; a cancel or an error removes the temporary files, so the user finds
either the complete export or nothing (an older export stays untouched).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from qgis.core import QgsAbstractLayoutIterator, QgsLayoutExporter, QgsLayoutRenderContext, QgsPrintLayout
from qgis.PyQt.QtCore import QSize

from ..compat import qgis_enum
from ..core.errors import CancelledError, ExportError
from ..core.i18n import tr

FORMATS = ("pdf", "png", "svg")

# real text in PDF/SVG (selectable, searchable); the enum moved to Qgis in 3.28
_ALWAYS_TEXT = qgis_enum("Qgis.TextRenderFormat.AlwaysText", "QgsRenderContext.TextRenderFormat.TextFormatAlwaysText")


def _cancelled(feedback) -> bool:
    return feedback is not None and feedback.isCanceled()


def _check(feedback) -> None:
    if _cancelled(feedback):
        raise CancelledError(tr("The export was cancelled; no file was written."))


def pdf_settings(dpi: int = 300) -> QgsLayoutExporter.PdfExportSettings:
    """The PDF settings of every atlas export: vector maps, real text with embedded fonts, georeferenced."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.forceVectorOutput = True  # the map stays vector even with transparency
    settings.rasterizeWholeImage = False
    settings.exportMetadata = True
    settings.appendGeoreference = True
    settings.simplifyGeometries = False
    # real text (selectable, searchable) with the fonts embedded by Qt's PDF engine
    settings.textRenderFormat = _ALWAYS_TEXT
    settings.flags = settings.flags | QgsLayoutRenderContext.Flag.FlagAntialiasing
    return settings


def page_file_names(stem: str, count: int, suffix: str) -> list[str]:
    """``atlas_01.png``… numbered so that files sort in page order."""
    digits = max(2, len(str(count)))
    return [f"{stem}_{number:0{digits}d}.{suffix}" for number in range(1, count + 1)]


#: a layout to print, made ready just before it prints (see :class:`LayoutSequence`)
Step = Callable[[], QgsPrintLayout]


class LayoutSequence(QgsAbstractLayoutIterator):
    """Layouts printed one after another into one PDF, as QGIS prints an atlas.

    Each step readies its layout just before it prints (a page refilled for the next
    goal), so one layout can print many times. A cancel stops at the next step.
    """

    def __init__(self, steps: Sequence[Step], feedback=None):
        super().__init__()
        self._steps = list(steps)
        self._feedback = feedback
        self._index = -1
        self._layout: QgsPrintLayout | None = None
        # every layout printed stays alive until the sequence is dropped: QGIS 3.44 finishes
        # the PDF with the earlier layouts still in use (a step's fresh layout otherwise goes)
        self._printed: list[QgsPrintLayout] = []

    def count(self) -> int:
        return len(self._steps)

    def beginRender(self) -> bool:
        self._index = -1
        return True

    def endRender(self) -> bool:
        return True

    def next(self) -> bool:
        if self._feedback is not None:
            if self._index >= 0:
                self._feedback.setProgress(100.0 * (self._index + 1) / max(len(self._steps), 1))
            if self._feedback.isCanceled():
                return False
        self._index += 1
        if self._index >= len(self._steps):
            return False
        self._layout = self._steps[self._index]()
        self._printed.append(self._layout)
        return True

    def filePath(self, baseFilePath: str, extension: str) -> str:  # noqa: N803 (QGIS's names)
        return f"{baseFilePath}_{self._index + 1:02d}.{extension}"

    def layout(self) -> QgsPrintLayout:
        return self._layout


def export_layout(
    layout: QgsPrintLayout, output: str | Path, fmt: str, *, dpi: int = 300, stem: str = "atlas", feedback=None
) -> list[Path]:
    """Export ``layout``; returns the written files.

    ``fmt`` ``pdf``: ``output`` is the PDF file. ``png``/``svg``: ``output`` is a
    folder that receives one file per page (``<stem>_01.png``…).
    """
    return export_sequence([lambda: layout], output, fmt, dpi=dpi, stem=stem, feedback=feedback)


def export_sequence(
    steps: Sequence[Step], output: str | Path, fmt: str, *, dpi: int = 300, stem: str = "atlas", feedback=None
) -> list[Path]:
    """Export the layouts ``steps`` make ready, in order, as one document (see :func:`export_layout`)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(tr("Unknown export format '{fmt}'. Use pdf, png or svg.").format(fmt=fmt))
    output = Path(output)
    _check(feedback)
    if fmt == "pdf":
        return [_export_pdf(steps, output, dpi, feedback)]
    return _export_pages(steps, output, fmt, dpi, stem, feedback)


def _export_pdf(steps: Sequence[Step], output: Path, dpi: int, feedback) -> Path:
    if output.suffix.lower() != ".pdf":
        output = output.with_suffix(".pdf")
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.stem}.{uuid.uuid4().hex[:8]}.part.pdf")
    try:
        if len(steps) == 1:
            layout = steps[0]()  # held here: a layout the step made would be gone before the export
            exporter = QgsLayoutExporter(layout)
            result = exporter.exportToPdf(str(temporary), pdf_settings(dpi))
            error = exporter.errorFile()
        else:
            result, error = QgsLayoutExporter.exportToPdf(
                LayoutSequence(steps, feedback), str(temporary), pdf_settings(dpi)
            )
        if result != QgsLayoutExporter.ExportResult.Success:
            raise ExportError(tr("QGIS could not write the PDF {path}: {error}").format(path=str(output), error=error))
        _check(feedback)
        os.replace(temporary, output)
    finally:
        if temporary.exists():
            temporary.unlink()
    if feedback is not None:
        feedback.setProgress(100.0)
    return output


def _export_pages(steps: Sequence[Step], folder: Path, fmt: str, dpi: int, stem: str, feedback) -> list[Path]:
    if folder.suffix.lower() in (".png", ".svg"):
        folder = folder.parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=str(folder.parent)))
    try:
        # the final names need the page count: pages are written as they come, renamed at the end
        written_pages: list[Path] = []
        for number, step in enumerate(steps):
            _check(feedback)
            layout = step()
            exporter = QgsLayoutExporter(layout)
            for page in range(layout.pageCollection().pageCount()):
                _check(feedback)
                target = staging / f"page{len(written_pages):06d}.{fmt}"
                if fmt == "png":
                    image = exporter.renderPageToImage(page, QSize(), dpi)
                    if image.isNull() or not image.save(str(target), "PNG"):
                        raise ExportError(tr("QGIS could not write the image {path}.").format(path=str(target)))
                else:
                    _export_svg_page(exporter, layout, page, target, dpi)
                written_pages.append(target)
            if feedback is not None:
                feedback.setProgress(100.0 * (number + 1) / len(steps))
        _check(feedback)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for page, name in zip(written_pages, page_file_names(stem, len(written_pages), fmt)):
            os.replace(page, folder / name)
            written.append(folder / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _export_svg_page(exporter: QgsLayoutExporter, layout: QgsPrintLayout, page: int, target: Path, dpi: int) -> None:
    # QgsLayoutExporter writes every page of a layout to SVG at once; render one page at a
    # time through a QSvgGenerator instead, so cancel works between pages.
    from qgis.PyQt.QtCore import QRectF
    from qgis.PyQt.QtGui import QPainter
    from qgis.PyQt.QtSvg import QSvgGenerator

    page_item = layout.pageCollection().page(page)
    size_mm = page_item.pageSize()
    width_mm = layout.convertToLayoutUnits(size_mm).width()
    height_mm = layout.convertToLayoutUnits(size_mm).height()
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    generator.setTitle(layout.name())
    generator.setResolution(dpi)
    width_px = round(width_mm / 25.4 * dpi)
    height_px = round(height_mm / 25.4 * dpi)
    generator.setSize(QSize(width_px, height_px))
    generator.setViewBox(QRectF(0, 0, width_px, height_px))
    context = layout.renderContext()
    previous_dpi = context.dpi()
    previous_flags = context.flags()
    context.setDpi(dpi)
    context.setFlag(QgsLayoutRenderContext.Flag.FlagForceVectorOutput, True)
    context.setTextRenderFormat(_ALWAYS_TEXT)
    painter = QPainter(generator)
    try:
        exporter.renderPage(painter, page)
    finally:
        painter.end()
        context.setDpi(previous_dpi)
        context.setFlags(previous_flags)
    if not target.is_file():
        raise ExportError(tr("QGIS could not write the SVG {path}.").format(path=str(target)))
