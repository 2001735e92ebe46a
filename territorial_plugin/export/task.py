"""Atlas and table exports as a ``QgsTask``: progress in QGIS's task bar, cancel at any time.

The task works on its own copies: the store is opened again inside the task (a
database connection belongs to one thread) and every layer is cloned inside the
task, so the layers, legends and layouts it draws all live in the worker thread
and the project's layers are only read (as Processing tasks read them). A
cancelled or failed export leaves no file behind (``layout_writer.py`` writes
under temporary names). ``finished`` runs on the main thread: an atlas task asked
to keep its layout builds it there, into the project, from the plain values the
task read from the store (layouts and layers belong to the thread that made them),
so the file and the kept layout come from one read and the main thread never
waits on the store. It reports through ``on_done(ok, result, message)``.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from qgis.core import QgsFeedback, QgsProject, QgsTask, QgsVectorLayer

from ..core.errors import CancelledError, TerritorialError
from ..core.i18n import tr
from ..core.log import critical

DoneCallback = Callable[[bool, object, str], None]


class ExportTask(QgsTask):
    """Runs ``job(feedback)`` in the background, then ``then(result)`` on the main thread (its
    return is the result); ``on_done`` gets ``(ok, result, message)``."""

    def __init__(
        self,
        description: str,
        job: Callable[[QgsFeedback], object],
        on_done: DoneCallback | None = None,
        then: Callable[[object], object] | None = None,
    ):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self._job = job
        self._on_done = on_done
        self._then = then
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(self.setProgress)
        self.result = None
        self.message = ""

    def run(self) -> bool:
        try:
            self.result = self._job(self.feedback)
        except CancelledError as error:
            self.message = str(error)
            return False
        except TerritorialError as error:
            self.message = str(error)
            return False
        except Exception as error:  # reported to the user; never lost in the worker thread
            critical(f"export task failed: {error!r}\n{traceback.format_exc()}")
            self.message = tr("The export failed: {error}").format(error=str(error))
            return False
        return not self.feedback.isCanceled()

    def cancel(self) -> None:
        self.feedback.cancel()
        super().cancel()

    def finished(self, ok: bool) -> None:
        if ok and self._then is not None:
            try:
                self.result = self._then(self.result)
            except TerritorialError as error:
                ok, self.message = False, str(error)
        if not ok and not self.message:
            self.message = tr("The export was cancelled; no file was written.")
        if self._on_done is not None:
            self._on_done(ok, self.result, self.message)


def _clones(layers: Sequence[QgsVectorLayer]) -> list[QgsVectorLayer]:
    clones = []
    for layer in layers:
        clone = layer.clone()
        # the clone keeps the project's layer uid so the store resolves it the same way
        for key in layer.customPropertyKeys():
            clone.setCustomProperty(key, layer.customProperty(key))
        clones.append(clone)
    return clones


def _private_project(ellipsoid: str) -> QgsProject:
    """A project for the worker thread, measuring as the user's project does."""
    project = QgsProject()
    project.setEllipsoid(ellipsoid)
    return project


def atlas_task(
    store_uri: str,
    layers: Sequence[QgsVectorLayer],
    output: str | Path,
    *,
    fmt: str = "pdf",
    dpi: int = 300,
    goal_ids: Sequence[str] = (),
    catalogue_id: str | None = None,
    template: str | None = None,
    project: QgsProject | None = None,
    keep_in_project: bool = False,
    on_done: DoneCallback | None = None,
) -> ExportTask:
    """A task writing the goal atlas to ``output``; its result is an ``AtlasExport``.

    With ``keep_in_project`` the atlas's layout is saved in ``project`` when the task
    has finished (``AtlasExport.layout``), built from what the task read.
    """
    from .atlas.build import project_municipality

    layers = list(layers)
    project = project or QgsProject.instance()
    municipality = project_municipality(project)  # read on the main thread
    ellipsoid = project.ellipsoid()

    def job(feedback):
        from ..core.store import open_store
        from .service import run_atlas_export

        with open_store(store_uri) as store:
            return run_atlas_export(
                store,
                _clones(layers),
                output,
                fmt=fmt,
                dpi=dpi,
                goal_ids=goal_ids,
                catalogue_id=catalogue_id,
                template=template,
                municipality=municipality,
                project=_private_project(ellipsoid),
                feedback=feedback,
            )

    def keep(done):
        from .service import keep_atlas

        return replace(done, layout=keep_atlas(done.inputs, layers, done.options, project))

    return ExportTask(tr("Exporting goal atlas"), job, on_done, keep if keep_in_project else None)


def _store_task(title: str, store_uri: str, layers, project, run, on_done) -> ExportTask:
    """A task opening its own store connection and layer clones in the worker, then
    ``run(store, clones, private project, feedback)``; its result is what ``run`` returns."""
    layers = list(layers)
    ellipsoid = (project or QgsProject.instance()).ellipsoid()

    def job(feedback):
        from ..core.store import open_store

        clones = _clones(layers)
        with open_store(store_uri) as store:
            return run(store, clones, _private_project(ellipsoid), feedback)

    return ExportTask(title, job, on_done)


def report_task(
    store_uri: str,
    layers: Sequence[QgsVectorLayer],
    output: str | Path,
    *,
    catalogue_id: str | None = None,
    project: QgsProject | None = None,
    on_done: DoneCallback | None = None,
) -> ExportTask:
    """A task writing the coverage tables (``.xlsx`` or a CSV folder); its result is the written files."""

    def run(store, clones, private, feedback):
        from .service import run_report_export

        return run_report_export(store, clones, output, catalogue_id=catalogue_id, project=private, feedback=feedback)

    return _store_task(tr("Exporting goal tables"), store_uri, layers, project, run, on_done)


def areas_task(
    store_uri: str,
    layers: Sequence[QgsVectorLayer],
    output: str | Path,
    *,
    goal_ids: Sequence[str] = (),
    catalogue_id: str | None = None,
    project: QgsProject | None = None,
    on_done: DoneCallback | None = None,
) -> ExportTask:
    """A task writing one section per linked area (``.pdf`` or ``.xlsx``); its result is the written files."""

    def run(store, clones, private, feedback):
        from .service import run_areas_export

        return run_areas_export(
            store, clones, output, goal_ids=goal_ids, catalogue_id=catalogue_id, project=private, feedback=feedback
        )

    return _store_task(tr("Exporting area sections"), store_uri, layers, project, run, on_done)


def web_task(
    store_uri: str,
    layers: Sequence[QgsVectorLayer],
    output: str | Path,
    *,
    goal_ids: Sequence[str] = (),
    tolerance: float | None = None,
    project: QgsProject | None = None,
    on_done: DoneCallback | None = None,
) -> ExportTask:
    """A task writing the web atlas (with the goal atlas PDF beside it) into the folder ``output``;
    its result is the written files. ``tolerance``: metres the outlines are simplified by."""
    from .atlas.build import project_municipality

    project = project or QgsProject.instance()
    municipality = project_municipality(project)  # read on the main thread

    def run(store, clones, private, feedback):
        from .web.service import DEFAULT_TOLERANCE, run_web_export

        done = run_web_export(
            store,
            clones,
            output,
            goal_ids=goal_ids,
            with_pdf=True,
            tolerance=DEFAULT_TOLERANCE if tolerance is None else tolerance,
            municipality=municipality,
            project=private,
            feedback=feedback,
        )
        return [done.index]

    return _store_task(tr("Exporting web atlas"), store_uri, layers, project, run, on_done)
