"""The goal tree the panel shows: catalogues → goals → targets, with tri-state checks.

The check of a goal says whether all, some or none of the selected features are
linked to it. Ticking does not change the check directly: the model emits
:attr:`GoalTreeModel.checkRequested` and the dock writes to the store, then feeds
the new counts back, so what is shown is always what is stored.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from qgis.PyQt.QtCore import QLocale, QModelIndex, QSortFilterProxyModel, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QIcon, QStandardItem, QStandardItemModel

from ...core.i18n import plural, tr
from ...core.labels import stance_label
from ...core.model import MIXED, Catalogue, Goal, SelectionLinks
from .highlight import stance_icon
from .scope.scope import organisation_tip

GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CATALOGUE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3
SELECTED_COUNT_ROLE = Qt.ItemDataRole.UserRole + 4
LAYER_COUNT_ROLE = Qt.ItemDataRole.UserRole + 5
LAYER_AREA_ROLE = Qt.ItemDataRole.UserRole + 6
CONFLICT_COUNT_ROLE = Qt.ItemDataRole.UserRole + 7
SELECTION_TEXT_ROLE = Qt.ItemDataRole.UserRole + 8  # how the selection is linked, in words
SUGGESTED_COUNT_ROLE = Qt.ItemDataRole.UserRole + 9  # selected areas a rule suggests for the goal, not linked

#: the goal (code and title, which the view elides), how the selection is linked to it (the stance's
#: swatch and the strength "3", "[Suggested]") in a column of its own so that a large selection's
#: badges never push the title out of sight, then the layer's linked areas and their hectares
COL_GOAL, COL_SELECTION, COL_COUNT, COL_AREA = 0, 1, 2, 3
CONFLICT_COLOR = QColor("#b2182b")


def normalize(text: str) -> str:
    """Lower case without diacritics, so "hallbar" finds "Hållbara" and "ornskoldsvik" "Örnsköldsvik"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def format_hectares(value: float, locale: QLocale | None = None) -> str:
    """``858 ha``, ``1 234 ha``, ``2,50 ha`` in the user's locale (QGIS sets the default one).

    The unit is written out so the figure never reads as part of the count beside it.
    """
    if value <= 0:
        return ""
    locale = locale or QLocale()
    number = locale.toString(float(value), "f", 2 if value < 10 else 0)
    return f"{number} ha"


def selection_badge(links: SelectionLinks) -> str:
    """The strength shown beside the stance's colour swatch in the selection column: "3", "1–3".

    Short, so that the goal's title keeps the width; the words ("Stödjer, styrka 3") are in
    the tooltip, and the column's header tooltip says what colour and number mean.
    """
    if links.min_strength == links.max_strength:
        return str(links.min_strength)
    return f"{links.min_strength}–{links.max_strength}"


def selection_text(links: SelectionLinks) -> str:
    """How the selected areas are linked to a goal, at a glance: "Stödjer, styrka 3" or
    "Blandat: 2 stödjer, 1 motverkar, styrka 1–3"."""
    if links.min_strength == links.max_strength:
        strength = tr("strength {n}").format(n=links.min_strength)
    else:
        strength = tr("strength {low}–{high}").format(low=links.min_strength, high=links.max_strength)
    if links.stance != MIXED:
        return f"{stance_label(links.stance)}, {strength}"
    parts = ", ".join(f"{count} {stance_label(stance).lower()}" for stance, count in links.stances)
    return f"{stance_label(MIXED)}: {parts}, {strength}"


def suggestion_badge() -> str:
    """The marker of a goal that a rule suggests for selected areas not linked to it."""
    return tr("[Suggested]")


def suggestion_tip(outcomes: Sequence) -> str:
    """Which rules suggest the goal, for how many selected areas, and why (the first motivation of each)."""
    by_rule: dict[str, list] = {}
    for outcome in outcomes:
        by_rule.setdefault(outcome.rule, []).append(outcome)
    lines = []
    for rule, chosen in by_rule.items():
        head = plural(
            len({o.key for o in chosen}),
            tr("Suggested by the rule {rule} for one selected area"),
            tr("Suggested by the rule {rule} for {n} selected areas"),
        ).format(rule=f"<b>{html.escape(rule)}</b>", n=len({o.key for o in chosen}))
        motivation = chosen[0].motivation
        lines.append(f"{head}<br/><i>{html.escape(motivation)}</i>" if motivation else head)
    lines.append(html.escape(tr("Accept links them as the rule says; dismiss hides the suggestion for these areas.")))
    return "<br/>".join(lines)


class GoalTreeModel(QStandardItemModel):
    """All goals of the enabled catalogues; one top-level row per catalogue."""

    #: (goal id, link?) — the user ticked (True) or unticked (False) a goal
    checkRequested = pyqtSignal(str, bool)  # noqa: N815 - Qt signal naming

    def __init__(self, parent=None):
        super().__init__(parent)
        self._goal_items: dict[str, QStandardItem] = {}
        self._badge_items: dict[str, QStandardItem] = {}
        self._count_items: dict[str, QStandardItem] = {}
        self._area_items: dict[str, QStandardItem] = {}
        self._goals: dict[str, Goal] = {}
        self._tips: dict[str, str] = {}
        self._selection_size = 0
        self._language = "sv"
        self._read_only = False
        #: organisation id → name, for the per-organisation lines of a goal's tooltip
        self.organisation_names: dict[str, str] = {}
        self.setHorizontalHeaderLabels([tr("Goal"), tr("Selection"), tr("Areas"), tr("Area")])
        self.setHeaderData(
            COL_SELECTION,
            Qt.Orientation.Horizontal,
            tr(
                "How the selected areas are linked to the goal: the swatch is the stance (green with + supports, "
                "red with − conflicts, grey neutral, both halves mixed), the number the strength (0–3); "
                "{suggested}: a linking rule suggests the goal for selected areas"
            ).format(suggested=suggestion_badge()),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.setHeaderData(
            COL_COUNT, Qt.Orientation.Horizontal, tr("Linked areas of this layer"), Qt.ItemDataRole.ToolTipRole
        )
        self.setHeaderData(
            COL_AREA,
            Qt.Orientation.Horizontal,
            tr("Linked area of this layer in hectares"),
            Qt.ItemDataRole.ToolTipRole,
        )

    # -- content ------------------------------------------------------------------
    def set_goals(self, catalogues: Iterable[Catalogue], goals: Iterable[Goal], language: str = "sv") -> None:
        """Rebuild the tree (catalogues in the given order, goals by ``sort_order``)."""
        self._language = language
        self.removeRows(0, self.rowCount())
        self._goal_items.clear()
        self._badge_items.clear()
        self._count_items.clear()
        self._area_items.clear()
        self._goals.clear()
        self._tips.clear()
        by_catalogue: dict[str, list[Goal]] = {}
        for goal in goals:
            by_catalogue.setdefault(goal.catalogue_id, []).append(goal)
        root = self.invisibleRootItem()
        for catalogue in catalogues:
            cat_item = QStandardItem(catalogue.name)
            cat_item.setEditable(False)
            cat_item.setData(catalogue.id, CATALOGUE_ID_ROLE)
            cat_item.setData(normalize(catalogue.name), SEARCH_TEXT_ROLE)
            font = cat_item.font()
            font.setBold(True)
            cat_item.setFont(font)
            tip = catalogue.name
            if catalogue.issuer or catalogue.version:
                tip += "\n" + " ".join(x for x in (catalogue.issuer, catalogue.version) if x)
            if catalogue.example:
                tip += "\n" + tr("Example catalogue, not an adopted strategy.")
            cat_item.setToolTip(tip)
            row = [cat_item, self._plain(""), self._plain(""), self._plain("")]
            root.appendRow(row)
            parents: dict[str, QStandardItem] = {}
            pending = sorted(by_catalogue.get(catalogue.id, []), key=lambda g: (g.sort_order, g.code))
            # parents before children whatever the sort order says
            placed = True
            while pending and placed:
                placed = False
                rest = []
                for goal in pending:
                    parent_item = cat_item if not goal.parent_id else parents.get(goal.parent_id)
                    if parent_item is None and goal.parent_id not in {g.id for g in pending}:
                        parent_item = cat_item  # parent missing: show the goal at the top
                    if parent_item is None:
                        rest.append(goal)
                        continue
                    items = self._goal_row(goal)
                    parent_item.appendRow(items)
                    parents[goal.id] = items[0]
                    placed = True
                pending = rest

    def _plain(self, text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _goal_row(self, goal: Goal) -> list[QStandardItem]:
        title = goal.title(self._language)
        item = QStandardItem(f"{goal.code}  {title}")
        item.setEditable(False)
        item.setCheckable(True)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(goal.id, GOAL_ID_ROLE)
        item.setData(goal.catalogue_id, CATALOGUE_ID_ROLE)
        item.setData(0, SELECTED_COUNT_ROLE)
        item.setData(0, LAYER_COUNT_ROLE)
        item.setData(0.0, LAYER_AREA_ROLE)
        item.setData(0, SUGGESTED_COUNT_ROLE)
        item.setData(normalize(" ".join((goal.code, goal.title_sv, goal.title_en))), SEARCH_TEXT_ROLE)
        other = goal.title_en if self._language.startswith("sv") else goal.title_sv
        tip = f"<b>{goal.code}</b> {title}"
        if other and other != title:
            tip += f"<br/><i>{other}</i>"
        if goal.description:
            tip += f"<br/>{goal.description}"
        item.setToolTip(tip)
        self._tips[goal.id] = tip
        badge, count, area = QStandardItem(""), self._plain(""), self._plain("")
        badge.setEditable(False)
        self._goal_items[goal.id] = item
        self._badge_items[goal.id] = badge
        self._count_items[goal.id] = count
        self._area_items[goal.id] = area
        self._goals[goal.id] = goal
        return [item, badge, count, area]

    # -- lookups ------------------------------------------------------------------
    def goal(self, goal_id: str) -> Goal | None:
        return self._goals.get(goal_id)

    def goal_ids(self) -> list[str]:
        return list(self._goal_items)

    def index_of(self, goal_id: str) -> QModelIndex:
        item = self._goal_items.get(goal_id)
        return item.index() if item is not None else QModelIndex()

    def badge(self, goal_id: str) -> str:
        """The selection column's text of the goal: the strength and the suggestion mark ("2 [Suggested]")."""
        return self._badge_items[goal_id].text()

    def check_state(self, goal_id: str) -> Qt.CheckState:
        return self._goal_items[goal_id].checkState()

    @property
    def selection_size(self) -> int:
        return self._selection_size

    # -- live data ----------------------------------------------------------------
    def set_selection(
        self,
        summary: Mapping[str, SelectionLinks],
        selection_size: int,
        suggested: Mapping[str, Sequence] | None = None,
    ) -> None:
        """Tri-state from how many of the ``selection_size`` selected areas each goal has, and
        beside each linked goal how they are linked: stance (or mixed) and strength.

        ``suggested``: per goal, the rule outcomes (``core.rules.apply.Outcome``) that
        suggest it for selected areas not linked to it; such a goal is marked and italic,
        apart from the links, with the rules and motivations in its tooltip.
        """
        self._selection_size = selection_size
        suggested = suggested or {}
        for goal_id, item in self._goal_items.items():
            links = summary.get(goal_id)
            outcomes = suggested.get(goal_id, ())
            n = links.count if links is not None else 0
            if selection_size and n >= selection_size:
                state = Qt.CheckState.Checked
            elif n:
                state = Qt.CheckState.PartiallyChecked
            else:
                state = Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
            if item.data(SELECTED_COUNT_ROLE) != n:
                item.setData(n, SELECTED_COUNT_ROLE)
            n_suggested = len({o.key for o in outcomes})
            if item.data(SUGGESTED_COUNT_ROLE) != n_suggested:
                item.setData(n_suggested, SUGGESTED_COUNT_ROLE)
            badges = [selection_badge(links)] if links is not None else []
            if outcomes:
                badges.append(suggestion_badge())
            text = " ".join(badges)
            badge = self._badge_items[goal_id]
            tip = self._tips[goal_id]
            words = selection_text(links) if links is not None else ""
            if words:
                tip += f"<hr/>{html.escape(words)}"
                by_organisation = organisation_tip(links, self.organisation_names)
                if by_organisation:
                    tip += f"<br/>{by_organisation}"
            if outcomes:
                tip += f"<hr/>{suggestion_tip(outcomes)}"
            if badge.text() != text or item.toolTip() != tip:
                badge.setText(text)
                badge.setIcon(stance_icon(links.stance) if links is not None else QIcon())
                item.setData(words or None, SELECTION_TEXT_ROLE)
                item.setToolTip(tip)
                badge.setToolTip(tip)
                font = item.font()
                if font.italic() != bool(outcomes):
                    font.setItalic(bool(outcomes))
                    item.setFont(font)
                    badge.setFont(font)
            shown = selection_size > 0
            ticking = shown and not self._read_only  # a stage's checks are shown, never ticked
            if item.isCheckable() != ticking:
                item.setCheckable(ticking)
            if not shown:
                if item.data(Qt.ItemDataRole.CheckStateRole) is not None:
                    item.setData(None, Qt.ItemDataRole.CheckStateRole)
            elif item.data(Qt.ItemDataRole.CheckStateRole) is None:
                item.setCheckState(state)

    def set_coverage(self, coverage: Mapping[str, tuple[int, float, int]]) -> None:
        """Per goal (linked features of the layer, their area in ha, conflicts among them)."""
        for goal_id, item in self._goal_items.items():
            count, area, conflicts = coverage.get(goal_id, (0, 0.0, 0))
            item.setData(count, LAYER_COUNT_ROLE)
            item.setData(float(area), LAYER_AREA_ROLE)
            item.setData(conflicts, CONFLICT_COUNT_ROLE)
            count_item = self._count_items[goal_id]
            count_item.setText(str(count) if count else "")
            self._area_items[goal_id].setText(format_hectares(area))
            if conflicts:
                count_item.setForeground(QBrush(CONFLICT_COLOR))
                count_item.setToolTip(
                    plural(
                        count,
                        tr("One linked area; it conflicts with the goal"),
                        tr("{n} linked areas, of which {c} conflict with the goal"),
                    ).format(n=count, c=conflicts)
                )
            else:
                count_item.setData(None, Qt.ItemDataRole.ForegroundRole)
                count_item.setToolTip(
                    plural(count, tr("One linked area"), tr("{n} linked areas")).format(n=count) if count else ""
                )

    # -- ticking ------------------------------------------------------------------
    def set_read_only(self, on: bool) -> None:
        """A saved stage is shown: checks say how it was linked and cannot be ticked (from the next
        ``set_selection``)."""
        self._read_only = bool(on)

    @property
    def read_only(self) -> bool:
        return self._read_only

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == COL_GOAL:
            if self._read_only:
                return False
            goal_id = index.data(GOAL_ID_ROLE)
            if goal_id:
                wanted = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
                self.checkRequested.emit(goal_id, wanted == Qt.CheckState.Checked)
                return True
        return super().setData(index, value, role)

    def apply_check_state(self, goal_id: str, state: Qt.CheckState) -> None:
        """Set a check without emitting :attr:`checkRequested` (after a store write)."""
        item = self._goal_items.get(goal_id)
        if item is not None:
            QStandardItemModel.setData(self, item.index(), state, Qt.ItemDataRole.CheckStateRole)


class GoalFilterProxy(QSortFilterProxyModel):
    """Search by code or by words of a title (any order, either language, no diacritics needed)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._catalogue_id = ""
        self._linked_only = False
        self._without_areas = False
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(False)

    def set_search(self, text: str) -> None:
        self._words = normalize(text).split()
        self.invalidateFilter()

    def set_catalogue(self, catalogue_id: str) -> None:
        self._catalogue_id = catalogue_id or ""
        self.invalidateFilter()

    def set_linked_only(self, on: bool) -> None:
        self._linked_only = bool(on)
        self.invalidateFilter()

    def set_without_areas(self, on: bool) -> None:
        self._without_areas = bool(on)
        self.invalidateFilter()

    def is_filtering(self) -> bool:
        return bool(self._words or self._linked_only or self._without_areas)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        index = self.sourceModel().index(source_row, COL_GOAL, source_parent)
        catalogue_id = index.data(CATALOGUE_ID_ROLE)
        if self._catalogue_id and catalogue_id != self._catalogue_id:
            return False
        if not index.data(GOAL_ID_ROLE):  # a catalogue row: shown when its goals are (recursive filtering)
            return not self.is_filtering()
        return self.matches(index)

    def matches(self, index: QModelIndex) -> bool:
        """Whether a goal (source index) passes search and filters itself, not only as a parent."""
        if self._linked_only and not (
            index.data(LAYER_COUNT_ROLE) or index.data(SELECTED_COUNT_ROLE) or index.data(SUGGESTED_COUNT_ROLE)
        ):
            return False
        if self._without_areas and index.data(LAYER_COUNT_ROLE):
            return False
        if self._words:
            haystack = index.data(SEARCH_TEXT_ROLE) or ""
            code = (index.data(Qt.ItemDataRole.DisplayRole) or "").split("  ", 1)[0]
            return all(word in haystack or code.startswith(word) for word in self._words)
        return True

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # a goal shown only because a sub-goal matches is greyed, so the matches stand out
        if role == Qt.ItemDataRole.ForegroundRole and self.is_filtering() and index.column() == COL_GOAL:
            source = self.mapToSource(index)
            if source.data(GOAL_ID_ROLE) and not self.matches(source):
                return QBrush(QColor("#8a8a8a"))
        return super().data(index, role)
