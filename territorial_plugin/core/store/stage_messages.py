"""The messages both engines give about plan stages, worded once."""

from __future__ import annotations

from ..errors import StoreError
from ..i18n import tr


def no_stage(name: str) -> StoreError:
    return StoreError(tr("There is no plan stage named '{name}' in the link store.").format(name=name))


def duplicate_stage(name: str) -> StoreError:
    return StoreError(
        tr("A plan stage named '{name}' already exists; a saved stage cannot be replaced. Choose another name.").format(
            name=name
        )
    )
