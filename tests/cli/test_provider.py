"""The plugin loads under qgis_process and its provider answers."""


def test_provider_is_listed(qgis_process):
    listing = qgis_process("list", check=True).stdout
    assert "territorial:plugininfo" in listing
    assert "Territorial Links" in listing


def test_plugin_info_runs_and_reports_version(qgis_process):
    from territorial_plugin.__about__ import version

    result = qgis_process.run_json("territorial:plugininfo")
    assert result["results"]["VERSION"] == version()
    assert result["results"]["PLUGIN_ROOT"].endswith("territorial_plugin")


def test_unknown_algorithm_fails_with_nonzero_exit(qgis_process):
    result = qgis_process("run", "territorial:doesnotexist")
    assert result.returncode != 0
