"""Algorithms of the toolbox group "Links"."""
