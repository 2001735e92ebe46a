"""Linking rules: a QGIS expression selecting areas, the goals they serve, and how they are applied."""
