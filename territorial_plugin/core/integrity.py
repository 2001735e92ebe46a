"""Link integrity: orphans, repeated or missing keys, layers not found; repair by key.

- An *orphan* is a linked key no longer present in its layer (the feature was
  deleted, or the data was replaced). Orphans are reported, and removed only when
  the user asks (``remove_orphans``): a feature may come back with a restored file.
- Repeated or empty keys make a layer's links ambiguous; they are reported with
  the values, so the data can be fixed.
- *Repair* re-attaches a registered layer whose data source moved or changed to
  the layer given now: by ``layer_uid``, by the same source, or — failing both —
  by the layer whose linked keys the new data holds most of (same key field).
  Links are never moved to other keys; what does not match stays an orphan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer

from .i18n import tr
from .identity import LAYER_UID_PROPERTY, feature_key, record_for, resolve_layer, source_identity
from .model import RegisteredLayer
from .project.layers import layer_statuses
from .store.base import Store

SHOWN = 20  # keys listed in a message; the report object holds all


@dataclass(frozen=True)
class LayerIntegrity:
    """Findings for one registered layer."""

    record: RegisteredLayer
    available: bool
    reason: str = ""  # why the layer is unavailable
    linked_keys: int = 0
    orphan_keys: list[str] = field(default_factory=list)
    duplicate_keys: list[str] = field(default_factory=list)
    null_keys: int = 0
    missing_key_field: bool = False
    #: (key, rule, goal): areas an enabled rule links to a goal with no link and no dismissal
    rule_gaps: list[tuple[str, str, str]] = field(default_factory=list)
    rule_error: str = ""  # why the rules could not be evaluated on the layer

    @property
    def ok(self) -> bool:
        return (
            self.available
            and not self.orphan_keys
            and not self.duplicate_keys
            and not self.null_keys
            and not self.missing_key_field
        )

    def messages(self) -> list[str]:
        """One translated line per problem, for Processing feedback and the panel."""
        name = self.record.name
        lines = []
        if not self.available:
            lines.append(
                tr("Layer '{layer}' was not found: {reason}. Its {n} linked features are kept.").format(
                    layer=name, reason=self.reason, n=self.linked_keys
                )
            )
            return lines
        if self.missing_key_field:
            lines.append(
                tr("Layer '{layer}' has no field '{field}' any more.").format(layer=name, field=self.record.key_field)
            )
        if self.orphan_keys:
            lines.append(
                tr("Layer '{layer}': {n} linked keys are no longer in the layer: {keys}").format(
                    layer=name, n=len(self.orphan_keys), keys=_short(self.orphan_keys)
                )
            )
        if self.duplicate_keys:
            lines.append(
                tr("Layer '{layer}': {n} key values appear more than once: {keys}").format(
                    layer=name, n=len(self.duplicate_keys), keys=_short(self.duplicate_keys)
                )
            )
        if self.null_keys:
            lines.append(
                tr("Layer '{layer}': {n} features have no key value and cannot be linked.").format(
                    layer=name, n=self.null_keys
                )
            )
        return lines

    def rule_messages(self) -> list[str]:
        """The plan's unexplained gaps (not errors of the links): one line per layer."""
        name = self.record.name
        if self.rule_error:
            return [
                tr("Layer '{layer}': the linking rules could not be checked: {error}").format(
                    layer=name, error=self.rule_error
                )
            ]
        if not self.rule_gaps:
            return []
        shown = [f"{key} → {goal} ({rule})" for key, rule, goal in self.rule_gaps]
        return [
            tr(
                "Layer '{layer}': {n} areas match a linking rule but have no link to its goal and no dismissal: {gaps}"
            ).format(layer=name, n=len({key for key, _, _ in self.rule_gaps}), gaps=_short(shown))
        ]


@dataclass
class IntegrityReport:
    layers: list[LayerIntegrity] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)  # one message per re-attached layer
    unregistered: list[str] = field(default_factory=list)  # given layers the store does not know
    removed_orphans: int = 0
    store_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.layers) and not self.store_problems

    @property
    def orphan_count(self) -> int:
        return sum(len(item.orphan_keys) for item in self.layers)


def _short(keys: Sequence[str]) -> str:
    shown = ", ".join(keys[:SHOWN])
    return shown + (tr(" … and {n} more").format(n=len(keys) - SHOWN) if len(keys) > SHOWN else "")


def layer_keys(layer: QgsVectorLayer, key_field: str) -> tuple[set[str], list[str], int]:
    """(keys present, keys repeated, features without a key) in one pass without geometry."""
    index = layer.fields().lookupField(key_field)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
    present: set[str] = set()
    repeated: set[str] = set()
    nulls = 0
    for feature in layer.getFeatures(request):
        key = feature_key(feature.attribute(index))
        if key is None:
            nulls += 1
        elif key in present:
            repeated.add(key)
        else:
            present.add(key)
    return present, sorted(repeated), nulls


def check_layer(
    store: Store, record: RegisteredLayer, layer: QgsVectorLayer | None, reason: str = ""
) -> LayerIntegrity:
    linked = store.linked_keys(record.layer_uid)
    if layer is None or not layer.isValid():
        reason = reason or tr("the data source cannot be read ({source})").format(source=record.source)
        return LayerIntegrity(record, False, reason, len(linked))
    if layer.fields().lookupField(record.key_field) < 0:
        return LayerIntegrity(record, True, "", len(linked), sorted(linked), missing_key_field=True)
    present, repeated, nulls = layer_keys(layer, record.key_field)
    gaps, error = _rule_gaps(store, record, layer)
    return LayerIntegrity(
        record, True, "", len(linked), sorted(linked - present), repeated, nulls, rule_gaps=gaps, rule_error=error
    )


def _rule_gaps(store: Store, record: RegisteredLayer, layer: QgsVectorLayer) -> tuple[list, str]:
    from .errors import RuleError
    from .rules.apply import layer_outcomes
    from .rules.model import WOULD_LINK
    from .rules.suggestions import applicable_rules

    rules = applicable_rules(store, record)
    if not rules:
        return [], ""
    try:
        rows = layer_outcomes(store, layer, record, rules)
    except RuleError as error:  # a broken rule is reported with the findings, not instead of them
        return [], str(error)
    return [(key, rule, goal) for key, rule, goal, change, _, _ in rows if change == WOULD_LINK], ""


def reattach(store: Store, layer: QgsVectorLayer) -> tuple[RegisteredLayer | None, str]:
    """Find the registered layer ``layer`` now stands for; update its source. Returns (record, message)."""
    record = resolve_layer(store, layer)  # by layer_uid or identical source; updates a changed source
    if record is not None:
        return record, ""
    # Prefer registered layers whose own source is gone (the file that moved), then
    # the largest share of their linked keys found in the new data.
    ranked = []
    for candidate in store.layers():
        if layer.fields().lookupField(candidate.key_field) < 0:
            continue
        linked = store.linked_keys(candidate.layer_uid)
        if not linked:
            continue
        present, _, _ = layer_keys(layer, candidate.key_field)
        hits = len(linked & present)
        if hits:
            ranked.append(
                ((not _source_missing(candidate), -hits / len(linked), -hits, candidate.name), hits, candidate)
            )
    if not ranked:
        return None, ""
    ranked.sort(key=lambda item: item[0])
    _, best_hits, best = ranked[0]
    updated = record_for(layer, best.layer_uid, best.key_field)
    store.register_layer(updated)
    layer.setCustomProperty(LAYER_UID_PROPERTY, best.layer_uid)
    message = tr(
        "Layer '{layer}' was re-attached to the registered layer '{old}' by its key '{field}' "
        "({n} linked keys found). Its source is now {source}."
    ).format(layer=layer.name(), old=best.name, field=best.key_field, n=best_hits, source=layer.source())
    return updated, message


def _source_missing(record: RegisteredLayer) -> bool:
    """True when a file-based source no longer exists (databases are never 'missing' here)."""
    if record.provider not in _FILE_PROVIDERS:
        return False
    path, _ = source_identity(record.provider, record.source)
    return bool(path) and not Path(path.split("|")[0]).exists()


_FILE_PROVIDERS = {"ogr", "delimitedtext", "spatialite"}


def check(
    store: Store,
    layers: Sequence[QgsVectorLayer] | None = None,
    *,
    project: QgsProject | None = None,
    repair: bool = False,
    remove_orphans: bool = False,
    user: str = "",
) -> IntegrityReport:
    """Check the given layers (default: the registered layers found in the project).

    With ``repair``, each given layer that is not yet known is re-attached by key
    (see :func:`reattach`). With ``remove_orphans``, links whose key is no longer
    in an available layer are deleted (one transaction per layer, with history).
    """
    report = IntegrityReport()
    checker = getattr(store, "integrity_check", None)
    if checker is not None:
        report.store_problems = list(checker())
    found: dict[str, QgsVectorLayer] = {}
    reasons: dict[str, str] = {}
    if layers is None:
        for status in layer_statuses(store, project):
            if status.available:
                resolve_layer(store, status.layer)  # brings a changed source up to date in the store
                found[status.record.layer_uid] = status.layer
            else:
                reasons[status.record.layer_uid] = status.reason
    else:
        for layer in layers:
            record = resolve_layer(store, layer)
            if record is None and repair:
                record, message = reattach(store, layer)
                if message:
                    report.repaired.append(message)
            if record is None:
                report.unregistered.append(layer.name())
                continue
            found[record.layer_uid] = layer
    for record in store.layers():
        layer = found.get(record.layer_uid)
        if layers is not None and layer is None:
            reasons.setdefault(record.layer_uid, tr("not among the layers given"))
        item = check_layer(store, record, layer, reasons.get(record.layer_uid, ""))
        if remove_orphans and item.available and item.orphan_keys:
            result = store.unlink(record.layer_uid, item.orphan_keys, None, user)
            report.removed_orphans += result.deleted
        report.layers.append(item)
    return report
