"""A rule's motivation is filled per area exactly as QGIS fills ``[% %]`` templates itself."""

from __future__ import annotations

from qgis.core import (
    NULL,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from territorial_plugin.core.rules.evaluate import evaluate_rules
from territorial_plugin.core.rules.model import Rule

from .store_layers import square, write

# (key, text, whole number, decimal, yes/no, date, time stamp); NULLs of every type
ROWS = [
    ("A", 'Östra "Ängen"; å', 400, 412.5, True, QDate(2026, 1, 31), QDateTime(QDate(2026, 1, 31), QTime(8, 5))),
    ("B", NULL, NULL, NULL, NULL, NULL, NULL),
    ("C", "", -3, 1000000.0, False, QDate(1999, 12, 31), NULL),
    ("D", "x", 0, 2 / 3, NULL, NULL, NULL),
    ("E", "y", 12345678901, 1e-7, NULL, NULL, NULL),
]
TEMPLATES = (
    '[% "namn" %]|[% "n" %]|[% "d" %]|[% "b" %]|[% "dag" %]|[% "tid" %]',
    '[% "n" * 2 %] m, [% "d" / 3 %] ha, [% "n" > 1 %] [% upper("namn") %] [% to_int(\'x\') %] slut',
    "Fast: [% 1 + 1 %] och [% 'å' || 'ä' %]; [% \"namn\" %] [% NULL %] [% 2.5 %]",
    "Ingen mall alls",
)


def _layer(tmp_path) -> QgsVectorLayer:
    fields = "&".join(
        f"field={spec}"
        for spec in (
            "omr_id:string",
            "namn:string",
            "n:long",
            "d:double",
            "b:boolean",
            "dag:date",
            "tid:datetime",
        )
    )
    memory = QgsVectorLayer(f"Polygon?crs=EPSG:3006&{fields}", "mallar", "memory")
    features = []
    for i, values in enumerate(ROWS):
        feature = QgsFeature(memory.fields())
        feature.setAttributes(list(values))
        feature.setGeometry(square(i))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    return write(memory, tmp_path / "mallar.gpkg", "GPKG")  # NULLs as a GeoPackage gives them (typed)


def test_motivations_are_what_qgis_writes_for_every_kind_of_value(tmp_path, qgis_app):
    layer = _layer(tmp_path)
    rules = [Rule(f"Regel {i}", "1 = 1", ("t:1",), motivation=text) for i, text in enumerate(TEMPLATES)]
    names: dict[str, str] = {}
    matches = evaluate_rules(layer, "omr_id", rules, names=names)

    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    expected = []
    for rule in rules:
        for feature in layer.getFeatures():
            context.setFeature(feature)
            expected.append(
                (feature["omr_id"], rule.name, QgsExpression.replaceExpressionText(rule.motivation, context))
            )
    assert [(key, m.rule.name, text) for m in matches for key, text in zip(m.keys, m.motivations)] == expected
    first = matches[0].motivations[0]  # area A, rule 0
    assert first.startswith('Östra "Ängen"; å|400|412.5|true|2026-01-31')
    assert names == {"A": 'Östra "Ängen"; å', "B": "", "C": "", "D": "x", "E": "y"}
