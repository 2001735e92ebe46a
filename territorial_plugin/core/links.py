"""The link service: the one path by which the panel and the algorithms change links.

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
from .model import Link, LinkSpec, WriteResult
from .store.base import Store


@dataclass
class LinkCommand:
    """A change already written; ``undo()``/``redo()`` put the before/after rows back (one transaction each).

    ``before``/``after`` are ``None`` when the service was made without undo (the algorithms).
    """

    store: Store
    layer_uid: str
    keys: list[str]
    goal_ids: list[str]
    before: list[Link] | None
    after: list[Link] | None
    user: str
    text: str
    result: WriteResult = field(default_factory=WriteResult)

    def undo(self) -> WriteResult:
        return self._put_back(self.before)

    def redo(self) -> WriteResult:
        return self._put_back(self.after)

    def _put_back(self, rows: list[Link] | None) -> WriteResult:
        if rows is None:
            raise RuntimeError("this change was made by a LinkService without undo")
        return self.store.replace_links(self.layer_uid, self.keys, self.goal_ids, rows, self.user)


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
    """Link, unlink and edit links; the one write path of the panel and the algorithms.

    Every write is one store transaction and returns a :class:`LinkCommand`. With
    ``undo`` (the panel) the command holds the touched links before and after, so it
    can be undone; without (the algorithms) those two reads are skipped, as they
    would take longer than the write itself for a large layer.
    """

    def __init__(self, store: Store, user: str, *, undo: bool = True):
        self.store = store
        self.user = user
        self.undo = undo

    def _snapshot(self, uid: str, keys: list[str], wanted: set[str]) -> list[Link] | None:
        if not self.undo:
            return None
        return [x for x in self.store.links_for_keys(uid, keys) if x.goal_id in wanted]

    def _change(self, uid: str, keys: Sequence[str], goal_ids: Sequence[str], text: str, write) -> LinkCommand:
        keys, goal_ids = list(keys), list(goal_ids)
        wanted = set(goal_ids)
        before = self._snapshot(uid, keys, wanted)
        result = write(keys, goal_ids)
        after = self._snapshot(uid, keys, wanted)
        return LinkCommand(self.store, uid, keys, goal_ids, before, after, self.user, text, result)

    # -- keys the caller already holds (the panel's selection, an algorithm's features) --
    def link_keys(
        self, layer_uid: str, keys: Sequence[str], goal_ids: Sequence[str], spec: LinkSpec, text: str = ""
    ) -> LinkCommand:
        """Link ``keys`` of the registered layer ``layer_uid`` to ``goal_ids`` with ``spec``."""
        return self._change(
            layer_uid, keys, goal_ids, text, lambda k, g: self.store.link(layer_uid, k, g, spec, self.user)
        )

    def unlink_keys(self, layer_uid: str, keys: Sequence[str], goal_ids: Sequence[str], text: str = "") -> LinkCommand:
        """Remove the links of ``keys`` to ``goal_ids``."""
        return self._change(layer_uid, keys, goal_ids, text, lambda k, g: self.store.unlink(layer_uid, k, g, self.user))

    def update_link(
        self,
        layer_uid: str,
        key: str,
        goal_id: str,
        spec: LinkSpec,
        text: str = "",
        *,
        expected_version: int | None = None,
    ) -> LinkCommand:
        """Change one link's stance, strength and motivation.

        With ``expected_version`` a change made meanwhile by someone else raises ConflictError.
        """

        def write(keys: list[str], goal_ids: list[str]) -> WriteResult:
            self.store.update_link(
                layer_uid,
                key,
                goal_id,
                self.user,
                stance=spec.stance,
                strength=spec.strength,
                motivation=spec.motivation,
                expected_version=expected_version,
            )
            return WriteResult(updated=1)

        return self._change(layer_uid, [key], [goal_id], text, write)

    # -- features of a registered layer -------------------------------------------------
    def link(self, layer: QgsVectorLayer, goal_ids: Sequence[str], spec: LinkSpec, **selection) -> LinkCommand:
        """Link the selected features (``fids=``, ``expression=``, ``selected_only=``) to ``goal_ids``."""
        record = require_registered(self.store, layer)
        keys = read_keys(layer, record.key_field, **selection)
        return self.link_keys(record.layer_uid, keys, list(dict.fromkeys(goal_ids)), spec)

    def unlink(self, layer: QgsVectorLayer, goal_ids: Sequence[str] | None, **selection) -> LinkCommand:
        """Remove links of the selected features to ``goal_ids`` (``None``: to every goal)."""
        record = require_registered(self.store, layer)
        uid = record.layer_uid
        keys = read_keys(layer, record.key_field, **selection)
        if goal_ids is None:
            goals = sorted({x.goal_id for x in self.store.links_for_keys(uid, keys)})
        else:
            goals = list(dict.fromkeys(goal_ids))
        return self.unlink_keys(uid, keys, goals)

    def fids_for_goal(self, layer: QgsVectorLayer, goal_id: str) -> list[int]:
        """QGIS feature ids of the features linked to ``goal_id`` (reverse lookup: select, zoom, flash)."""
        record = require_registered(self.store, layer)
        wanted = set(self.store.keys_for_goal(goal_id, record.layer_uid).get(record.layer_uid, []))
        if not wanted:
            return []
        index = layer.fields().lookupField(record.key_field)
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
        return [f.id() for f in layer.getFeatures(request) if feature_key(f.attribute(index)) in wanted]
