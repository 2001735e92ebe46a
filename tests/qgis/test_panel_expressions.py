"""tl_goal_codes() and tl_goal_stance() show links in labels and styles, and follow changes."""

from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

import territorial_plugin
from territorial_plugin.core import expressions
from territorial_plugin.core.identity import register_layer as register
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.project.link_store import remember_store


def evaluate(layer, key, text):
    feature = next(layer.getFeatures(f"\"omr_id\" = '{key}'"))
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    expression = QgsExpression(text)
    value = expression.evaluate(context)
    assert not expression.hasEvalError(), expression.evalErrorString()
    return value


def test_goal_codes_and_stance_follow_the_store(store, sample_layer, monkeypatch):
    monkeypatch.setattr(expressions, "RECHECK_S", 0.0)  # no trust period: see changes at once
    expressions.register_functions()
    try:
        uid = register(store, sample_layer, "omr_id").layer_uid
        remember_store(store.uri)
        store.link(uid, ["EK-004"], ["agenda2030:11", "agenda2030:11.3", "agenda2030:7"], LinkSpec(), "t")
        store.link(uid, ["EK-004"], ["miljomal:15"], LinkSpec(stance="conflicts"), "t")
        expressions.invalidate()
        assert evaluate(sample_layer, "EK-004", "tl_goal_codes()") == "7, 11, 11.3, 15"
        assert evaluate(sample_layer, "EK-004", "tl_goal_codes('agenda2030')") == "7, 11, 11.3"
        assert evaluate(sample_layer, "EK-004", "tl_goal_stance('miljomal:15')") == "conflicts"
        assert evaluate(sample_layer, "EK-004", "tl_goal_stance('miljomal:1')") is None
        assert evaluate(sample_layer, "EK-005", "tl_goal_codes()") == ""
        # a change made elsewhere is seen without an explicit invalidate (file stamp)
        store.unlink(uid, ["EK-004"], ["agenda2030:7"], "t")
        assert evaluate(sample_layer, "EK-004", "tl_goal_codes('agenda2030')") == "11, 11.3"
    finally:
        expressions.unregister_functions()
    assert not QgsExpression.isFunctionName("tl_goal_codes")


def test_plugin_registers_and_removes_the_functions(qgis_iface):
    plugin = territorial_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert QgsExpression.isFunctionName("tl_goal_codes")
        assert QgsExpression.isFunctionName("tl_goal_stance")
    finally:
        plugin.unload()
    assert not QgsExpression.isFunctionName("tl_goal_codes")


def test_a_change_by_someone_else_shows_after_the_recheck_period(store, sample_layer):
    import time

    expressions.register_functions()
    try:
        uid = register(store, sample_layer, "omr_id").layer_uid
        remember_store(store.uri)
        store.link(uid, ["EK-004"], ["agenda2030:11"], LinkSpec(), "t")
        expressions.invalidate()
        assert evaluate(sample_layer, "EK-004", "tl_goal_codes()") == "11"
        store.link(uid, ["EK-004"], ["agenda2030:7"], LinkSpec(), "t")  # not through the panel
        time.sleep(expressions.RECHECK_S + 0.05)
        assert evaluate(sample_layer, "EK-004", "tl_goal_codes()") == "7, 11"
    finally:
        expressions.unregister_functions()
