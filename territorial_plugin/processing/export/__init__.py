"""Algorithms of the toolbox group "Export"."""
