"""Organisations, roles and change notification of the PostgreSQL store (a mixin of PostgresStore)."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import StoreError
from ...i18n import tr
from . import connection as postgres_connection
from . import schema as postgres_schema

ORGANISATION_KINDS = ("municipality", "region")


@dataclass(frozen=True)
class Organisation:
    """A municipality or the region working in a shared store, with its database group role."""

    id: str
    name: str
    kind: str
    role_name: str
    reads_all: bool = False


class PostgresAdminMixin:
    """Needs ``self._conn``, ``self._target``, ``self._read`` and ``self._write`` of PostgresStore."""

    def current_organisation(self) -> str:
        """The organisation the connected role acts for ('' for the store administrator)."""
        return self._read(lambda cur: _one(cur, "SELECT coalesce(current_organisation(), '')"))

    def organisations(self) -> list[Organisation]:
        def work(cur):
            cur.execute("SELECT id, name, kind, role_name, reads_all FROM organisation ORDER BY kind DESC, id")
            return [Organisation(*row) for row in cur.fetchall()]

        return self._read(work)

    def create_organisation(self, organisation_id: str, name: str, kind: str, role_name: str = "") -> str:
        """Create an organisation and its NOLOGIN group role; return the role's name.

        Needs the store owner with the CREATEROLE right (or a superuser).
        """
        if kind not in ORGANISATION_KINDS:
            raise StoreError(tr("An organisation is a municipality or a region, not '{kind}'.").format(kind=kind))
        organisation_id = organisation_id.strip()
        if not organisation_id or not all(c.islower() or c.isdigit() or c == "_" for c in organisation_id):
            raise StoreError(
                tr("'{id}' cannot be an organisation id: use lower-case letters a–z, digits and _.").format(
                    id=organisation_id
                )
            )
        return self._write(
            lambda cur: _one(
                cur,
                "SELECT create_organisation(%s, %s, %s, %s)",
                (organisation_id, name.strip() or organisation_id, kind, role_name.strip()),
            )
        )

    def add_member(self, organisation_id: str, login_role: str) -> None:
        """Let an existing login role act for an organisation (GRANT the organisation's role)."""
        self._write(lambda cur: cur.execute("SELECT add_member(%s, %s)", (organisation_id, login_role)))

    def set_reads_all(self, organisation_id: str, reads_all: bool) -> None:
        """Let a municipality read every organisation's links (the region always does)."""

        def work(cur) -> None:
            cur.execute("UPDATE organisation SET reads_all = %s WHERE id = %s", (bool(reads_all), organisation_id))
            if cur.rowcount == 0:
                raise StoreError(tr("There is no organisation '{id}' in the store.").format(id=organisation_id))

        self._write(work)

    # -- change notification ------------------------------------------------------------
    def poll_changes(self, *, include_own: bool = False) -> set[str]:
        """Layer uids whose links changed since the last call (LISTEN/NOTIFY; non-blocking).

        Cheap enough for a ``QTimer`` every few seconds: it reads what the server
        already pushed to a dedicated connection and sends no query. The first call
        starts listening and returns an empty set.
        """
        psycopg2 = postgres_connection.psycopg2_module()
        if self._listener is None or self._listener.closed:
            listener = postgres_connection.connect(self._target)
            listener.set_session(autocommit=True)
            with listener.cursor() as cur:
                cur.execute(
                    psycopg2.sql.SQL("LISTEN {}").format(
                        psycopg2.sql.Identifier(postgres_schema.channel_name(self._target.schema))
                    )
                )
            self._listener = listener
            return set()
        try:
            self._listener.poll()
        except psycopg2.Error:
            self._listener.close()  # reconnects on the next call
            self._listener = None
            return set()
        own = self._conn.get_backend_pid()
        changed = set()
        while self._listener.notifies:
            note = self._listener.notifies.pop(0)
            if include_own or note.pid != own:
                changed.add(note.payload)
        return changed


def _one(cur, sql: str, params=()):
    cur.execute(sql, params)
    return cur.fetchone()[0]
