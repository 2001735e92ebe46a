"""Domain values shared by every layer of the code (see DESIGN.md, Domain model)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Level(str, Enum):
    """Administrative level of the body that issued a catalogue."""

    GLOBAL = "global"
    EU = "eu"
    NATIONAL = "national"
    REGIONAL = "regional"
    MUNICIPAL = "municipal"


class Stance(str, Enum):
    """How a feature relates to a goal."""

    SUPPORTS = "supports"
    CONFLICTS = "conflicts"
    NEUTRAL = "neutral"


STRENGTH_MIN = 0
STRENGTH_MAX = 3


@dataclass(frozen=True)
class Catalogue:
    """One strategy document, versioned. ``id`` is the stable catalogue id."""

    id: str
    name: str
    issuer: str = ""
    level: str = Level.NATIONAL.value
    version: str = ""
    valid_from: str = ""  # ISO date or year, as the document gives it
    valid_to: str = ""
    source: str = ""
    language: str = "sv"
    description: str = ""
    series: str = ""  # versions of one strategy share a series (e.g. "rus_ac")
    example: bool = False  # an illustrative catalogue, not an adopted strategy
    enabled: bool = True


@dataclass(frozen=True)
class Goal:
    """A node of a catalogue's goal tree. ``id`` is ``<catalogue id>:<code>``."""

    id: str
    catalogue_id: str
    code: str
    parent_id: str | None = None
    title_sv: str = ""
    title_en: str = ""
    description: str = ""
    sort_order: int = 0
    kind: str = ""  # e.g. goal, target, strategic_area, direction

    def title(self, language: str = "sv") -> str:
        """Title in ``language``, falling back to the other language."""
        if language.startswith("sv"):
            return self.title_sv or self.title_en
        return self.title_en or self.title_sv


def goal_id(catalogue_id: str, code: str) -> str:
    return f"{catalogue_id}:{code}"


def split_goal_id(value: str) -> tuple[str, str]:
    """``"agenda2030:11.3"`` → ``("agenda2030", "11.3")``."""
    catalogue, sep, code = value.partition(":")
    if not sep or not catalogue or not code:
        raise ValueError(value)
    return catalogue, code


@dataclass(frozen=True)
class RegisteredLayer:
    """A land-use layer the store knows, found again by ``layer_uid``."""

    layer_uid: str
    name: str
    source: str
    provider: str
    key_field: str
    geometry_type: str = ""
    crs: str = ""


@dataclass(frozen=True)
class Link:
    """A feature (by stable key) linked to a goal."""

    layer_uid: str
    feature_key: str
    goal_id: str
    stance: str = Stance.SUPPORTS.value
    strength: int = 2
    motivation: str = ""
    organisation: str = ""
    created_by: str = ""
    created_at: str = ""
    updated_by: str = ""
    updated_at: str = ""
    row_version: int = 1


@dataclass(frozen=True)
class SelectionLinks:
    """How the selected areas are linked to one goal: how many, with which stances and strengths."""

    count: int
    stances: tuple[tuple[str, int], ...]  # (stance, areas), most areas first
    min_strength: int
    max_strength: int
    #: the same per organisation whose links these are (``""``: links of no organisation), most areas first
    by_organisation: tuple[tuple[str, SelectionLinks], ...] = ()

    @property
    def stance(self) -> str:
        """The one stance of all these links, or ``"mixed"``."""
        return self.stances[0][0] if len(self.stances) == 1 else MIXED

    def of_organisation(self, organisation: str) -> SelectionLinks | None:
        """How the selected areas are linked to the goal by ``organisation``'s links alone (None: not at all)."""
        return next((links for org, links in self.by_organisation if org == organisation), None)


#: the stance shown for a selection whose links to a goal differ
MIXED = "mixed"


@dataclass(frozen=True)
class LinkSpec:
    """What to write when linking: the attributes shared by a bulk link."""

    stance: str = Stance.SUPPORTS.value
    strength: int = 2
    motivation: str = ""


@dataclass
class WriteResult:
    """Counts from one bulk write, for the message bar and Processing outputs."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    details: dict = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return self.inserted + self.updated + self.deleted
