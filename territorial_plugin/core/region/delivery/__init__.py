"""A municipality's delivery to the region: its file format, writing it, and importing it into the region's store."""
