<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
        <name>@default</name>
        <message>
            <location filename="../territorial_plugin/core/store/__init__.py" line="22" />
            <source>No link store given. Choose a GeoPackage file or a PostgreSQL connection.</source>
            <translation>Ingen kopplingsdatabas angiven. Välj en GeoPackage-fil eller en PostgreSQL-anslutning.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/provider.py" line="25" />
            <source>Territorial Links</source>
            <translation>Territorial Links</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dock.py" line="21" />
            <source>Select areas on the map to see and edit their goal links.</source>
            <translation>Välj områden i kartan för att se och ändra deras målkopplingar.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/plugin.py" line="46" />
            <source>Show the panel that links selected areas to goals</source>
            <translation>Visa panelen som kopplar valda områden till mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/alg_info.py" line="18" />
            <source>Plugin information</source>
            <translation>Information om insticksprogrammet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/alg_info.py" line="21" />
            <source>Reports the installed version of Territorial Links and the folder it runs from.</source>
            <translation>Visar vilken version av Territorial Links som är installerad och vilken mapp den körs från.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/alg_info.py" line="24" />
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/alg_info.py" line="25" />
            <source>Plugin folder</source>
            <translation>Insticksprogrammets mapp</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/provider.py" line="28" />
            <source>Territorial Links {version}</source>
            <translation>Territorial Links {version}</translation>
        </message>
    </context>
</TS>