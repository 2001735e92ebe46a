"""The project's JSON catalogue format (bundled catalogues, JSON import and export).

A document is one object::

    {
      "format": "territorial-links-catalogue",
      "format_version": 1,
      "catalogue": {"id": "miljomal", "name": "Miljömålen", "issuer": "Sveriges riksdag",
                    "level": "national", "version": "", "valid_from": "", "valid_to": "",
                    "source": "…", "language": "sv", "description": "…", "series": "miljomal",
                    "example": false, "licence": "…"},
      "goals": [
        {"code": "0", "parent": "", "title_sv": "Generationsmålet",
         "title_en": "The generational goal", "description": "", "order": 1, "kind": "goal"}
      ]
    }

``catalogue`` keys are the fields of :class:`~territorial_plugin.core.model.Catalogue`
(all optional but ``id`` and ``name``); other keys (``licence``) are kept in the file
for people and ignored by the plugin. ``goals`` rows use the same columns as CSV and
XLSX files: ``parent`` is the parent's *code* in the same catalogue.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields

from ..model import Catalogue, Goal
from .tree import goal_rows

FORMAT = "territorial-links-catalogue"
FORMAT_VERSION = 1

CATALOGUE_KEYS = tuple(f.name for f in fields(Catalogue) if f.name != "enabled")


def catalogue_to_dict(catalogue: Catalogue) -> dict:
    return {key: getattr(catalogue, key) for key in CATALOGUE_KEYS}


def catalogue_from_dict(data: dict, **overrides) -> Catalogue:
    """A :class:`Catalogue` from a document's ``catalogue`` object; unknown keys are ignored."""
    values = {key: data[key] for key in CATALOGUE_KEYS if key in data and data[key] is not None}
    values.update({key: value for key, value in overrides.items() if value not in (None, "")})
    for key, value in list(values.items()):
        values[key] = _flag(value) if key == "example" else str(value)
    return Catalogue(**values)


def _flag(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "ja", "sant")
    return bool(value)


def goal_dicts(goals: Sequence[Goal]) -> list[dict]:
    """Rows of ``goals`` as the ``goals`` array of a document, in tree order."""
    return [
        {
            "code": row.code,
            "parent": row.parent,
            "title_sv": row.title_sv,
            "title_en": row.title_en,
            "description": row.description,
            "order": row.order,
            "kind": row.kind,
        }
        for row in goal_rows(goals)
    ]


def document(catalogue: Catalogue, goals: Sequence[Goal], extra: dict | None = None) -> dict:
    meta = catalogue_to_dict(catalogue)
    meta.update(extra or {})
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "catalogue": meta, "goals": goal_dicts(goals)}


def dumps(catalogue: Catalogue, goals: Sequence[Goal], extra: dict | None = None) -> str:
    """The document as text: UTF-8 friendly (Swedish letters as is), indented, stable."""
    return json.dumps(document(catalogue, goals, extra), ensure_ascii=False, indent=1) + "\n"
