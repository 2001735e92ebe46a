"""Processing provider ``territorial``: thin adapters over the core services."""
