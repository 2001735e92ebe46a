"""Links changed in a GeoPackage store by other connections: what a panel needs to refresh.

The PostgreSQL engine is told of changes (LISTEN/NOTIFY, ``poll_changes``); a
GeoPackage has no such channel. SQLite's ``PRAGMA data_version`` is the cheap
test instead: on one connection its value changes only when *another*
connection (another QGIS, ``qgis_process``, a second store object) has committed
— it reads a counter and touches no table. Only then is ``link_history`` read
from the last id seen (a range scan on its primary key) for the layer uids.

This watcher keeps its own read-only use of a separate connection, so it needs
nothing private of :class:`GeoPackageStore`; the panel's own writes also change
the counter seen here, and the panel calls :meth:`GeoPackageChangeWatch.mark_seen`
after each of them so that they do not come back as someone else's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: never make the GUI wait for a writer's lock: try again on the next tick
BUSY_TIMEOUT_S = 0.2


class GeoPackageChangeWatch:
    """``poll()`` → layer uids whose links other connections changed since the last call."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._con: sqlite3.Connection | None = None
        self._version: int | None = None
        self._last_id = 0

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            self._con = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            self._con.execute("PRAGMA query_only = ON")  # this connection never writes
        return self._con

    def _state(self) -> tuple[int, int]:
        con = self._connection()
        version = con.execute("PRAGMA data_version").fetchone()[0]
        last = con.execute("SELECT coalesce(max(id), 0) FROM link_history").fetchone()[0]
        return version, last

    def poll(self) -> set[str]:
        """Layer uids changed since the last call; the first call starts watching and returns none.

        A busy or vanished file gives an empty set (asked again on the next call).
        """
        try:
            if self._version is None:
                self._version, self._last_id = self._state()
                return set()
            con = self._connection()
            version = con.execute("PRAGMA data_version").fetchone()[0]
            if version == self._version:
                return set()
            rows = con.execute(
                "SELECT layer_uid, max(id) FROM link_history WHERE id > ? GROUP BY layer_uid", (self._last_id,)
            ).fetchall()
        except sqlite3.Error:
            self.close()  # reopened on the next call
            return set()
        self._version = version
        if rows:
            self._last_id = max(self._last_id, *(row[1] for row in rows))
        return {row[0] for row in rows}

    def mark_seen(self) -> None:
        """Take everything committed until now as seen (call right after one's own write)."""
        try:
            self._version, self._last_id = self._state()
        except sqlite3.Error:
            self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        self._version = None
