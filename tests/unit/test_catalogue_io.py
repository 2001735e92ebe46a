"""Reading catalogue files: every malformed file is refused with the exact reason and place;
good files of every format give the Swedish letters exactly; export reads back the same."""

from pathlib import Path

import pytest

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.catalogues.export import export_catalogue
from territorial_plugin.core.catalogues.reader import ColumnMapping, read_catalogue_file
from territorial_plugin.core.catalogues.tree import build_goals
from territorial_plugin.core.errors import CatalogueError

DATA = Path(__file__).resolve().parents[1] / "data" / "catalogues"
BAD = sorted(p for p in (DATA / "bad").iterdir() if p.suffix != ".expected")
GOOD = sorted((DATA / "good").iterdir())


def messages(path: Path) -> list[str]:
    try:
        return [str(problem) for problem in read_catalogue_file(path).errors]
    except CatalogueError as error:
        return [str(error)]


def test_the_malformed_corpus_is_large_enough_and_covers_every_format():
    assert len(BAD) >= 15
    assert {p.suffix for p in BAD} >= {".csv", ".xlsx", ".json", ".xls"}


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_malformed_file_is_refused_with_the_exact_expected_messages(path):
    expected = (path.parent / (path.name + ".expected")).read_text(encoding="utf-8").splitlines()
    assert messages(path) == expected


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_file_reads_swedish_letters_exactly(path):
    result = read_catalogue_file(path)
    assert result.errors == []
    titles = [row.title_sv for row in result.rows]
    assert titles[:3] == ["Ängsö", "Åsele", "Örnsköldsvik"]
    assert [(row.code, row.parent) for row in result.rows[:3]] == [("1", ""), ("1.1", "1"), ("2", "")]
    assert result.preview and result.preview[0][: len(result.preview[0])]


def test_encodings_and_delimiters_are_detected():
    assert read_catalogue_file(DATA / "good" / "cp1252_semicolon.csv").encoding == "Windows-1252"
    bom = read_catalogue_file(DATA / "good" / "utf8_bom_semicolon.csv")
    assert (bom.encoding, bom.delimiter) == ("UTF-8 BOM", ";")
    assert read_catalogue_file(DATA / "good" / "utf8_comma.csv").delimiter == ","
    quoted = read_catalogue_file(DATA / "good" / "quoted_values.csv")
    assert quoted.rows[3].title_sv == 'Vägar; järnvägar och "stråk"'


def test_unused_column_is_a_warning_not_an_error():
    result = read_catalogue_file(DATA / "good" / "workbook.xlsx")
    assert result.ok
    assert [str(w) for w in result.warnings] == [
        "workbook.xlsx, column 'anteckning': the column 'anteckning' is not used."
    ]


def test_column_mapping_chooses_columns_by_header(tmp_path):
    path = tmp_path / "egen.csv"
    path.write_text("Nr;Mål;Hör till;Anteckning\r\nA;Ängsö;;x\r\nA1;Åsele;A;y\r\n", encoding="utf-8")
    unmapped = read_catalogue_file(path)  # 'Nr' and 'Mål' are known names, 'Hör till' is not
    assert [r.parent for r in unmapped.rows] == ["", ""]
    assert "the column 'Hör till' is not used." in [w.message for w in unmapped.warnings]
    mapping = ColumnMapping.parse("code=Nr; title_sv=Mål; parent=hör till; description=Anteckning")
    result = read_catalogue_file(path, mapping)
    assert result.ok, [str(p) for p in result.problems]
    assert [(r.code, r.parent, r.title_sv, r.description) for r in result.rows] == [
        ("A", "", "Ängsö", "x"),
        ("A1", "A", "Åsele", "y"),
    ]
    missing = read_catalogue_file(path, ColumnMapping(code="Kod"))
    assert "the column 'Kod' chosen for code is not in the file" in str(missing.errors[0])
    with pytest.raises(CatalogueError, match="not a column mapping"):
        ColumnMapping.parse("kod=Nr")


def test_a_file_with_several_problems_reports_all_of_them(tmp_path):
    path = tmp_path / "flera.csv"
    path.write_text("kod;överordnad;titel\n1;;Ängsö\n1;;Åsele\n2;7;\n", encoding="utf-8")
    assert messages(path) == [
        "flera.csv, row 3, column 'kod': the code '1' is already used in row 2; codes must be unique.",
        "flera.csv, row 4, column 'titel': the goal '2' has no title.",
        "flera.csv, row 4, column 'överordnad': the parent '7' of goal '2' is not a code in this catalogue.",
    ]
    with pytest.raises(CatalogueError) as raised:
        read_catalogue_file(path).raise_for_errors()
    assert str(raised.value).startswith("flera.csv was not imported (3 problems); nothing was changed:")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CatalogueError, match="does not exist"):
        read_catalogue_file(tmp_path / "saknas.csv")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_export_reads_back_as_the_same_catalogue(tmp_path, suffix):
    catalogue, goals = load_bundled("agenda2030")
    path = export_catalogue(catalogue, goals, tmp_path / f"agenda2030{suffix}")
    result = read_catalogue_file(path)
    assert result.ok, [str(p) for p in result.problems[:3]]
    assert sorted(build_goals("agenda2030", result.rows), key=lambda g: g.id) == sorted(goals, key=lambda g: g.id)
    assert not list(tmp_path.glob("*.part"))
    if suffix in (".xlsx", ".json"):
        assert result.metadata["name"] == catalogue.name


def test_csv_export_of_an_imported_file_is_byte_identical(tmp_path):
    catalogue, goals = load_bundled("miljomal")
    first = export_catalogue(catalogue, goals, tmp_path / "first.csv")
    again = build_goals("miljomal", read_catalogue_file(first).rows)
    second = export_catalogue(catalogue, again, tmp_path / "second.csv")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"\xef\xbb\xbfcode;parent;title_sv;title_en;description;order;kind\r\n")
    assert "Generationsmålet".encode() in first.read_bytes()


def test_export_refuses_unknown_format(tmp_path):
    catalogue, goals = load_bundled("nrs2030")
    with pytest.raises(CatalogueError, match=r"\.csv, \.xlsx or \.json"):
        export_catalogue(catalogue, goals, tmp_path / "x.pdf")
