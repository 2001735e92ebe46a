"""What the region's GIS officer saw on the regional atlas's pages (tests/e2e/scenario_region.py): the
organisation table's headers whole in Swedish, texts set ragged right, the municipalities' names on the
overview map each inside its own municipality and clear of the others."""

from __future__ import annotations

import re
import subprocess

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutUtils,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from territorial_plugin.export.atlas.furniture import page_extent
from territorial_plugin.export.atlas.layers import text_format
from territorial_plugin.export.layout_writer import export_sequence
from territorial_plugin.export.region import map_layers
from territorial_plugin.export.region.atlas import MAP_RECT, RegionalPages
from territorial_plugin.export.region.side import TABLE_SIZE
from territorial_plugin.paths import resource
from territorial_plugin.translation import install_translator, remove_translator
from tests.qgis.region_support import many_organisations

MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture()
def swedish(qgis_app):
    translator = install_translator("sv")
    assert translator is not None, "i18n/territorial_plugin_sv.qm missing: run make i18n"
    yield
    remove_translator(translator)


def _pages():
    data = many_organisations(4, goals=1)
    pages = RegionalPages(data, None)
    return [pages.overview(), pages.goal_page(data.goals[0])]


def test_every_table_header_fits_its_column_in_swedish(swedish):
    """'Motverkar' (conflicts), the longest header, was cut at the table's edge."""
    font = text_format(TABLE_SIZE, bold=True).toQFont()
    font.setPointSizeF(TABLE_SIZE)
    for layout in _pages():
        tables = [m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemManualTable)]
        assert tables
        for table in tables:
            headers = [column.heading() for column in table.headers()]
            assert "Motverkar" in headers
            for heading, width in zip(headers, table.columnWidths()):
                assert QgsLayoutUtils.textWidthMM(font, heading) <= width, heading


def test_every_label_is_set_ragged_right(qgis_app):
    """A layout label justifies by default: the conflict list had wide gaps between its words."""
    for layout in _pages():
        labels = [item for item in layout.items() if isinstance(item, QgsLayoutItemLabel)]
        assert len(labels) >= 4
        assert all(label.hAlign() == Qt.AlignmentFlag.AlignLeft for label in labels)


def test_municipality_names_sit_inside_their_own_municipality_apart(qgis_app, tmp_path):
    """The sample region's borders: Björkå and Fjällmora wrap around Exempelkommun, so a name over the
    centre point lay at the shared border and the three names ran into each other. Read where the
    printed overview puts each name's words, back in map coordinates."""
    boundaries = QgsVectorLayer(str(resource("sample", "region", "kommungranser.geojson")), "gränser", "ogr")
    shapes = {f["kommun"]: QgsGeometry(f.geometry()) for f in boundaries.getFeatures()}
    data = many_organisations(3, goals=1)
    pages = RegionalPages(data, map_layers.borders_layer(boundaries, QgsProject.instance()))
    extent = page_extent(pages._grown(), MAP_RECT, QgsCoordinateReferenceSystem(map_layers.CRS))
    path = export_sequence([pages.overview], tmp_path / "overview.pdf", "pdf", dpi=200)[0]
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    metres = extent.width() / MAP_RECT.width()  # per mm on the page

    def on_map(x: str, y: str) -> QgsPointXY:
        x_mm, y_mm = float(x) / MM, float(y) / MM
        return QgsPointXY(extent.xMinimum() + (x_mm - MAP_RECT.x()) * metres,
                          extent.yMaximum() - (y_mm - MAP_RECT.y()) * metres)  # fmt: skip

    boxes, last = {}, None
    for x0, y0, x1, y1, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', html
    ):
        if float(x1) / MM > MAP_RECT.right():  # the legend's and the table's names beside the map
            continue
        names = [n for n in shapes if word in n.split()]
        # "kommun" ends two names: it belongs to the name whose first word came just before it
        name = last if last in names else (names[0] if len(names) == 1 else None)
        last = name
        if name is not None:
            box = QgsGeometry.fromRect(QgsRectangle(on_map(x0, y1), on_map(x1, y0)))
            boxes[name] = box if name not in boxes else boxes[name].combine(box)
    assert set(boxes) == set(shapes)
    clearance = 2.0 * metres  # 2 mm on the page
    for name, box in boxes.items():
        assert shapes[name].contains(box.buffer(clearance, 2)), f"{name} lies on or near its border"
        assert all(box.distance(other) >= clearance for n, other in boxes.items() if n != name), name


def test_an_english_only_title_is_marked_and_kept_above_the_subtitle(qgis_app):
    """Agenda 2030 targets have English titles only: the page title said them unmarked, in two lines of
    15 pt that ran into the subtitle."""
    from dataclasses import replace

    from territorial_plugin.core.labels import english_marker
    from territorial_plugin.export.region.side import text_height

    data = many_organisations(2, goals=1)
    english = (
        "By 2030, provide universal access to safe, inclusive and accessible, green and public spaces, in "
        "particular for women and children, older persons and persons with disabilities"
    )
    goal = replace(data.goals[0], title_sv="", title_en=english)
    data.goals[0] = goal
    layout = RegionalPages(data, None).goal_page(goal)
    (title,) = [i for i in layout.items() if isinstance(i, QgsLayoutItemLabel) and english in i.text()]
    assert title.text().endswith(english_marker())
    size = _size(title)
    assert size < 15 and text_height(title.text(), size, 277, True) <= title.sizeWithUnits().height()


def _size(item: QgsLayoutItemLabel) -> float:
    return item.textFormat().size() if hasattr(item, "textFormat") else item.font().pointSizeF()
