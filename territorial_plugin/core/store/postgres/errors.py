"""PostgreSQL errors → the plugin's translated errors, naming what the user can fix.

The database's own text (which may quote values) is kept out of the first
sentence; constraint names tell which rule was broken.
"""

from __future__ import annotations

from ...errors import ConflictError, StoreError
from ...i18n import tr


def translate(error, store: str) -> StoreError:
    """A :class:`StoreError` (or :class:`ConflictError`) for a psycopg2 error."""
    code = getattr(error, "pgcode", None) or ""
    constraint = getattr(getattr(error, "diag", None), "constraint_name", None) or ""
    if code in ("40P01", "40001"):
        return ConflictError(
            tr("Other users were changing the same links at the same moment; nothing was saved. Try again.")
        )
    if code == "23505":
        return StoreError(
            tr("This would create a duplicate ({constraint}); nothing was saved.").format(constraint=constraint)
        )
    if code == "23503":
        return StoreError(
            tr("This refers to a goal or layer that is not in the store, or removes one still in use ({constraint}); "
               "nothing was saved.").format(constraint=constraint)
        )  # fmt: skip
    if code in ("23514", "23502", "22P02", "22001"):
        return StoreError(
            tr("A value breaks a rule of the link store ({constraint}); nothing was saved.").format(
                constraint=constraint or code
            )
        )
    if code == "42501":
        return StoreError(
            tr(
                "Your database role may not make this change in the link store '{store}' (an organisation changes "
                "only its own links; catalogues are managed by the region or the store administrator). "
                "Nothing was saved."
            ).format(store=store)
        )
    if code.startswith("08") or code == "57P01" or error.__class__.__name__ in ("OperationalError", "InterfaceError"):
        return StoreError(
            tr("The connection to the PostgreSQL store '{store}' was lost; nothing was saved. Try again.").format(
                store=store
            )
        )
    first = (str(error).strip().splitlines() or [""])[0]
    return StoreError(
        tr("The PostgreSQL store '{store}' reported an error: {detail}").format(store=store, detail=first)
    )
