"""Algorithms of the toolbox group "Store administration"."""
