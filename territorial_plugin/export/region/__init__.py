"""The regional report: organisation × goal tables, blind spots, intermunicipal conflicts; the regional atlas."""
