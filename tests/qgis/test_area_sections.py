"""One section per linked area for the plan description: PDF pages and an XLSX sheet."""

from __future__ import annotations

import subprocess

import openpyxl

from territorial_plugin.export.area_sections import (
    collect_sections,
    hectares_text,
    write_sections_pdf,
    write_sections_xlsx,
)
from territorial_plugin.export.atlas.data import AtlasLayer


def _sections(sample):
    store, record = sample["store"], sample["record"]
    land_use, water = sample["layers"]
    layers = [AtlasLayer(land_use, record.layer_uid, "omr_id"), AtlasLayer(water)]
    return collect_sections(layers, sample["goals"], store.links(), sample["project"])


def test_every_linked_area_once_with_all_its_goals(sample):
    sections, crs = _sections(sample)
    keys = [s.key for s in sections]
    linked = {link.feature_key for link in sample["store"].links()}
    assert sorted(keys) == sorted(linked)  # each linked area once, nothing else
    assert crs.authid() == "EPSG:3006"
    road = next(s for s in sections if s.key == "EK-036")
    assert road.name and road.category  # the sample's namn and kategori
    assert [line.stance for line in road.goals] == ["Conflicts"]
    assert road.goals[0].motivation == "Ny väg genom friluftsområdet."
    assert road.hectares > 0


def test_pdf_has_a_page_per_area_with_its_goals(sample, tmp_path):
    sections, crs = _sections(sample)
    pdf = write_sections_pdf(sections, crs, sample["layers"], tmp_path / "omraden.pdf", sample["project"])
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= len(sections)
    assert "Ny väg genom friluftsområdet." in " ".join(text.split())
    assert "NULL" not in text
    subprocess.run(["pdftoppm", "-png", "-r", "45", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")], check=True)


def test_xlsx_one_row_per_area_and_goal_with_filter_and_frozen_header(sample, tmp_path):
    sections, _ = _sections(sample)
    path = write_sections_xlsx(sections, tmp_path / "omraden.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref
    assert sheet.max_row - 1 == sum(len(s.goals) for s in sections)


def test_hectares_never_hide_an_area():
    assert hectares_text(0.004) == "< 0,01 ha"
    assert hectares_text(0.5) == "0,50 ha"
    assert hectares_text(1234.56) == "1 234,6 ha"
    assert hectares_text(0) == "–"
