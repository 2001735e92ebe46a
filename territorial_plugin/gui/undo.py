"""Undo and redo of the panel's link actions (Ctrl+Z / Ctrl+Shift+Z).

Each action is done first, outside the stack, so that a refused write raises in
the panel and nothing is pushed; the command then remembers the links of the
touched ``keys × goals`` before and after, and undo/redo put exactly those rows
back with :meth:`Store.replace_links` (one transaction each).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qgis.PyQt.QtWidgets import QUndoCommand, QUndoStack

from ..core.errors import TerritorialError
from ..core.i18n import tr
from ..core.model import Link, LinkSpec, WriteResult
from ..core.store.base import Store


def _rows(store: Store, layer_uid: str, keys: Sequence[str], goal_ids: Sequence[str]) -> list[Link]:
    wanted = set(goal_ids)
    return [link for link in store.links_for_keys(layer_uid, keys) if link.goal_id in wanted]


class LinkChangeCommand(QUndoCommand):
    """A link or unlink of ``keys × goal_ids`` that has already been done."""

    def __init__(
        self,
        store: Store,
        layer_uid: str,
        keys: Sequence[str],
        goal_ids: Sequence[str],
        before: list[Link],
        user: str,
        text: str,
        on_change: Callable[[str], None],
        on_error: Callable[[TerritorialError], None],
    ):
        super().__init__(text)
        self.store = store
        self.layer_uid = layer_uid
        self.keys = list(keys)
        self.goal_ids = list(goal_ids)
        self.before = before
        self.after = _rows(store, layer_uid, self.keys, self.goal_ids)
        self.user = user
        self.on_change = on_change
        self.on_error = on_error
        self._done = True  # the first redo() (from push) must not write again

    def _put(self, rows: list[Link]) -> None:
        try:
            self.store.replace_links(self.layer_uid, self.keys, self.goal_ids, rows, self.user)
        except TerritorialError as error:
            self.setObsolete(True)
            self.on_error(error)
        self.on_change(self.layer_uid)

    def undo(self) -> None:
        self._put(self.before)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._put(self.after)


class LinkUndoStack(QUndoStack):
    """The panel's undo stack; its actions carry the standard shortcuts."""

    def __init__(self, store_getter: Callable[[], Store | None], user: str, parent=None):
        super().__init__(parent)
        self._store_getter = store_getter
        self.user = user
        self.on_change: Callable[[str], None] = lambda layer_uid: None
        self.on_error: Callable[[TerritorialError], None] = lambda error: None

    def _store(self) -> Store:
        store = self._store_getter()
        if store is None:
            raise TerritorialError(tr("No link store is open."))
        return store

    def link(
        self, layer_uid: str, keys: Sequence[str], goal_ids: Sequence[str], spec: LinkSpec, text: str
    ) -> WriteResult:
        store = self._store()
        before = _rows(store, layer_uid, keys, goal_ids)
        result = store.link(layer_uid, keys, goal_ids, spec, self.user)
        self._push(store, layer_uid, keys, goal_ids, before, text)
        return result

    def unlink(self, layer_uid: str, keys: Sequence[str], goal_ids: Sequence[str], text: str) -> WriteResult:
        store = self._store()
        before = _rows(store, layer_uid, keys, goal_ids)
        result = store.unlink(layer_uid, keys, goal_ids, self.user)
        self._push(store, layer_uid, keys, goal_ids, before, text)
        return result

    def update(self, layer_uid: str, key: str, goal_id: str, spec: LinkSpec, text: str) -> Link:
        store = self._store()
        before = _rows(store, layer_uid, [key], [goal_id])
        link = store.update_link(
            layer_uid, key, goal_id, self.user, stance=spec.stance, strength=spec.strength, motivation=spec.motivation
        )
        self._push(store, layer_uid, [key], [goal_id], before, text)
        return link

    def _push(self, store, layer_uid, keys, goal_ids, before, text) -> None:
        self.push(
            LinkChangeCommand(store, layer_uid, keys, goal_ids, before, self.user, text, self.on_change, self.on_error)
        )
