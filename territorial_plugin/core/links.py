"""The link service: what the panel and the algorithms do with links, for a layer and a selection.

Keys are read from the layer in one request limited to the key attribute and
without geometry; the store then writes the whole set in one transaction. Every
change returns a :class:`LinkCommand` holding the links of the touched
``keys × goals`` before and after, so the panel can undo and redo it (the GUI
wraps it in a ``QUndoCommand``; core stays free of Qt widgets).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from qgis.core import QgsExpression, QgsFeatureRequest, QgsVectorLayer

from .errors import IdentityError
from .i18n import tr
from .identity import feature_key, require_registered
from .model import Link, LinkSpec, RegisteredLayer, WriteResult
from .store.base import Store


@dataclass
class LinkCommand:
    """A change already written; ``undo()``/``redo()`` put the before/after rows back (one transaction each)."""

    store: Store
    layer_uid: str
    keys: list[str]
    goal_ids: list[str]
    before: list[Link]
    after: list[Link]
    user: str
    text: str
    result: WriteResult = field(default_factory=WriteResult)

    def undo(self) -> WriteResult:
        return self.store.replace_links(self.layer_uid, self.keys, self.goal_ids, self.before, self.user)

    def redo(self) -> WriteResult:
        return self.store.replace_links(self.layer_uid, self.keys, self.goal_ids, self.after, self.user)


def read_keys(
    layer: QgsVectorLayer,
    key_field: str,
    *,
    fids: Iterable[int] | None = None,
    expression: str | None = None,
    selected_only: bool = False,
) -> list[str]:
    """Key values of all features, of ``fids``, of the selection, or of those matching ``expression``.

    One request, only the key attribute, no geometry. A feature without a key
    value is an :class:`IdentityError` (it could not be linked), as is a bad
    expression.
    """
    index = layer.fields().lookupField(key_field)
    if index < 0:
        raise IdentityError(tr("Layer '{layer}' has no field '{field}'.").format(layer=layer.name(), field=key_field))
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    if expression:
        parsed = QgsExpression(expression)
        if parsed.hasParserError():
            raise IdentityError(
                tr("The expression '{expression}' is not valid: {error}").format(
                    expression=expression, error=parsed.parserErrorString()
                )
            )
        request.setFilterExpression(expression)
        # the expression may read any field; only without one can the request be narrowed
    else:
        request.setSubsetOfAttributes([index])
    if selected_only:
        fids = layer.selectedFeatureIds()
    if fids is not None:
        request.setFilterFids(list(fids))
    keys: list[str] = []
    missing = 0
    for feature in layer.getFeatures(request):
        key = feature_key(feature.attribute(index))
        if key is None:
            missing += 1
        else:
            keys.append(key)
    if missing:
        raise IdentityError(
            tr(
                "{n} of the chosen features of '{layer}' have no value in the key field '{field}'. "
                "Give them a value (or add a tl_uuid field) before linking."
            ).format(n=missing, layer=layer.name(), field=key_field)
        )
    return keys


def require_goals(store: Store, goal_ids: Sequence[str]) -> None:
    """Refuse goal ids the store does not hold, before anything else is written."""
    known: set[str] = set()
    for catalogue_id in {goal.partition(":")[0] for goal in goal_ids}:
        known.update(goal.id for goal in store.goals(catalogue_id))
    missing = [goal for goal in goal_ids if goal not in known]
    if missing:
        raise IdentityError(
            tr("These goals are not in the link store: {goals}. Import their catalogue first.").format(
                goals=", ".join(missing)
            )
        )


class LinkService:
    """Link, unlink and query links for QGIS layers; every write is one store transaction."""

    def __init__(self, store: Store, user: str):
        self.store = store
        self.user = user

    def record(self, layer: QgsVectorLayer) -> RegisteredLayer:
        return require_registered(self.store, layer)

    def keys(self, layer: QgsVectorLayer, **selection) -> list[str]:
        """Keys of ``layer`` for a selection (see :func:`read_keys` for the keywords)."""
        return read_keys(layer, self.record(layer).key_field, **selection)

    def _change(self, uid: str, keys: list[str], goal_ids: list[str], text: str, write) -> LinkCommand:
        wanted = set(goal_ids)
        before = [x for x in self.store.links_for_keys(uid, keys) if x.goal_id in wanted]
        result = write()
        after = [x for x in self.store.links_for_keys(uid, keys) if x.goal_id in wanted]
        return LinkCommand(self.store, uid, keys, goal_ids, before, after, self.user, text, result)

    def link(self, layer: QgsVectorLayer, goal_ids: Sequence[str], spec: LinkSpec, **selection) -> LinkCommand:
        """Link the selected features (``fids=``, ``expression=``, ``selected_only=``) to ``goal_ids``."""
        uid = self.record(layer).layer_uid
        keys = self.keys(layer, **selection)
        goals = list(dict.fromkeys(goal_ids))
        text = tr("Link {n} features to {goals}").format(n=len(keys), goals=", ".join(goals))
        return self._change(uid, keys, goals, text, lambda: self.store.link(uid, keys, goals, spec, self.user))

    def unlink(self, layer: QgsVectorLayer, goal_ids: Sequence[str] | None, **selection) -> LinkCommand:
        """Remove links of the selected features to ``goal_ids`` (``None``: to every goal)."""
        uid = self.record(layer).layer_uid
        keys = self.keys(layer, **selection)
        if goal_ids is None:
            goals = sorted({x.goal_id for x in self.store.links_for_keys(uid, keys)})
        else:
            goals = list(dict.fromkeys(goal_ids))
        text = tr("Unlink {n} features").format(n=len(keys))
        return self._change(uid, keys, goals, text, lambda: self.store.unlink(uid, keys, goals, self.user))

    def update(
        self,
        layer: QgsVectorLayer,
        key: str,
        goal_id: str,
        *,
        stance: str | None = None,
        strength: int | None = None,
        motivation: str | None = None,
        expected_version: int | None = None,
    ) -> LinkCommand:
        """Change one link's stance, strength or motivation (a concurrent change raises ConflictError)."""
        uid = self.record(layer).layer_uid

        def write() -> WriteResult:
            self.store.update_link(
                uid,
                key,
                goal_id,
                self.user,
                stance=stance,
                strength=strength,
                motivation=motivation,
                expected_version=expected_version,
            )
            return WriteResult(updated=1)

        return self._change(uid, [key], [goal_id], tr("Edit link to {goal}").format(goal=goal_id), write)

    def links(self, layer: QgsVectorLayer, **selection) -> list[Link]:
        """The links of the selected features."""
        return self.store.links_for_keys(self.record(layer).layer_uid, self.keys(layer, **selection))

    def goal_counts(self, layer: QgsVectorLayer, **selection) -> tuple[int, dict[str, int]]:
        """(number of selected features, goal → how many of them are linked): drives the tri-state checks."""
        keys = self.keys(layer, **selection)
        return len(keys), self.store.goal_counts_for_keys(self.record(layer).layer_uid, keys)

    def fids_for_goal(self, layer: QgsVectorLayer, goal_id: str) -> list[int]:
        """QGIS feature ids of the features linked to ``goal_id`` (reverse lookup: select, zoom, flash)."""
        record = self.record(layer)
        wanted = set(self.store.keys_for_goal(goal_id, record.layer_uid).get(record.layer_uid, []))
        if not wanted:
            return []
        index = layer.fields().lookupField(record.key_field)
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
        return [f.id() for f in layer.getFeatures(request) if feature_key(f.attribute(index)) in wanted]
