"""Expression functions, so labels, styles, forms and layouts show goal links without the plugin's UI.

- ``tl_goal_codes()`` → ``'11, 11.3, 15'``: codes of the goals the feature is linked
  to; ``tl_goal_codes('agenda2030')`` only those of one catalogue.
- ``tl_goal_stance('agenda2030:11')`` → ``'supports'``, ``'conflicts'``,
  ``'neutral'`` or NULL: for rule-based styles that draw conflicts apart.

The store is the project's (project entry ``territorial_links/store``). Links of
a layer are read once into a cache keyed by store and layer; the panel calls
:func:`invalidate` after every change, and a change of the GeoPackage file by
anybody else (its modification time, WAL included) also empties it. Functions
are evaluated in render threads, so the cache is filled through a connection
opened for that purpose and guarded by a lock.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

from qgis.core import QgsExpression, QgsExpressionFunction, QgsFeatureRequest, QgsProject

from .catalogues.tree import natural_key
from .errors import TerritorialError
from .i18n import tr
from .identity import feature_key, layer_uid_of
from .project.link_store import project_store_uri
from .store import is_postgres_uri, open_store

GROUP = "Territorial Links"


#: how long a looked-up layer → (store, uid) and a file stamp are trusted, in seconds;
#: a render of 10 000 labels then costs a few dictionary look-ups per feature
RECHECK_S = 1.0


@dataclass
class _LayerLinks:
    key_field: str
    #: feature key → [(goal id, stance)]
    by_key: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    stamp: tuple = ()
    checked_at: float = 0.0
    #: (key, catalogue) → the text tl_goal_codes returns
    codes: dict[tuple[str, str], str] = field(default_factory=dict)

    def codes_text(self, key: str, catalogue: str) -> str:
        text = self.codes.get((key, catalogue))
        if text is None:
            pairs = []
            for goal_id, _stance in self.by_key.get(key, ()):
                cat, _, code = goal_id.partition(":")
                if not catalogue or cat == catalogue:
                    pairs.append((cat, code))
            pairs.sort(key=lambda item: (item[0], natural_key(item[1])))
            text = ", ".join(code for _cat, code in pairs)
            self.codes[(key, catalogue)] = text
        return text


_lock = threading.Lock()
_cache: dict[tuple[str, str], _LayerLinks | None] = {}
#: layer id → (store uri, layer uid, when looked up)
_layers: dict[str, tuple[str, str, float]] = {}


def invalidate() -> None:
    """Forget every cached link (call after writing links)."""
    with _lock:
        _cache.clear()
        _layers.clear()


def _stamp(uri: str) -> tuple:
    if is_postgres_uri(uri):
        return ()
    stamp = []
    for path in (uri, uri + "-wal"):
        try:
            info = os.stat(path)
            stamp.append((info.st_mtime_ns, info.st_size))
        except OSError:
            stamp.append(None)
    return tuple(stamp)


def layer_links(uri: str, layer_uid: str) -> _LayerLinks | None:
    """Links of one registered layer, from the cache or read now."""
    now = time.monotonic()
    with _lock:
        cached = _cache.get((uri, layer_uid), False)
        if cached is not False and (cached is None or now - cached.checked_at < RECHECK_S):
            return cached
        stamp = _stamp(uri)
        if cached and cached.stamp == stamp:
            cached.checked_at = now
            return cached
        try:
            store = open_store(uri)
        except TerritorialError:
            _cache[(uri, layer_uid)] = None
            return None
        try:
            record = store.layer(layer_uid)
            if record is None:
                result = None
            else:
                result = _LayerLinks(record.key_field, stamp=stamp, checked_at=now)
                for link in store.links(layer_uids=[layer_uid]):
                    result.by_key.setdefault(link.feature_key, []).append((link.goal_id, link.stance))
        finally:
            store.close()
        _cache[(uri, layer_uid)] = result
        return result


def _layer_links_for(context) -> _LayerLinks | None:
    layer_id = context.variable("layer_id")
    if not layer_id:
        return None
    now = time.monotonic()
    known = _layers.get(layer_id)
    if known is None or now - known[2] >= RECHECK_S:
        layer = QgsProject.instance().mapLayer(layer_id)
        uid = layer_uid_of(layer) if layer is not None else None
        uri = project_store_uri() if uid else ""
        known = (uri, uid or "", now)
        _layers[layer_id] = known
    uri, uid, _when = known
    if not uri or not uid:
        return None
    return layer_links(uri, uid)


def _feature_key(context, links: _LayerLinks) -> str | None:
    feature = context.feature()
    index = feature.fields().lookupField(links.key_field)
    return feature_key(feature.attribute(index)) if index >= 0 else None


def _feature_links(context) -> list[tuple[str, str]] | None:
    """(goal id, stance) of the context's feature, or ``None`` if it has no registered layer."""
    if context is None or not context.hasFeature():
        return None
    links = _layer_links_for(context)
    if links is None:
        return None
    key = _feature_key(context, links)
    return links.by_key.get(key, []) if key is not None else []


class GoalCodesFunction(QgsExpressionFunction):
    def __init__(self):
        super().__init__(
            "tl_goal_codes",
            [QgsExpressionFunction.Parameter("catalogue", True, "")],
            GROUP,
            tr(
                "<h3>tl_goal_codes([catalogue])</h3>Codes of the goals the feature is linked to, "
                "separated by commas, e.g. '11, 11.3, 15'. With a catalogue id (agenda2030, miljomal, "
                "nrs2030, …) only the goals of that catalogue. NULL when the layer is not registered in "
                "the project's link store.<h4>Example</h4><code>tl_goal_codes('agenda2030')</code> → '11, 11.3'"
            ),
        )

    def func(self, values, context, parent, node):
        if context is None or not context.hasFeature():
            return None
        links = _layer_links_for(context)
        if links is None:
            return None
        key = _feature_key(context, links)
        if key is None:
            return ""
        return links.codes_text(key, str((values[0] or "") if values else ""))

    def usesGeometry(self, node) -> bool:
        return False

    def referencedColumns(self, node):
        # the key field is known only at run time
        return [QgsFeatureRequest.ALL_ATTRIBUTES]

    def isStatic(self, node, parent, context) -> bool:
        return False


class GoalStanceFunction(QgsExpressionFunction):
    def __init__(self):
        super().__init__(
            "tl_goal_stance",
            [QgsExpressionFunction.Parameter("goal_id")],
            GROUP,
            tr(
                "<h3>tl_goal_stance(goal_id)</h3>The stance of the feature's link to a goal: 'supports', "
                "'conflicts' or 'neutral'; NULL when the feature is not linked to it. For rule-based styles "
                "that draw conflicts apart.<h4>Example</h4><code>tl_goal_stance('agenda2030:11') = 'conflicts'</code>"
            ),
        )

    def func(self, values, context, parent, node):
        links = _feature_links(context)
        if not links or not values:
            return None
        wanted = str(values[0] or "")
        for goal_id, stance in links:
            if goal_id == wanted:
                return stance
        return None

    def usesGeometry(self, node) -> bool:
        return False

    def referencedColumns(self, node):
        # the key field is known only at run time
        return [QgsFeatureRequest.ALL_ATTRIBUTES]

    def isStatic(self, node, parent, context) -> bool:
        return False


_functions: list[QgsExpressionFunction] = []


def register_functions() -> None:
    """Add the functions to QGIS's expression engine (idempotent)."""
    if _functions:
        return
    for function in (GoalCodesFunction(), GoalStanceFunction()):
        if QgsExpression.isFunctionName(function.name()):
            QgsExpression.unregisterFunction(function.name())
        if QgsExpression.registerFunction(function):
            _functions.append(function)


def unregister_functions() -> None:
    """Remove the functions again (plugin unload)."""
    while _functions:
        function = _functions.pop()
        QgsExpression.unregisterFunction(function.name())
    invalidate()
