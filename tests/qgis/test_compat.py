"""territorial_plugin.compat gives the same results on QGIS 3.22, 3.40 and 3.44.

This file runs in every test lane; in lane 3.44 a deprecated QGIS/PyQt call made by
compat.py is an error, so these tests also prove the modern branch is warning-free.
"""

import pytest
from qgis.core import QgsFeature, QgsLayout, QgsLayoutItemLabel, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QDateTime, QTime
from qgis.PyQt.QtGui import QColor, QFont

from territorial_plugin.compat import field_type, is_null, new_field, null_extent, qgis_enum, set_label_style


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("string", "Mora"),
        ("int", 3),
        ("longlong", 2**40),
        ("double", 2.5),
        ("bool", True),
        ("date", QDate(2030, 1, 1)),
        ("datetime", QDateTime(QDate(2030, 1, 1), QTime(12, 0))),
    ],
)
def test_new_field_stores_and_returns_values_of_its_kind(qgis_new_project, kind, value):
    layer = QgsVectorLayer("Point?crs=EPSG:3006", "fields", "memory")
    assert layer.dataProvider().addAttributes([new_field("value", kind)])
    layer.updateFields()
    assert layer.fields().field("value").type() == field_type(kind)
    feature = QgsFeature(layer.fields())
    feature.setAttributes([value])
    assert layer.dataProvider().addFeatures([feature])[0]
    assert next(layer.getFeatures())["value"] == value


def test_new_field_keeps_length_and_precision():
    field = new_field("area_ha", "double", length=12, precision=2)
    assert (field.name(), field.length(), field.precision()) == ("area_ha", 12, 2)
    assert field.isNumeric()


def test_unknown_field_kind_is_refused():
    with pytest.raises(ValueError, match="unknown field kind 'text'"):
        field_type("text")


def test_null_attribute_of_a_real_feature_is_null(qgis_new_project):
    layer = QgsVectorLayer("Point?crs=EPSG:3006&field=name:string&field=n:integer", "nulls", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes([None, 3])
    assert layer.dataProvider().addFeatures([feature])[0]
    stored = next(layer.getFeatures())
    assert is_null(stored["name"])
    assert not is_null(stored["n"])
    assert not is_null("") and not is_null(0)


def test_qgis_enum_finds_the_value_by_its_current_or_old_name():
    modern = qgis_enum("Qgis.ProcessingNumberParameterType.Double", "QgsProcessingParameterNumber.Type.Double")
    assert int(modern) == 1  # Double in both spellings
    with pytest.raises(AttributeError, match=r"neither Qgis\.NoSuchEnum\.X nor QgsField\.NoSuch\.Y"):
        qgis_enum("Qgis.NoSuchEnum.X", "QgsField.NoSuch.Y")


def test_null_extent_grows_to_exactly_the_areas_combined():
    extent = null_extent()
    assert extent.isNull() or extent.isEmpty()
    extent.combineExtentWith(QgsRectangle(10, 20, 30, 40))
    extent.combineExtentWith(QgsRectangle(-5, 25, 15, 60))
    # the first area replaces the empty start: the extent is not stretched to the origin
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == (-5, 20, 30, 60)


def test_label_style_sets_font_size_emphasis_and_colour(qgis_new_project):
    layout = QgsLayout(QgsProject.instance())
    label = QgsLayoutItemLabel(layout)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    font.setItalic(True)
    set_label_style(label, font, QColor(200, 30, 40))
    if hasattr(label, "textFormat"):
        shown = label.textFormat()
        got = (shown.font().family(), shown.size(), shown.font().italic(), shown.color().name())
    else:
        got = (label.font().family(), label.font().pointSizeF(), label.font().italic(), label.fontColor().name())
    assert got == ("DejaVu Sans", 9.5, True, "#c81e28")


def test_a_wkb_type_kept_as_a_number_names_its_geometry(qgis_app):
    from qgis.core import QgsWkbTypes

    from territorial_plugin.compat import wkb_type

    assert QgsWkbTypes.displayString(wkb_type(6)) == "MultiPolygon"  # 3.40 refuses the plain int
