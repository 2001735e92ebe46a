"""What the panel's ticks and buttons do: link, unlink, edit one link, find a goal's areas,
create or open a store, register a layer, manage catalogues, export.

:class:`PanelActions` works on the controller's public state (store, active layer,
selection) and writes links only through its undo stack, which goes through
``core/links.py`` like the algorithms do.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtWidgets import QDialog, QFileDialog

from ...compat import is_null
from ...core.areas import name_field
from ...core.errors import ConflictError, TerritorialError
from ...core.i18n import plural, tr
from ...core.identity import add_uuid_field, register_layer
from ...core.project.link_store import default_store_path
from ...core.store import open_store
from .goal_lookup import LookupResult, combined_extent, lookup_goal
from .link_details import organisation_label, organisation_names, shows_organisation
from .scope.scope import organisation_counts, read_only_note
from .states import StatePage


class PanelActions:
    """The user's commands in the panel; results are reported in the message bar."""

    def __init__(self, controller):
        self.panel = controller
        self.edit_dialog = None  # the open (or last) edit-link dialog, for tests and scripts
        self.register_dialog = None
        self.last_lookup: LookupResult | None = None
        self.handbook = None  # the handbook window, kept so that F1 raises the same one

    # -- labels ---------------------------------------------------------------------
    def goal_label(self, goal_id: str) -> str:
        goal = self.panel.view.model.goal(goal_id)
        return f"{goal.code} {goal.title(self.panel.language)}" if goal is not None else goal_id

    def feature_label(self, key: str) -> str:
        """The key, with the area's display name when the layer has one."""
        panel = self.panel
        layer = panel.layer
        if layer is None or panel.record is None:
            return key
        field = name_field(layer, panel.record.key_field)
        if field is None:
            return key
        fids = panel.layer_keys.fids_for([key]) if panel.layer_keys is not None else []
        if not fids:
            return key
        name = layer.getFeature(fids[0])[field]
        return key if is_null(name) or str(name) == "" else f"{key} {name}"

    # -- links ----------------------------------------------------------------------
    def refused_read_only(self) -> bool:
        """A saved stage is shown: say that it is read-only and change nothing."""
        stage = self.panel.scope.stage
        if not stage:
            return False
        self.panel.message(
            "{} {}".format(read_only_note(stage), tr("Choose Current links under Show to change links.")),
            Qgis.MessageLevel.Warning,
        )
        return True

    def set_goal_linked(self, goal_id: str, link: bool) -> None:
        """Tick (link) or untick (unlink) ``goal_id`` for the whole selection."""
        panel = self.panel
        if self.refused_read_only():
            panel.refresh_selection()  # the check shows the stage again
            return
        keys = list(panel.selected_keys)
        if not keys or panel.record is None:
            panel.message(tr("Select areas on the map first."), Qgis.MessageLevel.Warning)
            return
        uid = panel.record.layer_uid
        label = self.goal_label(goal_id)
        try:
            if link:
                # areas already linked keep their own stance and motivation (edit them one by one)
                already = {lk.feature_key for lk in panel.store.links_for_keys(uid, keys) if lk.goal_id == goal_id}
                new_keys = [k for k in keys if k not in already]
                if not new_keys:
                    panel.message(
                        plural(
                            len(keys),
                            tr("The selected area is already linked to {goal}."),
                            tr("All {n} selected areas are already linked to {goal}."),
                        ).format(n=len(keys), goal=label)
                    )
                    panel.refresh_selection()
                    return
                panel.undo_stack.link(
                    uid,
                    new_keys,
                    [goal_id],
                    panel.view.link_spec(),
                    plural(len(new_keys), tr("Link one area to {goal}"), tr("Link {n} areas to {goal}")).format(
                        n=len(new_keys), goal=label
                    ),
                )
                text = plural(len(new_keys), tr("Linked one area to {goal}"), tr("Linked {n} areas to {goal}")).format(
                    n=len(new_keys), goal=label
                )
                if already:
                    note = plural(len(already), tr("(one was already linked)"), tr("({n} were already linked)"))
                    text += " " + note.format(n=len(already))
            else:
                result = panel.undo_stack.unlink(
                    uid,
                    keys,
                    [goal_id],
                    plural(len(keys), tr("Unlink one area from {goal}"), tr("Unlink {n} areas from {goal}")).format(
                        n=len(keys), goal=label
                    ),
                )
                text = plural(
                    result.deleted,
                    tr("Removed the link of one area to {goal}"),
                    tr("Removed the links of {n} areas to {goal}"),
                ).format(n=result.deleted, goal=label)
        except TerritorialError as error:
            panel.show_error(error)
            panel.refresh_selection()  # put the check back to what is stored
            return
        panel.after_links_changed(uid)
        panel.message(text, Qgis.MessageLevel.Success, 4)

    def _suggestions_of(self, goal_id: str | None) -> tuple[str | None, list]:
        """The focused (or given) goal and the rule outcomes suggesting it for the selection;
        no outcomes, with the reason shown, when the view is read-only or nothing is suggested."""
        panel = self.panel
        if self.refused_read_only():
            return goal_id, []
        goal_id = goal_id or panel.view.focused_goal_id()
        chosen = panel.suggested.get(goal_id, []) if goal_id else []
        if not chosen or panel.record is None:
            panel.message(tr("No rule suggests the focused goal for the selected areas."), Qgis.MessageLevel.Warning)
            return goal_id, []
        return goal_id, chosen

    def accept_suggestions(self, goal_id: str | None = None) -> None:
        """Link the selected areas a rule suggests for the focused goal, as the rule says (undoable)."""
        panel = self.panel
        goal_id, chosen = self._suggestions_of(goal_id)
        if not chosen:
            return
        label = self.goal_label(goal_id)
        n = len({o.key for o in chosen})
        try:
            result = panel.undo_stack.accept_suggestions(
                panel.record,
                chosen,
                plural(n, tr("Accept a suggestion of {goal}"), tr("Accept {n} suggestions of {goal}")).format(
                    n=n, goal=label
                ),
            )
        except TerritorialError as error:
            panel.show_error(error)
            panel.refresh_selection()
            return
        panel.after_links_changed(panel.record.layer_uid)
        panel.message(
            plural(
                result.inserted,
                tr("Linked one area to {goal} as its rule suggests"),
                tr("Linked {n} areas to {goal} as their rules suggest"),
            ).format(n=result.inserted, goal=label),
            Qgis.MessageLevel.Success,
            4,
        )

    def dismiss_suggestions(self, goal_id: str | None = None) -> None:
        """Dismiss the rules' suggestions of the focused goal for the selected areas, in the store and undoably."""
        panel = self.panel
        goal_id, chosen = self._suggestions_of(goal_id)
        if not chosen:
            return
        n = len({o.key for o in chosen})
        label = self.goal_label(goal_id)
        try:
            panel.undo_stack.dismiss_suggestions(
                panel.record,
                chosen,
                plural(n, tr("Dismiss a suggestion of {goal}"), tr("Dismiss {n} suggestions of {goal}")).format(
                    n=n, goal=label
                ),
            )
        except TerritorialError as error:
            panel.show_error(error)
            return
        panel.refresh_selection()
        rules = ", ".join(sorted({o.rule for o in chosen}))
        panel.message(
            plural(
                n,
                tr("Dismissed the suggestion of {goal} for one area (rule: {rules})"),
                tr("Dismissed the suggestions of {goal} for {n} areas (rules: {rules})"),
            ).format(n=n, goal=label, rules=rules)
        )

    def edit_link(self) -> None:
        """Edit the link of the one selected area to the focused goal."""
        from .link_editor import EditLinkDialog

        panel = self.panel
        if self.refused_read_only():
            return
        goal_id = panel.view.focused_goal_id()
        if goal_id is None or panel.record is None:
            panel.message(tr("Click a goal in the list first."), Qgis.MessageLevel.Warning)
            return
        if len(panel.selected_keys) != 1:
            panel.message(
                tr("Select exactly one area to edit its link; {n} are selected.").format(n=len(panel.selected_keys)),
                Qgis.MessageLevel.Warning,
            )
            return
        key = panel.selected_keys[0]
        uid = panel.record.layer_uid
        links = [lk for lk in panel.store.links_for_keys(uid, [key]) if lk.goal_id == goal_id]
        if not links:
            panel.message(
                tr("The selected area is not linked to {goal}; tick the goal to link it.").format(
                    goal=self.goal_label(goal_id)
                ),
                Qgis.MessageLevel.Warning,
            )
            return
        organisation = None
        if shows_organisation(panel.store):
            organisation = organisation_label(links[0], organisation_names(panel.store))
        dialog = EditLinkDialog(
            links[0], self.feature_label(key), self.goal_label(goal_id), panel.view, organisation=organisation
        )
        self.edit_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            panel.undo_stack.update(
                uid,
                key,
                goal_id,
                dialog.spec(),
                tr("Edit link of {key}").format(key=key),
                expected_version=dialog.row_version,  # the version the dialog showed
            )
        except ConflictError as error:
            # someone saved this link while the dialog was open: say so, show what is stored now
            panel.message(
                "{} {}".format(error, tr("The panel now shows the links as they are stored.")),
                Qgis.MessageLevel.Warning,
                15,
            )
            panel.reload_links()
            return
        except TerritorialError as error:
            panel.show_error(error)
            return
        panel.after_links_changed(uid)
        panel.message(tr("Saved the link of {key} to {goal}").format(key=key, goal=self.goal_label(goal_id)))

    # -- finding a goal's areas -------------------------------------------------------
    def lookup(self, goal_id: str) -> LookupResult:
        """The areas linked to ``goal_id`` in every registered layer of the project (in the panel's scope:
        now or a saved stage, every organisation's or one's)."""
        panel = self.panel
        key_tables = {}
        if panel.layer is not None and panel.layer_keys is not None:
            key_tables = {panel.layer.id(): panel.layer_keys}  # the active layer's keys are read already
        scope = panel.scope
        return lookup_goal(
            panel.store, QgsProject.instance(), goal_id, key_tables, stage=scope.stage, organisation=scope.organisation
        )

    def reverse_lookup(self, goal_id: str | None = None) -> None:
        """Select, zoom to and flash the focused goal's features in every registered layer."""
        panel = self.panel
        goal_id = goal_id or panel.view.focused_goal_id()
        if goal_id is None or panel.store is None:
            panel.message(tr("Click a goal in the list first."), Qgis.MessageLevel.Warning)
            return
        label = self.goal_label(goal_id)
        try:
            result = self.lookup(goal_id)
        except TerritorialError as error:
            panel.show_error(error)
            return
        self.last_lookup = result
        for hit in result.hits:
            hit.layer.selectByIds(hit.fids)
        canvas = panel.iface.mapCanvas() if panel.iface is not None else None
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
                plural(
                    result.feature_count,
                    tr("{goal}: one area selected"),
                    tr("{goal}: {n} areas in {layers} layers selected"),
                ).format(goal=label, n=result.feature_count, layers=len([h for h in result.hits if h.fids]))
            )
        else:
            parts.append(tr("{goal}: no linked areas in this project").format(goal=label))
        if len(result.by_organisation) > 1:  # whose they are, when several organisations' links are shown
            names = panel.view.model.organisation_names
            by_size = sorted(result.by_organisation.items(), key=lambda item: (-sum(item[1].values()), item[0]))
            for organisation, stances in by_size:
                parts.append(organisation_counts(organisation, sum(stances.values()), stances.most_common(), names))
        if panel.scope.stage:
            parts.append(tr("as linked in the plan stage {stage}").format(stage=panel.scope.stage))
        if result.unavailable:
            parts.append(
                tr("links also in layers not in this project: {names}").format(names=", ".join(result.unavailable))
            )
        if result.missing_keys:
            parts.append(tr("{n} linked keys no longer exist in their layer").format(n=result.missing_keys))
        level = Qgis.MessageLevel.Info if not (result.unavailable or result.missing_keys) else Qgis.MessageLevel.Warning
        panel.message("; ".join(parts), level)

    # -- getting ready: store, layer, catalogues ----------------------------------------
    def state_action(self, action: str) -> None:
        if action == StatePage.CREATE_DEFAULT_STORE:
            self.create_store(default_store_path())
        elif action == StatePage.CREATE_STORE:
            self.create_store()
        elif action == StatePage.OPEN_STORE:
            self.open_store_file()
        elif action == StatePage.REGISTER_LAYER:
            self.register_active_layer()
        elif action == StatePage.ADD_BUNDLED:
            self.add_bundled_catalogues()
        elif action == StatePage.MANAGE_CATALOGUES:
            self.manage_catalogues()

    def create_store(self, path: str | None = None) -> None:
        """Create (or open, if it exists) a GeoPackage store and remember it in the project."""
        panel = self.panel
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                panel.view, tr("Create link store"), default_store_path(), tr("GeoPackage (*.gpkg)")
            )
            if not path:
                return
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        existed = Path(path).exists()
        try:
            panel.set_store(open_store(path, create=True), remember=True)
        except TerritorialError as error:
            panel.show_error(error)
            return
        text = tr("Opened link store {path}") if existed else tr("Created link store {path}")
        panel.message(text.format(path=path), Qgis.MessageLevel.Success)

    def open_store_file(self, path: str | None = None) -> None:
        """Open an existing store and remember it in the project."""
        panel = self.panel
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                panel.view, tr("Open link store"), default_store_path(), tr("GeoPackage (*.gpkg)")
            )
            if not path:
                return
        try:
            panel.set_store(open_store(path, create=True), remember=True)
        except TerritorialError as error:
            panel.show_error(error)

    def register_active_layer(self, key_field: str | None = None, add_uuid: bool = False) -> None:
        """Register the active layer; without ``key_field`` the user chooses in a dialog."""
        panel = self.panel
        layer = panel.layer
        if layer is None or panel.store is None:
            return
        if key_field is None and not add_uuid:
            from ..dialogs.register_layer import RegisterLayerDialog

            dialog = RegisterLayerDialog(layer, panel.view)
            self.register_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            key_field, add_uuid = dialog.key_field(), dialog.add_uuid()
        try:
            if add_uuid:
                key_field = add_uuid_field(layer)
            record = register_layer(panel.store, layer, key_field)
        except TerritorialError as error:
            panel.show_error(error)
            return
        panel.message(
            tr("Registered '{layer}' with the key field {field}").format(layer=layer.name(), field=record.key_field),
            Qgis.MessageLevel.Success,
        )
        panel.set_layer(layer)

    def add_bundled_catalogues(self) -> None:
        """Save the bundled strategies (not the example catalogue) into the store; enable disabled ones."""
        from ...core.catalogues.bundled import BUNDLED_IDS, load_bundled

        panel = self.panel
        store = panel.store
        if store is None:
            return
        present = {c.id: c for c in store.catalogues()}
        added = []
        try:
            for catalogue_id in BUNDLED_IDS:
                if catalogue_id.endswith("_example"):
                    continue
                if catalogue_id in present:
                    if not present[catalogue_id].enabled:
                        store.set_catalogue_enabled(catalogue_id, True)
                        added.append(present[catalogue_id].name)
                    continue
                catalogue, goals = load_bundled(catalogue_id)
                store.save_catalogue(catalogue, goals)
                added.append(catalogue.name)
        except TerritorialError as error:
            panel.show_error(error)
        panel.reload_catalogues()
        panel.set_layer(panel.layer)
        if added:
            panel.message(tr("Added catalogues: {names}").format(names=", ".join(added)), Qgis.MessageLevel.Success)

    def toggle_goal_fields(self) -> None:
        """Goal columns in the active layer's attribute table: add one per enabled catalogue, or
        remove those the plugin added."""
        from ...core.goal_fields import add_goal_fields, goal_fields, remove_goal_fields

        panel = self.panel
        layer = panel.layer
        if layer is None or panel.record is None or panel.store is None:
            panel.message(tr("Register the layer first."), Qgis.MessageLevel.Warning)
            return
        if goal_fields(layer):
            removed = remove_goal_fields(layer)
            panel.message(
                tr("Removed the goal columns {fields} from '{layer}'.").format(
                    fields=", ".join(removed), layer=layer.name()
                )
            )
            return
        catalogues = [catalogue.id for catalogue in panel.store.catalogues(include_disabled=False)]
        try:
            added = add_goal_fields(layer, catalogues)
        except TerritorialError as error:
            panel.show_error(error)
            return
        panel.message(
            tr(
                "Added the goal columns {fields} to the attribute table of '{layer}': the codes of the goals each area "
                "is linked to, to filter, sort and style by. They are saved with the project; the same button "
                "removes them."
            ).format(fields=", ".join(added), layer=layer.name()),
            Qgis.MessageLevel.Success,
        )

    def open_handbook(self) -> None:
        """The handbook in a window of its own, beside the map (not modal)."""
        from ..dialogs.handbook import HandbookDialog

        if self.handbook is None:
            self.handbook = HandbookDialog(self.panel.view)
        self.handbook.show()
        self.handbook.raise_()

    def manage_catalogues(self) -> None:
        panel = self.panel
        try:
            from ..dialogs.catalogue_manager import CatalogueManagerDialog
        except ImportError:
            panel.message(tr("The catalogue manager is not available in this version."), Qgis.MessageLevel.Warning)
            return
        if panel.store is None:
            panel.message(tr("Open or create a link store first."), Qgis.MessageLevel.Warning)
            return
        dialog = CatalogueManagerDialog(panel.store, panel.view, user=panel.undo_stack.user)
        dialog.exec()
        # deleting a catalogue may have deleted links: undo steps over them would no longer be true
        panel.undo_stack.clear()
        panel.reload_catalogues()
        panel.set_layer(panel.layer)
        panel.after_links_changed(panel.record.layer_uid if panel.record is not None else "")

    def open_export(self) -> None:
        panel = self.panel
        try:
            from ..dialogs.export_dialog import ExportDialog
        except ImportError:
            panel.message(tr("The export dialog is not available in this version."), Qgis.MessageLevel.Warning)
            return
        if panel.store is None:
            panel.message(tr("Open or create a link store first."), Qgis.MessageLevel.Warning)
            return
        ExportDialog(panel.iface, panel.store, panel.view).exec()
