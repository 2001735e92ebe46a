"""The algorithms' help as the Processing dialog shows it (HTML): markup a reader sees as
text, like ``postgres:<connection>``, must be escaped, or the dialog swallows it."""

from __future__ import annotations

import re

import pytest

from territorial_plugin.processing.provider import _algorithms

#: the tags the help texts use on purpose
FORMATTING = {"b", "i", "br", "pre", "p", "ul", "li", "code"}


@pytest.mark.parametrize("algorithm", _algorithms(), ids=lambda a: a.name())
def test_help_has_no_unescaped_markup(qgis_app, algorithm):
    text = algorithm.shortHelpString()
    tags = {match.lower() for match in re.findall(r"</?\s*([A-Za-z][\w-]*)[^>]*>", text)}
    assert tags <= FORMATTING, f"unescaped markup in the help of {algorithm.name()}: {tags - FORMATTING}"
    assert text.strip(), "every algorithm explains itself"
