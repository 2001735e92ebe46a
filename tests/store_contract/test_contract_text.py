"""Hostile text round-trips exactly in every text column; nothing is formatted into SQL."""

from __future__ import annotations

import pytest

from territorial_plugin.core.model import Catalogue, Goal, LinkSpec, RegisteredLayer

HOSTILE = [
    "Robert'); DROP TABLE link;--",
    "citat \"dubbla\" och 'enkla'",
    "semi;colon -- kommentar /* block */",
    "åäö ÅÄÖ é ü ß",
    "emoji 🌍🏘️🌲 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "rad ett\nrad två\r\ntab\there",
    "back\\slash %s %(x)s {0} ?",
    "   leading and trailing spaces   ",
    'json "}{" [] \\u0000-like',
]
LONG = ("Motivering: " + "ÖP-förslaget bidrar till målet; " * 400)[:10000]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_every_link_column(empty_store, text):
    store = empty_store
    cat_id = "cat_x"
    store.save_catalogue(
        Catalogue(id=cat_id, name=text, issuer=text, level="regional", version=text, source=text, description=text),
        [Goal(f"{cat_id}:{text}", cat_id, text, None, text, text, text, kind=text)],
    )
    uid = "uid " + text
    store.register_layer(RegisteredLayer(uid, text, text, "ogr", 'key "field" with spaces ' + text, text, text))
    goal = f"{cat_id}:{text}"
    store.link(uid, [text, "plain"], [goal], LinkSpec(motivation=text), text)
    links = store.links_for_keys(uid, [text])
    assert len(links) == 1
    link = links[0]
    assert (link.layer_uid, link.feature_key, link.goal_id, link.motivation, link.created_by) == (
        uid,
        text,
        goal,
        text,
        text,
    )
    assert store.catalogue(cat_id).name == text and store.catalogue(cat_id).description == text
    assert store.goals(cat_id)[0].title_sv == text and store.goals(cat_id)[0].code == text
    layer = store.layer(uid)
    assert (layer.name, layer.source, layer.key_field) == (text, text, 'key "field" with spaces ' + text)
    assert store.keys_for_goal(goal) == {uid: sorted([text, "plain"])}
    history = store.history(layer_uid=uid)
    assert {h["feature_key"] for h in history} == {text, "plain"}
    assert history[0]["after"]["motivation"] == text
    assert store.unlink(uid, [text], [goal], text).deleted == 1
    assert store.linked_keys(uid) == {"plain"}


def test_ten_thousand_character_motivation(store):
    store.link("layer-1", ["a"], ["test:1"], LinkSpec(motivation=LONG), "anna")
    assert len(LONG) == 10000
    assert store.links()[0].motivation == LONG
    changed = store.update_link("layer-1", "a", "test:1", "bo", motivation=LONG[::-1])
    assert changed.motivation == LONG[::-1]
    assert store.history(limit=1)[0]["before"]["motivation"] == LONG
