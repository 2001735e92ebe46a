"""Refresh ``i18n/territorial_plugin_sv.ts`` from the code (keeps existing translations).

Run with ``make ts``; then translate the new ``unfinished`` entries (Qt Linguist or a
text editor) and commit the ``.ts``. The ``.qm`` is built by ``make i18n``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = [ROOT / "i18n" / "territorial_plugin_sv.ts"]


def sources() -> list[str]:
    files = sorted(p for p in (ROOT / "territorial_plugin").rglob("*.py") if "__pycache__" not in p.parts)
    files += sorted((ROOT / "territorial_plugin").rglob("*.ui"))
    return [str(p.relative_to(ROOT)) for p in files]


def run_pylupdate(ts: Path) -> None:
    subprocess.run(
        ["pylupdate5", "-noobsolete", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        stderr=subprocess.DEVNULL,  # pylupdate5's own DeprecationWarning noise
    )


def main() -> None:
    for ts in TS_FILES:
        run_pylupdate(ts)
        print(f"updated {ts.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
