"""Publishing the links: goal atlas (layouts, pages, chart), goal × area tables, export tasks."""
