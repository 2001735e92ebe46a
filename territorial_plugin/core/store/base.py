"""The store interface: everything the plugin persists goes through :class:`Store`.

Two engines implement it (``gpkg.py``, ``postgres.py``); the contract tests in
``tests/`` run against both. Rules every engine keeps:

- every public write is one transaction: it succeeds whole or changes nothing;
- constraints live in the database (unique link, foreign keys, stance and
  strength checks), not only here;
- values are bound as parameters and identifiers quoted; nothing is formatted
  into SQL text;
- every change of a link is written to the history table (who, when, before,
  after) in the same transaction;
- links are keyed by ``(layer_uid, feature_key, goal_id)``, never by QGIS fids.

Tables (both engines; in PostgreSQL inside one schema):
``schema_version``, ``catalogue``, ``goal``, ``registered_layer``, ``link``,
``link_history``; plan stages in ``stage``, ``stage_layer``, ``stage_area``, ``stage_link``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..i18n import tr
from ..model import Catalogue, Goal, Link, LinkSpec, RegisteredLayer, SelectionLinks, WriteResult
from ..rules.model import Rule, RuleLink
from ..stages.model import StageArea, StageInfo, StageLayer

if TYPE_CHECKING:  # core/region's values; imported only for the annotations
    from ..region.model import DeliveredArea, DeliveryContent, DeliveryRecord, ImportResult


@dataclass
class MigrationReport:
    """Result of moving links from goals of an old catalogue version to a new one."""

    moved: int = 0
    merged: int = 0  # link already existed on the new goal; the old one was dropped
    lost: dict[str, int] = field(default_factory=dict)  # old goal id → links left behind


class Store(ABC):
    """A link store. Open one with :func:`territorial_plugin.core.store.open_store`."""

    #: engine name: "gpkg" or "postgres"
    engine: str = ""
    #: the URI the store was opened with (path or ``postgres:<connection>``)
    uri: str = ""

    # -- lifecycle ----------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def schema_version(self) -> int: ...

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- catalogues -----------------------------------------------------------
    @abstractmethod
    def save_catalogue(self, catalogue: Catalogue, goals: Sequence[Goal], *, replace: bool = False) -> WriteResult:
        """Write a catalogue and its goals in one transaction.

        With ``replace=False`` an existing catalogue id is an error (a new
        version is imported under a new id). With ``replace=True`` goals are
        upserted and goals no longer present are deleted only if unlinked;
        otherwise the whole call fails with :class:`CatalogueError`.
        """

    @abstractmethod
    def catalogues(self, *, include_disabled: bool = True) -> list[Catalogue]: ...

    @abstractmethod
    def catalogue(self, catalogue_id: str) -> Catalogue | None: ...

    @abstractmethod
    def goals(self, catalogue_id: str | None = None) -> list[Goal]:
        """Goals ordered by catalogue, then ``sort_order``."""

    @abstractmethod
    def set_catalogue_enabled(self, catalogue_id: str, enabled: bool) -> None: ...

    @abstractmethod
    def delete_catalogue(self, catalogue_id: str, *, delete_links: bool = False) -> WriteResult:
        """Delete a catalogue. Refused (CatalogueError) when links exist, unless asked."""

    @abstractmethod
    def link_count_by_catalogue(self) -> dict[str, int]: ...

    @abstractmethod
    def link_count_by_goal(self) -> dict[str, int]:
        """Links per goal id (goals without links left out): which goals an export can show."""

    @abstractmethod
    def migrate_goals(self, mapping: dict[str, str], user: str) -> MigrationReport:
        """Move links from old goal ids to new goal ids in one transaction."""

    # -- registered layers ---------------------------------------------------------
    @abstractmethod
    def register_layer(self, layer: RegisteredLayer) -> None:
        """Insert or update (same ``layer_uid``) a registered layer."""

    @abstractmethod
    def layers(self) -> list[RegisteredLayer]: ...

    @abstractmethod
    def layer(self, layer_uid: str) -> RegisteredLayer | None: ...

    # -- links ----------------------------------------------------------------------
    @abstractmethod
    def link(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], spec: LinkSpec, user: str
    ) -> WriteResult:
        """Link every key to every goal (set-based). Existing links take ``spec``."""

    @abstractmethod
    def unlink(
        self, layer_uid: str, keys: Iterable[str] | None, goal_ids: Sequence[str] | None, user: str
    ) -> WriteResult:
        """Remove links; ``None`` means all keys / all goals of the layer."""

    @abstractmethod
    def update_link(
        self,
        layer_uid: str,
        key: str,
        goal_id: str,
        user: str,
        *,
        stance: str | None = None,
        strength: int | None = None,
        motivation: str | None = None,
        expected_version: int | None = None,
    ) -> Link:
        """Change one link. With ``expected_version``, a concurrent change raises ConflictError."""

    @abstractmethod
    def replace_links(
        self, layer_uid: str, keys: Iterable[str], goal_ids: Sequence[str], rows: Sequence[Link], user: str
    ) -> WriteResult:
        """Make the links of ``keys × goal_ids`` exactly ``rows`` (used by undo/redo)."""

    @abstractmethod
    def links_for_keys(self, layer_uid: str, keys: Iterable[str]) -> list[Link]: ...

    @abstractmethod
    def goal_stances_for_keys(
        self, layer_uid: str, keys: Iterable[str], *, stage: str | None = None, by_organisation: bool = False
    ) -> dict[str, SelectionLinks]:
        """For each goal, how ``keys`` are linked to it: count, stances and strengths (the panel).

        ``by_organisation``: also per organisation (``SelectionLinks.by_organisation``); asked only
        of a store whose links belong to several, as it makes the read slower. ``stage``: as they
        were in that saved stage, not now."""

    @abstractmethod
    def keys_for_goal(self, goal_id: str, layer_uid: str | None = None) -> dict[str, list[str]]:
        """Feature keys linked to a goal, per layer uid (reverse lookup)."""

    @abstractmethod
    def links(self, layer_uids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None) -> list[Link]:
        """All links, optionally filtered; for exports and reports."""

    @abstractmethod
    def linked_keys(self, layer_uid: str) -> set[str]: ...

    def link_stances(
        self, layer_uid: str, *, organisation: str | None = None, stage: str | None = None
    ) -> list[tuple[str, str, str]]:
        """``(feature_key, goal_id, stance)`` of every link of a layer: all that coverage counts need.

        ``organisation``: only that organisation's links (``""``: links of none); ``stage``: the
        links of that saved stage, not the current ones. Not abstract: this default goes through
        :meth:`links`; an engine overrides it with a narrow query (coverage of 100 000 features
        must not build 100 000 full :class:`Link` objects).
        """
        links = self.stage_links(stage, [layer_uid]) if stage else self.links(layer_uids=[layer_uid])
        return [
            (x.feature_key, x.goal_id, x.stance)
            for x in links
            if organisation is None or (x.organisation or "") == organisation
        ]

    def link_organisations(self) -> list[str]:
        """The organisations the store's links (those the user may read) belong to, sorted; ``""`` for
        links of no organisation. Not abstract: engines override this default with one ``DISTINCT`` read."""
        return sorted({x.organisation or "" for x in self.links()})

    def link_stances_with_organisation(self, layer_uid: str) -> list[tuple[str, str, str, str]]:
        """``(feature_key, goal_id, stance, organisation)`` of every link of a layer: what the regional
        report needs of a shared store's own layers (whose links say whose areas they are).

        Not abstract, as :meth:`link_stances`: the engines override it with a narrow query."""
        return [(x.feature_key, x.goal_id, x.stance, x.organisation) for x in self.links(layer_uids=[layer_uid])]

    def poll_changes(self) -> set[str]:
        """Layer uids whose links were changed by other sessions since the last call.

        Not abstract: this default knows of no other sessions and returns an empty
        set; engines that can tell (PostgreSQL: LISTEN/NOTIFY) override it. Cheap
        enough to call from a timer every few seconds.
        """
        return set()

    @abstractmethod
    def history(self, *, layer_uid: str | None = None, limit: int = 1000) -> list[dict]:
        """Newest first: ``id``, ``changed_at``, ``changed_by``, ``operation``, ``layer_uid``,
        ``feature_key``, ``goal_id``, ``before``, ``after``.

        ``before``/``after`` are dicts (the stored JSON: ``goal_id``, ``stance``,
        ``strength``, ``motivation``, ``organisation``, ``row_version``) or ``None``
        (no ``before`` for an insert, no ``after`` for a delete).
        """

    # -- linking rules ------------------------------------------------------------------
    @abstractmethod
    def save_rules(self, rules: Sequence[Rule], user: str) -> WriteResult:
        """Insert rules, or update those of the same name, in one transaction (history kept).

        Rules not given stay as they are: a rule is disabled, never silently deleted.
        """

    @abstractmethod
    def rules(self, *, enabled_only: bool = False) -> list[Rule]:
        """Rules ordered by name, each with its goals in the order given."""

    @abstractmethod
    def set_rule_enabled(self, name: str, enabled: bool, user: str) -> None: ...

    @abstractmethod
    def rule_history(self, *, limit: int = 1000) -> list[dict]:
        """Newest first: ``id``, ``changed_at``, ``changed_by``, ``operation``, ``rule_name``, ``before``, ``after``."""

    @abstractmethod
    def link_by_rules(self, layer_uid: str, rows: Sequence[RuleLink], user: str) -> WriteResult:
        """Insert the rule links whose area has no link to the goal and no dismissal of the rule.

        One transaction; a link that exists (a planner's or a rule's) is never changed.
        The first row of a ``(feature_key, goal_id)`` pair wins. A row may also be a
        plain tuple laid out as :class:`RuleLink` (what a large rules run passes).
        """

    @abstractmethod
    def dismiss_rule(self, layer_uid: str, rule_id: int, keys: Iterable[str], user: str) -> WriteResult:
        """Remember that a planner dismissed the rule's suggestion for these areas."""

    @abstractmethod
    def undismiss_rule(self, layer_uid: str, rule_id: int, keys: Iterable[str], user: str) -> WriteResult:
        """Forget the dismissals of the rule for these areas, in one transaction (``deleted``: how many).

        The undo of :meth:`dismiss_rule`: the rule suggests those areas again. Like a
        dismissal, it writes no history row; ``user`` is the planner who asked.
        """

    @abstractmethod
    def rule_dismissals(self, layer_uid: str) -> set[tuple[str, int]]:
        """``(feature_key, rule_id)`` of every dismissal on a layer."""

    @abstractmethod
    def rule_marks(self, layer_uid: str) -> dict[tuple[str, str], str]:
        """``(feature_key, goal_id)`` → rule name of every link a rule made (and no planner changed since)."""

    # -- deliveries (the region's store; see core/region) --------------------------------
    def replace_delivery(self, content: DeliveryContent, new_catalogues: Sequence[str], user: str) -> ImportResult:
        """Put a checked delivery in the store in one transaction, replacing its organisation's earlier one.

        ``new_catalogues``: ids of the delivery's catalogues the store lacks (written
        with the delivery). The same delivery again changes nothing. Not abstract: an
        engine without the delivery tables refuses with a clear message.
        """
        raise StoreError(tr("This link store cannot hold municipal deliveries yet. Nothing was changed."))

    def deliveries(self, *, current_only: bool = False) -> list[DeliveryRecord]:
        """Every import of a delivery, by organisation then oldest first; ``current_only``: the latest of each."""
        return []

    def delivered_areas(self, organisations: Sequence[str] | None = None) -> list[DeliveredArea]:
        """The delivered areas (WKB in EPSG:3006) of the current deliveries, optionally of some organisations."""
        return []

    # -- plan stages ------------------------------------------------------------------
    @abstractmethod
    def save_stage(
        self, name: str, note: str, user: str, layers: Sequence[StageLayer], areas: Iterable[StageArea]
    ) -> StageInfo:
        """Freeze, in one transaction, ``layers`` with their ``areas`` and the store's current links of
        those layers under ``name``; the database refuses any later change to the stage."""

    @abstractmethod
    def stages(self) -> list[StageInfo]:
        """Saved stages, oldest first, with who saved them and when."""

    @abstractmethod
    def stage(self, name: str) -> StageInfo:
        """The saved stage ``name``; StoreError when there is none."""

    @abstractmethod
    def stage_layers(self, name: str) -> list[StageLayer]: ...

    @abstractmethod
    def stage_areas(self, name: str, layer_uids: Sequence[str] | None = None) -> list[StageArea]: ...

    @abstractmethod
    def stage_hectares(self, name: str, layer_uid: str) -> dict[str, float]:
        """Hectares per feature key of one layer's areas as frozen in the stage (no geometry read):
        what the panel's read-only view of a stage adds up, not the areas' size now."""

    @abstractmethod
    def stage_links(
        self, name: str, layer_uids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None
    ) -> list[Link]:
        """The links as they were when the stage was saved (same order as :meth:`links`)."""

    @abstractmethod
    def stage_links_for_keys(self, name: str, layer_uid: str, keys: Iterable[str]) -> list[Link]:
        """A stage's links of some features: what a read-only panel view of the stage shows."""

    def stage_link_states(self, name: str, layer_uids: Sequence[str] | None = None) -> list[tuple]:
        """``(layer_uid, feature_key, goal_id, stance, strength, motivation)`` of a stage's links: all a
        comparison needs. Not abstract: engines override it with a narrow query (two stages of 200 000
        links must not build 400 000 full :class:`Link` objects)."""
        return [
            (x.layer_uid, x.feature_key, x.goal_id, x.stance, x.strength, x.motivation)
            for x in self.stage_links(name, layer_uids)
        ]
