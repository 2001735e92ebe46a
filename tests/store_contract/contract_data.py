"""What the seeded contract store holds: its two registered layers and its goals."""

LAYER_UID = "layer-1"
OTHER_UID = "layer-2"
GOALS = ("test:1", "test:1.1", "test:2")


def counts_for(store, layer_uid, keys) -> dict[str, int]:
    """How many of ``keys`` are linked to each goal: the counts of the panel's selection read."""
    return {goal: links.count for goal, links in store.goal_stances_for_keys(layer_uid, keys).items()}
