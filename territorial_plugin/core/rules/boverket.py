"""Boverket's ÖP model: its land- and water-use categories (bundled data) and the example rule set.

The categories are data, not code: ``resources/boverket/op_mark_och_vatten.json``
holds the names Boverket published (ÖP model 2.1) without invented codes, so the
final code lists of the coming regulations replace the file, not this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ...compat import field_type, is_null
from ...paths import resource

CATEGORY_FILE = ("boverket", "op_mark_och_vatten.json")
EXAMPLE_RULES = ("boverket", "exempelregler_op_modellen.json")
_SAMPLE = 500  # features read to recognise a category field


@dataclass(frozen=True)
class CategoryList:
    """One aspect of the ÖP model: its category names in Boverket's order."""

    model: str
    version: str
    aspect: str
    source: str
    categories: tuple[str, ...]
    field_names: tuple[str, ...]  # field names a layer drawn in the model usually gives the category


@lru_cache(maxsize=1)
def land_and_water_use() -> CategoryList:
    data = json.loads(resource(*CATEGORY_FILE).read_text(encoding="utf-8"))
    ordered = sorted(data["categories"], key=lambda item: item.get("order", 0))
    return CategoryList(
        model=data["model"],
        version=data["model_version"],
        aspect=data["aspect"],
        source=data["source"],
        categories=tuple(item["name"] for item in ordered),
        field_names=tuple(data.get("field_names", ())),
    )


def example_rules_path():
    """The bundled example rule set (to review before use), readable by ``importrules``."""
    return resource(*EXAMPLE_RULES)


def propose_category_field(layer: QgsVectorLayer) -> str | None:
    """The text field whose values are all Boverket categories (the first of the model's usual names wins).

    Reads at most a few hundred features, without geometry.
    """
    categories = set(land_and_water_use().categories)
    text = field_type("string")
    candidates = [f.name() for f in layer.fields() if f.type() == text]
    if not candidates:
        return None
    preferred = {name: rank for rank, name in enumerate(land_and_water_use().field_names)}
    candidates.sort(key=lambda name: preferred.get(name.lower(), len(preferred)))
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setLimit(_SAMPLE)
    request.setSubsetOfAttributes(candidates, layer.fields())
    values: dict[str, set[str]] = {name: set() for name in candidates}
    for feature in layer.getFeatures(request):
        for name in candidates:
            value = feature[name]
            if not is_null(value) and str(value).strip():
                values[name].add(str(value).strip())
    for name in candidates:
        if values[name] and values[name] <= categories:
            return name
    return None
