"""Write the catalogue test files (good and malformed). Run by hand; the output is committed.

    .venv/bin/python tests/data/catalogues/make_files.py

Each malformed file ``bad/<name>`` has ``bad/<name>.expected``: the exact messages
(English, one per line) the import must report; each was read and checked by a person
before it was committed (regenerate them only deliberately).
"""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
GOOD = HERE / "good"
BAD = HERE / "bad"

SV_ROWS = [
    ("1", "", "Ängsö", "Levande skärgård med året-runt-boende", "1"),
    ("1.1", "1", "Åsele", "Service och vård i inlandet", "2"),
    ("2", "", "Örnsköldsvik", "Hållbar tillväxt längs kusten", "3"),
]
SV_HEADER = ("kod", "överordnad", "titel", "beskrivning", "ordning")


def text_table(rows, header=SV_HEADER, sep=";", newline="\r\n") -> str:
    return newline.join(sep.join(row) for row in [header, *rows]) + newline


def write_good() -> None:
    GOOD.mkdir(exist_ok=True)
    # English headers, comma, plain UTF-8, LF: what a script or LibreOffice writes
    en = ("code", "parent", "title_sv", "title_en", "description", "order")
    rows = [(c, p, t, "", d, o) for c, p, t, d, o in SV_ROWS]
    (GOOD / "utf8_comma.csv").write_text(text_table(rows, en, ",", "\n"), encoding="utf-8")
    # Swedish Excel, "CSV UTF-8 (kommaavgränsad)": BOM, ';', CRLF
    (GOOD / "utf8_bom_semicolon.csv").write_bytes(b"\xef\xbb\xbf" + text_table(SV_ROWS).encode("utf-8"))
    # older Swedish Excel, "CSV (semikolonavgränsad)": Windows-1252, ';', CRLF
    (GOOD / "cp1252_semicolon.csv").write_bytes(text_table(SV_ROWS).encode("cp1252"))
    # a value with the delimiter and a quote inside, quoted as Excel does
    quoted = [*SV_ROWS, ("3", "", 'Vägar; järnvägar och "stråk"', "Länstransportplanen", "4")]
    (GOOD / "quoted_values.csv").write_bytes(b"\xef\xbb\xbf" + _excel_csv(quoted).encode("utf-8"))
    # a regional strategist's own workbook: Swedish headers, numeric top-level codes,
    # text sub-codes, an extra notes column, blank rows left at the end
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mål"
    sheet.append([*SV_HEADER, "anteckning"])
    for code, parent, title, description, order in SV_ROWS:
        sheet.append(
            [
                int(code) if code.isdigit() else code,
                int(parent) if parent else None,
                title,
                description,
                int(order),
                "intern",
            ]
        )
    sheet.append([None] * 6)
    workbook.save(GOOD / "workbook.xlsx")
    document = {
        "format": "territorial-links-catalogue",
        "format_version": 1,
        "catalogue": {
            "id": "kommunmal",
            "name": "Kommunens mål",
            "issuer": "Exempelkommun",
            "level": "municipal",
            "version": "2024",
            "language": "sv",
        },
        "goals": [
            {"code": c, "parent": p, "title_sv": t, "title_en": "", "description": d, "order": int(o), "kind": "goal"}
            for c, p, t, d, o in SV_ROWS
        ],
    }
    (GOOD / "document.json").write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    plain = [{"kod": c, "överordnad": p or None, "titel": t} for c, p, t, _d, _o in SV_ROWS]
    (GOOD / "plain_list.json").write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")


def _excel_csv(rows) -> str:
    def quote(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if any(ch in value for ch in ';"\n') else value

    return "".join(";".join(quote(v) for v in row) + "\r\n" for row in [SV_HEADER, *rows])


def sheet_file(name: str, rows, merge: str | None = None) -> None:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    workbook.save(BAD / name)


def write_bad() -> None:
    BAD.mkdir(exist_ok=True)
    csv_files = {
        "duplicate_code.csv": [
            ("1", "", "Ängsö", "", "1"),
            ("2", "", "Åsele", "", "2"),
            ("1", "", "Örnsköldsvik", "", "3"),
        ],
        "unknown_parent.csv": [("1", "", "Ängsö", "", "1"), ("1.1", "9", "Åsele", "", "2")],
        "cycle.csv": [("1", "", "Ängsö", "", "1"), ("2", "3", "Åsele", "", "2"), ("3", "2", "Örnsköldsvik", "", "3")],
        "own_parent.csv": [("1", "1", "Ängsö", "", "1")],
        "empty_title.csv": [("1", "", "Ängsö", "", "1"), ("2", "", "  ", "Beskrivning utan titel", "2")],
        "blank_row.csv": [("1", "", "Ängsö", "", "1"), ("", "", "", "", ""), ("2", "", "Åsele", "", "2")],
        "order_not_number.csv": [("1", "", "Ängsö", "", "första")],
        "missing_code.csv": [("1", "", "Ängsö", "", "1"), ("", "", "Åsele", "", "2")],
        # every kind of row problem at once: all reported in one round, none hiding another
        "every_problem.csv": [
            ("1", "", "Ängsö", "", "1"),
            ("2", "", "", "", "2"),
            ("2", "", "Åsele", "", "tre"),
            ("4", "9", "Örnsköldsvik", "", "4"),
            ("5", "6", "Umeå", "", "5"),
            ("6", "5", "Vindeln", "", "6"),
            ("", "", "Lycksele", "", "7"),
            ("", "", "", "", ""),
            ("8", "", "Skellefteå", "", "8"),
        ],
    }
    for name, rows in csv_files.items():
        (BAD / name).write_text(text_table(rows), encoding="utf-8")
    (BAD / "comma_in_code.csv").write_text(_excel_csv([("1,2", "", "Ängsö", "", "1")]), encoding="utf-8")
    (BAD / "ragged_row.csv").write_text("kod;titel\r\n1;Ängsö\r\n2;Åsele; Örnsköldsvik\r\n", encoding="utf-8")
    (BAD / "no_code_column.csv").write_text("titel;beskrivning\r\nÄngsö;x\r\n", encoding="utf-8")
    (BAD / "no_title_column.csv").write_text("kod;beskrivning\r\n1;Ängsö\r\n", encoding="utf-8")
    (BAD / "duplicate_header.csv").write_text("kod;titel;Titel\r\n1;Ängsö;Åsele\r\n", encoding="utf-8")
    (BAD / "empty.csv").write_bytes(b"")
    (BAD / "header_only.csv").write_text("kod;titel\r\n", encoding="utf-8")
    # 0x81 is undefined in Windows-1252 and invalid UTF-8
    (BAD / "not_text_encoding.csv").write_bytes(b"kod;titel\r\n1;" + b"\x81\xc4ngs\xf6\r\n")
    workbook = Workbook()
    workbook.active.append(["kod", "titel"])
    workbook.save(BAD / "workbook_named.csv")
    sheet_file(
        "merged_cells.xlsx",
        [SV_HEADER, ("1", None, "Ängsö", "Gemensam", 1), ("2", None, "Åsele", None, 2)],
        merge="D2:D3",
    )
    sheet_file("formula.xlsx", [SV_HEADER, ("1", None, "Ängsö", None, 1), ("2", None, "Åsele", None, "=E2+1")])
    import datetime

    sheet_file(
        "date_code.xlsx",
        [SV_HEADER, ("1", None, "Ängsö", None, 1), (datetime.datetime(2024, 2, 1), "1", "Åsele", None, 2)],
    )
    sheet_file("decimal_code.xlsx", [SV_HEADER, (1, None, "Ängsö", None, 1), (1.1, 1, "Åsele", None, 2)])
    # an unclosed quote: Python reports it at the same place in every version
    (BAD / "broken.json").write_text('{"goals": [{"code": "1", "title_sv": "Ängsö}]}\n', encoding="utf-8")
    (BAD / "no_goals.json").write_text('{"catalogue": {"id": "x", "name": "X"}}\n', encoding="utf-8")
    (BAD / "wrong_types.json").write_text(
        json.dumps(
            {
                "goals": [
                    {"code": "1", "title_sv": ["Ängsö"]},
                    {"code": "2", "title_sv": "Åsele", "order": 1.5},
                    {"code": "3", "title_sv": True},
                    "Örnsköldsvik",
                ]
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (BAD / "old_format.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)


if __name__ == "__main__":
    write_good()
    write_bad()
