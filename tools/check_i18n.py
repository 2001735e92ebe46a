"""Fail when the Swedish translation is incomplete or out of date with the code.

Checks: every ``tr()`` source string of the code is in the ``.ts`` and translated,
no ``.ts`` entry is obsolete, no ``tr(f"...")`` (pylupdate cannot extract it) and no
``self.tr(`` (its context would not match the one the plugin translates with).
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import update_ts

ROOT = update_ts.ROOT


def entries(ts: Path) -> dict[tuple[str, str], str | None]:
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in {"unfinished", "obsolete", "vanished"}
            result[(name, message.findtext("source"))] = translation.text if finished else None
    return result


def main() -> int:
    problems: list[str] = []
    for path in (ROOT / "territorial_plugin").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if re.search(r"\btr\(\s*f[\"']", line):
                problems.append(f"{path.relative_to(ROOT)}:{number}: tr() of an f-string")
            if "self.tr(" in line:
                problems.append(f"{path.relative_to(ROOT)}:{number}: self.tr(); use core.i18n.tr")
    for ts in update_ts.TS_FILES:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            update_ts.run_pylupdate(fresh)
            current, expected = entries(ts), entries(fresh)
        for key in sorted(set(expected) - set(current)):
            problems.append(f"{ts.name}: missing (run make ts): {key[1]!r}")
        for key in sorted(set(current) - set(expected)):
            problems.append(f"{ts.name}: obsolete (run make ts): {key[1]!r}")
        for key, value in sorted(current.items()):
            if key in expected and not value:
                problems.append(f"{ts.name}: not translated: {key[1]!r}")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} translation problem(s)")
        return 1
    print("translations complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
