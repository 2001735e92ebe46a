"""What the seeded contract store holds: its two registered layers and its goals."""

LAYER_UID = "layer-1"
OTHER_UID = "layer-2"
GOALS = ("test:1", "test:1.1", "test:2")
