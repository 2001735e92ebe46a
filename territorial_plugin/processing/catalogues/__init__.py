"""Algorithms of the toolbox group "Goal catalogues"."""
