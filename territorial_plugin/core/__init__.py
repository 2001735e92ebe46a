"""Domain layer: catalogues, links, identity, coverage, export. No widgets; runs headless."""
