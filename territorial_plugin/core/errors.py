"""One exception family whose messages are translated and shown to the user as is.

The GUI puts ``str(error)`` in the message bar; Processing algorithms raise
``QgsProcessingException(str(error))``. Messages are built with ``tr()`` at the
place that knows what went wrong, so they name the file, row, layer or goal.
"""

from __future__ import annotations


class TerritorialError(Exception):
    """Base of every error the plugin reports to a user."""


class StoreError(TerritorialError):
    """The link store cannot be opened, created, upgraded or written."""


class ConflictError(StoreError):
    """Somebody else changed the same rows first; reload and try again."""


class CatalogueError(TerritorialError):
    """A catalogue file or catalogue operation is invalid."""


class IdentityError(TerritorialError):
    """A layer has no stable key, or a key field is unusable."""


class ExportError(TerritorialError):
    """An atlas or table export failed; no partial file is left behind."""


class CancelledError(TerritorialError):
    """The user cancelled a long-running operation."""


class RuleError(TerritorialError):
    """A linking rule, a rule file or the application of rules is invalid."""
