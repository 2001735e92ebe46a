"""The region's GIS officer (issue 14), in Swedish QGIS.

Setup (what the municipalities did, as ``make demo`` does it): Exempelkommun, Björkå
and Fjällmora link their plans and each exports a delivery. Then, as the region's GIS
officer: a new project with the municipal borders → import the three deliveries
through the Processing dialog into a new region store → the regional report as PDF
(regional atlas, borders from the project) and XLSX → the PDF has a page per goal
naming the organisations and listing the conflict pairs; the workbook has the
organisation × goal sheet.
"""

import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.environ["E2E_ROOT"], "tests", "e2e"))

from e2e_support import ARTIFACTS, ROOT, pdf_text, render_pdf, run_algorithm_dialog, run_scenario
from qgis.core import QgsProject

WORK = ARTIFACTS / "region_work"
SAMPLE = ROOT / "resources" / "sample"
REGION_STORE = WORK / "regionens_kopplingar.gpkg"
ORGANISATIONS = {
    "exempelkommun": ("Exempelkommun", SAMPLE / "markanvandning.geojson"),
    "bjorka": ("Björkå kommun", SAMPLE / "region" / "bjorka_markanvandning.geojson"),
    "fjallmora": ("Fjällmora kommun", SAMPLE / "region" / "fjallmora_markanvandning.geojson"),
}
# (kategori_kod list, goals, stance, strength, motivation) per organisation, as tools/demo.sh links them
LINKS = {
    "exempelkommun": [
        ("'BOST','CENT'", "agenda2030:11,rus_ac_2030:M1", "supports", 3, "Nya bostäder nära kollektivtrafik."),
        ("'VIND'", "agenda2030:7,miljomal:1", "supports", 3, "Vindbruksområdet ger förnybar el."),
        ("'VIND'", "miljomal:16", "conflicts", 2, "Vindkraftsparken kan störa renarnas vinterbete."),
        ("'NATUR'", "miljomal:16,agenda2030:15", "supports", 3, "Området skyddar natur och rennäringens marker."),
    ],
    "bjorka": [
        ("'BOST','CENT'", "agenda2030:11,rus_ac_2030:M1", "supports", 3, "Nya bostäder och service i tätorten."),
        ("'NATUR'", "miljomal:16,agenda2030:15", "supports", 3, "Naturområdet och rennäringens marker skyddas."),
        ("'VIND'", "agenda2030:7,miljomal:1,rus_ac_2030:M2", "supports", 3, "Vindkraften ger förnybar el."),
        ("'VIND'", "miljomal:16", "conflicts", 2, "Vindparken ligger i renarnas vinterbete."),
    ],
    "fjallmora": [
        ("'BOST','CENT'", "agenda2030:11,rus_ac_2030:M1", "supports", 3, "Nya bostäder och service i tätorten."),
        ("'NATUR'", "miljomal:16,agenda2030:15", "supports", 3, "Naturområdet och rennäringens marker skyddas."),
        ("'VERK'", "agenda2030:8,rus_ac_2030:M1", "supports", 2, "Gruvan ger arbetstillfällen."),
        ("'VERK'", "agenda2030:15,miljomal:16,rus_ac_2030:M2", "conflicts", 2, "Gruvan skär av renarnas flyttled."),
    ],
}
state = {}


def municipalities_deliver(s):
    """Setup: each municipality's store, links and delivery (processing.run, as their GIS staff script it)."""
    from qgis import processing

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    for org, (name, layer) in ORGANISATIONS.items():
        store = str(WORK / f"{org}_kopplingar.gpkg")
        processing.run("territorial:importcatalogue", {"INPUT": "all", "STORE": store})
        for codes, goals, stance, strength, motivation in LINKS[org]:
            processing.run(
                "territorial:linkfeatures",
                {
                    "STORE": store,
                    "LAYER": str(layer),
                    "KEY_FIELD": "omr_id",
                    "EXPRESSION": f'"kategori_kod" IN ({codes})',
                    "GOALS": goals,
                    "STANCE": stance,
                    "STRENGTH": strength,
                    "MOTIVATION": motivation,
                },
            )
        result = processing.run(
            "territorial:exportdelivery",
            {
                "STORE": store,
                "LAYERS": [str(layer)],
                "ORGANISATION": org,
                "ORGANISATION_NAME": name,
                "STAGE": "Samråd 2026",
                "OUTPUT": str(WORK / f"leverans_{org}.gpkg"),
            },
        )
        s.check(result["LINKS"] > 0, f"{org} delivers its links ({result})")
    # the region's officer starts from an empty project and adds the municipal borders
    QgsProject.instance().clear()
    s.wait(0.5)
    borders = s.iface.addVectorLayer(str(SAMPLE / "region" / "kommungranser.geojson"), "Kommungränser", "ogr")
    s.check(borders is not None and borders.isValid(), "the municipal borders are added to the project")
    state["borders"] = borders
    s.iface.mapCanvas().zoomToFullExtent()
    s.wait(0.5)


def import_deliveries(s):
    from territorial_plugin.core.store import open_store

    for number, org in enumerate(ORGANISATIONS, 1):
        values = {"INPUT": str(WORK / f"leverans_{org}.gpkg"), "STORE": str(REGION_STORE)}
        run = run_algorithm_dialog(s, "territorial:importdelivery", values, f"importdelivery_{number}")
        if number == 1:
            s.notes["importdelivery_defaults"] = {k: str(v) for k, v in run.defaults.items()}
        s.check(run.ok and not run.refusals, f"delivery of {org} imported ({run.refusals})")
        s.check(run.results.get("ORGANISATION") == org, f"the log names {org} ({run.results})")
        s.check(run.results.get("LINKS", 0) > 0, f"{org}: links imported ({run.results})")
    with open_store(str(REGION_STORE)) as store:
        organisations = {link.organisation for link in store.links()}
    s.check(organisations == set(ORGANISATIONS), f"the region's store holds the three organisations ({organisations})")


def regional_report_pdf(s):
    output = WORK / "regional_atlas.pdf"
    values = {"STORE": str(REGION_STORE), "BOUNDARIES": state["borders"].id(), "OUTPUT": str(output)}
    run = run_algorithm_dialog(s, "territorial:regionalreport", values, "regionalreport_pdf", seconds=110)
    s.notes["regionalreport_defaults"] = {k: str(v) for k, v in run.defaults.items()}
    s.check(run.ok and output.is_file(), f"the regional atlas is written ({run.refusals})")
    if not output.is_file():
        return
    state["conflicts"] = run.results.get("CONFLICTS", 0)
    s.check(state["conflicts"] > 0, f"intermunicipal conflicts found ({run.results})")
    pages, text = pdf_text(output)
    s.notes["atlas_pages"] = pages
    s.notes["atlas_pngs"] = render_pdf(output, "atlas")
    # one page per goal after the overview: form feeds split pdftotext's pages
    page_texts = text.split("\f")
    goal_pages = [p for p in page_texts[1:] if p.strip()]
    s.notes["goal_pages"] = state["goals"] = len(goal_pages)
    names = [name for name, _ in ORGANISATIONS.values()]
    for index, page in enumerate(goal_pages, 2):
        flat = " ".join(page.split())
        shown = [name for name in names if name in flat]
        s.check(shown, f"page {index} names the organisations ({flat[:120]})")
    flat = " ".join(text.split())
    s.check("Miljömål 16" in flat or "Ett rikt växt- och djurliv" in flat, "miljömål 16 has its page")
    # the conflict pairs: the neighbours' wind park and mine against Exempelkommun's nature areas
    s.check("Vindbruksområde Gränsberget" in flat, "the conflict pair with Björkå's wind park is listed")
    s.check("Gruvområde Kopparberget" in flat, "the conflict pair with Fjällmora's mine is listed")


def regional_report_xlsx(s):
    import openpyxl

    output = WORK / "regionrapport.xlsx"
    values = {"STORE": str(REGION_STORE), "OUTPUT": str(output)}
    run = run_algorithm_dialog(s, "territorial:regionalreport", values, "regionalreport_xlsx", seconds=60)
    s.check(run.ok and output.is_file(), f"the regional workbook is written ({run.refusals})")
    if not output.is_file():
        return
    book = openpyxl.load_workbook(output, read_only=True)
    s.notes["sheets"] = book.sheetnames
    matrix = next((name for name in book.sheetnames if "per mål" in name), None)
    s.check(matrix is not None, f"an organisation × goal sheet ({book.sheetnames})")
    if matrix:
        rows = [row for row in book[matrix].iter_rows(values_only=True) if any(row)]
        s.notes["matrix_head"] = [[str(c) for c in row[:10]] for row in rows[:4]]
        header, body = rows[0], rows[1:]
        goal_columns = [c for c in header[2:] if c]
        s.check(len(goal_columns) == state.get("goals"), f"a column per goal of the atlas ({len(goal_columns)})")
        # goals named as readers know them ("Miljömål 16"), never by id ("miljomal:16")
        s.check(not [c for c in goal_columns if ":" in str(c)], f"goal columns by name ({goal_columns})")
        names = {row[1] for row in body}
        s.check(names == {name for name, _ in ORGANISATIONS.values()}, f"a row per organisation ({names})")
        s.check(all(isinstance(v, (int, float)) for row in body for v in row[2:]), "counts are numbers")
    conflict_sheet = next((name for name in book.sheetnames if "onflikt" in name), None)
    s.check(conflict_sheet is not None, f"a sheet of conflicts ({book.sheetnames})")
    if conflict_sheet:
        pairs = [row for row in book[conflict_sheet].iter_rows(values_only=True) if any(row)]
        s.notes["conflict_rows"] = len(pairs)
        s.check(len(pairs) >= state.get("conflicts", 1), f"every conflict pair is a row ({len(pairs)})")
    book.close()


run_scenario([municipalities_deliver, import_deliveries, regional_report_pdf, regional_report_xlsx])
