"""Fill translations into the Swedish .ts from a UTF-8 file of ``source<TAB>translation`` lines.

    python tools/fill_ts.py translations.tsv [--ts i18n/territorial_plugin_sv.ts]

A convenience for translating many new strings at once; Qt Linguist does the same
by hand. Escape a newline inside a string as ``\\n``. Prints the sources still
unfinished afterwards.
"""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tsv")
    parser.add_argument("--ts", default=str(ROOT / "i18n" / "territorial_plugin_sv.ts"))
    args = parser.parse_args()
    table: dict[str, str] = {}
    for line in Path(args.tsv).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, _, translation = line.partition("\t")
        table[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")
    tree = ET.parse(args.ts)
    unfinished = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            unfinished.append(source)
    ET.indent(tree, space="    ")
    with open(args.ts, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
    for source in unfinished:
        print(f"unfinished: {source!r}")


if __name__ == "__main__":
    main()
