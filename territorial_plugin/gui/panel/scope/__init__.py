"""What the panel shows: the links now (editable) or as a saved plan stage froze them (read-only),
of every organisation in the store or of one (``scope.py`` the choice and its texts, ``bar.py`` its widgets)."""
