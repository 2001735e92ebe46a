"""Undo and redo of the panel's link actions (Ctrl+Z / Ctrl+Shift+Z).

Each action is written first through :class:`core.links.LinkService` (the path
the algorithms take too), outside the stack, so that a refused write raises in
the panel and nothing is pushed. The service returns a
:class:`core.links.LinkCommand` (the links of the touched ``keys × goals``
before and after); the ``QUndoCommand`` here only wraps it: undo/redo put those
rows back with ``Store.replace_links``, one transaction each.

Rule suggestions do not go through the service: accepting goes through
``core.rules.suggestions.accept`` (the store's rule link, which remembers the
rule), undone by removing those links and redone by accepting again; dismissing
goes through ``suggestions.dismiss``, undone by ``suggestions.restore`` of the
dismissals it added (not those made before), so the suggestions show again, and
redone by ``suggestions.dismiss_pairs`` of the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qgis.PyQt.QtWidgets import QUndoCommand, QUndoStack

from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.links import LinkCommand, LinkService
from ...core.model import Link, LinkSpec, WriteResult
from ...core.store.base import Store


@dataclass(frozen=True)
class DismissCommand:
    """Dismissals already written, as :class:`LinkUndoCommand` replays them: text, layer, undo, redo."""

    text: str
    layer_uid: str
    undo: Callable[[], object]
    redo: Callable[[], object]


class LinkUndoCommand(QUndoCommand):
    """Qt's face of a :class:`LinkCommand` (or a :class:`DismissCommand`) that has already been done."""

    def __init__(
        self,
        command: LinkCommand | DismissCommand,
        on_change: Callable[[str], None],
        on_error: Callable[[TerritorialError], None],
    ):
        super().__init__(command.text)
        self.command = command
        self.on_change = on_change
        self.on_error = on_error
        self._done = True  # the first redo() (from push) must not write again

    def _run(self, write: Callable[[], object]) -> None:
        try:
            write()
        except TerritorialError as error:
            # the store refused (e.g. a catalogue was deleted meanwhile): drop the step, say why
            self.setObsolete(True)
            self.on_error(error)
        self.on_change(self.command.layer_uid)

    def undo(self) -> None:
        self._run(self.command.undo)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self.command.redo)


class AcceptUndoCommand(LinkUndoCommand):
    """Accepted rule suggestions: undo puts the links back as they were, redo accepts again.

    Redo does not put the stored rows back: ``replace_links`` writes a planner's
    links, and these are the rule's.
    """

    def __init__(self, command: LinkCommand, accept_again: Callable[[], WriteResult], stack: LinkUndoStack):
        super().__init__(command, stack.on_change, stack.on_error)
        self._accept_again = accept_again

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self._accept_again)


class LinkUndoStack(QUndoStack):
    """The panel's undo stack: each change goes through :class:`LinkService`, its command is kept here."""

    def __init__(
        self,
        store_getter: Callable[[], Store | None],
        user: str,
        on_change: Callable[[str], None],
        on_error: Callable[[TerritorialError], None],
        parent=None,
    ):
        super().__init__(parent)
        self._store_getter = store_getter
        self.user = user
        self.on_change = on_change  # after each undo/redo, with the layer_uid it touched
        self.on_error = on_error

    def forget_layers(self, layer_uids) -> bool:
        """Drop the history when others changed links of ``layer_uids``; returns whether it did.

        An undo puts back the rows it saw before; after someone else's change to the
        same layer it could overwrite that change, so those steps are not kept.
        """
        touched = set(layer_uids)
        for n in range(self.count()):
            command = self.command(n)
            if isinstance(command, LinkUndoCommand) and command.command.layer_uid in touched:
                self.clear()
                return True
        return False

    def _service(self) -> LinkService:
        store = self._store_getter()
        if store is None:
            raise TerritorialError(tr("No link store is open."))
        return LinkService(store, self.user)

    def _keep(self, command: LinkCommand) -> WriteResult:
        self.push(LinkUndoCommand(command, self.on_change, self.on_error))
        return command.result

    def link(self, layer_uid: str, keys, goal_ids, spec: LinkSpec, text: str) -> WriteResult:
        return self._keep(self._service().link_keys(layer_uid, keys, goal_ids, spec, text))

    def unlink(self, layer_uid: str, keys, goal_ids, text: str) -> WriteResult:
        return self._keep(self._service().unlink_keys(layer_uid, keys, goal_ids, text))

    def accept_suggestions(self, record, chosen, text: str) -> WriteResult:
        """Link the chosen rule suggestions as their rules say, undoably (see the module's docstring)."""
        from ...core.rules.suggestions import accept

        store = self._service().store
        keys = sorted({o.key for o in chosen})
        goal_ids = sorted({o.goal_id for o in chosen})
        wanted = set(goal_ids)

        def snapshot() -> list[Link]:
            return [x for x in store.links_for_keys(record.layer_uid, keys) if x.goal_id in wanted]

        before = snapshot()
        result = accept(store, record, chosen, self.user)
        command = LinkCommand(store, record.layer_uid, keys, goal_ids, before, snapshot(), self.user, text, result)
        self.push(AcceptUndoCommand(command, lambda: accept(store, record, chosen, self.user), self))
        return result

    def dismiss_suggestions(self, record, chosen, text: str) -> WriteResult:
        """Dismiss the chosen rule suggestions for their areas, undoably (see the module's docstring)."""
        from ...core.rules.suggestions import dismiss, dismiss_pairs, restore

        store = self._service().store
        before = store.rule_dismissals(record.layer_uid)
        result = dismiss(store, record, chosen, self.user)
        added = sorted(store.rule_dismissals(record.layer_uid) - before)
        command = DismissCommand(
            text,
            record.layer_uid,
            lambda: restore(store, record, added, self.user),
            lambda: dismiss_pairs(store, record, added, self.user),  # exactly what the undo took back
        )
        self.push(LinkUndoCommand(command, self.on_change, self.on_error))
        return result

    def update(
        self,
        layer_uid: str,
        key: str,
        goal_id: str,
        spec: LinkSpec,
        text: str,
        *,
        expected_version: int | None = None,
    ) -> WriteResult:
        """Change one link; with ``expected_version`` a change made meanwhile raises ConflictError."""
        return self._keep(
            self._service().update_link(layer_uid, key, goal_id, spec, text, expected_version=expected_version)
        )
