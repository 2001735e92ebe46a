"""Write the web atlas folder: ``index.html``, its script and style, the data as a script, the map library.

The data is a script (``data.js`` sets ``window.TL_ATLAS``) because a page opened
from disk (``file://``) may not fetch JSON. Nothing refers outside the folder:
no tiles, fonts or scripts from the network; the land use itself is the map.
The folder is written beside the target and moved in, so a failed export leaves
the previous page as it was.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ...core.errors import CancelledError
from ...core.i18n import tr
from ...core.labels import stance_label
from ...core.model import Stance
from ...paths import resource

#: the page's own files, from ``resources/web/atlas/``
PAGE_FILES = ("index.html", "atlas.js", "atlas.css")
LIBRARY = "leaflet"
LIBRARY_FILES = ("leaflet.js", "leaflet.css", "LICENSE", "VERSION")
DATA_FILE = "data.js"
STANCES = (Stance.SUPPORTS.value, Stance.CONFLICTS.value, Stance.NEUTRAL.value)


@dataclass(frozen=True)
class WebTexts:
    title: str
    municipality: str
    date: str


def ui_texts() -> dict[str, str]:
    """Every text the page shows, in the user's language (the page itself has none)."""
    return {
        "search": tr("Search goals…"),
        "goals": tr("Goals"),
        "areas": tr("{n} areas"),
        "one_area": tr("1 area"),
        "unnamed": tr("Unnamed area"),
        "category": tr("Category"),
        "no_category": tr("No category"),
        "no_links": tr("This area is not linked to any goal."),
        "linked": tr("Linked goals"),
        "strength": tr("Strength {n} of 3"),
        "rule": tr("Rule: {name}"),
        "pdf_page": tr("Page {n} in the goal atlas (PDF)"),
        "hint": tr("Choose a goal to see its areas; click an area to read how it relates to the goals."),
        "all_goals": tr("Show all goals"),
        "no_match": tr("No goal matches the search."),
        "credits": tr("Links: Territorial Links for QGIS. Map library: Leaflet (BSD-2-Clause)."),
    }


def page_data(texts: WebTexts, layers: list[str], goals: list[dict], areas: list, pdf: str | None) -> dict:
    return {
        "title": texts.title,
        "municipality": texts.municipality,
        "date": texts.date,
        "pdf": pdf,
        "texts": ui_texts(),
        "stances": [stance_label(s) for s in STANCES],
        "layers": layers,
        "goals": goals,
        "areas": areas,
    }


def write_page(folder: Path, data: dict, extra: dict[str, Path] | None = None, feedback=None) -> list[Path]:
    """Write the page into ``folder`` (created; our files replaced, others left); returns the files written.

    ``extra``: files to put beside the page (name in the folder → file), e.g. the atlas PDF.
    """
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=str(folder.parent)))
    try:
        source = resource("web", "atlas")
        page = (source / "index.html").read_text(encoding="utf-8")
        page = page.replace("{{lang}}", "sv" if tr("Goals") != "Goals" else "en")
        (staging / "index.html").write_text(page.replace("{{title}}", html.escape(data["title"])), encoding="utf-8")
        for name in PAGE_FILES[1:]:
            shutil.copyfile(source / name, staging / name)
        (staging / LIBRARY).mkdir()
        for name in LIBRARY_FILES:
            shutil.copyfile(resource("web", LIBRARY, name), staging / LIBRARY / name)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        (staging / DATA_FILE).write_text(f"window.TL_ATLAS={payload};\n", encoding="utf-8")
        for name, path in (extra or {}).items():
            shutil.copyfile(path, staging / name)
        if feedback is not None and feedback.isCanceled():
            raise CancelledError(tr("The export was cancelled; no file was written."))
        folder.mkdir(parents=True, exist_ok=True)
        (folder / LIBRARY).mkdir(exist_ok=True)
        written = []
        for path in sorted(staging.rglob("*")):
            if path.is_file():
                target = folder / path.relative_to(staging)
                os.replace(path, target)
                written.append(target)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
