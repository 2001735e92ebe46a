"""The bundled sample project opens with every layer drawn, on every QGIS the lanes run."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "exempelkommun.qgs"


def test_every_layer_keeps_its_id_and_is_drawn(qgis_app, qgis_new_project):
    project = QgsProject.instance()
    assert project.read(str(SAMPLE))
    try:
        # QGIS 3.44 gives a layer whose id has ten characters or fewer a new id on read;
        # the layer tree then lost the lake and the map showed a white hole
        assert sorted(project.mapLayers()) == ["markanvandning", "vatten_storsjon"]
        drawn = [layer.name() for layer in project.layerTreeRoot().layerOrder()]
        assert drawn == ["Markanvändning (ÖP)", "Vatten"]
        assert all(layer.isValid() for layer in project.mapLayers().values())
    finally:
        project.clear()
