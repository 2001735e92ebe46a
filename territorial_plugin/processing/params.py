"""Parameters shared by the algorithms: the store, goal lists, user name."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterString

from ..core.errors import TerritorialError
from ..core.i18n import tr
from ..core.model import split_goal_id

STORE = "STORE"
STORE_HELP = (
    "STORE is a GeoPackage file (created beside the project by default) or "
    "postgres:&lt;QGIS connection name&gt; for a shared PostgreSQL store."
)


def store_parameter(description: str | None = None) -> QgsProcessingParameterString:
    """``STORE``: a GeoPackage path or ``postgres:<connection name>``."""
    return QgsProcessingParameterString(STORE, description or tr("Link store (GeoPackage file or postgres:connection)"))


def store_uri(algorithm, parameters, context) -> str:
    value = algorithm.parameterAsString(parameters, STORE, context).strip()
    if not value:
        raise TerritorialError(tr("No link store given. Choose a GeoPackage file or a PostgreSQL connection."))
    return value


def parse_goal_ids(text: str) -> list[str]:
    """``"agenda2030:11, miljomal:15"`` → ``["agenda2030:11", "miljomal:15"]`` (order kept, no repeats)."""
    result: list[str] = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            split_goal_id(part)
        except ValueError:
            raise TerritorialError(
                tr("'{value}' is not a goal id. Write <catalogue id>:<code>, for example agenda2030:11.3.").format(
                    value=part
                )
            ) from None
        if part not in result:
            result.append(part)
    return result
