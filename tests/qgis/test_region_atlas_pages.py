"""The regional atlas with a county's worth of municipalities (issue 14): the organisation table and
the list of conflict pairs go on to continuation pages instead of being cut at the page's edge."""

from __future__ import annotations

import re
import subprocess

import pytest

from territorial_plugin.export.region.atlas import export_regional_atlas
from tests.qgis.region_support import many_organisations

MM = 72 / 25.4  # PDF points per millimetre


def _pages(path) -> list[str]:
    count = int(re.search(r"^Pages:\s+(\d+)$", _run("pdfinfo", str(path)), re.M).group(1))
    return [_run("pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-") for n in range(1, count + 1)]


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _words_outside_the_margins(path) -> list[str]:
    """Words drawn less than 5 mm from a page's edge (or past it)."""
    html = _run("pdftotext", "-bbox", str(path), "-")
    outside = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page.group(3)
        ):
            if float(x0) < 5 * MM or float(y0) < 5 * MM or float(x1) > width - 5 * MM or float(y1) > height - 5 * MM:
                outside.append(word)
    return outside


def test_fifteen_municipalities_every_row_on_every_page(qgis_app, tmp_path):
    data = many_organisations(15, goals=2)
    path = export_regional_atlas(data, tmp_path / "region.pdf")
    pages = _pages(path)
    names = [data.names[o] for o in data.organisations]
    overview, first_goal = pages[0], pages[1]
    assert all(name in overview for name in names)
    assert "goal pages mark and list them." in overview  # the note after the table, not cut
    assert "Mål 1 för hela länet" in first_goal
    assert all(name in first_goal for name in names)  # the table beside the map, whole
    # the pairs' list does not fit below the table: it goes on to a page of its own, after the goal's page
    assert "Mål 1 för hela länet (continued)" in pages[2]
    listed = "\n".join(pages[1:3])
    assert all(f"{n}. " in listed for n in range(1, 13)) and "2 more; the workbook" in listed
    assert len(pages) == 5  # overview, then each goal's page and its continuation
    assert _words_outside_the_margins(path) == []


@pytest.mark.parametrize("count", [45])
def test_a_table_longer_than_a_page_goes_on_in_columns_of_continuation_pages(qgis_app, tmp_path, count):
    data = many_organisations(count, goals=1)
    path = export_regional_atlas(data, tmp_path / "region.pdf")
    pages = _pages(path)
    goal_pages = [p for p in pages if "Mål 1 för hela länet" in p]
    assert len(goal_pages) == 2 and "(continued)" in goal_pages[1]
    text = "\n".join(goal_pages)
    for name in (data.names[o] for o in data.organisations):
        # once in the table (the pairs' list names them in sentences)
        assert len(re.findall(rf"{re.escape(name)}\s+2\s+28,0\s+1\s+1\b", text)) == 1, name
    assert _words_outside_the_margins(path) == []
