"""The algorithms' help as the Processing dialog shows it (HTML): markup a reader sees as
text, like ``postgres:<connection>``, must be escaped, or the dialog swallows it."""

from __future__ import annotations

import html
import re

import pytest

from territorial_plugin.core.i18n import tr
from territorial_plugin.processing.provider import _algorithms
from territorial_plugin.translation import install_translator, remove_translator

#: the tags the help texts use on purpose
FORMATTING = {"b", "i", "br", "pre", "p", "ul", "li", "code"}


@pytest.mark.parametrize("algorithm", _algorithms(), ids=lambda a: a.name())
def test_help_has_no_unescaped_markup(qgis_app, algorithm):
    text = algorithm.shortHelpString()
    tags = {match.lower() for match in re.findall(r"</?\s*([A-Za-z][\w-]*)[^>]*>", text)}
    assert tags <= FORMATTING, f"unescaped markup in the help of {algorithm.name()}: {tags - FORMATTING}"
    assert text.strip(), "every algorithm explains itself"


def _ids(algorithm) -> dict[str, str]:
    """``{id: label}`` of an algorithm's parameters and outputs, as its dialog and results show them."""
    instance = algorithm.createInstance()
    instance.initAlgorithm()
    labels = {o.name(): o.description() for o in instance.outputDefinitions()}
    labels.update({p.name(): p.description() for p in instance.parameterDefinitions()})
    return labels


def _named(label: str, name: str) -> str:
    return tr("“{label}” ({id})").format(label=html.escape(label, quote=False), id=name)


def _mentions(text: str, ids: set[str]) -> list[str]:
    return [word for word in re.findall(r"\b[A-Z][A-Z0-9_]*[A-Z0-9]\b", text) if word in ids]


def _check_names_parameters_by_label(algorithm, every_id: set[str]):
    text = algorithm.shortHelpString()
    own = _ids(algorithm)
    named = _mentions(text, every_id)
    assert set(named) <= set(own), f"{algorithm.name()} names ids it does not have: {set(named) - set(own)}"
    for name in named:
        assert _named(own[name], name) in text, f"{name} without its label"
    # an id standing alone, not as "label (ID)": what the dialog never shows
    stripped = text
    for name, label in own.items():
        stripped = stripped.replace(_named(label, name), "")
    assert not _mentions(stripped, every_id), f"{algorithm.name()}: ids without label {_mentions(stripped, every_id)}"
    assert not re.search(r"\{[A-Za-z_]+\}", text), "a placeholder left unfilled"
    return named


def test_help_names_parameters_by_label_and_id(qgis_app):
    algorithms = _algorithms()
    every_id = {name for algorithm in algorithms for name in _ids(algorithm)}
    for algorithm in algorithms:
        named = _check_names_parameters_by_label(algorithm, every_id)
        if algorithm.name() != "plugininfo":
            assert named, f"{algorithm.name()}'s help names none of its parameters"


def test_swedish_help_names_parameters_by_swedish_label(qgis_app):
    translator = install_translator("sv")
    assert translator is not None, "run make stage (the compiled Swedish translation)"
    try:
        algorithms = _algorithms()
        every_id = {name for algorithm in algorithms for name in _ids(algorithm)}
        for algorithm in algorithms:
            _check_names_parameters_by_label(algorithm, every_id)
        store = _ids(_algorithms()[1])["STORE"]
        assert store == "Kopplingsdatabas (GeoPackage-fil eller postgres:anslutning)"
        assert f"”{store}” (STORE)" in _algorithms()[1].shortHelpString()
    finally:
        remove_translator(translator)
