"""Whose a link is and who changed it: text for the goal tooltip and the edit-link dialog.

In a shared PostgreSQL store each link belongs to an organisation (a municipality
or the region); planners need to see whose a link is before they try to change
it. A GeoPackage store has one owner, so its links show no organisation.
"""

from __future__ import annotations

import contextlib
import html

from qgis.PyQt.QtCore import QEvent, QObject, Qt
from qgis.PyQt.QtWidgets import QToolTip

from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.labels import stance_label
from ...core.model import Link
from .goal_tree_model import COL_GOAL, GOAL_ID_ROLE
from .scope.scope import PanelScope

#: the tooltip lists the links of at most this many selected areas (one query on hover)
TOOLTIP_MAX_KEYS = 200
#: and shows at most this many of them
TOOLTIP_MAX_LINES = 8


def shows_organisation(store) -> bool:
    """Whether links of ``store`` belong to organisations (the shared PostgreSQL store)."""
    return store is not None and getattr(store, "engine", "") == "postgres"


def organisation_names(store) -> dict[str, str]:
    """Organisation id → name, read once per store: the shared store's organisations, or the
    organisations that delivered to a region's GeoPackage store (empty for a municipality's)."""
    if store is None:
        return {}
    cached = getattr(store, "_tl_panel_organisation_names", None)
    if cached is not None:
        return cached
    names: dict[str, str] = {}
    with contextlib.suppress(TerritorialError, AttributeError):
        if shows_organisation(store):
            names = {o.id: o.name for o in store.organisations()}
        else:
            names = {d.organisation: d.organisation_name for d in store.deliveries() if d.organisation_name}
    with contextlib.suppress(AttributeError):
        store._tl_panel_organisation_names = names  # the panel's cache lives as long as the store object
    return names


def own_organisation(store) -> str | None:
    """Name of the organisation new links in ``store`` belong to.

    ``''`` for the store's administrator, ``None`` for stores without organisations.
    """
    if not shows_organisation(store):
        return None
    try:
        own = store.current_organisation()
    except (TerritorialError, AttributeError):
        return None
    return organisation_names(store).get(own, own) if own else ""


def _when(timestamp: str) -> str:
    return timestamp[:16].replace("T", " ")


def organisation_label(link: Link, names: dict[str, str]) -> str:
    if not link.organisation:
        return tr("no organisation")
    return names.get(link.organisation, link.organisation)


def detail_lines(link: Link, *, organisation: str | None = None) -> list[str]:
    """Plain-text lines: organisation (when given), created by/at, last changed by/at."""
    lines = []
    if organisation is not None:
        lines.append(tr("Organisation: {name}").format(name=organisation))
    if link.created_by or link.created_at:
        lines.append(tr("Created by {user} at {when}").format(user=link.created_by, when=_when(link.created_at)))
    if (link.updated_by or link.updated_at) and (link.updated_at, link.updated_by) != (
        link.created_at,
        link.created_by,
    ):
        lines.append(tr("Last changed by {user} at {when}").format(user=link.updated_by, when=_when(link.updated_at)))
    return lines


def goal_tooltip(
    store, layer_uid: str | None, keys: list[str], goal_id: str, base: str, scope: PanelScope | None = None
) -> str:
    """The goal's own tooltip followed by the links of the selected areas to it (whose, stance, who changed),
    now or in the ``scope``'s stage, of every organisation or the ``scope``'s."""
    if store is None or layer_uid is None or not keys or len(keys) > TOOLTIP_MAX_KEYS:
        return base
    scope = scope or PanelScope()
    try:
        if scope.stage:
            links = store.stage_links_for_keys(scope.stage, layer_uid, keys)
        else:
            links = store.links_for_keys(layer_uid, keys)
    except TerritorialError:
        return base
    links = [
        lk
        for lk in links
        if lk.goal_id == goal_id and (scope.organisation is None or (lk.organisation or "") == scope.organisation)
    ]
    if not links:
        return base
    # a shared store's links are always someone's; a region's GeoPackage holds several organisations' links
    with_org = shows_organisation(store) or len({lk.organisation or "" for lk in links}) > 1
    names = organisation_names(store) if with_org else {}
    rows = []
    for link in links[:TOOLTIP_MAX_LINES]:
        parts = [stance_label(link.stance), tr("strength {n}").format(n=link.strength)]
        if with_org:
            parts.append(organisation_label(link, names))
        if link.updated_by:
            parts.append(tr("changed by {user} at {when}").format(user=link.updated_by, when=_when(link.updated_at)))
        rows.append("<b>{}</b>: {}".format(html.escape(link.feature_key), html.escape(", ".join(parts))))
    if len(links) > TOOLTIP_MAX_LINES:
        rows.append(html.escape(tr("… and {n} more").format(n=len(links) - TOOLTIP_MAX_LINES)))
    heading = html.escape(tr("Links of the selected areas:"))
    return (base + "<hr/>" if base else "") + f"{heading}<br/>" + "<br/>".join(rows)


class GoalTooltipFilter(QObject):
    """On the goal tree's viewport: a goal's tooltip also tells whose the selection's links are.

    ``selection`` returns (store, layer_uid of the active layer, selected keys, the panel's scope).
    """

    def __init__(self, tree, model, selection, parent=None):
        super().__init__(parent)
        self.tree = tree
        self.model = model
        self._selection = selection
        self.last_text = ""  # for tests

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return False
        index = self.tree.indexAt(event.pos())
        if not index.isValid():
            return False
        goal_index = index.sibling(index.row(), COL_GOAL)
        goal_id = goal_index.data(GOAL_ID_ROLE)
        if not goal_id:
            return False
        self.last_text = self.text_for(goal_id)
        QToolTip.showText(event.globalPos(), self.last_text, watched)
        return True

    def text_for(self, goal_id: str) -> str:
        base = self.model.index_of(goal_id).data(Qt.ItemDataRole.ToolTipRole) or ""
        store, layer_uid, keys, scope = self._selection()
        return goal_tooltip(store, layer_uid, keys, goal_id, base, scope)
