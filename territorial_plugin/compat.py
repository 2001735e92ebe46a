"""The one place where the plugin bridges QGIS 3.22 and QGIS 3.40/3.44/4 (Qt6) APIs.

Everywhere else the plugin uses the current API only. Most of it already works on
3.22: scoped enums (``Qt.AlignmentFlag.AlignLeft``, ``Qgis.MessageLevel.Info``),
``exec()``, and ``QAction`` from ``qgis.PyQt.QtWidgets`` (QGIS's Qt6 shim re-exports
it there). What does not is collected here, each with the version that changed it:

- ``QgsField`` takes a ``QMetaType.Type`` since QGIS 3.38; the ``QVariant.Type``
  constructor is deprecated there and ``QVariant.Type`` is gone in PyQt6.
- A NULL attribute is a null ``QVariant`` under Qt5 and ``None`` under Qt6.
- ``QgsRectangle.setMinimal()`` is deprecated in 3.40/3.44 for ``setNull()``, which
  QGIS 3.22 does not have.
- ``QgsLayoutItemLabel.setFont()``/``setFontColor()`` are deprecated in 3.40/3.44 for
  ``setTextFormat()``, which QGIS 3.22 does not have.
- Enums moved into ``Qgis`` over the 3.x series (e.g. 3.36 moved
  ``QgsProcessingParameterNumber.Type`` to ``Qgis.ProcessingNumberParameterType``).

Lines that must name an old API end in ``# qt6: ok`` so tools/check_qt6.py knows
they are the fallback, not an oversight.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsField, QgsLayoutItemLabel, QgsRectangle, QgsTextFormat
from qgis.PyQt.QtCore import QMetaType, QVariant
from qgis.PyQt.QtGui import QColor, QFont

#: QGIS 3.38 is the first release whose QgsField takes QMetaType.Type
_QMETATYPE_FIELDS = Qgis.versionInt() >= 33800

# field kind -> (QMetaType.Type name, QVariant.Type name); the names are looked up
# lazily so that neither enum is touched on a QGIS where it does not exist.
_FIELD_KINDS = {
    "string": ("QString", "String"),
    "int": ("Int", "Int"),
    "longlong": ("LongLong", "LongLong"),
    "double": ("Double", "Double"),
    "bool": ("Bool", "Bool"),
    "date": ("QDate", "Date"),
    "datetime": ("QDateTime", "DateTime"),
}


def field_type(kind: str) -> object:
    """The type value ``QgsField`` and ``QgsField.type()`` use on this QGIS for ``kind``.

    ``kind`` is one of string, int, longlong, double, bool, date, datetime.
    """
    try:
        modern, legacy = _FIELD_KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown field kind {kind!r}; known: {', '.join(_FIELD_KINDS)}") from None
    if _QMETATYPE_FIELDS:
        return getattr(QMetaType.Type, modern)
    # QGIS < 3.38 only takes QVariant.Type (getattr: the name must not be spelled out for Qt6)
    return getattr(QVariant, legacy)


def new_field(name: str, kind: str, length: int = 0, precision: int = 0) -> QgsField:
    """A ``QgsField`` of ``kind`` built with the constructor this QGIS prefers."""
    field = QgsField(name, field_type(kind))
    if length:
        field.setLength(length)
    if precision:
        field.setPrecision(precision)
    return field


def is_null(value: object) -> bool:
    """True for a NULL attribute value: ``None`` (Qt6, QGIS 4) or a null ``QVariant`` (Qt5)."""
    if value is None:
        return True
    return isinstance(value, QVariant) and value.isNull()


def qgis_enum(modern: str, legacy: str) -> object:
    """An enum value by its current dotted name in ``qgis.core``, else by its old one.

    ``qgis_enum("Qgis.ProcessingNumberParameterType.Double",
    "QgsProcessingParameterNumber.Type.Double")`` works on 3.22 and on QGIS 4.
    Raises ``AttributeError`` naming both when neither exists (a typo, not a version).
    """
    import qgis.core

    for dotted in (modern, legacy):
        value: object = qgis.core
        for part in dotted.split("."):
            value = getattr(value, part, None)
            if value is None:
                break
        if value is not None:
            return value
    raise AttributeError(f"neither {modern} nor {legacy} exists in this QGIS ({Qgis.version()})")


def null_extent() -> QgsRectangle:
    """An empty rectangle to grow with ``combineExtentWith()``, without a deprecated call."""
    extent = QgsRectangle()
    if hasattr(extent, "setNull"):  # QGIS 3.40 and later
        extent.setNull()
    else:
        extent.setMinimal()
    return extent


def set_label_style(label: QgsLayoutItemLabel, font: QFont, color: QColor) -> None:
    """Give a layout label its font (family, point size, bold/italic) and colour."""
    if hasattr(label, "setTextFormat"):  # QGIS 3.24 and later
        text_format = QgsTextFormat.fromQFont(font)
        text_format.setSize(font.pointSizeF())  # fromQFont keeps the family; points are the default unit
        text_format.setColor(color)
        label.setTextFormat(text_format)
    else:
        label.setFont(font)
        label.setFontColor(color)


def wkb_type(value: int):
    """A WKB type kept as a number (a saved stage) as the enum QGIS's functions take:
    ``Qgis.WkbType`` from 3.30, ``QgsWkbTypes.Type`` before (3.40 refuses a plain int)."""
    from qgis.core import Qgis, QgsWkbTypes

    enum = getattr(Qgis, "WkbType", None) or QgsWkbTypes.Type
    return enum(int(value))


def legend_style_font(legend, style) -> QFont:
    """A legend style's font (with its size in points): from its text format from QGIS 3.30."""
    legend_style = legend.rstyle(style)
    if hasattr(legend_style, "textFormat"):
        text_format = legend_style.textFormat()
        font = text_format.toQFont()
        font.setPointSizeF(text_format.size())
        return font
    return legend_style.font()


def set_legend_style_font(legend, style, font: QFont) -> None:
    """A legend style's font: a text format from QGIS 3.30 (``QgsLegendStyle.setFont`` is
    deprecated there), the font before."""
    legend_style = legend.rstyle(style)
    if hasattr(legend_style, "setTextFormat"):
        text_format = QgsTextFormat.fromQFont(font)
        text_format.setSize(font.pointSizeF())
        legend_style.setTextFormat(text_format)
    else:
        legend_style.setFont(font)
