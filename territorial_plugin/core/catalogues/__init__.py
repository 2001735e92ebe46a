"""Goal catalogues: trees, files (CSV, XLSX, JSON), the bundled ones, import and export."""
