"""What the panel's buttons and ticks do; kept apart from the widget layout in ``dock.py``.

Each function takes the dock, reads what it needs from its widgets, calls the
store (through the undo stack for link changes) and reports in the message bar.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtWidgets import QDialog, QFileDialog

from ...compat import is_null
from ...core.areas import name_field
from ...core.errors import ConflictError, TerritorialError
from ...core.i18n import tr
from ...core.project.link_store import default_store_path
from ...core.store import open_store
from .goal_lookup import combined_extent, lookup_goal
from .identity_adapter import add_uuid_field, register
from .link_details import organisation_label, organisation_names, shows_organisation
from .states import StatePage


def goal_label(dock, goal_id: str) -> str:
    goal = dock.model.goal(goal_id)
    return f"{goal.code} {goal.title(dock.language)}" if goal is not None else goal_id


def set_goal_linked(dock, goal_id: str, link: bool) -> None:
    """Tick (link) or untick (unlink) ``goal_id`` for the whole selection."""
    keys = list(dock.selected_keys)
    if not keys or dock.record is None:
        dock.message(tr("Select areas on the map first."), Qgis.MessageLevel.Warning)
        return
    uid = dock.record.layer_uid
    label = goal_label(dock, goal_id)
    try:
        if link:
            # areas already linked keep their own stance and motivation (edit them one by one)
            already = {lk.feature_key for lk in dock.store.links_for_keys(uid, keys) if lk.goal_id == goal_id}
            new_keys = [k for k in keys if k not in already]
            if not new_keys:
                dock.message(tr("All {n} selected areas are already linked to {goal}.").format(n=len(keys), goal=label))
                dock.refresh_selection()
                return
            dock.undo_stack.link(
                uid,
                new_keys,
                [goal_id],
                dock.editor.spec(),
                tr("Link {n} areas to {goal}").format(n=len(new_keys), goal=label),
            )
            text = tr("Linked {n} areas to {goal}").format(n=len(new_keys), goal=label)
            if already:
                text += " " + tr("({n} were already linked)").format(n=len(already))
        else:
            result = dock.undo_stack.unlink(
                uid, keys, [goal_id], tr("Unlink {n} areas from {goal}").format(n=len(keys), goal=label)
            )
            text = tr("Removed the links of {n} areas to {goal}").format(n=result.deleted, goal=label)
    except TerritorialError as error:
        dock.show_error(error)
        dock.refresh_selection()  # put the check back to what is stored
        return
    dock._after_links_changed(uid)
    dock.message(text, Qgis.MessageLevel.Success, 4)


def edit_link(dock) -> None:
    """Edit the link of the one selected area to the focused goal."""
    from .link_editor import EditLinkDialog

    goal_id = dock.focused_goal_id()
    if goal_id is None or dock.record is None:
        dock.message(tr("Click a goal in the list first."), Qgis.MessageLevel.Warning)
        return
    if len(dock.selected_keys) != 1:
        dock.message(
            tr("Select exactly one area to edit its link; {n} are selected.").format(n=len(dock.selected_keys)),
            Qgis.MessageLevel.Warning,
        )
        return
    key = dock.selected_keys[0]
    uid = dock.record.layer_uid
    links = [lk for lk in dock.store.links_for_keys(uid, [key]) if lk.goal_id == goal_id]
    if not links:
        dock.message(
            tr("The selected area is not linked to {goal}; tick the goal to link it.").format(
                goal=goal_label(dock, goal_id)
            ),
            Qgis.MessageLevel.Warning,
        )
        return
    organisation = None
    if shows_organisation(dock.store):
        organisation = organisation_label(links[0], organisation_names(dock.store))
    dialog = EditLinkDialog(
        links[0], feature_label(dock, key), goal_label(dock, goal_id), dock, organisation=organisation
    )
    dock.edit_dialog = dialog  # tests drive it
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        dock.undo_stack.update(
            uid,
            key,
            goal_id,
            dialog.spec(),
            tr("Edit link of {key}").format(key=key),
            expected_version=dialog.row_version,  # the version the dialog showed
        )
    except ConflictError as error:
        # someone saved this link while the dialog was open: say so, show what is stored now
        dock.message(
            "{} {}".format(error, tr("The panel now shows the links as they are stored.")),
            Qgis.MessageLevel.Warning,
            15,
        )
        dock.reload_links()
        return
    except TerritorialError as error:
        dock.show_error(error)
        return
    dock._after_links_changed(uid)
    dock.message(tr("Saved the link of {key} to {goal}").format(key=key, goal=goal_label(dock, goal_id)))


def feature_label(dock, key: str) -> str:
    """The key, with the area's display name when the layer has one."""
    layer = dock.layer
    if layer is None:
        return key
    field = name_field(layer, dock.record.key_field) if dock.record is not None else None
    if field is None:
        return key
    fids = dock.layer_keys.fids_for([key]) if dock.layer_keys is not None else []
    if not fids:
        return key
    name = layer.getFeature(fids[0])[field]
    return key if is_null(name) or str(name) == "" else f"{key} {name}"


def reverse_lookup(dock, goal_id: str | None = None) -> None:
    """Select, zoom to and flash the focused goal's features in every registered layer."""
    goal_id = goal_id or dock.focused_goal_id()
    if goal_id is None or dock.store is None:
        dock.message(tr("Click a goal in the list first."), Qgis.MessageLevel.Warning)
        return
    label = goal_label(dock, goal_id)
    try:
        result = lookup_goal(dock.store, QgsProject.instance(), goal_id, _key_tables(dock))
    except TerritorialError as error:
        dock.show_error(error)
        return
    dock.last_lookup = result
    for hit in result.hits:
        hit.layer.selectByIds(hit.fids)
    canvas = dock.iface.mapCanvas() if dock.iface is not None else None
    if canvas is not None and result.feature_count:
        extent = combined_extent(result.hits, canvas)
        if not extent.isEmpty() or extent.width() > 0:
            canvas.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.1 or 50))
            canvas.refresh()
        for hit in result.hits:
            if hit.fids:
                canvas.flashFeatureIds(hit.layer, hit.fids)
    parts = []
    if result.feature_count:
        parts.append(
            tr("{goal}: {n} areas in {layers} layers selected").format(
                goal=label, n=result.feature_count, layers=len([h for h in result.hits if h.fids])
            )
        )
    else:
        parts.append(tr("{goal}: no linked areas in this project").format(goal=label))
    if result.unavailable:
        parts.append(
            tr("links also in layers not in this project: {names}").format(names=", ".join(result.unavailable))
        )
    if result.missing_keys:
        parts.append(tr("{n} linked keys no longer exist in their layer").format(n=result.missing_keys))
    level = Qgis.MessageLevel.Info if not (result.unavailable or result.missing_keys) else Qgis.MessageLevel.Warning
    dock.message("; ".join(parts), level)


def _key_tables(dock) -> dict:
    if dock.layer is not None and dock.layer_keys is not None:
        return {dock.layer.id(): dock.layer_keys}
    return {}


def refresh_highlight(dock) -> None:
    dock.highlighter.clear()
    if not dock.highlight_toggle.isChecked() or dock.store is None:
        return
    goal_id = dock.focused_goal_id()
    if goal_id is None:
        return
    try:
        result = lookup_goal(dock.store, QgsProject.instance(), goal_id, _key_tables(dock))
    except TerritorialError as error:
        dock.show_error(error)
        return
    for hit in result.hits:
        dock.highlighter.show(hit.layer, hit.stances)


def state_action(dock, action: str) -> None:
    if action == StatePage.CREATE_DEFAULT_STORE:
        dock.create_store(default_store_path())
    elif action == StatePage.CREATE_STORE:
        dock.create_store()
    elif action == StatePage.OPEN_STORE:
        dock.open_store_file()
    elif action == StatePage.REGISTER_LAYER:
        register_active_layer(dock)
    elif action == StatePage.ADD_BUNDLED:
        add_bundled_catalogues(dock)
    elif action == StatePage.MANAGE_CATALOGUES:
        manage_catalogues(dock)


def register_active_layer(dock, key_field: str | None = None, add_uuid: bool = False) -> None:
    """Register the active layer; without ``key_field`` the user chooses in a dialog."""
    layer = dock.layer
    if layer is None or dock.store is None:
        return
    if key_field is None and not add_uuid:
        from ..dialogs.register_layer import RegisterLayerDialog

        dialog = RegisterLayerDialog(layer, dock)
        dock.register_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        key_field, add_uuid = dialog.key_field(), dialog.add_uuid()
    try:
        if add_uuid:
            key_field = add_uuid_field(layer)
        record = register(dock.store, layer, key_field)
    except TerritorialError as error:
        dock.show_error(error)
        return
    dock.message(
        tr("Registered '{layer}' with the key field {field}").format(layer=layer.name(), field=record.key_field),
        Qgis.MessageLevel.Success,
    )
    dock.set_layer(layer)


def add_bundled_catalogues(dock) -> None:
    """Save the bundled strategies (not the example catalogue) into the store; enable disabled ones."""
    from ...core.catalogues.bundled import BUNDLED_IDS, load_bundled

    if dock.store is None:
        return
    present = {c.id: c for c in dock.store.catalogues()}
    added = []
    try:
        for catalogue_id in BUNDLED_IDS:
            if catalogue_id.endswith("_example"):
                continue
            if catalogue_id in present:
                if not present[catalogue_id].enabled:
                    dock.store.set_catalogue_enabled(catalogue_id, True)
                    added.append(present[catalogue_id].name)
                continue
            catalogue, goals = load_bundled(catalogue_id)
            dock.store.save_catalogue(catalogue, goals)
            added.append(catalogue.name)
    except TerritorialError as error:
        dock.show_error(error)
    dock._reload_catalogues()
    dock.set_layer(dock.layer)
    if added:
        dock.message(tr("Added catalogues: {names}").format(names=", ".join(added)), Qgis.MessageLevel.Success)


def manage_catalogues(dock) -> None:
    try:
        from ..dialogs.catalogue_manager import CatalogueManagerDialog
    except ImportError:
        dock.message(tr("The catalogue manager is not available in this version."), Qgis.MessageLevel.Warning)
        return
    if dock.store is None:
        dock.message(tr("Open or create a link store first."), Qgis.MessageLevel.Warning)
        return
    dialog = CatalogueManagerDialog(dock.store, dock, user=dock.undo_stack.user)
    dialog.exec()
    # deleting a catalogue may have deleted links: undo steps over them would no longer be true
    dock.undo_stack.clear()
    dock._reload_catalogues()
    dock.set_layer(dock.layer)
    dock._after_links_changed(dock.record.layer_uid if dock.record is not None else "")


def open_export(dock) -> None:
    try:
        from ..dialogs.export_dialog import ExportDialog
    except ImportError:
        dock.message(tr("The export dialog is not available in this version."), Qgis.MessageLevel.Warning)
        return
    if dock.store is None:
        dock.message(tr("Open or create a link store first."), Qgis.MessageLevel.Warning)
        return
    ExportDialog(dock.iface, dock.store, dock).exec()


def create_store(dock, path: str | None = None) -> None:
    """Create (or open, if it exists) a GeoPackage store and remember it in the project."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            dock, tr("Create link store"), default_store_path(), tr("GeoPackage (*.gpkg)")
        )
        if not path:
            return
    if not path.lower().endswith(".gpkg"):
        path += ".gpkg"
    existed = Path(path).exists()
    try:
        dock.set_store(open_store(path, create=True), remember=True)
    except TerritorialError as error:
        dock.show_error(error)
        return
    text = tr("Opened link store {path}") if existed else tr("Created link store {path}")
    dock.message(text.format(path=path), Qgis.MessageLevel.Success)


def open_store_file(dock, path: str | None = None) -> None:
    """Open an existing store and remember it in the project."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            dock, tr("Open link store"), default_store_path(), tr("GeoPackage (*.gpkg)")
        )
        if not path:
            return
    try:
        dock.set_store(open_store(path, create=True), remember=True)
    except TerritorialError as error:
        dock.show_error(error)
