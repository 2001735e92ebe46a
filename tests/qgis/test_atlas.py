"""The goal atlas of the sample municipality, as a planner receives it (PDF, PNG, SVG).

Pages are rendered to ``tests/artifacts/export/`` for looking at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsFeedback, QgsProject, QgsRenderContext

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.errors import CancelledError, ExportError
from territorial_plugin.export.atlas.build import AtlasLayer, AtlasOptions, add_to_project, build_atlas, export_atlas
from territorial_plugin.export.service import build_atlas_from, gather_inputs, keep_atlas, run_atlas_export
from territorial_plugin.export.templates import BUNDLED_TEMPLATES, AtlasTemplate, template_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "exempelkommun.qgs"
ARTIFACTS = ROOT / "tests" / "artifacts" / "export"


def _pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _page_text(path: Path, page: int) -> str:
    args = ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _render_artifacts(pdf: Path, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(ARTIFACTS / name)], check=True)


def _export(sample, tmp_path, template="A4_portrait", name="atlas") -> tuple:
    """The atlas of the sample store as the service builds it, written to a PDF: ``(atlas, pdf)``."""
    inputs = gather_inputs(sample["store"], sample["layers"])
    atlas = build_atlas_from(inputs, sample["layers"], AtlasOptions(template=template), sample["project"])
    return atlas, export_atlas(atlas, tmp_path / f"{name}.pdf")[0]


def test_pdf_has_overview_goal_pages_and_continuation(sample, tmp_path):
    pdf = tmp_path / "atlas.pdf"
    done = run_atlas_export(sample["store"], sample["layers"], pdf, project=sample["project"])
    _render_artifacts(pdf, "atlas_A4_portrait")
    goals = {g.id: g for g in sample["goals"]}
    linked = [sample["long_goal"], *sample["links"]]
    pages = _pdf_pages(pdf)
    assert done.files == [pdf]
    assert pages == done.pages
    assert done.goal_pages == len(linked)
    # one overview + one page per linked goal + at least one continuation for the 35-area goal
    assert pages >= 1 + len(linked) + 1
    texts = [_page_text(pdf, n) for n in range(1, pages + 1)]
    # goal pages in catalogue order: 6, 7, 11 (+ continuation), 15
    titles = [goals[g].title_sv for g in ("agenda2030:6", "agenda2030:7", "agenda2030:11", "agenda2030:15")]
    first_page = [next(i for i, text in enumerate(texts) if t in text and i > 0) for t in titles]
    assert first_page == sorted(first_page)
    continuation = first_page[3] - first_page[2] - 1
    assert continuation >= 1, "the 35-area table must continue on a further page"
    assert pages == 1 + len(linked) + continuation
    # every linked area of the long goal is listed somewhere on its pages
    long_text = "".join(texts[first_page[2] : first_page[3]])
    for key in sample["long_goal_keys"]:
        assert key in long_text
    # page numbers and municipality on every page
    for number, text in enumerate(texts, start=1):
        assert "Exempelkommun" in text
        assert re.search(rf"\b{number}\b\D+\b{pages}\b", text), f"page number missing on page {number}"


def test_pdf_text_is_searchable_with_swedish_letters(sample, tmp_path):
    _, pdf = _export(sample, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    goals = {g.id: g for g in sample["goals"]}
    for goal_id in [sample["long_goal"], *sample["links"]]:
        assert goals[goal_id].title_sv in " ".join(text.split()), goals[goal_id].title_sv
    assert "Vindkraft i renbetesland påverkar ekosystem och rennäring." in " ".join(text.split())
    assert any(c in text for c in "åäö")


def test_pdf_embeds_every_font(sample, tmp_path):
    _, pdf = _export(sample, tmp_path)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows, "the PDF must carry real text, not outlines"
    for row in rows:
        columns = row.split()
        assert columns[-5] == "yes", f"font not embedded: {row}"


def test_map_stays_vector(sample, tmp_path):
    _, pdf = _export(sample, tmp_path)
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) <= 2, f"raster images in the atlas:\n{images}"
    # the map's polygons are paths in the page content
    svg_dir = tmp_path / "svg"
    atlas, _ = _export(sample, tmp_path, name="again")
    files = export_atlas(atlas, svg_dir, "svg", dpi=96)
    assert len(files) == atlas.page_count
    assert "<path" in files[1].read_text(encoding="utf-8")


def test_png_pages_at_chosen_dpi(sample, tmp_path):
    atlas, _ = _export(sample, tmp_path)
    files = export_atlas(atlas, tmp_path / "png", "png", dpi=50)
    assert [f.name for f in files] == sorted(f.name for f in files)
    assert len(files) == atlas.page_count
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(files[0]))
    assert abs(image.width() - round(210 / 25.4 * 50)) <= 2  # A4 portrait at 50 dpi
    assert not list((tmp_path).glob(".png.*"))  # no staging folder left


@pytest.mark.parametrize("template", sorted(BUNDLED_TEMPLATES))
def test_every_bundled_template_builds(sample, tmp_path, template):
    atlas, pdf = _export(sample, tmp_path, template=template, name=template)
    _render_artifacts(pdf, f"atlas_{template}")
    width, height = AtlasTemplate(template_path(template)).page_size("goal")
    page = atlas.layout.pageCollection().page(1)
    assert (round(page.pageSize().width()), round(page.pageSize().height())) == (round(width), round(height))


def test_cancel_half_way_leaves_no_file(sample, tmp_path):
    class CancelAtHalf(QgsFeedback):
        def __init__(self):
            super().__init__()
            self.progressChanged.connect(lambda value: value >= 30 and self.cancel())

    output = tmp_path / "out" / "atlas.pdf"
    output.parent.mkdir()
    with pytest.raises(CancelledError):
        run_atlas_export(sample["store"], sample["layers"], output, project=sample["project"], feedback=CancelAtHalf())
    assert list(output.parent.iterdir()) == []


def test_failed_export_keeps_the_previous_file(sample, tmp_path, monkeypatch):
    output = tmp_path / "atlas.pdf"
    output.write_bytes(b"%PDF previous")
    from territorial_plugin.export import layout_writer as layout_export

    def failing(first, *args):
        # the exporter's method returns a result; its static form for several layouts also an error text
        if isinstance(first, layout_export.QgsAbstractLayoutIterator):
            return layout_export.QgsLayoutExporter.FileError, "disk full"
        return layout_export.QgsLayoutExporter.FileError

    monkeypatch.setattr(layout_export.QgsLayoutExporter, "exportToPdf", failing)
    with pytest.raises(ExportError):
        run_atlas_export(sample["store"], sample["layers"], output, project=sample["project"])
    assert output.read_bytes() == b"%PDF previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_chosen_goals_only_and_unlinked_goal_gets_a_page(sample, tmp_path):
    output = tmp_path / "two.pdf"
    done = run_atlas_export(
        sample["store"], sample["layers"], output, goal_ids=["agenda2030:7", "agenda2030:1"], project=sample["project"]
    )
    assert [goal.id for goal in done.inputs.goals] == ["agenda2030:1", "agenda2030:7"]
    assert done.goal_pages == 2
    assert _pdf_pages(output) == done.pages == 3
    assert "No areas are linked to this goal." in _page_text(output, 2) or "Inga områden" in _page_text(output, 2)


def test_layout_saved_in_project_under_clear_name(sample, tmp_path):
    inputs = gather_inputs(sample["store"], sample["layers"])
    name = keep_atlas(inputs, sample["layers"], AtlasOptions(), sample["project"]).name()
    layout = sample["project"].layoutManager().layoutByName(name)
    assert layout is not None
    assert "Agenda 2030" in name
    # a second export replaces it instead of piling up copies
    keep_atlas(inputs, sample["layers"], AtlasOptions(), sample["project"])
    names = [lay.name() for lay in sample["project"].layoutManager().layouts()]
    assert names.count(name) == 1
    # the project survives a save and reload with the layout in it
    path = tmp_path / "with_atlas.qgs"
    assert sample["project"].write(str(path))
    reloaded = QgsProject()
    assert reloaded.read(str(path))
    assert reloaded.layoutManager().layoutByName(name) is not None


def _support_pixels(png: Path) -> int:
    """Pixels of the goal map drawn in the support colour (the highlighted areas' outlines)."""
    from qgis.PyQt.QtGui import QColor, QImage

    image = QImage(str(png))
    count = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            color = QColor(image.pixel(x, y))
            if abs(color.red() - 26) <= 14 and abs(color.green() - 133) <= 14 and abs(color.blue() - 72) <= 14:
                count += 1
    return count


def test_layout_saved_in_project_still_draws_after_reopening(sample, tmp_path):
    atlas, _ = _export(sample, tmp_path, name="first")
    add_to_project(atlas, sample["project"])
    name = atlas.layout.name()
    before = export_atlas(atlas, tmp_path / "before", "png", dpi=40)
    goal_page = [page.goal.id for page in atlas.data.pages].index(sample["long_goal"]) + 1  # after the overview
    highlighted = _support_pixels(before[goal_page])
    assert highlighted > 200, "the goal map must show the goal's supporting areas"
    path = tmp_path / "project_with_atlas.qgs"
    assert sample["project"].write(str(path))
    del atlas

    reopened = QgsProject()
    assert reopened.read(str(path))
    try:
        layout = reopened.layoutManager().layoutByName(name)
        assert layout is not None
        from territorial_plugin.export.layout_writer import export_layout

        after = export_layout(layout, tmp_path / "after", "png", dpi=40)
        assert len(after) == len(before)
        # the same highlighted areas, not a blank map (memory layers would come back empty)
        assert _support_pixels(after[goal_page]) >= 0.9 * highlighted
    finally:
        reopened.removeAllMapLayers()
        reopened.clear()


def _dark_pixels(png: Path, box_mm: tuple, dpi: int) -> int:
    """Pixels darker than mid-grey inside ``box_mm`` (x, y, w, h on the page) of a rendered page."""
    from qgis.PyQt.QtGui import QColor, QImage

    image = QImage(str(png))
    x0, y0, w, h = (round(v / 25.4 * dpi) for v in box_mm)
    return sum(
        1
        for y in range(y0, min(y0 + h, image.height()))
        for x in range(x0, min(x0 + w, image.width()))
        if QColor(image.pixel(x, y)).lightness() < 100
    )


def test_map_furniture_drawn_over_the_map_and_legend_in_the_map_colours(sample, tmp_path):
    """The maps are added after the other items: north arrow and scale bar must still be on top."""
    from qgis.core import QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemScaleBar

    atlas, pdf = _export(sample, tmp_path)
    # the legend names the layers as the map shows them (not their stand-ins' names)
    legend_text = _page_text(pdf, 2)
    assert "Vatten" in legend_text
    assert "(legend)" not in legend_text and "teckenförklaring)" not in legend_text
    by_page: dict = {}
    for item in atlas.layout.items():
        for kind in (QgsLayoutItemMap, QgsLayoutItemScaleBar, QgsLayoutItemPicture, QgsLayoutItemLegend):
            if isinstance(item, kind):
                by_page.setdefault(item.page(), {})[kind] = item
    assert len(by_page) >= 1 + len(sample["links"]) + 1
    for page, items in by_page.items():
        if QgsLayoutItemMap not in items:
            continue  # a continuation page
        map_item = items[QgsLayoutItemMap]
        for kind in (QgsLayoutItemScaleBar, QgsLayoutItemPicture, QgsLayoutItemLegend):
            assert items[kind].zValue() > map_item.zValue(), f"{kind.__name__} under the map on page {page + 1}"
            assert items[kind].linkedMap() is map_item
    # what a reader sees: the north arrow and the scale bar over the first goal page's map
    pngs = export_atlas(atlas, tmp_path / "png", "png", dpi=60)
    assert _dark_pixels(pngs[1], (134, 64, 8, 12), 60) > 20, "no north arrow on the goal map"
    assert _dark_pixels(pngs[1], (18, 164, 55, 7), 60) > 20, "no scale bar on the goal map"
    # the land use in the legend: under its own name, in the map's pale colours
    land_use = sample["layers"][0]
    legend = by_page[1][QgsLayoutItemLegend]
    nodes = {n.customProperty("legend/title-label"): n for n in legend.model().rootGroup().findLayers()}
    shown = nodes[land_use.name()].layer()
    drawn = [s.color().lightness() for s in land_use.renderer().symbols(QgsRenderContext())]
    swatches = [s.color().lightness() for s in shown.renderer().symbols(QgsRenderContext())]
    assert len(swatches) == len(drawn)
    assert all(pale > full for pale, full in zip(swatches, drawn) if full < 250)


def test_long_goal_title_is_set_smaller_not_cut_off(qgis_app):
    """An Agenda 2030 target's title runs to four lines at the template's size; QGIS would clip it."""
    from qgis.core import QgsPrintLayout

    from territorial_plugin.export.atlas.text import SMALLEST, label_font, shrink_to_fit, text_height_mm
    from territorial_plugin.export.templates import GOAL

    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    title = AtlasTemplate(template_path("A4_portrait")).instantiate(layout, GOAL, 0)["tl_goal_title"]
    template_size = label_font(title)[0].pointSizeF()
    long_title = (
        "By 2030, provide universal access to safe, inclusive and accessible, green and public spaces, "
        "in particular for women and children, older persons and persons with disabilities"
    )
    assert text_height_mm(long_title, label_font(title)[0], title.rect().width()) > title.rect().height()
    title.setText(long_title)
    scale = shrink_to_fit(title, long_title)
    font = label_font(title)[0]
    assert SMALLEST <= scale < 1.0
    assert font.pointSizeF() == pytest.approx(template_size * scale)
    assert font.bold(), "only the size changes"
    assert text_height_mm(long_title, font, title.rect().width()) <= title.rect().height()
    # a usual title keeps the template's type
    assert shrink_to_fit(title, "Hållbar energi för alla") == 1.0


def test_user_template_without_map_is_refused(tmp_path):
    own = tmp_path / "own.qpt"
    text = template_path("A4_portrait").read_text(encoding="utf-8").replace('id="tl_map"', 'id="my_map"')
    own.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError, match="tl_map"):
        AtlasTemplate(own)
    with pytest.raises(ExportError):
        template_path(str(tmp_path / "missing.qpt"))


def test_user_template_is_used(sample, tmp_path):
    own = tmp_path / "kommunens_mall.qpt"
    text = template_path("A4_landscape").read_text(encoding="utf-8")
    own.write_text(text, encoding="utf-8")
    atlas, pdf = _export(sample, tmp_path, template=str(own), name="own")
    assert atlas.layout.pageCollection().page(0).pageSize().width() == pytest.approx(297)
    assert _pdf_pages(pdf) == atlas.page_count


def test_plain_inputs_without_store(qgis_app, tmp_path):
    project = QgsProject()
    assert project.read(str(SAMPLE))
    land_use = next(layer for layer in project.mapLayers().values() if layer.name().startswith("Markanv"))
    catalogue, goals = load_bundled("miljomal")
    from territorial_plugin.core.model import Link

    goal = next(g for g in goals if g.code == "15")
    links = [Link("uid", "EK-001", goal.id, "supports", 2, "Bra byggd miljö – åäö")]
    atlas = build_atlas(
        [AtlasLayer(land_use, "uid", "omr_id")],
        [goal],
        links,
        catalogue=catalogue,
        options=AtlasOptions(municipality="Testkommun", date="2030-01-01"),
        project=project,
    )
    assert atlas.page_count == 2
    pdf = export_atlas(atlas, tmp_path / "plain.pdf")[0]
    text = _page_text(pdf, 2)
    assert "Testkommun" in text and "2030-01-01" in text and goal.title_sv.split()[0] in text


@pytest.fixture(scope="module", autouse=True)
def _clean_artifacts():
    yield
    shutil.rmtree(ARTIFACTS / "tmp", ignore_errors=True)


@pytest.mark.parametrize("template", ["A4_portrait", "A4_landscape"])
def test_the_overview_lists_fourteen_goals_with_long_titles_inside_its_legend_box(sample, tmp_path, template):
    """Fourteen goals, four of them the national strategy's long titles: every one is in the overview's
    legend and the legend fits its box (it ran twice as tall, under the chart, before it was measured)."""
    from qgis.core import QgsLayoutItemLegend, QgsLayoutUtils, QgsLegendRenderer

    from territorial_plugin.core.model import LinkSpec

    store, uid = sample["store"], sample["record"].layer_uid
    store.save_catalogue(*load_bundled("nrs2030"))
    extra = ["agenda2030:3", "agenda2030:4", "agenda2030:5", "agenda2030:8"]
    extra += ["agenda2030:9", "agenda2030:10", "nrs2030:A", "nrs2030:B", "nrs2030:C", "nrs2030:D"]
    store.link(uid, ["EK-001", "EK-002"], extra, LinkSpec("supports", 2, "Test"), "test")
    atlas, pdf = _export(sample, tmp_path, template, name=f"overview_{template}")
    assert len(atlas.data.pages) >= 14
    layout = atlas.build_layout()
    legend = next(i for i in layout.items() if isinstance(i, QgsLayoutItemLegend) and i.page() == 0)
    context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
    needed = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)
    assert needed.height() <= legend.rect().height() and needed.width() <= legend.rect().width()
    overview = " ".join(_page_text(pdf, 1).split())
    assert all(f"{number} · " in overview for number in range(1, 15)), overview


def test_a_legend_label_wrapped_narrow_is_wrapped_again_when_its_column_widens(qgis_app):
    """The overview tries narrower columns first; a later, wider try must not keep the narrow lines."""
    from qgis.core import QgsLayerTreeLayer, QgsLayout, QgsLayoutItemLegend, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt

    from territorial_plugin.export.atlas.map_style import wrap_legend_labels

    project = QgsProject()
    layout = QgsLayout(project)
    legend = QgsLayoutItemLegend(layout)
    legend.setAutoUpdateModel(False)
    layer = QgsVectorLayer("Polygon?crs=EPSG:3006", "4 · Agenda 2030 · delmål 11.1 Bostäder för alla", "memory")
    legend.model().rootGroup().addChildNode(QgsLayerTreeLayer(layer))

    def label() -> str:
        node = legend.model().rootGroup().findLayers()[0]
        return legend.model().layerOriginalLegendNodes(node)[0].data(Qt.ItemDataRole.DisplayRole)

    wrap_legend_labels(legend, 16)
    assert max(len(line) for line in label().split("\n")) <= 16
    wrap_legend_labels(legend, 60)
    assert label() == "4 · Agenda 2030 · delmål 11.1 Bostäder för alla"
