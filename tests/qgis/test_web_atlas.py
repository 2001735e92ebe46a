"""The web atlas in a real browser: headless Chromium opens index.html from disk with the network off,
a goal and an area are clicked as a user clicks them, and the page shows the link's motivation.

The screenshot is kept in ``tests/artifacts/web/`` for looking at.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.labels import goal_label
from territorial_plugin.export.web.encode import decode_ring, encode_ring
from territorial_plugin.export.web.service import PDF_NAME, run_web_export
from tests.web_browser import available, chromium

ARTIFACTS = Path(__file__).resolve().parents[2] / "tests" / "artifacts" / "web"


def test_coordinates_survive_the_compact_encoding():
    ring = [(17.123456, 64.654321), (17.12346, 64.65433), (17.12346, 64.65433), (17.2, 64.7), (17.123456, 64.654321)]
    encoded = encode_ring(ring)
    assert len(encoded) == 8  # the repeated point is dropped
    for (x, y), (u, v) in zip(decode_ring(encoded), [ring[0], ring[1], ring[3], ring[4]]):
        assert abs(x - u) <= 0.5e-5 and abs(y - v) <= 0.5e-5


def _wait_drawn(driver, seconds: float = 20.0) -> int:
    deadline = time.time() + seconds
    while time.time() < deadline:
        drawn = driver.execute_script("return document.body.dataset.drawnMs")
        if drawn:
            return int(drawn)
        time.sleep(0.05)
    raise AssertionError("the page never drew its map")


@pytest.fixture(name="web")
def web_fixture(sample, tmp_path):
    folder = tmp_path / "webbatlas"
    done = run_web_export(
        sample["store"], sample["layers"], folder, with_pdf=True, municipality="Exempelkommun",
        project=sample["project"],
    )  # fmt: skip
    return {"folder": folder, "done": done, **sample}


def test_folder_is_self_contained_and_offline(web):
    folder, done = web["folder"], web["done"]
    assert done.index == folder / "index.html"
    assert (folder / PDF_NAME).exists()
    assert (folder / "leaflet" / "LICENSE").exists() and "1.9.4" in (folder / "leaflet" / "VERSION").read_text()
    page = (folder / "index.html").read_text(encoding="utf-8")
    # everything the page loads is a relative path inside the folder
    for reference in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert "//" not in reference and (folder / reference).exists(), reference
    data = (folder / "data.js").read_text(encoding="utf-8")
    assert data.startswith("window.TL_ATLAS=")
    assert done.areas == 43 + sum(1 for _ in web["layers"][1].getFeatures())  # every area is drawn
    assert "agenda2030:11" in data and "Ny väg genom friluftsområdet." in data
    # WGS 84: the sample municipality lies near 64° N, 20° E
    first = re.search(r'"EK-001","[^"]*","[^"]*",\[\[\[(\d+),(\d+)', data)
    lon, lat = int(first.group(1)) / 1e5, int(first.group(2)) / 1e5
    assert 10 < lon < 25 and 55 < lat < 70


def test_goal_and_area_clicked_in_headless_chromium_show_the_motivation(web):
    missing = available()
    if missing:
        # make test sets TL_BROWSER_REQUIRED: there a missing browser fails; the QGIS lanes skip
        (pytest.fail if os.environ.get("TL_BROWSER_REQUIRED") else pytest.skip)(missing)
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.by import By

    catalogue, goals = load_bundled("agenda2030")
    label = goal_label(next(g for g in goals if g.id == web["long_goal"]), catalogue, title=False)
    with chromium() as driver:
        driver.get(web["done"].index.as_uri())
        _wait_drawn(driver)
        # nothing was fetched from outside the folder (the proxy would have refused it anyway)
        names = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert all(name.startswith("file://") for name in names), names
        assert driver.execute_script("return document.querySelectorAll('#goals li').length") == 4
        # the search narrows the list to the goal
        driver.find_element(By.ID, "search").send_keys("städer")
        shown = [
            e.get_attribute("data-goal") for e in driver.find_elements(By.CSS_SELECTOR, "#goals li") if e.is_displayed()
        ]
        assert shown == [web["long_goal"]]
        item = driver.find_element(By.CSS_SELECTOR, f'#goals li[data-goal="{web["long_goal"]}"]')
        assert label in item.text
        item.click()
        assert "chosen" in item.get_attribute("class")
        time.sleep(0.4)  # the zoom to the goal's areas
        point = driver.execute_script("return window.tlAtlas.pointOf('0:EK-036')")
        assert point is not None
        actions = ActionBuilder(driver)
        actions.pointer_action.move_to_location(int(point["x"]), int(point["y"]))
        actions.pointer_action.click()
        actions.perform()
        info = driver.find_element(By.ID, "info").text
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "web_atlas.png"))
    assert "Ny väg genom friluftsområdet." in info  # the motivation of EK-036's link to goal 11
    assert label in info
    name = next(f["namn"] for f in web["layers"][0].getFeatures() if f["omr_id"] == "EK-036")
    assert name in info
    assert "PDF" in info  # the link to the goal's page in the atlas beside the page
