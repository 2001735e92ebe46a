"""The web atlas: a self-contained, offline folder with ``index.html`` for the digital ÖP.

``areas.py`` reads and simplifies the land use, ``encode.py`` packs coordinates,
``page.py`` writes the folder (page, script, data as a script, the bundled map
library), ``service.py`` runs the whole export from a link store.
"""
