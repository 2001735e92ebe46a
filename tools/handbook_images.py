"""Copy the desktop tests' screenshots into the handbook (``docs/images/handbok/``).

Run by ``make handbook`` after ``make e2e``: the pictures in the handbook are the real
panel and dialogs in Swedish, as the scenario left them. Panel states are cut to the
part that holds text (the rest of the dock is empty).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "tests" / "artifacts" / "e2e"
TARGET = ROOT / "docs" / "images" / "handbok"
#: screenshot of a desktop scenario → (name in the handbook, height to keep in px or None)
PICTURES = {
    "panel_state_no_store.png": ("state_no_store.png", 320),
    "panel_state_no_catalogue.png": ("state_no_catalogue.png", 320),
    "panel_register_dialog.png": ("register_dialog.png", None),
    "panel_dock.png": ("dock.png", None),
    "panel_edit_link_dialog.png": ("edit_link_dialog.png", None),
    "panel_export_dialog.png": ("export_dialog.png", None),
    "panel_layout_designer.png": ("layout_designer.png", None),
    "panel_processing_dialog.png": ("processing_dialog.png", None),
    "plan_suggestions_dock.png": ("suggestions.png", None),
    "plan_comparestages_dialog.png": ("compare_stages_dialog.png", None),
    "plan_compare-2.png": ("compare_stages_page.png", None),
    "region_regionalreport_pdf_dialog.png": ("regional_report_dialog.png", None),
}


def main() -> int:
    from PIL import Image

    TARGET.mkdir(parents=True, exist_ok=True)
    missing = [name for name in PICTURES if not (SHOTS / name).is_file()]
    if missing:
        print(f"no screenshots {missing} in {SHOTS}: run 'make e2e' first", file=sys.stderr)
        return 1
    for source, (name, height) in PICTURES.items():
        image = Image.open(SHOTS / source)
        if height is not None and image.height > height:
            image = image.crop((0, 0, image.width, height))
        image.save(TARGET / name, optimize=True)
        print(f"{TARGET.relative_to(ROOT) / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
