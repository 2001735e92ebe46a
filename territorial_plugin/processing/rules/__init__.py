"""Toolbox group "Linking rules": import, export and apply linking rules."""
