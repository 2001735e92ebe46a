"""The PostgreSQL engine of the link store: shared by municipalities and the region."""
