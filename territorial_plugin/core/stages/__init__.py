"""Plan stages: the links and areas of the plan frozen under a name (samråd, granskning, antagande)."""
