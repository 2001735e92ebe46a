"""The goal atlas: data, layers, pages, furniture, chart and the page-by-page printer."""
