"""Which areas of a layer each rule selects, with the rule's motivation filled in per area.

One feature request per rule with the rule's expression as filter, so a provider
that compiles expressions (GeoPackage, PostGIS) selects in its own SQL; only the
key field and the fields the expression and the motivation's templates read are
fetched, and geometry only when one of them needs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QLocale

from ...compat import is_null
from ..areas import area_name, name_field
from ..errors import CancelledError, RuleError
from ..i18n import tr
from ..identity import feature_key
from .model import Rule

_TEMPLATE = re.compile(r"\[%(.*?)%\]", re.DOTALL)
_C_LOCALE = QLocale.c()
_SHORTEST = QLocale.FloatingPointPrecisionOption.FloatingPointShortest


class Matches(NamedTuple):
    """The areas one rule selects (keys in the layer's order), with the rule's motivation for each.

    Lists per rule, not an object per area: a run over 100 000 areas would make
    hundreds of thousands, each one more for Python's garbage collector to walk.
    """

    rule: Rule
    keys: list[str]
    motivations: list[str]  # as long as keys


def _checked(rule: Rule, text: str, layer: QgsVectorLayer, context: QgsExpressionContext) -> QgsExpression:
    """The parsed expression, or a RuleError naming the rule (parse error or unknown field)."""
    expression = QgsExpression(text)
    if expression.hasParserError():
        raise RuleError(
            tr("The expression of rule '{rule}' is not valid: {error}").format(
                rule=rule.name, error=" ".join(expression.parserErrorString().split())
            )
        )
    names = set(layer.fields().names())
    unknown = sorted(
        c for c in expression.referencedColumns() if c != QgsFeatureRequest.ALL_ATTRIBUTES and c not in names
    )
    if unknown:
        raise RuleError(
            tr("Rule '{rule}' reads fields that layer '{layer}' does not have: {fields}").format(
                rule=rule.name, layer=layer.name(), fields=", ".join(unknown)
            )
        )
    expression.prepare(context)
    return expression


class _Motivation:
    """A rule's motivation with its ``[% %]`` expressions parsed and prepared once, filled per area.

    ``QgsExpression.replaceExpressionText`` parses every expression again for every
    area. Here each is prepared once; the text QGIS writes for a value
    (``QVariant::toString``) is reproduced for text, whole numbers and decimals, and
    anything else (NULL, a date, a boolean, an evaluation error, which evaluates to
    NULL) is left to ``replaceExpressionText`` for that one expression, so the
    motivation is the same either way. Expressions that read nothing of the area
    (``@project_title``) are filled once.
    """

    def __init__(self, rule: Rule, layer: QgsVectorLayer, context: QgsExpressionContext):
        text = rule.motivation
        #: (literal text before, prepared expression, its "[% … %]" source) per per-area expression
        self.pieces: list[tuple[str, QgsExpression, str]] = []
        self.expressions: list[QgsExpression] = []
        literal, start = [], 0
        for found in _TEMPLATE.finditer(text):
            literal.append(text[start : found.start()])
            start = found.end()
            expression = _checked(rule, found.group(1), layer, context)
            self.expressions.append(expression)
            if expression.rootNode().hasCachedStaticValue():
                literal.append(_text(expression, found.group(0), context))
            else:
                self.pieces.append(("".join(literal), expression, found.group(0)))
                literal = []
        literal.append(text[start:])
        self.tail = "".join(literal)

    def fill(self, context: QgsExpressionContext) -> str:
        """The motivation for the feature set on ``context``."""
        parts = []
        for literal, expression, source in self.pieces:
            parts += (literal, _text(expression, source, context))
        parts.append(self.tail)
        return "".join(parts)


def _text(expression: QgsExpression, source: str, context: QgsExpressionContext) -> str:
    """What ``replaceExpressionText`` writes for ``source`` (``[% … %]``), by the prepared ``expression``."""
    value = expression.evaluate(context)
    kind = type(value)
    if kind is str:
        return value
    if kind is int:  # not bool: QGIS writes "true"/"false"
        return str(value)
    if kind is float:
        return _C_LOCALE.toString(value, "g", _SHORTEST)  # QVariant::toString of a double
    return QgsExpression.replaceExpressionText(source, context)


def _probe(rule: Rule, expression: QgsExpression, layer: QgsVectorLayer, context: QgsExpressionContext, source) -> None:
    """Evaluate once on a feature: an error a filter would hide (it only yields no match) names the rule."""
    feature = next(source.getFeatures(QgsFeatureRequest().setLimit(1)), None)
    if feature is None:
        return
    context.setFeature(feature)
    expression.evaluate(context)
    if expression.hasEvalError():
        raise RuleError(
            tr("The expression of rule '{rule}' cannot be evaluated on layer '{layer}': {error}").format(
                rule=rule.name, layer=layer.name(), error=expression.evalErrorString()
            )
        )


def evaluate_rules(
    layer: QgsVectorLayer,
    key_field: str,
    rules: Sequence[Rule],
    *,
    fids: Iterable[int] | None = None,
    feedback=None,
    source=None,
    names: dict[str, str] | None = None,
) -> list[Matches]:
    """The areas where each rule's expression is true, in the order of ``rules``.

    ``fids`` limits the areas (a selection). Every rule is checked before any is
    evaluated, so an invalid one stops the whole run with its name. ``source``: the
    layer's ``QgsVectorLayerFeatureSource``, made on the GUI thread, to read the
    features from another thread (a task); the layer itself is then only asked for
    its fields and name. ``names``, when given, is filled with each matched area's
    name (key → ``core.areas.name_field``), read in the rules' own requests rather
    than in another pass over the layer.
    """
    source = layer if source is None else source
    label = name_field(layer, key_field) if names is not None else None
    label_index = layer.fields().lookupField(label) if label else -1
    key_index = layer.fields().lookupField(key_field)
    if key_index < 0:
        raise RuleError(tr("Layer '{layer}' has no field '{field}'.").format(layer=layer.name(), field=key_field))
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    prepared = []
    for rule in rules:
        expression = _checked(rule, rule.expression, layer, context)
        motivation = _Motivation(rule, layer, context)
        _probe(rule, expression, layer, context, source)
        prepared.append((rule, expression, motivation))
    fid_list = None if fids is None else list(fids)
    matches: list[Matches] = []
    for step, (rule, expression, motivation) in enumerate(prepared):
        if feedback is not None:
            if feedback.isCanceled():
                raise CancelledError(tr("Cancelled."))
            feedback.setProgress(100.0 * step / max(1, len(prepared)))
        request = QgsFeatureRequest()
        if fid_list is None:
            request.setFilterExpression(rule.expression)
            request.setExpressionContext(context)
        else:
            # a request has one filter: fids replace an expression, so the expression is evaluated here
            request.setFilterFids(fid_list)
        columns: set[str] = {label} if label else set()
        geometry = False
        for parsed in [expression, *motivation.expressions]:
            columns.update(parsed.referencedColumns())
            geometry = geometry or parsed.needsGeometry()
        if not geometry:
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        if QgsFeatureRequest.ALL_ATTRIBUTES not in columns:
            request.setSubsetOfAttributes([key_field, *sorted(columns)], layer.fields())
        keys: list[str] = []
        texts: list[str] = []
        per_area = bool(motivation.pieces)  # else the same text for every area
        for feature in source.getFeatures(request):
            if fid_list is not None:
                context.setFeature(feature)
                value = expression.evaluate(context)
                if is_null(value) or not value:  # NULL is false, as in a filter
                    continue
            key = feature.attribute(key_index)
            if type(key) is not str or not key:  # the common case, a non-empty text, is the key as it is
                key = feature_key(key)
                if key is None:
                    continue  # an area without a key cannot be linked; integrity reports it
            keys.append(key)
            if label_index >= 0 and key not in names:
                name = feature.attribute(label_index)
                names[key] = name if type(name) is str else area_name(name)
            if per_area:
                context.setFeature(feature)
                texts.append(motivation.fill(context))
        matches.append(Matches(rule, keys, texts if per_area else [motivation.tail] * len(keys)))
    return matches
