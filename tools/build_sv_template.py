"""Write ``docs/templates/agenda2030_svenska_texter.csv``: every Agenda 2030 goal and target code,
ready for the official Swedish wording.

The Swedish columns are left empty for the targets (their official Swedish text is
not in this project and is never invented); the goals keep their Swedish names. The
English texts stay in their columns, so the filled file imports as a complete
revision of the bundled catalogue (README, "Svenska texter för alla mål").
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "catalogues" / "agenda2030.json"
TARGET = ROOT / "docs" / "templates" / "agenda2030_svenska_texter.csv"
COLUMNS = ("code", "parent", "kind", "order", "title_sv", "description_sv", "title_en", "description")


def main() -> None:
    goals = json.loads(SOURCE.read_text(encoding="utf-8"))["goals"]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS)
        for goal in goals:
            writer.writerow(
                [goal["code"], goal.get("parent", ""), goal.get("kind", ""), goal.get("order", ""),
                 goal.get("title_sv", ""), "", goal.get("title_en", ""), goal.get("description", "")]
            )  # fmt: skip
    print(f"{len(goals)} codes → {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
