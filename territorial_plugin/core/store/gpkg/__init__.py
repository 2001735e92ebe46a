"""The GeoPackage engine of the link store (Python's ``sqlite3``)."""
