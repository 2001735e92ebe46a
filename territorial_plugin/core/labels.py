"""Translated names of domain values, the same in the panel, the atlas and the tables."""

from __future__ import annotations

from .i18n import tr
from .model import MIXED, Catalogue, Goal, Level, Stance


def stance_label(stance: str) -> str:
    """``"supports"`` → "Supports" ("Stödjer" in Swedish); unknown values as they are."""
    return {
        Stance.SUPPORTS.value: tr("Supports"),
        Stance.CONFLICTS.value: tr("Conflicts"),
        Stance.NEUTRAL.value: tr("Neutral"),
        MIXED: tr("Mixed"),
    }.get(stance, stance)


def level_label(level: str) -> str:
    """``"regional"`` → "Regional" ("Regional nivå" in Swedish); unknown values as they are."""
    return {
        Level.GLOBAL.value: tr("Global"),
        Level.EU.value: tr("EU"),
        Level.NATIONAL.value: tr("National"),
        Level.REGIONAL.value: tr("Regional"),
        Level.MUNICIPAL.value: tr("Municipal"),
    }.get(level, level)


def goal_field_label(field: str) -> str:
    """A column of a catalogue file as a planner names it: ``"title_sv"`` → "Swedish title"."""
    return {
        "code": tr("Code"),
        "parent": tr("Parent goal (its code)"),
        "title_sv": tr("Swedish title"),
        "title_en": tr("English title"),
        "description": tr("Description"),
        "order": tr("Order"),
        "kind": tr("Kind (goal, target…)"),
    }.get(field, field)


#: short names of the bundled catalogues' series, as a plan description names them
_SHORT_NAMES = {
    "agenda2030": "Agenda 2030",
    "miljomal": "Miljömål",
    "nrs2030": "Nationella strategin",
    "rus_ac": "RUS Västerbotten",
    "strukturbild_example": "Strukturbild",
}
_LONGEST_SHORT_NAME = 40


def catalogue_short_name(catalogue_id: str, catalogue: Catalogue | None = None) -> str:
    """The catalogue as a reader names it in a label: "Agenda 2030", "Miljömål", "RUS Västerbotten"."""
    if catalogue is not None:
        for key in (catalogue.series, catalogue.id):
            if key in _SHORT_NAMES:
                return _SHORT_NAMES[key]
        # an imported catalogue: its name up to the first dash or bracket ("Strukturbild – teman")
        name = catalogue.name.replace(" - ", " – ").split(" – ")[0].split(" (")[0].strip()
        if name:
            return name if len(name) <= _LONGEST_SHORT_NAME else name[: _LONGEST_SHORT_NAME - 1].rstrip() + "…"
    return _SHORT_NAMES.get(catalogue_id, catalogue_id)


def goal_kind_label(kind: str) -> str:
    """``"target"`` → "target" ("delmål" in Swedish); an unknown kind as "goal"."""
    return {
        "goal": tr("goal"),
        "target": tr("target"),
        "strategic_area": tr("strategic area"),
        "basic_condition": tr("basic condition"),
        "overall_goal": tr("overall goal"),
        "direction": tr("direction"),
        "theme": tr("theme"),
        "priority": tr("priority"),
    }.get(kind, tr("goal"))


def goal_label(goal: Goal, catalogue: Catalogue | None = None, *, title: bool = True, longest: int = 60) -> str:
    """The goal as a reader sees it everywhere: "Agenda 2030 · delmål 11.7",
    "Miljömål 16 Ett rikt växt- och djurliv" — never the raw id ``agenda2030:11.7``.

    The Swedish title follows when there is one (cut at ``longest`` characters) and
    ``title`` is set; an English-only title is left to the page text, which marks it.
    """
    short = catalogue_short_name(goal.catalogue_id, catalogue)
    kind = goal_kind_label(goal.kind)
    # "Miljömål" already says "mål"
    text = f"{short} {goal.code}" if short.lower().endswith(kind.lower()) else f"{short} · {kind} {goal.code}"
    if title and goal.title_sv:
        name = goal.title_sv if len(goal.title_sv) <= longest else goal.title_sv[: longest - 1].rstrip() + "…"
        text = f"{text} {name}"
    return text


def english_marker() -> str:
    """The note after a text shown in English in a Swedish document."""
    return tr("(English original text)")


def goal_title_text(goal: Goal) -> str:
    """The goal's Swedish title, else its English title marked as such (never unmarked English)."""
    if goal.title_sv:
        return goal.title_sv
    if goal.title_en:
        return f"{goal.title_en} {english_marker()}"
    return ""


def goal_description_text(goal: Goal, catalogue: Catalogue | None = None) -> str:
    """The goal's description, marked when it is an English original (an English catalogue,
    or a text the plugin bundled in English and no revision has replaced)."""
    from .catalogues.bundled import english_descriptions

    text = goal.description
    if not text:
        return ""
    english = catalogue is not None and catalogue.language.lower().startswith("en")
    if english or text in english_descriptions(goal.catalogue_id):
        return f"{text} {english_marker()}"
    return text


def format_ha(value: float) -> str:
    """Hectares the Swedish way, never hiding an area: "1 234,5", "0,47", "< 0,01", "0".

    One decimal from 1 ha, two below; an area too small for two decimals is "< 0,01"
    (a planner reads "0,0" as no area at all).
    """
    if value <= 0:
        return "0"
    if value < 0.005:
        return "< " + _swedish_number(0.01, 2)
    return _swedish_number(value, 1 if value >= 0.995 else 2)


def _swedish_number(value: float, decimals: int) -> str:
    # space (no-break) as thousands separator, decimal comma
    return f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
