"""Import catalogues into a link store: plan (read and validate everything), then write.

An import is all or nothing. :func:`plan_file` / :func:`plan_bundled` read and
validate without touching any store; :func:`run_import` checks the plans against
the store (existing ids, the migration mapping) before the first write, writes each
catalogue in one store transaction, and removes the catalogues it created if a later
step fails, so a failed import leaves the store as it was.

Versions: a new version of a catalogue is imported under a new id (the old one
stays, with its links); both share ``series``. A migration mapping (CSV with the
columns ``old`` and ``new``: goal ids) moves links from old goals to new ones
through :meth:`Store.migrate_goals`; linked old goals that the mapping does not
carry over are reported as goals that lost their links.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import CatalogueError
from ..i18n import tr
from ..model import Catalogue, Goal, split_goal_id
from ..store import Store, is_postgres_uri, open_store
from ..store.base import MigrationReport
from .bundled import BUNDLED_IDS, is_bundled, load_bundled, resolve_names
from .json_format import catalogue_from_dict
from .reader import ColumnMapping, read_catalogue_file
from .tables import RawTable, decode_text, sniff_delimiter
from .tree import build_goals, slugify, validate_catalogue_id, validate_level

DEFAULT_FILE_LEVEL = "regional"
OLD_COLUMNS = ("old", "old_goal", "old_id", "gammalt", "gammalt mål", "från", "from")
NEW_COLUMNS = ("new", "new_goal", "new_id", "nytt", "nytt mål", "till", "to")


@dataclass(frozen=True)
class ImportPlan:
    """One catalogue ready to be written: validated metadata and goals."""

    catalogue: Catalogue
    goals: tuple[Goal, ...]
    source: str  # file path, or "bundled"
    warnings: tuple[str, ...] = ()  # e.g. unused columns: shown, but no reason to refuse the file


@dataclass
class ImportResult:
    """What an import did, for the message bar and Processing outputs."""

    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    goals: int = 0
    migration: MigrationReport | None = None
    store_created: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def lost(self) -> dict[str, int]:
        return dict(self.migration.lost) if self.migration else {}


def plan_bundled(name: str) -> list[ImportPlan]:
    """Plans for a bundled catalogue id, or for every bundled catalogue with ``all``."""
    plans = []
    for catalogue_id in resolve_names(name):
        catalogue, goals = load_bundled(catalogue_id)
        plans.append(ImportPlan(catalogue, tuple(goals), "bundled"))
    return plans


def plan_file(
    path: str | Path,
    mapping: ColumnMapping | None = None,
    *,
    catalogue_id: str = "",
    name: str = "",
    version: str = "",
    series: str = "",
    level: str = "",
    issuer: str = "",
) -> ImportPlan:
    """Read and validate a catalogue file; raises :class:`CatalogueError` listing every problem.

    Metadata comes from the arguments, else from the file (JSON ``catalogue``
    object, XLSX ``catalogue`` sheet), else from the file name.
    """
    path = Path(path)
    content = read_catalogue_file(path, mapping)
    content.raise_for_errors()
    meta = {k: v for k, v in content.metadata.items() if v not in (None, "")}
    chosen_id = validate_catalogue_id(catalogue_id or str(meta.get("id", "")) or slugify(path.stem))
    catalogue = catalogue_from_dict(
        meta,
        id=chosen_id,
        name=name or str(meta.get("name", "")) or path.stem,
        version=version,
        series=series,
        level=validate_level(level or str(meta.get("level", "")) or DEFAULT_FILE_LEVEL),
        issuer=issuer,
    )
    if not catalogue.series:
        catalogue = replace(catalogue, series=catalogue.id)
    return ImportPlan(
        catalogue,
        tuple(build_goals(catalogue.id, content.rows)),
        str(path),
        tuple(str(warning) for warning in content.warnings),
    )


def read_migration(path: str | Path) -> dict[str, str]:
    """The mapping old goal id → new goal id (empty: deliberately not carried over) of a CSV file."""
    path = Path(path)
    if not path.is_file():
        raise CatalogueError(tr("The migration file {path} does not exist.").format(path=path))
    import csv
    import io

    table = RawTable(file=path.name, format="csv")
    text = decode_text(path.read_bytes(), table)
    if text is None:
        raise CatalogueError(str(table.problems[0]))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    if not rows:
        raise CatalogueError(tr("{file}: the migration file is empty.").format(file=path.name))
    header = [cell.strip().lower() for cell in rows[0]]
    old_col = next((header.index(n) for n in OLD_COLUMNS if n in header), None)
    new_col = next((header.index(n) for n in NEW_COLUMNS if n in header), None)
    if old_col is None or new_col is None:
        raise CatalogueError(
            tr("{file}, row 1: a migration file needs the columns 'old' and 'new' (goal ids).").format(file=path.name)
        )
    mapping: dict[str, str] = {}
    problems: list[str] = []
    for number, cells in enumerate(rows[1:], 2):
        cells = cells + [""] * (len(header) - len(cells))
        old, new = cells[old_col].strip(), cells[new_col].strip()
        if not old and not new:
            continue
        for column, value in ((rows[0][old_col], old), (rows[0][new_col], new)):
            if value or column == rows[0][old_col]:
                try:
                    split_goal_id(value)
                except ValueError:
                    problems.append(
                        tr("{file}, row {row}, column '{column}': '{value}' is not a goal id (catalogue:code).").format(
                            file=path.name, row=number, column=column, value=value
                        )
                    )
        if old in mapping:
            problems.append(
                tr("{file}, row {row}, column '{column}': the goal '{value}' is mapped twice.").format(
                    file=path.name, row=number, column=rows[0][old_col], value=old
                )
            )
        mapping[old] = new
    if problems:
        raise CatalogueError("\n".join(problems))
    return mapping


def _check_against_store(
    store: Store | None, plans: Sequence[ImportPlan], replace_existing: bool
) -> tuple[list[ImportPlan], list[str]]:
    """Plans that need writing, and ids already present unchanged; refuses conflicts."""
    to_write, unchanged = [], []
    for plan in plans:
        existing = store.catalogue(plan.catalogue.id) if store else None
        if existing is None:
            to_write.append(plan)
            continue
        same_meta = replace(existing, enabled=True) == replace(plan.catalogue, enabled=True)
        stored = sorted(store.goals(plan.catalogue.id), key=lambda g: g.id)
        if same_meta and stored == sorted(plan.goals, key=lambda g: g.id):
            unchanged.append(plan.catalogue.id)
        elif replace_existing:
            to_write.append(plan)
        else:
            raise CatalogueError(
                tr(
                    "A different catalogue with the id '{id}' is already in the link store. Import a new "
                    "version under a new id (CATALOGUE_ID), or replace it (REPLACE). Nothing was changed."
                ).format(id=plan.catalogue.id)
            )
    return to_write, unchanged


def _complete_mapping(store: Store, mapping: dict[str, str], plan: ImportPlan) -> dict[str, str]:
    """Check the mapping against the store and the new goals; add linked old goals it leaves out
    (mapped to "" so the store reports them as having lost their links)."""
    stored_goals = {g.id: g for g in store.goals()}
    new_ids = {g.id for g in plan.goals}
    problems = []
    for old, new in mapping.items():
        if old not in stored_goals:
            problems.append(tr("The old goal '{goal}' is not in the link store.").format(goal=old))
        if new and new not in new_ids and new not in stored_goals:
            problems.append(
                tr("The new goal '{goal}' is neither in the imported catalogue nor in the link store.").format(goal=new)
            )
    if problems:
        raise CatalogueError("\n".join(problems))
    old_catalogues = {stored_goals[old].catalogue_id for old in mapping}
    linked = store.links(goal_ids=[g.id for g in stored_goals.values() if g.catalogue_id in old_catalogues])
    completed = dict(mapping)
    for link in linked:
        completed.setdefault(link.goal_id, "")
    return completed


def run_import(
    store_uri: str,
    plans: Sequence[ImportPlan],
    *,
    replace_existing: bool = False,
    migration: dict[str, str] | None = None,
    user: str = "",
    progress: Callable[[str], None] | None = None,
) -> ImportResult:
    """Write ``plans`` into the store at ``store_uri``; a GeoPackage that does not exist yet is created
    (after all plans are known to be valid). All or nothing (see the module docstring)."""
    say = progress or (lambda _message: None)
    if migration and len(plans) != 1:
        raise CatalogueError(tr("A migration mapping can only be used when importing one catalogue."))
    result = ImportResult()
    creating = not is_postgres_uri(store_uri) and not Path(store_uri).expanduser().exists()
    if creating and migration:
        raise CatalogueError(
            tr("The link store {path} does not exist, so there are no links to migrate.").format(path=store_uri)
        )
    store = open_store(store_uri, create=creating)
    result.store_created = creating
    try:
        return write_plans(
            store, plans, replace_existing=replace_existing, migration=migration, user=user, progress=say, result=result
        )
    except Exception:
        store.close()
        if creating:  # the store was made for this import: a failed import leaves no file behind
            for suffix in ("", "-wal", "-shm"):
                Path(str(Path(store_uri).expanduser()) + suffix).unlink(missing_ok=True)
        raise
    finally:
        store.close()


def _inherit_series(store: Store, plan: ImportPlan, migration: dict[str, str]) -> ImportPlan:
    """A new version imported with a migration joins the series of the catalogue it replaces."""
    if plan.catalogue.series and plan.catalogue.series != plan.catalogue.id:
        return plan
    old = store.catalogue(next(iter(migration)).partition(":")[0])
    if old is None or old.id == plan.catalogue.id:
        return plan
    return replace(plan, catalogue=replace(plan.catalogue, series=old.series or old.id))


def check_plans(
    store: Store,
    plans: Sequence[ImportPlan],
    *,
    replace_existing: bool = False,
    migration: dict[str, str] | None = None,
) -> list[str]:
    """What would stop :func:`write_plans` (id conflicts, a bad mapping), without writing anything."""
    try:
        if migration:
            _complete_mapping(store, migration, plans[0])
        _check_against_store(store, plans, replace_existing)
    except CatalogueError as error:
        return str(error).splitlines()
    return []


def write_plans(
    store: Store,
    plans: Sequence[ImportPlan],
    *,
    replace_existing: bool = False,
    migration: dict[str, str] | None = None,
    user: str = "",
    progress: Callable[[str], None] | None = None,
    result: ImportResult | None = None,
) -> ImportResult:
    """Write validated plans into an open store, all or nothing (see the module docstring)."""
    say = progress or (lambda _message: None)
    result = result or ImportResult()
    plans = list(plans)
    if migration and len(plans) != 1:
        raise CatalogueError(tr("A migration mapping can only be used when importing one catalogue."))
    full_mapping = None
    if migration:
        plans = [_inherit_series(store, plans[0], migration)]
        full_mapping = _complete_mapping(store, migration, plans[0])
    to_write, result.unchanged = _check_against_store(store, plans, replace_existing)
    result.warnings = [warning for plan in plans for warning in plan.warnings]
    created: list[str] = []
    try:
        for plan in to_write:
            existed = store.catalogue(plan.catalogue.id) is not None
            say(tr("Importing {id}: {count} goals").format(id=plan.catalogue.id, count=len(plan.goals)))
            store.save_catalogue(plan.catalogue, plan.goals, replace=replace_existing)
            if not existed:
                created.append(plan.catalogue.id)
            result.imported.append(plan.catalogue.id)
            result.goals += len(plan.goals)
        if full_mapping:
            say(tr("Moving links to the new goals"))
            result.migration = store.migrate_goals(full_mapping, user)
    except Exception:
        # undo what this import created, so a failed import leaves the store as it was
        for catalogue_id in reversed(created):
            store.delete_catalogue(catalogue_id)
        raise
    return result


def import_catalogues(
    source: str,
    store_uri: str,
    *,
    mapping: ColumnMapping | None = None,
    catalogue_id: str = "",
    name: str = "",
    version: str = "",
    series: str = "",
    level: str = "",
    issuer: str = "",
    replace_existing: bool = False,
    migration_path: str = "",
    user: str = "",
    progress: Callable[[str], None] | None = None,
) -> ImportResult:
    """Import ``source`` (a file, a bundled catalogue id, or ``all``) into the store at ``store_uri``.

    Everything is read and validated before the store is opened.
    """
    source = (source or "").strip()
    if not source:
        raise CatalogueError(tr("No catalogue given: choose a file or a bundled catalogue."))
    if not Path(source).expanduser().is_file() and is_bundled(source):
        if catalogue_id or name or version or series or level or issuer or mapping:
            raise CatalogueError(
                tr("A bundled catalogue keeps its own id, name and columns; leave those options empty.")
            )
        plans = plan_bundled(source)
    elif Path(source).expanduser().is_file():
        plans = [
            plan_file(
                Path(source).expanduser(),
                mapping,
                catalogue_id=catalogue_id,
                name=name,
                version=version,
                series=series,
                level=level,
                issuer=issuer,
            )
        ]
    else:
        raise CatalogueError(
            tr("'{source}' is neither a catalogue file nor a bundled catalogue ({names}, or all).").format(
                source=source, names=", ".join(BUNDLED_IDS)
            )
        )
    migration = read_migration(migration_path) if migration_path else None
    return run_import(
        store_uri, plans, replace_existing=replace_existing, migration=migration, user=user, progress=progress
    )
