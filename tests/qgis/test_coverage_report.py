"""Goal × area tables of the sample municipality: what the planner opens in Excel."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeedback

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.errors import CancelledError
from territorial_plugin.core.labels import goal_label, stance_label
from territorial_plugin.export.service import run_report_export
from territorial_plugin.export.tables import SHEETS, csv_file_names, sheet_titles


def _links_in_store(sample) -> set[tuple]:
    return {
        (link.feature_key, link.goal_id, stance_label(link.stance), link.strength, link.motivation)
        for link in sample["store"].links([sample["record"].layer_uid], None)
    }


def _label(code: str, title: bool = False) -> str:
    catalogue, goals = load_bundled("agenda2030")
    return goal_label(next(g for g in goals if g.code == code), catalogue, title=title, longest=40)


def test_xlsx_reads_back_equal_to_the_store(sample, tmp_path):
    import pandas as pd

    path = run_report_export(sample["store"], sample["layers"], tmp_path / "tabell.xlsx", project=sample["project"])[0]
    sheets = pd.read_excel(path, sheet_name=None)
    titles = sheet_titles()
    assert list(sheets) == [titles[part][:31] for part in SHEETS]
    links = sheets[titles["links"]]
    read_back = {
        (row["Area id"], row["Goal id"], row["Stance"], int(row["Strength"]), row["Motivation"])
        for _, row in links.iterrows()
    }
    assert read_back == _links_in_store(sample)
    # summary: one row per linked goal, counts and areas consistent with the links sheet
    summary = sheets[titles["summary"]].set_index("Goal")
    eleven, fifteen = _label("11"), _label("15")
    assert summary.loc[eleven, "Number of areas"] == 35
    assert summary.loc[eleven, "Supports"] == 34 and summary.loc[eleven, "Conflicts"] == 1
    areas = links[links["Goal id"] == sample["long_goal"]]["Area (ha)"].sum()
    assert summary.loc[eleven, "Area (ha)"] == pytest.approx(areas, abs=0.05)
    assert summary.loc[fifteen, "Area in conflict (ha)"] > 0
    # matrix: every area of the layer, one column per linked goal (catalogue, code, title) with the stance
    matrix = sheets[titles["matrix"]].set_index("Area id")
    assert len(matrix) == 43
    assert matrix.loc["EK-035", _label("15", title=True)] == "Conflicts"
    assert matrix.loc["EK-001", _label("11", title=True)] == "Supports"
    # areas without goals and goals without areas complete the picture
    linked_keys = {key for key, *_ in _links_in_store(sample)}
    assert set(sheets[titles["areas_without_goals"]]["Area id"]) == {f"EK-{n:03d}" for n in range(1, 44)} - linked_keys
    missing = set(sheets[titles["goals_without_areas"]]["Goal id"])
    assert "agenda2030:1" in missing and sample["long_goal"] not in missing
    conflicts = sheets[titles["conflicts"]]
    assert set(conflicts["Area id"]) == {"EK-035", "EK-036"}


def test_summary_sheet_has_a_native_bar_chart(sample, tmp_path):
    from openpyxl import load_workbook

    path = run_report_export(sample["store"], sample["layers"], tmp_path / "t.xlsx", project=sample["project"])[0]
    sheet = load_workbook(path)[sheet_titles()["summary"][:31]]
    charts = sheet._charts
    assert len(charts) == 1
    assert charts[0].tagname == "barChart"
    assert len(charts[0].series) == 2  # supports and conflicts apart


def test_csv_files_open_in_swedish_excel(sample, tmp_path):
    import pandas as pd

    files = run_report_export(sample["store"], sample["layers"], tmp_path / "csv", project=sample["project"])
    assert sorted(f.name for f in files) == sorted(csv_file_names().values())
    raw = (tmp_path / "csv" / "links.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert "påverkar ekosystem".encode() in raw
    frame = pd.read_csv(tmp_path / "csv" / "summary.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert frame.set_index("Goal").loc[_label("11"), "Number of areas"] == 35


def test_cancelled_report_leaves_no_file(sample, tmp_path):
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(CancelledError):
        run_report_export(
            sample["store"], sample["layers"], tmp_path / "t.xlsx", project=sample["project"], feedback=feedback
        )
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("links.gpkg")] == []
