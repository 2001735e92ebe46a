"""Registered layers, the store and link tracking of the open QGIS project."""
