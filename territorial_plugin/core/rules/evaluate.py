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

from ...compat import is_null
from ..areas import area_name, name_field
from ..errors import CancelledError, RuleError
from ..i18n import tr
from ..identity import feature_key
from .model import Rule

_TEMPLATE = re.compile(r"\[%(.*?)%\]", re.DOTALL)


class Match(NamedTuple):
    """An area a rule selects, with the rule's motivation for it (and its name, when asked for)."""

    key: str
    rule: Rule
    motivation: str
    name: str = ""


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
    names: bool = False,
) -> list[Match]:
    """Every (area, rule) where the rule's expression is true, in the order of ``rules``.

    ``fids`` limits the areas (a selection). Every rule is checked before any is
    evaluated, so an invalid one stops the whole run with its name. ``source``: the
    layer's ``QgsVectorLayerFeatureSource``, made on the GUI thread, to read the
    features from another thread (a task); the layer itself is then only asked for
    its fields and name. With ``names`` each match carries the area's name
    (``core.areas.name_field``), read in the rule's own request rather than in
    another pass over the layer.
    """
    source = layer if source is None else source
    label = name_field(layer, key_field) if names else None
    label_index = layer.fields().lookupField(label) if label else -1
    key_index = layer.fields().lookupField(key_field)
    if key_index < 0:
        raise RuleError(tr("Layer '{layer}' has no field '{field}'.").format(layer=layer.name(), field=key_field))
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    prepared = []
    for rule in rules:
        expression = _checked(rule, rule.expression, layer, context)
        templates = [_checked(rule, t, layer, context) for t in _TEMPLATE.findall(rule.motivation)]
        _probe(rule, expression, layer, context, source)
        prepared.append((rule, expression, templates))
    fid_list = None if fids is None else list(fids)
    matches: list[Match] = []
    for step, (rule, expression, templates) in enumerate(prepared):
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
        geometry = expression.needsGeometry()
        for parsed in [expression, *templates]:
            columns.update(parsed.referencedColumns())
            geometry = geometry or parsed.needsGeometry()
        if not geometry:
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        if QgsFeatureRequest.ALL_ATTRIBUTES not in columns:
            request.setSubsetOfAttributes([key_field, *sorted(columns)], layer.fields())
        for feature in source.getFeatures(request):
            if fid_list is not None:
                context.setFeature(feature)
                value = expression.evaluate(context)
                if is_null(value) or not value:  # NULL is false, as in a filter
                    continue
            key = feature_key(feature.attribute(key_index))
            if key is None:
                continue  # an area without a key cannot be linked; integrity reports it
            motivation = rule.motivation
            if templates:
                context.setFeature(feature)
                motivation = QgsExpression.replaceExpressionText(rule.motivation, context)
            name = area_name(feature.attribute(label_index)) if label_index >= 0 else ""
            matches.append(Match(key, rule, motivation, name))
    return matches
