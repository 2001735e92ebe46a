"""A big selection read in two halves, on two connections that share one snapshot.

Most of a big selection read (``links_for_keys`` of 10 000 keys) is the server
descending the unique index once per key, on one core, and the client waiting
for it. Two halves of the sorted key list read at once, one on the store's own
connection (in the caller's thread) and one on a second connection (in a worker
thread; psycopg2 releases the GIL while it waits for the server), put that work
on two server processes.

One read must stay one consistent picture of the store: the store's connection
opens a ``REPEATABLE READ`` transaction and exports its snapshot
(``pg_export_snapshot()``), the second connection imports it (``SET TRANSACTION
SNAPSHOT``), so both halves see exactly the same committed links, never half of
a colleague's change. The second connection is the same role with the same
session settings (the store's own ``connect`` function), so row-level security
and time zone are identical.

The optimisation never fails a read: when the second connection cannot be had
(``too many connections``, lost) or its half fails, the store's connection reads
that half itself, in the same transaction, hence from the same snapshot.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeoutError

from . import connection as postgres_connection

# Selections of at least this many keys are read in two halves (measured with
# bench/ab_postgres_split.py: below it a split read saves 3 ms at most, within the noise
# for the goal counts (1 000 keys measured 20 % slower once, 20 % faster another time:
# the second round trip and the thread hand-off cost about what the halves save), not
# worth a second server connection for every small selection).
SPLIT_FROM = 2_000
# After the second connection could not be opened, the store reads alone this long
# before it tries again (a refused connection is quick, but needs no repeating).
RETRY_AFTER_S = 60.0
# How long the store's connection waits for the second half once its own is read:
# this many times its own half's time, at least WAIT_MIN_S. A second connection held up
# (a pooler out of server connections, a stuck network) then only makes this connection
# read that half too; the late half is dropped and no read is split until it is over.
WAIT_FACTOR = 4.0
WAIT_MIN_S = 1.0
# close() waits this long for a held-up second half (cancelled first) before it leaves
# the second connection for the worker to close.
CLOSE_WAIT_S = 5.0

# The exporting transaction is REPEATABLE READ too: its own half must be read in the
# snapshot it exports, not in a newer one per statement.
_EXPORT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot()"

Query = Callable[..., list]  # query(cursor, keys) -> rows, in key order


class _ExportRefusedError(Exception):
    """The server would not export the snapshot (the transaction was rolled back)."""


class SplitReader:
    """Owns the second connection and its worker thread; the store's connection is lent per read.

    ``connect`` opens a connection configured like the store's own (search path,
    time zone, date style). The second connection is opened lazily, in the worker
    thread, the first time a read needs it, and used (and closed) only in that
    thread; :meth:`close` ends both.
    """

    def __init__(self, connect: Callable[[], object]):
        self._connect = connect
        self._conn = None  # the second connection; only the worker thread uses it
        self._executor: ThreadPoolExecutor | None = None
        self._pending: Future | None = None  # the last half given to the worker
        self._lock = threading.Lock()
        self._refused_at: float | None = None  # when the second connection was last refused
        self._exports = True  # False once the server refused to export a snapshot

    def usable(self) -> bool:
        """Whether a read should try two connections now."""
        if not self._exports or (self._pending is not None and not self._pending.done()):
            return False
        return self._refused_at is None or time.monotonic() - self._refused_at >= RETRY_AFTER_S

    def read(self, conn, query: Query, keys: list[str]) -> list:
        """``query(cursor, keys)`` as one snapshot, in two halves read at once.

        ``conn`` is the store's connection (used only in the calling thread);
        ``keys`` sorted, so the rows of the first half come before those of the
        second. Raises psycopg2 errors of the store's connection; errors of the
        second connection only make the store's connection read its half too.
        """
        try:
            return self._read_halves(conn, query, keys)
        except _ExportRefusedError:
            self._exports = False
            with conn, conn.cursor() as cursor:
                return query(cursor, keys)

    def close(self) -> None:
        """Stop the worker and close the second connection (no backend left behind)."""
        with self._lock:
            executor, self._executor = self._executor, None
            pending, self._pending = self._pending, None
        if executor is None:
            return
        held_up = pending is not None and not pending.done()
        if held_up:
            conn = self._conn
            if conn is not None:
                with contextlib.suppress(Exception):  # the wait below is bounded anyway
                    conn.cancel()  # meant to be called from another thread
            held_up = not _finished(pending, CLOSE_WAIT_S)
        executor.submit(self._close_connection)  # in the worker, after any half still running
        executor.shutdown(wait=not held_up)

    def release(self) -> bool:
        """Close the second connection for a connection that matters more; whether one was open.

        Not opened again for :data:`RETRY_AFTER_S`; then, if the server still refuses
        it, reads go on through one connection.
        """
        held = self._conn is not None and not self._conn.closed
        self.close()
        self._refused_at = time.monotonic()
        return held

    # -- internals -------------------------------------------------------------------
    def _read_halves(self, conn, query: Query, keys: list[str]) -> list:
        psycopg2 = postgres_connection.psycopg2_module()
        middle = len(keys) // 2
        first, second = keys[:middle], keys[middle:]
        # "with conn": the transaction ends (commit, or rollback on an error) whatever happens.
        with conn, conn.cursor() as cursor:
            try:
                cursor.execute(_EXPORT)
                snapshot = cursor.fetchone()[0]
            except psycopg2.Error as error:
                raise _ExportRefusedError() from error
            future = self._submit(snapshot, query, second)
            started = time.monotonic()
            try:
                rows = query(cursor, first)
            finally:
                # Waited for before this transaction ends: the import needs the exporting
                # transaction open.
                other = self._result(future, max(WAIT_MIN_S, WAIT_FACTOR * (time.monotonic() - started)))
            if other is None:  # the second connection failed or is late: same snapshot, this connection
                other = query(cursor, second)
        rows.extend(other)
        return rows

    def _submit(self, snapshot: str, query: Query, keys: list[str]) -> Future | None:
        with self._lock:
            try:
                if self._executor is None:
                    self._executor = ThreadPoolExecutor(1, thread_name_prefix="territorial-pg-read")
                self._pending = self._executor.submit(self._read_imported, snapshot, query, keys)
            except RuntimeError:  # no thread to be had (interpreter shutting down): read alone
                return None
            return self._pending

    def _result(self, future: Future | None, timeout: float) -> list | None:
        if future is None:
            return None
        try:
            return future.result(timeout)
        except Exception:  # any failure of the second connection, or late: this one reads alone
            return None

    def _read_imported(self, snapshot: str, query: Query, keys: list[str]) -> list:
        """In the worker thread: ``query`` on the second connection, in the exported snapshot."""
        psycopg2 = postgres_connection.psycopg2_module()
        if self._conn is None or self._conn.closed:
            try:
                self._conn = self._connect()
            except Exception:
                self._refused_at = time.monotonic()
                raise
            self._refused_at = None
        conn = self._conn
        try:
            with conn, conn.cursor() as cursor:
                cursor.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SET TRANSACTION SNAPSHOT %s", (snapshot,)
                )
                return query(cursor, keys)
        except psycopg2.Error:
            if conn.closed:  # lost: a new one next time
                self._conn = None
            raise

    def _close_connection(self) -> None:
        """In the worker thread, its last job."""
        conn, self._conn = self._conn, None
        if conn is not None and not conn.closed:
            conn.close()


def _finished(future: Future, timeout: float) -> bool:
    try:
        future.result(timeout)
    except FuturesTimeoutError:
        return False
    except Exception:  # a failed half is finished too
        return True
    return True
