"""What changed between two plan stages, written for readers: a workbook (XLSX) or goal pages (PDF)."""
