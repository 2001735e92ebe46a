"""How a ``postgres:`` store URI becomes a database connection — without storing a password.

The part after ``postgres:`` is one of

- the name of a QGIS PostgreSQL connection (Browser → PostgreSQL), looked up
  through the provider connections API; its ``authcfg`` is resolved by QGIS's
  authentication manager in memory only;
- a libpq/QGIS connection string, e.g. ``service=territorial`` (a
  ``pg_service.conf`` entry) or ``host=db.kommun.se dbname=op authcfg=ab12cd3``.

Either may end in ``?schema=<name>`` to use another schema than ``territorial``
(one database can hold several stores). The resolved password lives only in the
arguments handed to psycopg2: it is never logged, never put in a message, and
the store keeps the URI as the user wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from ...errors import StoreError
from ...i18n import tr

DEFAULT_SCHEMA = "territorial"
_SCHEMA_RE = re.compile(r"^[a-z_][a-z0-9_]{0,39}$")
_CONNINFO_RE = re.compile(r"^\s*[a-z_]+\s*=")  # "service=…", "host=… dbname=…"


@dataclass(frozen=True)
class PostgresTarget:
    """What a store URI names: how to connect (``connect_kwargs``) and which schema."""

    display: str  # connection name or connection string without secrets
    schema: str = DEFAULT_SCHEMA
    connect_kwargs: dict = field(default_factory=dict, repr=False, compare=False)


def psycopg2_module():
    """psycopg2, imported only when a PostgreSQL store is used; absence → a clear error."""
    try:
        import psycopg2
        import psycopg2.errors
        import psycopg2.extensions
        import psycopg2.extras
        import psycopg2.sql
    except ImportError as error:
        raise StoreError(
            tr(
                "The PostgreSQL store needs the Python module psycopg2, which is not installed. "
                "On Debian/Ubuntu install the package python3-psycopg2; QGIS for Windows includes it."
            )
        ) from error
    return psycopg2


_PASSWORD_RE = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s?]+)", re.IGNORECASE)


def redact(text: str) -> str:
    """``text`` with any ``password=…`` replaced, for the store's URI, messages and logs."""
    return _PASSWORD_RE.sub(r"\1***", text)


def split_schema(text: str) -> tuple[str, str]:
    """``"Region?schema=op2030"`` → ``("Region", "op2030")``; the schema defaults to ``territorial``."""
    name, sep, query = text.partition("?")
    schema = DEFAULT_SCHEMA
    if sep:
        values = parse_qs(query, keep_blank_values=True).get("schema")
        if values:
            schema = values[-1].strip()
    if not _SCHEMA_RE.match(schema):
        raise StoreError(
            tr(
                "'{schema}' cannot be used as a store schema name: use lower-case letters, digits and _ "
                "(at most 40), starting with a letter."
            ).format(schema=schema)
        )
    return name.strip(), schema


def resolve(text: str) -> PostgresTarget:
    """Resolve a ``postgres:`` URI (without the prefix) to connection arguments.

    Raises :class:`StoreError` naming the connection when it does not exist or its
    authentication configuration cannot be read.
    """
    name, schema = split_schema(text)
    if not name:
        raise StoreError(tr("No PostgreSQL connection given: write postgres:<name of a QGIS connection>."))
    from qgis.core import QgsDataSourceUri

    uri = QgsDataSourceUri(name if _CONNINFO_RE.match(name) else _connection_uri(name))
    display = redact(name)
    return PostgresTarget(display=display, schema=schema, connect_kwargs=_kwargs(uri, display))


def _connection_uri(name: str) -> str:
    from qgis.core import QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        raise StoreError(tr("The QGIS PostgreSQL provider is not available in this QGIS installation."))
    try:
        connection = metadata.findConnection(name)
    except Exception:  # QgsProviderConnectionException in some versions; None in others
        connection = None
    if connection is None:
        raise StoreError(
            tr(
                "There is no PostgreSQL connection named '{name}' in QGIS. Create it in the Browser panel "
                "(PostgreSQL → New Connection) or write postgres:service=<service name>."
            ).format(name=name)
        )
    return connection.uri()


def _kwargs(uri, name: str) -> dict:
    """psycopg2 arguments; an ``authcfg`` is expanded in memory by QGIS's auth manager."""
    kwargs: dict = {}
    for key, value in (
        ("service", uri.service()),
        ("host", uri.host()),
        ("port", uri.port()),
        ("dbname", uri.database()),
        ("user", uri.username()),
        ("password", uri.password()),
    ):
        if value:
            kwargs[key] = value
    try:
        from qgis.core import QgsDataSourceUri

        ssl = QgsDataSourceUri.encodeSslMode(uri.sslMode())
    except (AttributeError, TypeError):  # pragma: no cover - very old QGIS
        ssl = ""
    if ssl and ssl != "prefer":
        kwargs["sslmode"] = ssl
    authcfg = uri.authConfigId()
    if authcfg:
        kwargs.update(_auth_items(authcfg, name))
    kwargs["application_name"] = "Territorial Links"
    return kwargs


def _auth_items(authcfg: str, name: str) -> dict:
    """User and password (or client certificates) of an ``authcfg``, in memory only."""
    from qgis.core import QgsApplication

    result = QgsApplication.authManager().updateDataSourceUriItems([], authcfg, "postgres")
    ok, items = (result[0], list(result[1])) if isinstance(result, tuple) else (bool(result), [])
    if not ok or not items:
        raise StoreError(
            tr(
                "The authentication configuration of the PostgreSQL connection '{name}' could not be "
                "read. Check it in QGIS (Settings → Options → Authentication)."
            ).format(name=name)
        )
    found: dict = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in {"user", "password", "sslcert", "sslkey", "sslrootcert", "sslmode"}:
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1].replace("\\'", "'").replace("\\\\", "\\")
        found[key] = value
    return found


def connect(target: PostgresTarget):
    """A new psycopg2 connection (not autocommit) to the target, or a clear StoreError."""
    psycopg2 = psycopg2_module()
    try:
        return psycopg2.connect(connect_timeout=15, **target.connect_kwargs)
    except psycopg2.OperationalError as error:
        # libpq's message names host, port and user, never the password.
        detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise StoreError(
            tr("Could not connect to the PostgreSQL store '{name}': {detail}").format(
                name=target.display, detail=detail
            )
        ) from None
