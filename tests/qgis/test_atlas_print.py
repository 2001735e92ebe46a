"""The exported atlas is printed page by page (``export/atlas/printer.py``): its pages must be
those of the layout the project keeps for the layout designer, page for page."""

from __future__ import annotations

import subprocess
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtGui import QImage

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.model import Link
from territorial_plugin.export.atlas.build import AtlasLayer, AtlasOptions, build_atlas, export_atlas
from territorial_plugin.export.atlas.printer import AtlasPrinter
from territorial_plugin.export.atlas.text import label_font
from territorial_plugin.export.layout_writer import export_layout

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "exempelkommun.qgs"


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def _page_images(pdf: Path, folder: Path) -> list[QImage]:
    folder.mkdir()
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(folder / "p")], check=True)
    return [QImage(str(path)) for path in sorted(folder.glob("p-*.png"))]


def test_printed_pages_equal_the_layout_saved_in_the_project(qgis_app, tmp_path):
    project = QgsProject()
    assert project.read(str(SAMPLE))
    land_use = next(layer for layer in project.mapLayers().values() if layer.name().startswith("Markanv"))
    keys = sorted(str(f["omr_id"]) for f in land_use.getFeatures())
    catalogue, goals = load_bundled("agenda2030")
    by_code = {goal.code: goal for goal in goals}
    chosen = [by_code[code] for code in ("1", "7", "11", "11.7", "15")]
    links = [Link("uid", key, by_code["7"].id, "supports", 2, "Förnybar el – åäö") for key in keys[:2]]
    links += [Link("uid", key, by_code["11"].id, "supports", 3, "Förtätning nära kollektivtrafik.") for key in keys]
    links += [Link("uid", key, by_code["11.7"].id, "supports", 1, "Park och torg.") for key in keys[2:5]]
    links += [Link("uid", keys[6], by_code["15"].id, "conflicts", 1, "Väg genom friluftsområdet.")]
    atlas = build_atlas(
        [AtlasLayer(land_use, "uid", "omr_id")],
        chosen,
        links,
        catalogue=catalogue,
        options=AtlasOptions(municipality="Testkommun", date="2030-01-01", include_unlinked_goals=True),
        project=project,
    )
    printed = export_atlas(atlas, tmp_path / "printed.pdf")[0]

    printer = AtlasPrinter(atlas)
    printer.prepare()
    sheets = printer.sheets
    # goal 1 (no areas: a note) and goal 11 (its table continues) get layouts of their own;
    # goals 7, 11.7 and 15 share one goal page, and 11.7's long title is set smaller on it
    # before 15's short one: the page must give 15's title the template's type again
    shared = [sheet.goal.goal.code for sheet in sheets if sheet.goal is not None]
    assert shared == ["7", "11.7", "15"]
    assert len({id(sheet.layout) for sheet in sheets}) == len(sheets) - 2

    whole = export_layout(atlas.layout, tmp_path / "whole.pdf", "pdf")[0]
    assert atlas.page_count == atlas.layout.pageCollection().pageCount() > len(sheets)
    texts = _page_texts(printed)
    assert texts == _page_texts(whole)
    assert len(texts) == atlas.page_count
    assert f"Page 2 of {atlas.page_count}" in texts[1] or f"Sida 2 av {atlas.page_count}" in texts[1]
    for number, (mine, theirs) in enumerate(
        zip(_page_images(printed, tmp_path / "printed"), _page_images(whole, tmp_path / "whole")), start=1
    ):
        assert not mine.isNull() and mine == theirs, f"page {number} differs"

    title = next(sheet for sheet in sheets if sheet.goal is not None).layout.itemById("tl_goal_title")
    template_size = label_font(atlas.layout.itemById("tl_goal_title"))[0].pointSizeF()
    assert label_font(title)[0].pointSizeF() == template_size, "15's title printed last, in the template's type"
