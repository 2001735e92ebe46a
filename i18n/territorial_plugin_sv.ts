<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
        <name>@default</name>
        <message>
            <location filename="../territorial_plugin/processing/params.py" line="58" />
            <source>No link store given. Choose a GeoPackage file or a PostgreSQL connection.</source>
            <translation>Ingen kopplingsdatabas angiven. Välj en GeoPackage-fil eller en PostgreSQL-anslutning.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/provider.py" line="50" />
            <source>Territorial Links</source>
            <translation>Territorial Links</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="99" />
            <source>Select areas on the map to see and edit their goal links.</source>
            <translation>Välj områden i kartan för att se och ändra deras målkopplingar.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/plugin.py" line="51" />
            <source>Show the panel that links selected areas to goals</source>
            <translation>Visa panelen som kopplar valda områden till mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/plugin_info.py" line="20" />
            <source>Plugin information</source>
            <translation>Information om insticksprogrammet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/plugin_info.py" line="23" />
            <source>Reports the installed version of Territorial Links and the folder it runs from.</source>
            <translation>Visar vilken version av Territorial Links som är installerad och vilken mapp den körs från.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="66" />
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/plugin_info.py" line="27" />
            <source>Plugin folder</source>
            <translation>Insticksprogrammets mapp</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/provider.py" line="53" />
            <source>Territorial Links {version}</source>
            <translation>Territorial Links {version}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="120" />
            <source>{name}, version {version}</source>
            <translation>{name}, version {version}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="133" />
            <source>Goal atlas – {catalogue}</source>
            <translation>Målatlas – {catalogue}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="132" />
            <source>several catalogues</source>
            <translation>flera kataloger</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/service.py" line="100" />
            <source>Goal atlas – {municipality}</source>
            <translation>Målatlas – {municipality}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/service.py" line="100" />
            <source>Goal atlas</source>
            <translation>Målatlas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="153" />
            <source>Goals: {goals}.</source>
            <translation>Mål: {goals}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="154" />
            <source>Links: Territorial Links for QGIS.</source>
            <translation>Kopplingar: Territorial Links för QGIS.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="194" />
            <source>None of the chosen goals has linked areas in the chosen layers; there is nothing to export.</source>
            <translation>Inget av de valda målen har kopplade områden i de valda lagren; det finns inget att exportera.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="100" />
            <source>The export was cancelled; no file was written.</source>
            <translation>Exporten avbröts; ingen fil skrevs.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="253" />
            <source>Goal atlas layers – {name}</source>
            <translation>Lager för målatlas – {name}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="276" />
            <source>The atlas layer '{name}' could not be added to the project.</source>
            <translation>Atlaslagret '{name}' kunde inte läggas till i projektet.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="256" />
            <source>Linked area per goal (ha)</source>
            <translation>Kopplad areal per mål (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="120" />
            <source>Supports</source>
            <translation>Stödjer</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="121" />
            <source>Conflicts</source>
            <translation>Motverkar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/chart.py" line="140" />
            <source>No linked areas.</source>
            <translation>Inga kopplade områden.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/data.py" line="136" />
            <source>None of the chosen layers is registered in the link store; there is nothing to map.</source>
            <translation>Inget av de valda lagren är registrerat i kopplingsdatabasen; det finns inget att visa på kartan.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/areas.py" line="138" />
            <source>The layer '{layer}' has no key field '{field}'.</source>
            <translation>Lagret '{layer}' saknar nyckelfältet '{field}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/data.py" line="173" />
            <source>The area '{key}' of '{layer}' cannot be shown in the map's coordinate system.</source>
            <translation>Området '{key}' i '{layer}' kan inte visas i kartans koordinatsystem.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="45" />
            <source>Linked areas</source>
            <translation>Kopplade områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/layers.py" line="214" />
            <source>Supports the goal</source>
            <translation>Stödjer målet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/layers.py" line="214" />
            <source>Conflicts with the goal</source>
            <translation>Motverkar målet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/layers.py" line="214" />
            <source>Neutral to the goal</source>
            <translation>Neutral till målet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="139" />
            <source>Goals</source>
            <translation>Mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="122" />
            <source>Neutral</source>
            <translation>Neutral</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/pages.py" line="169" />
            <source>Page {page} of {pages}</source>
            <translation>Sida {page} av {pages}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/pages.py" line="187" />
            <source>{count} goal catalogues · {goals} goals with linked areas</source>
            <translation>{count} målkataloger · {goals} mål med kopplade områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/pages.py" line="191" />
            <source>{catalogue} · {goals} goals with linked areas</source>
            <translation>{catalogue} · {goals} mål med kopplade områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/pages.py" line="236" />
            <source>{n} linked areas · {ha} ha · {supports} support · {conflicts} conflict</source>
            <translation>{n} kopplade områden · {ha} ha · {supports} stödjer · {conflicts} motverkar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/pages.py" line="291" />
            <source>Linked to this goal</source>
            <translation>Kopplat till målet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/table.py" line="44" />
            <source>No areas are linked to this goal.</source>
            <translation>Inga områden är kopplade till målet.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="125" />
            <source>Area</source>
            <translation>Areal</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="71" />
            <source>Name</source>
            <translation>Namn</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="61" />
            <source>Stance</source>
            <translation>Ställningstagande</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="116" />
            <source>Strength</source>
            <translation>Styrka</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="298" />
            <source>Area (ha)</source>
            <translation>Areal (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="74" />
            <source>Motivation</source>
            <translation>Motivering</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/pages.py" line="391" />
            <source>{code} {title} (continued)</source>
            <translation>{code} {title} (forts.)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="51" />
            <source>cell {cell}</source>
            <translation>cell {cell}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="54" />
            <source>goal {number}</source>
            <translation>mål {number}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="56" />
            <source>row {row}</source>
            <translation>rad {row}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="59" />
            <source>key '{key}'</source>
            <translation>nyckel '{key}'</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="61" />
            <source>column '{column}'</source>
            <translation>kolumn '{column}'</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="95" />
            <source>'{value}' cannot be a catalogue id: use letters a–z, digits, '_', '-' or '.', starting with a letter or digit (for example rus_ac_2030).</source>
            <translation>'{value}' kan inte vara ett katalog-id: använd bokstäverna a–z, siffror, '_', '-' eller '.', och börja med en bokstav eller siffra (till exempel rus_ac_2030).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="109" />
            <source>'{value}' is not a catalogue level; use one of {levels}.</source>
            <translation>'{value}' är ingen katalognivå; använd någon av {levels}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="134" />
            <source>the goal has no code.</source>
            <translation>målet saknar kod.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="138" />
            <source>the code '{code}' contains '{char}', which separates goals in goal lists.</source>
            <translation>koden '{code}' innehåller '{char}', som skiljer mål åt i mållistor.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="148" />
            <source>the code '{code}' is already used in row {first}; codes must be unique.</source>
            <translation>koden '{code}' används redan på rad {first}; koder måste vara unika.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="160" />
            <source>the goal '{code}' has no title.</source>
            <translation>målet '{code}' saknar titel.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="166" />
            <source>the parent '{parent}' of goal '{code}' is not a code in this catalogue.</source>
            <translation>det överordnade målet '{parent}' för mål '{code}' finns inte som kod i katalogen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="198" />
            <source>the goal '{code}' is its own parent.</source>
            <translation>målet '{code}' är överordnat sig självt.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tree.py" line="200" />
            <source>the goals {cycle} are their own ancestors (a cycle of parents).</source>
            <translation>målen {cycle} är överordnade sig själva (en cirkel av överordnade mål).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/bundled.py" line="36" />
            <source>'{name}' is not a bundled catalogue; bundled are: {names}.</source>
            <translation>'{name}' är ingen medföljande katalog; de medföljande är: {names}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/bundled.py" line="45" />
            <source>The bundled catalogue file {path} cannot be read: {error}</source>
            <translation>Den medföljande katalogfilen {path} kan inte läsas: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="267" />
            <source>Export to .csv, .xlsx or .json, not {suffix}.</source>
            <translation>Exportera till .csv, .xlsx eller .json, inte {suffix}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/export.py" line="55" />
            <source>The catalogue could not be written to {path}: {error}</source>
            <translation>Katalogen kunde inte skrivas till {path}: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="117" />
            <source>The migration file {path} does not exist.</source>
            <translation>Flyttfilen {path} finns inte.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="127" />
            <source>{file}: the migration file is empty.</source>
            <translation>{file}: flyttfilen är tom.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="132" />
            <source>{file}, row 1: a migration file needs the columns 'old' and 'new' (goal ids).</source>
            <translation>{file}, rad 1: en flyttfil behöver kolumnerna 'old' och 'new' (mål-id).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="147" />
            <source>{file}, row {row}, column '{column}': '{value}' is not a goal id (catalogue:code).</source>
            <translation>{file}, rad {row}, kolumn '{column}': '{value}' är inget mål-id (katalog:kod).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="153" />
            <source>{file}, row {row}, column '{column}': the goal '{value}' is mapped twice.</source>
            <translation>{file}, rad {row}, kolumn '{column}': målet '{value}' förekommer två gånger.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="181" />
            <source>A different catalogue with the id '{id}' is already in the link store. Import a new version under a new id (CATALOGUE_ID), or replace it (REPLACE). Nothing was changed.</source>
            <translation>En annan katalog med id '{id}' finns redan i kopplingsdatabasen. Importera en ny version med ett nytt id (CATALOGUE_ID), eller ersätt den (REPLACE). Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="198" />
            <source>The old goal '{goal}' is not in the link store.</source>
            <translation>Det gamla målet '{goal}' finns inte i kopplingsdatabasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="200" />
            <source>The new goal '{goal}' is neither in the imported catalogue nor in the link store.</source>
            <translation>Det nya målet '{goal}' finns varken i den importerade katalogen eller i kopplingsdatabasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="291" />
            <source>A migration mapping can only be used when importing one catalogue.</source>
            <translation>En flyttfil kan bara användas när en enda katalog importeras.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="230" />
            <source>The link store {path} does not exist, so there are no links to migrate.</source>
            <translation>Kopplingsdatabasen {path} finns inte, så det finns inga kopplingar att flytta.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="302" />
            <source>Importing {id}: {count} goals</source>
            <translation>Importerar {id}: {count} mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="309" />
            <source>Moving links to the new goals</source>
            <translation>Flyttar kopplingar till de nya målen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="341" />
            <source>No catalogue given: choose a file or a bundled catalogue.</source>
            <translation>Ingen katalog angiven: välj en fil eller en medföljande katalog.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="344" />
            <source>A bundled catalogue keeps its own id, name and columns; leave those options empty.</source>
            <translation>En medföljande katalog behåller sitt eget id, namn och sina kolumner; lämna de alternativen tomma.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/importer.py" line="362" />
            <source>'{source}' is neither a catalogue file nor a bundled catalogue ({names}, or all).</source>
            <translation>'{source}' är varken en katalogfil eller en medföljande katalog ({names}, eller all).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="86" />
            <source>'{part}' is not a column mapping; write field=header with a field among {fields}.</source>
            <translation>'{part}' är ingen kolumnkoppling; skriv fält=rubrik med ett fält bland {fields}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="132" />
            <source>… and {count} more problems.</source>
            <translation>… och {count} problem till.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="134" />
            <source>{file} was not imported (1 problem); nothing was changed:</source>
            <translation>{file} importerades inte (1 problem); ingenting ändrades:</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="138" />
            <source>{file} was not imported ({count} problems); nothing was changed:</source>
            <translation>{file} importerades inte ({count} problem); ingenting ändrades:</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="152" />
            <source>the column name '{name}' appears twice (also column {first}).</source>
            <translation>kolumnnamnet '{name}' förekommer två gånger (även kolumn {first}).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="168" />
            <source>the column '{header}' chosen for {field} is not in the file (columns: {headers}).</source>
            <translation>kolumnen '{header}' som valts för {field} finns inte i filen (kolumner: {headers}).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="188" />
            <source>no column for the goal code; name one 'code' or 'kod', or choose it in the column mapping.</source>
            <translation>ingen kolumn för målets kod; döp en kolumn till 'kod' eller 'code', eller välj den bland kolumnerna.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="195" />
            <source>no column for the goal title; name one 'title_sv', 'titel' or 'title_en', or map it.</source>
            <translation>ingen kolumn för målets titel; döp en kolumn till 'titel', 'title_sv' eller 'title_en', eller välj den bland kolumnerna.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="204" />
            <source>the column '{header}' is not used.</source>
            <translation>kolumnen '{header}' används inte.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="219" />
            <source>the value is true/false, not text or a number.</source>
            <translation>värdet är sant/falskt, inte text eller ett tal.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="226" />
            <source>the cell holds a date or time ({value}); the spreadsheet may have turned a code such as 1.2 into a date. Format the column as text and type the value again.</source>
            <translation>cellen innehåller ett datum eller en tid ({value}); kalkylprogrammet kan ha gjort om en kod som 1.2 till ett datum. Formatera kolumnen som text och skriv in värdet igen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="241" />
            <source>the value {value} is a decimal number; codes such as 1.10 and 1.1 would be the same number. Format the column as text.</source>
            <translation>värdet {value} är ett decimaltal; koder som 1.10 och 1.1 skulle bli samma tal. Formatera kolumnen som text.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="303" />
            <source>the order '{value}' is not a whole number.</source>
            <translation>ordningen '{value}' är inget heltal.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="256" />
            <source>the value is a list or an object, not text.</source>
            <translation>värdet är en lista eller ett objekt, inte text.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="288" />
            <source>the row is empty; remove it.</source>
            <translation>raden är tom; ta bort den.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="355" />
            <source>The catalogue file {path} does not exist.</source>
            <translation>Katalogfilen {path} finns inte.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="368" />
            <source>the file is empty.</source>
            <translation>filen är tom.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/reader.py" line="377" />
            <source>the file has a header but no goals.</source>
            <translation>filen har en rubrikrad men inga mål.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="75" />
            <source>{file}: the old Excel format .xls cannot be read; save the workbook as .xlsx.</source>
            <translation>{file}: det gamla Excelformatet .xls kan inte läsas; spara arbetsboken som .xlsx.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="78" />
            <source>{file}: unknown file type; use a .csv, .xlsx or .json file.</source>
            <translation>{file}: okänd filtyp; använd en .csv-, .xlsx- eller .json-fil.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="87" />
            <source>{file} cannot be read: {error}</source>
            <translation>{file} kan inte läsas: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="109" />
            <source>this is an Excel workbook, not a text file; give it the ending .xlsx.</source>
            <translation>det här är en Excelarbetsbok, inte en textfil; ge den filändelsen .xlsx.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="127" />
            <source>the file is not a text file (it holds NUL bytes).</source>
            <translation>filen är ingen textfil (den innehåller NUL-byte).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="145" />
            <source>the text cannot be read as UTF-8 or Windows-1252 (byte {offset}, line {line}); save the file as UTF-8.</source>
            <translation>texten kan inte läsas som UTF-8 eller Windows-1252 (byte {offset}, rad {line}); spara filen som UTF-8.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="167" />
            <source>the CSV text is broken: {error}</source>
            <translation>CSV-texten är trasig: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="177" />
            <source>the row has {count} values but the header has {width} columns (a delimiter inside a value that is not in quotes?).</source>
            <translation>raden har {count} värden men rubrikraden har {width} kolumner (ett avgränsningstecken i ett värde utan citattecken?).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="213" />
            <source>the JSON file has no list of goals; see the catalogue file format in the help.</source>
            <translation>JSON-filen har ingen lista med mål; se katalogfilens format i hjälpen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="224" />
            <source>the goal is not a JSON object with keys such as code and title_sv.</source>
            <translation>målet är inget JSON-objekt med nycklar som code och title_sv.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="244" />
            <source>the file cannot be opened as an Excel workbook: {error}</source>
            <translation>filen kan inte öppnas som en Excelarbetsbok: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="260" />
            <source>merged cells; unmerge them and fill in every cell.</source>
            <translation>sammanfogade celler; dela upp dem och fyll i varje cell.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="271" />
            <source>the cell holds a formula ({formula}); copy the column and paste values only.</source>
            <translation>cellen innehåller en formel ({formula}); kopiera kolumnen och klistra in endast värden.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="45" />
            <source>Summary per goal</source>
            <translation>Sammanställning per mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="46" />
            <source>Goal × area matrix</source>
            <translation>Mål × område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="47" />
            <source>All links</source>
            <translation>Alla kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="49" />
            <source>Areas without goals</source>
            <translation>Områden utan mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="50" />
            <source>Goals without areas</source>
            <translation>Mål utan områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="107" />
            <source>Layer</source>
            <translation>Lager</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="108" />
            <source>Area id</source>
            <translation>Område-id</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="111" />
            <source>Goal id</source>
            <translation>Mål-id</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="33" />
            <source>Code</source>
            <translation>Kod</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="125" />
            <source>Goal</source>
            <translation>Mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="134" />
            <source>Catalogue</source>
            <translation>Katalog</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="85" />
            <source>Number of areas</source>
            <translation>Antal områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="298" />
            <source>Area supporting (ha)</source>
            <translation>Areal som stödjer (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="298" />
            <source>Area in conflict (ha)</source>
            <translation>Areal som motverkar (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="125" />
            <source>Changed by</source>
            <translation>Ändrad av</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="126" />
            <source>Changed</source>
            <translation>Ändrad</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="257" />
            <source>ha</source>
            <translation>ha</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/service.py" line="69" />
            <source>None of the chosen layers is registered in the link store; there is nothing to export.</source>
            <translation>Inget av de valda lagren är registrerat i kopplingsdatabasen; det finns inget att exportera.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/service.py" line="89" />
            <source>The catalogue '{id}' is not in the link store.</source>
            <translation>Katalogen '{id}' finns inte i kopplingsdatabasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/service.py" line="94" />
            <source>Unknown goals: {ids}.</source>
            <translation>Okända mål: {ids}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/task.py" line="62" />
            <source>The export failed: {error}</source>
            <translation>Exporten misslyckades: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/task.py" line="150" />
            <source>Exporting goal atlas</source>
            <translation>Exporterar målatlas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/task.py" line="185" />
            <source>Exporting goal tables</source>
            <translation>Exporterar måltabeller</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/expressions.py" line="157" />
            <source>&lt;h3&gt;tl_goal_codes([catalogue])&lt;/h3&gt;Codes of the goals the feature is linked to, separated by commas, e.g. '11, 11.3, 15'. With a catalogue id (agenda2030, miljomal, nrs2030, …) only the goals of that catalogue. NULL when the layer is not registered in the project's link store.&lt;h4&gt;Example&lt;/h4&gt;&lt;code&gt;tl_goal_codes('agenda2030')&lt;/code&gt; → '11, 11.3'</source>
            <translation>&lt;h3&gt;tl_goal_codes([katalog])&lt;/h3&gt;Numren på de mål som objektet är kopplat till, åtskilda med kommatecken, t.ex. '11, 11.3, 15'. Med ett katalog-id (agenda2030, miljomal, nrs2030, …) bara målen i den katalogen. NULL när lagret inte är registrerat i projektets kopplingsdatabas.&lt;h4&gt;Exempel&lt;/h4&gt;&lt;code&gt;tl_goal_codes('agenda2030')&lt;/code&gt; → '11, 11.3'</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/expressions.py" line="193" />
            <source>&lt;h3&gt;tl_goal_stance(goal_id)&lt;/h3&gt;The stance of the feature's link to a goal: 'supports', 'conflicts' or 'neutral'; NULL when the feature is not linked to it. For rule-based styles that draw conflicts apart.&lt;h4&gt;Example&lt;/h4&gt;&lt;code&gt;tl_goal_stance('agenda2030:11') = 'conflicts'&lt;/code&gt;</source>
            <translation>&lt;h3&gt;tl_goal_stance(mål_id)&lt;/h3&gt;Ställningstagandet i objektets koppling till ett mål: 'supports' (stödjer), 'conflicts' (motverkar) eller 'neutral'; NULL när objektet inte är kopplat till målet. För regelbaserade stilar som visar konflikter för sig.&lt;h4&gt;Exempel&lt;/h4&gt;&lt;code&gt;tl_goal_stance('agenda2030:11') = 'conflicts'&lt;/code&gt;</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="103" />
            <source>declare the primary key field ({fields}) instead of the feature id</source>
            <translation>ange primärnyckelfältet ({fields}) i stället för objekt-id:t</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="103" />
            <source>the feature id of this source is not a stored field</source>
            <translation>objekt-id:t i den här datakällan är inget lagrat fält</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="113" />
            <source>the feature id of this source changes when features are deleted or the file is saved again</source>
            <translation>objekt-id:t i den här datakällan ändras när objekt tas bort eller filen sparas på nytt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="111" />
            <source>there is no such field</source>
            <translation>det finns inget sådant fält</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="156" />
            <source>decimal numbers make poor keys</source>
            <translation>decimaltal fungerar dåligt som nycklar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="163" />
            <source>{n} values repeat</source>
            <translation>{n} värden upprepas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="165" />
            <source>{n} features have no value</source>
            <translation>{n} objekt saknar värde</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="187" />
            <source>Layer '{layer}' has no key field. Choose a field with unique values or add a tl_uuid field.</source>
            <translation>Lagret '{layer}' har inget nyckelfält. Välj ett fält med unika värden eller lägg till ett tl_uuid-fält.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="194" />
            <source>'{field}' cannot be the key of layer '{layer}': {reason}.</source>
            <translation>'{field}' kan inte vara nyckel i lagret '{layer}': {reason}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="201" />
            <source>'{field}' cannot be the key of layer '{layer}': {dup} values repeat and {nulls} features have no value. Fix the data or add a tl_uuid field.</source>
            <translation>'{field}' kan inte vara nyckel i lagret '{layer}': {dup} värden upprepas och {nulls} objekt saknar värde. Rätta data eller lägg till ett tl_uuid-fält.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="219" />
            <source>Layer '{layer}' cannot get a new field (its format is read-only). Save it as a GeoPackage first.</source>
            <translation>Lagret '{layer}' kan inte få något nytt fält (formatet är skrivskyddat). Spara det först som GeoPackage.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="225" />
            <source>Could not add the field tl_uuid to layer '{layer}'.</source>
            <translation>Det gick inte att lägga till fältet tl_uuid i lagret '{layer}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="235" />
            <source>Could not fill the field tl_uuid of layer '{layer}'.</source>
            <translation>Det gick inte att fylla i fältet tl_uuid i lagret '{layer}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="315" />
            <source>Layer '{layer}' is registered with the key '{old}' and has links; they cannot move to the key '{new}'. Keep '{old}'.</source>
            <translation>Lagret '{layer}' är registrerat med nyckeln '{old}' och har kopplingar; de kan inte flyttas till nyckeln '{new}'. Behåll '{old}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="332" />
            <source>Layer '{layer}' is not registered in the link store. Choose its key field first.</source>
            <translation>Lagret '{layer}' är inte registrerat i kopplingsdatabasen. Välj först dess nyckelfält.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/identity.py" line="338" />
            <source>Layer '{layer}' has lost its key field '{field}'. Restore the field or repair the layer.</source>
            <translation>Lagret '{layer}' har förlorat sitt nyckelfält '{field}'. Återställ fältet eller reparera lagret.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="62" />
            <source>Layer '{layer}' was not found: {reason}. Its {n} linked features are kept.</source>
            <translation>Lagret '{layer}' hittades inte: {reason}. Dess {n} kopplade objekt finns kvar.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="69" />
            <source>Layer '{layer}' has no field '{field}' any more.</source>
            <translation>Lagret '{layer}' har inte längre något fält '{field}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="73" />
            <source>Layer '{layer}': {n} linked keys are no longer in the layer: {keys}</source>
            <translation>Lagret '{layer}': {n} kopplade nycklar finns inte längre i lagret: {keys}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="79" />
            <source>Layer '{layer}': {n} key values appear more than once: {keys}</source>
            <translation>Lagret '{layer}': {n} nyckelvärden förekommer mer än en gång: {keys}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="85" />
            <source>Layer '{layer}': {n} features have no key value and cannot be linked.</source>
            <translation>Lagret '{layer}': {n} objekt saknar nyckelvärde och kan inte kopplas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="130" />
            <source> … and {n} more</source>
            <translation> … och {n} till</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="156" />
            <source>the data source cannot be read ({source})</source>
            <translation>datakällan går inte att läsa ({source})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="210" />
            <source>Layer '{layer}' was re-attached to the registered layer '{old}' by its key '{field}' ({n} linked keys found). Its source is now {source}.</source>
            <translation>Lagret '{layer}' knöts på nytt till det registrerade lagret '{old}' via nyckeln '{field}' ({n} kopplade nycklar hittades). Dess datakälla är nu {source}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="270" />
            <source>not among the layers given</source>
            <translation>inte bland de angivna lagren</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/layout_writer.py" line="128" />
            <source>Unknown export format '{fmt}'. Use pdf, png or svg.</source>
            <translation>Okänt exportformat '{fmt}'. Använd pdf, png eller svg.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/layout_writer.py" line="152" />
            <source>QGIS could not write the PDF {path}: {error}</source>
            <translation>QGIS kunde inte skriva PDF-filen {path}: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/layout_writer.py" line="181" />
            <source>QGIS could not write the image {path}.</source>
            <translation>QGIS kunde inte skriva bilden {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/layout_writer.py" line="231" />
            <source>QGIS could not write the SVG {path}.</source>
            <translation>QGIS kunde inte skriva SVG-filen {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/templates.py" line="81" />
            <source>Layout template '{value}' not found. Give one of {names} or the path of a .qpt file.</source>
            <translation>Layoutmallen '{value}' hittades inte. Ange en av {names} eller sökvägen till en .qpt-fil.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/templates.py" line="106" />
            <source>The layout template {path} is not valid XML.</source>
            <translation>Layoutmallen {path} är inte giltig XML.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/templates.py" line="109" />
            <source>The layout template {path} needs two pages: an overview page and a goal page.</source>
            <translation>Layoutmallen {path} behöver två sidor: en översiktssida och en målsida.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/templates.py" line="115" />
            <source>The layout template {path} has no map with the item id 'tl_map' on its goal page.</source>
            <translation>Layoutmallen {path} har ingen karta med objekt-id 'tl_map' på målsidan.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/link_tracking.py" line="184" />
            <source>Links were not copied to new features of '{layer}': {error}</source>
            <translation>Kopplingarna kopierades inte till de nya objekten i '{layer}': {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/link_tracking.py" line="193" />
            <source>Copied {n} links to split or pasted features of '{layer}'.</source>
            <translation>Kopierade {n} kopplingar till delade eller inklistrade objekt i '{layer}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/evaluate.py" line="164" />
            <source>Layer '{layer}' has no field '{field}'.</source>
            <translation>Lagret '{layer}' har inget fält '{field}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/links.py" line="74" />
            <source>The expression '{expression}' is not valid: {error}</source>
            <translation>Uttrycket '{expression}' är ogiltigt: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/links.py" line="96" />
            <source>{n} of the chosen features of '{layer}' have no value in the key field '{field}'. Give them a value (or add a tl_uuid field) before linking.</source>
            <translation>{n} av de valda objekten i '{layer}' saknar värde i nyckelfältet '{field}'. Ge dem ett värde (eller lägg till ett tl_uuid-fält) innan du kopplar.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/rules.py" line="67" />
            <source>These goals are not in the link store: {goals}. Import their catalogue first.</source>
            <translation>De här målen finns inte i kopplingsdatabasen: {goals}. Importera deras katalog först.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/project/layers.py" line="75" />
            <source>the data source of '{layer}' cannot be read ({source})</source>
            <translation>datakällan för '{layer}' går inte att läsa ({source})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/project/layers.py" line="85" />
            <source>'{layer}' is not in this project</source>
            <translation>'{layer}' finns inte i det här projektet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="19" />
            <source>'{stance}' is not a stance. Use supports, conflicts or neutral.</source>
            <translation>'{stance}' är inget ställningstagande. Använd supports (stödjer), conflicts (motverkar) eller neutral.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="23" />
            <source>Strength must be a whole number from {low} to {high}, not '{value}'.</source>
            <translation>Styrkan ska vara ett heltal från {low} till {high}, inte '{value}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="33" />
            <source>A feature has no key value; it cannot be linked. Check the layer's key field.</source>
            <translation>Ett objekt saknar nyckelvärde och kan inte kopplas. Kontrollera lagrets nyckelfält.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="36" />
            <source>A feature has an empty key value; it cannot be linked. Check the layer's key field.</source>
            <translation>Ett objekt har ett tomt nyckelvärde och kan inte kopplas. Kontrollera lagrets nyckelfält.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="43" />
            <source>'{id}' cannot be a catalogue id: use letters, digits and _ without ':' or spaces.</source>
            <translation>'{id}' kan inte vara ett katalog-id: använd bokstäver, siffror och _ utan ':' eller mellanslag.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="49" />
            <source>'{level}' is not a level. Use global, eu, national, regional or municipal.</source>
            <translation>'{level}' är ingen nivå. Använd global, eu, national, regional eller municipal.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="58" />
            <source>Goal '{goal}' does not belong to catalogue '{id}' (its id must be '{id}:&lt;code&gt;').</source>
            <translation>Målet '{goal}' hör inte till katalogen '{id}' (dess id måste vara '{id}:&lt;nummer&gt;').</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="64" />
            <source>The code '{code}' appears twice in catalogue '{id}'.</source>
            <translation>Numret '{code}' förekommer två gånger i katalogen '{id}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="74" />
            <source>Goal '{goal}' has the parent '{parent}', which is not in the catalogue.</source>
            <translation>Målet '{goal}' har det överordnade målet '{parent}', som inte finns i katalogen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/checks.py" line="80" />
            <source>The goals of catalogue '{id}' form a cycle at '{goal}'.</source>
            <translation>Målen i katalogen '{id}' bildar en cirkel vid '{goal}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="69" />
            <source>A link store file must end in .gpkg: {path}</source>
            <translation>En kopplingsdatabasfil måste sluta på .gpkg: {path}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="71" />
            <source>The link store {path} does not exist. Create it first (Create link store).</source>
            <translation>Kopplingsdatabasen {path} finns inte. Skapa den först (Skapa kopplingsdatabas).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="79" />
            <source>Cannot open the link store {path}: {reason}</source>
            <translation>Det går inte att öppna kopplingsdatabasen {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="86" />
            <source>{path} is not a usable GeoPackage link store: {reason}</source>
            <translation>{path} går inte att använda som kopplingsdatabas i GeoPackage: {reason}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="98" />
            <source>The link store {path} was written by a newer version of Territorial Links (schema {found}, this version knows {known}). Update the plugin.</source>
            <translation>Kopplingsdatabasen {path} har skrivits av en nyare version av Territorial Links (schema {found}, den här versionen känner till {known}). Uppdatera insticksprogrammet.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="105" />
            <source>{path} is not a Territorial Links store. Create a store in it first.</source>
            <translation>{path} är ingen kopplingsdatabas för Territorial Links. Skapa en kopplingsdatabas i filen först.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="142" />
            <source>The link store {path} is closed.</source>
            <translation>Kopplingsdatabasen {path} är stängd.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="181" />
            <source>The link store {path} is busy: someone else is writing to it. Nothing was changed; try again in a moment.</source>
            <translation>Kopplingsdatabasen {path} är upptagen: någon annan skriver till den. Ingenting ändrades; försök igen om en stund.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="188" />
            <source>The link store refused the change ({reason}). Nothing was changed.</source>
            <translation>Kopplingsdatabasen tog inte emot ändringen ({reason}). Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/store.py" line="191" />
            <source>The link store {path} could not be written: {reason}. Nothing was changed.</source>
            <translation>Det gick inte att skriva till kopplingsdatabasen {path}: {reason}. Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/catalogue.py" line="58" />
            <source>There is no catalogue '{id}' in the link store.</source>
            <translation>Det finns ingen katalog '{id}' i kopplingsdatabasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/store.py" line="146" />
            <source>A layer needs a layer id and a key field to be registered.</source>
            <translation>Ett lager behöver ett lager-id och ett nyckelfält för att kunna registreras.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/catalogue.py" line="150" />
            <source>A catalogue with id '{id}' is already in the link store. Import a new version under a new id, or replace it.</source>
            <translation>Det finns redan en katalog med id '{id}' i kopplingsdatabasen. Importera en ny version med ett nytt id, eller ersätt katalogen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/catalogue.py" line="176" />
            <source>The new version of '{id}' leaves out goals that still have links: {goals}. Move or remove those links first.</source>
            <translation>Den nya versionen av '{id}' saknar mål som fortfarande har kopplingar: {goals}. Flytta eller ta bort de kopplingarna först.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/catalogue.py" line="64" />
            <source>The catalogue '{id}' has {n} links. Delete them too, or move them to another version first.</source>
            <translation>Katalogen '{id}' har {n} kopplingar. Ta bort dem också, eller flytta dem först till en annan version.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/catalogue.py" line="100" />
            <source>A goal cannot be both moved and a target of the same migration.</source>
            <translation>Ett mål kan inte både flyttas och vara mål för flytten i samma migrering.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/catalogue.py" line="109" />
            <source>These target goals are not in the link store: {goals}.</source>
            <translation>De här målen att flytta till finns inte i kopplingsdatabasen: {goals}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/links.py" line="107" />
            <source>The layer '{uid}' is not registered in this link store. Register it (choose its key) first.</source>
            <translation>Lagret '{uid}' är inte registrerat i den här kopplingsdatabasen. Registrera det först (välj dess nyckel).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/links.py" line="82" />
            <source>Feature '{key}' is not linked to goal {goal}; nothing to change.</source>
            <translation>Objektet '{key}' är inte kopplat till mål {goal}; det finns inget att ändra.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/gpkg/links.py" line="229" />
            <source>Someone else changed the link of feature '{key}' to goal {goal} after you loaded it. Reload and try again.</source>
            <translation>Någon annan har ändrat kopplingen mellan objektet '{key}' och mål {goal} sedan du läste in den. Läs in på nytt och försök igen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/links.py" line="119" />
            <source>A link of layer '{other}' cannot be written to layer '{uid}'.</source>
            <translation>En koppling i lagret '{other}' kan inte skrivas till lagret '{uid}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/store.py" line="85" />
            <source>The link store '{name}' has version {version}; this plugin needs version {latest}. Ask the store administrator to upgrade it with territorial:createstore.</source>
            <translation>Kopplingsdatabasen '{name}' har version {version}; insticksprogrammet behöver version {latest}. Be databasadministratören uppgradera det med territorial:createstore.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/store.py" line="92" />
            <source>The link store '{name}' was made by a newer version of Territorial Links (store version {version}). Update the plugin.</source>
            <translation>Kopplingsdatabasen '{name}' har skapats av en nyare version av Territorial Links (databasversion {version}). Uppdatera insticksprogrammet.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/links.py" line="87" />
            <source>The link of feature '{key}' to goal {goal} was changed by {who} at {when} while you were editing it. Your change was not saved; reload the links, check them and make your change again.</source>
            <translation>Kopplingen från objektet '{key}' till mål {goal} ändrades av {who} {when} medan du redigerade den. Din ändring sparades inte; läs in kopplingarna på nytt, granska dem och gör din ändring igen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/links.py" line="313" />
            <source>Layer '{layer}' is not registered in the link store; register it first.</source>
            <translation>Lagret '{layer}' är inte registrerat i kopplingsdatabasen; registrera det först.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/links.py" line="320" />
            <source>Unknown goal(s): {goals}. Import or enable their catalogue first.</source>
            <translation>Okända mål: {goals}. Importera eller aktivera deras katalog först.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/rows.py" line="86" />
            <source>These links belong to the organisation '{organisation}'. You can change only your own organisation's links; nothing was changed.</source>
            <translation>Kopplingarna tillhör organisationen '{organisation}'. Du kan bara ändra din egen organisations kopplingar; ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/admin.py" line="46" />
            <source>An organisation is a municipality or a region, not '{kind}'.</source>
            <translation>En organisation är en kommun eller en region, inte '{kind}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/admin.py" line="49" />
            <source>'{id}' cannot be an organisation id: use lower-case letters a–z, digits and _.</source>
            <translation>'{id}' kan inte vara ett organisations-id: använd små bokstäver a–z, siffror och _.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/admin.py" line="72" />
            <source>There is no organisation '{id}' in the store.</source>
            <translation>Det finns ingen organisation '{id}' i kopplingsdatabasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/connection.py" line="49" />
            <source>The PostgreSQL store needs the Python module psycopg2, which is not installed. On Debian/Ubuntu install the package python3-psycopg2; QGIS for Windows includes it.</source>
            <translation>PostgreSQL-kopplingsdatabasen behöver Python-modulen psycopg2, som inte är installerad. På Debian/Ubuntu installerar du paketet python3-psycopg2; QGIS för Windows har den med.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/connection.py" line="75" />
            <source>'{schema}' cannot be used as a store schema name: use lower-case letters, digits and _ (at most 40), starting with a letter.</source>
            <translation>'{schema}' kan inte användas som schemanamn för en kopplingsdatabas: använd små bokstäver, siffror och _ (högst 40) och börja med en bokstav.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/connection.py" line="92" />
            <source>No PostgreSQL connection given: write postgres:&lt;name of a QGIS connection&gt;.</source>
            <translation>Ingen PostgreSQL-anslutning angiven: skriv postgres:&lt;namnet på en QGIS-anslutning&gt;.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/connection.py" line="105" />
            <source>The QGIS PostgreSQL provider is not available in this QGIS installation.</source>
            <translation>QGIS PostgreSQL-dataleverantör finns inte i den här QGIS-installationen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/connection.py" line="111" />
            <source>There is no PostgreSQL connection named '{name}' in QGIS. Create it in the Browser panel (PostgreSQL → New Connection) or write postgres:service=&lt;service name&gt;.</source>
            <translation>Det finns ingen PostgreSQL-anslutning med namnet '{name}' i QGIS. Skapa den i webbläsarpanelen (PostgreSQL → Ny anslutning) eller skriv postgres:service=&lt;tjänstnamn&gt;.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/connection.py" line="155" />
            <source>The authentication configuration of the PostgreSQL connection '{name}' could not be read. Check it in QGIS (Settings → Options → Authentication).</source>
            <translation>Autentiseringskonfigurationen för PostgreSQL-anslutningen '{name}' kunde inte läsas. Kontrollera den i QGIS (Inställningar → Alternativ → Autentisering).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/connection.py" line="182" />
            <source>Could not connect to the PostgreSQL store '{name}': {detail}</source>
            <translation>Kunde inte ansluta till PostgreSQL-kopplingsdatabasen '{name}': {detail}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/errors.py" line="18" />
            <source>Other users were changing the same links at the same moment; nothing was saved. Try again.</source>
            <translation>Andra användare ändrade samma kopplingar i samma ögonblick; ingenting sparades. Försök igen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/errors.py" line="22" />
            <source>This would create a duplicate ({constraint}); nothing was saved.</source>
            <translation>Det här skulle skapa en dubblett ({constraint}); ingenting sparades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/errors.py" line="26" />
            <source>This refers to a goal or layer that is not in the store, or removes one still in use ({constraint}); nothing was saved.</source>
            <translation>Det här hänvisar till ett mål eller lager som inte finns i kopplingsdatabasen, eller tar bort ett som fortfarande används ({constraint}); ingenting sparades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/errors.py" line="31" />
            <source>A value breaks a rule of the link store ({constraint}); nothing was saved.</source>
            <translation>Ett värde bryter mot en regel i kopplingsdatabasen ({constraint}); ingenting sparades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/errors.py" line="37" />
            <source>Your database role may not make this change in the link store '{store}' (an organisation changes only its own links; catalogues are managed by the region or the store administrator). Nothing was saved.</source>
            <translation>Din databasroll får inte göra den här ändringen i kopplingsdatabasen '{store}' (en organisation ändrar bara sina egna kopplingar; kataloger förvaltas av regionen eller databasadministratören). Ingenting sparades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/errors.py" line="45" />
            <source>The connection to the PostgreSQL store '{store}' was lost; nothing was saved. Try again.</source>
            <translation>Anslutningen till PostgreSQL-kopplingsdatabasen '{store}' bröts; ingenting sparades. Försök igen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/errors.py" line="51" />
            <source>The PostgreSQL store '{store}' reported an error: {detail}</source>
            <translation>PostgreSQL-kopplingsdatabasen '{store}' rapporterade ett fel: {detail}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/schema.py" line="43" />
            <source>Store migrations are incomplete: version {version} is missing.</source>
            <translation>Kopplingsdatabasens migreringar är ofullständiga: version {version} saknas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/transfer.py" line="69" />
            <source>The source and the target of a store copy must be different stores.</source>
            <translation>Källan och målet för en kopiering måste vara olika kopplingsdatabaser.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/transfer.py" line="73" />
            <source>An organisation can only be assigned when copying into a PostgreSQL store.</source>
            <translation>En organisation kan bara tilldelas vid kopiering till ett PostgreSQL-kopplingsdatabas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/transfer.py" line="117" />
            <source>The target store {store} already holds catalogues, layers or links. Copy into a new, empty store so nothing is mixed or overwritten.</source>
            <translation>Måldatabasen {store} innehåller redan kataloger, lager eller kopplingar. Kopiera till en ny, tom kopplingsdatabas så att ingenting blandas ihop eller skrivs över.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/transfer.py" line="158" />
            <source>Copying into {path} failed; the file was left as it was: {reason}</source>
            <translation>Kopieringen till {path} misslyckades; filen lämnades som den var: {reason}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/transfer.py" line="215" />
            <source>The copy of table {table} holds {found} rows instead of {expected}; nothing was copied.</source>
            <translation>Kopian av tabellen {table} har {found} rader i stället för {expected}; ingenting kopierades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="49" />
            <source>Import a catalogue</source>
            <translation>Importera en katalog</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="62" />
            <source>A file (CSV, XLSX or JSON)</source>
            <translation>En fil (CSV, XLSX eller JSON)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="64" />
            <source>Bundled: {name}</source>
            <translation>Medföljande: {name}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="65" />
            <source>All bundled catalogues</source>
            <translation>Alla medföljande kataloger</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="68" />
            <source>Choose a catalogue file…</source>
            <translation>Välj en katalogfil…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="101" />
            <source>Browse…</source>
            <translation>Bläddra…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="76" />
            <source>from the file name</source>
            <translation>från filnamnet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="83" />
            <source>(from the file, else regional)</source>
            <translation>(från filen, annars regional)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="100" />
            <source>optional: CSV with the columns old and new (goal ids)</source>
            <translation>valfritt: CSV med kolumnerna old och new (mål-id)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="78" />
            <source>Replace a catalogue with the same id</source>
            <translation>Ersätt en katalog med samma id</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="111" />
            <source>Level</source>
            <translation>Nivå</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="118" />
            <source>Source</source>
            <translation>Källa</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="119" />
            <source>File</source>
            <translation>Fil</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="120" />
            <source>Columns</source>
            <translation>Kolumner</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="74" />
            <source>Catalogue id</source>
            <translation>Katalog-id</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="123" />
            <source>Move links from</source>
            <translation>Flytta kopplingar från</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="135" />
            <source>Check again</source>
            <translation>Kontrollera igen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="138" />
            <source>Import</source>
            <translation>Importera</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="147" />
            <source>First rows of the file</source>
            <translation>Filens första rader</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="53" />
            <source>Problems found</source>
            <translation>Problem som hittats</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="160" />
            <source>Catalogue file</source>
            <translation>Katalogfil</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="160" />
            <source>Catalogues (*.csv *.xlsx *.json *.txt)</source>
            <translation>Kataloger (*.csv *.xlsx *.json *.txt)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="167" />
            <source>Migration mapping</source>
            <translation>Flyttfil</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="167" />
            <source>CSV (*.csv *.txt)</source>
            <translation>CSV (*.csv *.txt)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="247" />
            <source>{goals} goals, no problems: ready to import.</source>
            <translation>{goals} mål, inga problem: klart att importera.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="247" />
            <source>{goals} goals in {count} catalogues, no problems: ready to import.</source>
            <translation>{goals} mål i {count} kataloger, inga problem: klart att importera.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="255" />
            <source>1 problem: correct the file and check again. Nothing has been imported.</source>
            <translation>1 problem: rätta filen och kontrollera igen. Ingenting har importerats.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="255" />
            <source>{count} problems: correct the file and check again. Nothing has been imported.</source>
            <translation>{count} problem: rätta filen och kontrollera igen. Ingenting har importerats.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="263" />
            <source>Choose a catalogue file or a bundled catalogue.</source>
            <translation>Välj en katalogfil eller en medföljande katalog.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="341" />
            <source>The import failed; nothing was changed.</source>
            <translation>Importen misslyckades; ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="343" />
            <source>Imported {ids}: {goals} goals.</source>
            <translation>Importerade {ids}: {goals} mål.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="345" />
            <source>Already in the store unchanged: {ids}.</source>
            <translation>Fanns redan oförändrade i databasen: {ids}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="347" />
            <source>Goals that lost their links: {goals}.</source>
            <translation>Mål som förlorat sina kopplingar: {goals}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/base.py" line="16" />
            <source>Goal catalogues</source>
            <translation>Målkataloger</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="68" />
            <source>Catalogues in the link store</source>
            <translation>Kataloger i kopplingsdatabasen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="71" />
            <source>Enabled</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="71" />
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/save_stage.py" line="58" />
            <source>Links</source>
            <translation>Kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="81" />
            <source>Delete…</source>
            <translation>Ta bort…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="107" />
            <source>(example)</source>
            <translation>(exempel)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="144" />
            <source>Select a catalogue in the list first.</source>
            <translation>Välj först en katalog i listan.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="179" />
            <source>Delete catalogue</source>
            <translation>Ta bort katalog</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="162" />
            <source>Delete the catalogue '{id}'? No areas are linked to it.</source>
            <translation>Ta bort katalogen '{id}'? Inga områden är kopplade till den.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/tasks.py" line="38" />
            <source>Counting the linked areas of {layer}</source>
            <translation>Räknar de kopplade områdena i {layer}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="196" />
            <source>Link store: {uri}</source>
            <translation>Kopplingsdatabas: {uri}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="450" />
            <source>All catalogues</source>
            <translation>Alla kataloger</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="316" />
            <source>&lt;b&gt;{layer}&lt;/b&gt;: reading {n} selected areas…</source>
            <translation>&lt;b&gt;{layer}&lt;/b&gt;: läser {n} valda områden…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="346" />
            <source>&lt;b&gt;{layer}&lt;/b&gt; — {n} of {total} areas selected</source>
            <translation>&lt;b&gt;{layer}&lt;/b&gt; — {n} av {total} områden valda</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="427" />
            <source>Tick a goal to link the {n} selected areas to it; untick to remove the links.</source>
            <translation>Kryssa i ett mål för att koppla de {n} valda områdena till det; kryssa ur för att ta bort kopplingarna.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="433" />
            <source>The selected areas have no key value and cannot be linked.</source>
            <translation>De valda områdena saknar nyckelvärde och kan inte kopplas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="435" />
            <source>Select areas on the map (or with an expression) to link them to goals.</source>
            <translation>Välj områden i kartan (eller med ett uttryck) för att koppla dem till mål.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="447" />
            <source>{n} areas of this layer have no goal yet: select them</source>
            <translation>{n} områden i lagret saknar ännu mål: välj dem</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="139" />
            <source>Show the goals of one catalogue or of all</source>
            <translation>Visa målen i en katalog eller i alla</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="131" />
            <source>Search code or words of a goal…</source>
            <translation>Sök nummer eller ord i ett mål…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="132" />
            <source>Type a code (11.3) or words of a title in any order, in Swedish or English; å, ä, ö optional</source>
            <translation>Skriv ett nummer (11.3) eller ord ur en rubrik i valfri ordning, på svenska eller engelska; å, ä, ö behövs inte</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="143" />
            <source>&amp;Linked only</source>
            <translation>Endast &amp;kopplade</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="151" />
            <source>Goals &amp;without areas</source>
            <translation>Mål &amp;utan områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="153" />
            <source>Show only goals that no area of this layer is linked to yet</source>
            <translation>Visa bara mål som inget område i detta lager är kopplat till ännu</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="170" />
            <source>Tick a goal to link the selected areas to it; untick to remove the links. A half-filled box means that some of the selected areas are linked.</source>
            <translation>Kryssa i ett mål för att koppla de valda områdena till det; kryssa ur för att ta bort kopplingarna. En halvfylld ruta betyder att några av de valda områdena är kopplade.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="231" />
            <source>Undo</source>
            <translation>Ångra</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="231" />
            <source>Undo the last link change of the panel (Ctrl+Z)</source>
            <translation>Ångra panelens senaste ändring av kopplingar (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="234" />
            <source>Redo</source>
            <translation>Gör om</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="234" />
            <source>Redo what was undone (Ctrl+Shift+Z)</source>
            <translation>Gör om det som ångrades (Ctrl+Skift+Z)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="377" />
            <source>Undo: {what} (Ctrl+Z)</source>
            <translation>Ångra: {what} (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="380" />
            <source>Redo: {what} (Ctrl+Shift+Z)</source>
            <translation>Gör om: {what} (Ctrl+Skift+Z)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="241" />
            <source>Find areas</source>
            <translation>Hitta områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="241" />
            <source>Select, zoom to and flash the areas linked to the focused goal, in every registered layer (Ctrl+F)</source>
            <translation>Välj, zooma till och blinka de områden som är kopplade till det markerade målet, i alla registrerade lager (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="248" />
            <source>Highlight</source>
            <translation>Visa i kartan</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="248" />
            <source>Show on the map the areas linked to the focused goal: green supports, red conflicts, grey neutral</source>
            <translation>Visa i kartan de områden som är kopplade till det markerade målet: grönt stödjer, rött motverkar, grått neutralt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="256" />
            <source>Edit link…</source>
            <translation>Ändra koppling…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="256" />
            <source>Change stance, strength or motivation of the link between the one selected area and the focused goal</source>
            <translation>Ändra ställningstagande, styrka eller motivering för kopplingen mellan det valda området och det markerade målet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="271" />
            <source>Export…</source>
            <translation>Exportera…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="271" />
            <source>Goal atlas (PDF) and goal × area tables</source>
            <translation>Målatlas (PDF) och tabeller mål × område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="273" />
            <source>Catalogues…</source>
            <translation>Kataloger…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="273" />
            <source>Import, enable or remove goal catalogues</source>
            <translation>Importera, aktivera eller ta bort målkataloger</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="80" />
            <source>Goal atlas – PDF</source>
            <translation>Målatlas – PDF</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="81" />
            <source>Goal atlas – PNG images (one per page)</source>
            <translation>Målatlas – PNG-bilder (en per sida)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="82" />
            <source>Goal atlas – SVG (one per page)</source>
            <translation>Målatlas – SVG (en per sida)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="83" />
            <source>Goal tables – Excel (XLSX)</source>
            <translation>Måltabeller – Excel (XLSX)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="84" />
            <source>Goal tables – CSV files</source>
            <translation>Måltabeller – CSV-filer</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="93" />
            <source>A4 portrait</source>
            <translation>A4 stående</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="94" />
            <source>A4 landscape</source>
            <translation>A4 liggande</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="95" />
            <source>A3 portrait</source>
            <translation>A3 stående</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="96" />
            <source>A3 landscape</source>
            <translation>A3 liggande</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="97" />
            <source>Own template (.qpt)…</source>
            <translation>Egen mall (.qpt)…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="112" />
            <source>Export goal atlas and tables</source>
            <translation>Exportera målatlas och tabeller</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/base.py" line="19" />
            <source>Export</source>
            <translation>Exportera</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="138" />
            <source>Goals with linked areas are ticked. Every ticked goal gets a page.</source>
            <translation>Mål med kopplade områden är förbockade. Varje förbockat mål får en egen sida.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="148" />
            <source>Registered layers show their linked areas; other ticked layers are drawn as background.</source>
            <translation>Registrerade lager visar sina kopplade områden; andra förbockade lager ritas som bakgrund.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="151" />
            <source>Layers</source>
            <translation>Lager</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="161" />
            <source>Layout templates (*.qpt)</source>
            <translation>Layoutmallar (*.qpt)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="164" />
            <source>Layout</source>
            <translation>Layout</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="173" />
            <source>Resolution</source>
            <translation>Upplösning</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="190" />
            <source>Save to</source>
            <translation>Spara till</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="203" />
            <source>Open the layout in the layout designer afterwards</source>
            <translation>Öppna layouten i layouthanteraren efteråt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="219" />
            <source>Cancel export</source>
            <translation>Avbryt export</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="246" />
            <source>{name} ({count} links)</source>
            <translation>{name} ({count} kopplingar)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="263" />
            <source>No goal of this catalogue has linked areas yet.</source>
            <translation>Inget mål i katalogen har kopplade områden ännu.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="272" />
            <source>{name} (background)</source>
            <translation>{name} (bakgrund)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="100" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/coverage_report.py" line="52" />
            <source>Excel (*.xlsx)</source>
            <translation>Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="401" />
            <source>Choose where to save the export.</source>
            <translation>Välj var exporten ska sparas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="407" />
            <source>Tick at least one goal.</source>
            <translation>Bocka för minst ett mål.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="451" />
            <source>Exporting…</source>
            <translation>Exporterar…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="470" />
            <source>Exported to {path}.</source>
            <translation>Exporterat till {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/save_stage.py" line="57" />
            <source>Areas</source>
            <translation>Antal</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="136" />
            <source>Linked areas of this layer</source>
            <translation>Kopplade områden i detta lager</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="139" />
            <source>Linked area of this layer in hectares</source>
            <translation>Kopplad areal i detta lager, i hektar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="173" />
            <source>Example catalogue, not an adopted strategy.</source>
            <translation>Exempelkatalog, ingen antagen strategi.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="335" />
            <source>{n} linked areas, of which {c} conflict with the goal</source>
            <translation>{n} kopplade områden, varav {c} motverkar målet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="344" />
            <source>{n} linked areas</source>
            <translation>{n} kopplade områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/layer_keys.py" line="30" />
            <source>Reading the areas of {layer}</source>
            <translation>Läser områdena i {layer}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="34" />
            <source>Stance: how the planned land use of the area relates to the goal.
Supports: the plan helps reach the goal here.
Conflicts: the plan works against the goal here; the plan description must show how the conflict is weighed.
Neutral: the goal concerns the area, but the plan neither helps nor hinders it.</source>
            <translation>Ställningstagande: hur den planerade markanvändningen i området förhåller sig till målet.
Stödjer: planen bidrar här till att nå målet.
Motverkar: planen går här emot målet; planbeskrivningen ska visa hur konflikten har vägts.
Neutral: målet berör området, men planen varken hjälper eller hindrar det.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="43" />
            <source>Strength: how much the area matters for the goal.
0 = mentioned only, 1 = weak, 2 = clear, 3 = decisive.</source>
            <translation>Styrka: hur mycket området betyder för målet.
0 = nämns bara, 1 = svag, 2 = tydlig, 3 = avgörande.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="59" />
            <source>Motivation: why the area supports or conflicts with the goal. It is printed in the goal atlas and tables.</source>
            <translation>Motivering: varför området stödjer eller motverkar målet. Den skrivs ut i målatlasen och tabellerna.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="109" />
            <source>Motivation (why the areas support or conflict with the goal)</source>
            <translation>Motivering (varför områdena stödjer eller motverkar målet)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="113" />
            <source>&amp;Stance</source>
            <translation>&amp;Ställningstagande</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="116" />
            <source>S&amp;trength</source>
            <translation>St&amp;yrka</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="119" />
            <source>&amp;Motivation</source>
            <translation>&amp;Motivering</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="202" />
            <source>Edit link</source>
            <translation>Ändra koppling</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="206" />
            <source>&lt;b&gt;{feature}&lt;/b&gt; → {goal}</source>
            <translation>&lt;b&gt;{feature}&lt;/b&gt; → {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_details.py" line="88" />
            <source>Last changed by {user} at {when}</source>
            <translation>Senast ändrad av {user} {when}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="79" />
            <source>Select areas on the map first.</source>
            <translation>Välj först områden i kartan.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="89" />
            <source>All {n} selected areas are already linked to {goal}.</source>
            <translation>Alla {n} valda områden är redan kopplade till {goal}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="98" />
            <source>Link {n} areas to {goal}</source>
            <translation>Koppla {n} områden till {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="107" />
            <source>Linked {n} areas to {goal}</source>
            <translation>Kopplade {n} områden till {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="111" />
            <source>({n} were already linked)</source>
            <translation>({n} var redan kopplade)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="114" />
            <source>Unlink {n} areas from {goal}</source>
            <translation>Ta bort kopplingen mellan {n} områden och {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="122" />
            <source>Removed the links of {n} areas to {goal}</source>
            <translation>Tog bort kopplingen mellan {n} områden och {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="281" />
            <source>Click a goal in the list first.</source>
            <translation>Klicka först på ett mål i listan.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="214" />
            <source>Select exactly one area to edit its link; {n} are selected.</source>
            <translation>Välj exakt ett område för att ändra dess koppling; {n} är valda.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="223" />
            <source>The selected area is not linked to {goal}; tick the goal to link it.</source>
            <translation>Det valda området är inte kopplat till {goal}; kryssa i målet för att koppla det.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="240" />
            <source>Edit link of {key}</source>
            <translation>Ändra kopplingen för {key}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="261" />
            <source>Saved the link of {key} to {goal}</source>
            <translation>Kopplingen mellan {key} och {goal} har sparats</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="303" />
            <source>{goal}: {n} areas in {layers} layers selected</source>
            <translation>{goal}: {n} områden i {layers} lager valda</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="311" />
            <source>{goal}: no linked areas in this project</source>
            <translation>{goal}: inga kopplade områden i det här projektet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="320" />
            <source>links also in layers not in this project: {names}</source>
            <translation>kopplingar finns även i lager som inte ingår i projektet: {names}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="324" />
            <source>{n} linked keys no longer exist in their layer</source>
            <translation>{n} kopplade nycklar finns inte längre i sitt lager</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="398" />
            <source>Registered '{layer}' with the key field {field}</source>
            <translation>'{layer}' har registrerats med nyckelfältet {field}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="431" />
            <source>Added catalogues: {names}</source>
            <translation>Tillagda kataloger: {names}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="480" />
            <source>The catalogue manager is not available in this version.</source>
            <translation>Kataloghanteraren finns inte i den här versionen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="501" />
            <source>Open or create a link store first.</source>
            <translation>Öppna eller skapa först en kopplingsdatabas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="498" />
            <source>The export dialog is not available in this version.</source>
            <translation>Exportdialogen finns inte i den här versionen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_store.py" line="19" />
            <source>Create link store</source>
            <translation>Skapa kopplingsdatabas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="52" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="360" />
            <source>Opened link store {path}</source>
            <translation>Kopplingsdatabasen {path} har öppnats</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="360" />
            <source>Created link store {path}</source>
            <translation>Kopplingsdatabasen {path} har skapats</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="367" />
            <source>Open link store</source>
            <translation>Öppna kopplingsdatabas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="33" />
            <source>'{layer}' is not a vector layer. Goals are linked to the areas of a vector layer.</source>
            <translation>'{layer}' är inte ett vektorlager. Mål kopplas till områdena i ett vektorlager.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="37" />
            <source>The data source of '{layer}' cannot be read.</source>
            <translation>Datakällan för '{layer}' kan inte läsas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="39" />
            <source>'{layer}' has no geometries. Choose a layer with areas, lines or points.</source>
            <translation>'{layer}' har inga geometrier. Välj ett lager med ytor, linjer eller punkter.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="115" />
            <source>No link store yet</source>
            <translation>Ingen kopplingsdatabas ännu</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="116" />
            <source>Links between areas and goals are kept in a link store: a GeoPackage file, by default beside the project, that QGIS can also open as tables.</source>
            <translation>Kopplingar mellan områden och mål sparas i en kopplingsdatabas: en GeoPackage-fil, som standard bredvid projektet, som QGIS också kan öppna som tabeller.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="121" />
            <source>Suggested file: {path}</source>
            <translation>Föreslagen fil: {path}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="122" />
            <source>Create link store beside the project</source>
            <translation>Skapa kopplingsdatabas bredvid projektet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="122" />
            <source>Create {path} and remember it in the project</source>
            <translation>Skapa {path} och kom ihåg den i projektet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="127" />
            <source>Create elsewhere…</source>
            <translation>Skapa på annan plats…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="127" />
            <source>Choose where the new GeoPackage goes</source>
            <translation>Välj var den nya GeoPackage-filen ska ligga</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="129" />
            <source>Create link store…</source>
            <translation>Skapa kopplingsdatabas…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="129" />
            <source>Create a new GeoPackage link store</source>
            <translation>Skapa en ny kopplingsdatabas (GeoPackage)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="130" />
            <source>Open existing store…</source>
            <translation>Öppna befintlig databas…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="130" />
            <source>Open a link store somebody already made</source>
            <translation>Öppna en kopplingsdatabas som någon redan har skapat</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="132" />
            <source>No layer chosen</source>
            <translation>Inget lager valt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="133" />
            <source>Choose the land-use layer of the plan in the Layers panel, then select areas on the map.</source>
            <translation>Välj planens markanvändningslager i lagerpanelen och välj sedan områden i kartan.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="135" />
            <source>This layer cannot be linked</source>
            <translation>Det här lagret kan inte kopplas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="136" />
            <source>Choose the land-use layer of the plan in the Layers panel.</source>
            <translation>Välj planens markanvändningslager i lagerpanelen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="138" />
            <source>'{layer}' is not registered</source>
            <translation>'{layer}' är inte registrerat</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="139" />
            <source>Before its areas can be linked, the store must learn how to recognise each area: a key field whose values are unique and never change (for example an area id). Links are kept by that key, so they survive when the file is moved or renumbered.</source>
            <translation>Innan lagrets områden kan kopplas behöver databasen veta hur varje område känns igen: ett nyckelfält vars värden är unika och aldrig ändras (till exempel ett områdes-id). Kopplingarna sparas med den nyckeln, så de finns kvar när filen flyttas eller numreras om.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="144" />
            <source>Register layer…</source>
            <translation>Registrera lager…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="144" />
            <source>Choose the key field and register the layer</source>
            <translation>Välj nyckelfält och registrera lagret</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="146" />
            <source>No goal catalogue</source>
            <translation>Ingen målkatalog</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="147" />
            <source>Goals come from catalogues: Agenda 2030, the environmental quality objectives, the national strategy for regional development, regional strategies. Add the bundled ones or import your own.</source>
            <translation>Målen kommer från kataloger: Agenda 2030, miljökvalitetsmålen, den nationella strategin för regional utveckling, regionala utvecklingsstrategier. Lägg till de medföljande eller importera egna.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="151" />
            <source>Add bundled catalogues</source>
            <translation>Lägg till medföljande kataloger</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="151" />
            <source>Agenda 2030, miljömålen, NRS, RUS</source>
            <translation>Agenda 2030, miljömålen, NRS, RUS</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="152" />
            <source>Manage catalogues…</source>
            <translation>Hantera kataloger…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/states.py" line="152" />
            <source>Import a catalogue from CSV, Excel or JSON</source>
            <translation>Importera en katalog från CSV, Excel eller JSON</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="31" />
            <source>Register layer</source>
            <translation>Registrera lager</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="43" />
            <source>Choose the field that identifies each area of '{layer}'. Its values must be unique, never empty and never change; links are stored by this key.</source>
            <translation>Välj det fält som identifierar varje område i '{layer}'. Värdena måste vara unika, aldrig tomma och aldrig ändras; kopplingarna sparas med den här nyckeln.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="54" />
            <source>Fields with repeated or empty values cannot be keys</source>
            <translation>Fält med upprepade eller tomma värden kan inte vara nycklar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="63" />
            <source>Add a new key field {field} with a generated id for every area</source>
            <translation>Lägg till ett nytt nyckelfält {field} med ett genererat id för varje område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="67" />
            <source>For layers without a reliable id: the plugin adds the field, fills it and gives new areas an id automatically.</source>
            <translation>För lager utan pålitligt id: tillägget lägger till fältet, fyller i det och ger nya områden ett id automatiskt.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="79" />
            <source>No field of this layer can be a key.</source>
            <translation>Inget fält i det här lagret kan vara nyckel.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="87" />
            <source>Register</source>
            <translation>Registrera</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/undo.py" line="128" />
            <source>No link store is open.</source>
            <translation>Ingen kopplingsdatabas är öppen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="26" />
            <source>Check link integrity</source>
            <translation>Kontrollera kopplingarna</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/save_stage.py" line="47" />
            <source>Land-use layers</source>
            <translation>Markanvändningslager</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="51" />
            <source>Re-attach moved layers by key</source>
            <translation>Knyt flyttade lager på nytt via nyckeln</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="52" />
            <source>Remove orphan links</source>
            <translation>Ta bort föräldralösa kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="54" />
            <source>Orphan links (keys not in their layer)</source>
            <translation>Föräldralösa kopplingar (nycklar som inte finns i sitt lager)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="55" />
            <source>Repeated key values</source>
            <translation>Upprepade nyckelvärden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="56" />
            <source>Registered layers not found</source>
            <translation>Registrerade lager som inte hittades</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="57" />
            <source>Layers re-attached</source>
            <translation>Lager som knutits på nytt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="58" />
            <source>Orphan links removed</source>
            <translation>Borttagna föräldralösa kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="63" />
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="80" />
            <source>Layer '{layer}' is not registered in the link store; nothing to check.</source>
            <translation>Lagret '{layer}' är inte registrerat i kopplingsdatabasen; det finns inget att kontrollera.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="85" />
            <source>The store file reports: {problem}</source>
            <translation>Kopplingsdatabasfilen rapporterar: {problem}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="93" />
            <source>Layer '{layer}': all {n} linked keys found.</source>
            <translation>Lagret '{layer}': alla {n} kopplade nycklar hittades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="101" />
            <source>Removed {n} orphan links.</source>
            <translation>Tog bort {n} föräldralösa kopplingar.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="105" />
            <source>No problems found.</source>
            <translation>Inga problem hittades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="19" />
            <source>Copy link store</source>
            <translation>Kopiera kopplingsdatabas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="31" />
            <source>Link store to copy from</source>
            <translation>Kopplingsdatabas att kopiera från</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="32" />
            <source>New link store to copy into</source>
            <translation>Ny kopplingsdatabas att kopiera till</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="33" />
            <source>Organisation of links without one (PostgreSQL)</source>
            <translation>Organisation för kopplingar som saknar en (PostgreSQL)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="38" />
            <source>Link store copied into</source>
            <translation>Kopplingsdatabas som kopierades till</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="39" />
            <source>Links copied</source>
            <translation>Kopierade kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="40" />
            <source>History rows copied</source>
            <translation>Kopierade historikrader</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="49" />
            <source>Give both the link store to copy from and the one to copy into.</source>
            <translation>Ange både kopplingsdatabasen att kopiera från och den att kopiera till.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="52" />
            <source>{table}: {count} rows copied</source>
            <translation>{table}: {count} rader kopierade</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/coverage_report.py" line="26" />
            <source>Goal coverage tables</source>
            <translation>Måltabeller</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/coverage_report.py" line="52" />
            <source>Tables (.xlsx file, or folder for CSV)</source>
            <translation>Tabeller (.xlsx-fil, eller mapp för CSV)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/coverage_report.py" line="58" />
            <source>Tables</source>
            <translation>Tabeller</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/coverage_report.py" line="78" />
            <source>Wrote {count} table files.</source>
            <translation>Skrev {count} tabellfiler.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_store.py" line="34" />
            <source>Link store</source>
            <translation>Kopplingsdatabas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_store.py" line="35" />
            <source>Schema version</source>
            <translation>Schemaversion</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_store.py" line="36" />
            <source>Copy kept before the upgrade</source>
            <translation>Kopia sparad före uppgraderingen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_store.py" line="47" />
            <source>Upgraded the link store; the previous version is kept as {path}.</source>
            <translation>Kopplingsdatabasen har uppgraderats; den tidigare versionen finns kvar som {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_store.py" line="50" />
            <source>Link store {store} is ready (schema version {version}).</source>
            <translation>Kopplingsdatabasen {store} är klar (schemaversion {version}).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="34" />
            <source>Export goal atlas</source>
            <translation>Exportera målatlas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="62" />
            <source>Goals (ids, comma separated)</source>
            <translation>Mål (id, åtskilda med kommatecken)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="75" />
            <source>Layout template (name or .qpt file)</source>
            <translation>Layoutmall (namn eller .qpt-fil)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="78" />
            <source>Project for styles and municipality (optional)</source>
            <translation>Projekt för stilar och kommun (valfritt)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="78" />
            <source>QGIS projects (*.qgs *.qgz)</source>
            <translation>QGIS-projekt (*.qgs *.qgz)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="77" />
            <source>Municipality (empty: project variable tl_municipality)</source>
            <translation>Kommun (tomt: projektvariabeln tl_municipality)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="93" />
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="94" />
            <source>Resolution (dpi)</source>
            <translation>Upplösning (dpi)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="100" />
            <source>Atlas (PDF file, or folder for PNG/SVG)</source>
            <translation>Atlas (PDF-fil, eller mapp för PNG/SVG)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="106" />
            <source>Atlas</source>
            <translation>Atlas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="107" />
            <source>Number of pages</source>
            <translation>Antal sidor</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="151" />
            <source>Wrote {pages} pages ({goals} goals) to {path}.</source>
            <translation>Skrev {pages} sidor ({goals} mål) till {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="167" />
            <source>The project {path} cannot be read.</source>
            <translation>Projektet {path} kan inte läsas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/export_catalogue.py" line="24" />
            <source>Export goal catalogue</source>
            <translation>Exportera målkatalog</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/export_catalogue.py" line="36" />
            <source>Link store (empty: export a bundled catalogue)</source>
            <translation>Kopplingsdatabas (tom: exportera en medföljande katalog)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/export_rules.py" line="35" />
            <source>Output file</source>
            <translation>Utfil</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/export_rules.py" line="30" />
            <source>CSV (*.csv);;Excel (*.xlsx);;JSON (*.json)</source>
            <translation>CSV (*.csv);;Excel (*.xlsx);;JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/export_catalogue.py" line="58" />
            <source>There is no catalogue '{id}' in the link store {store}.</source>
            <translation>Det finns ingen katalog '{id}' i kopplingsdatabasen {store}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/export_catalogue.py" line="65" />
            <source>Wrote {count} goals to {path}.</source>
            <translation>Skrev {count} mål till {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="28" />
            <source>Import goal catalogue</source>
            <translation>Importera målkatalog</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="60" />
            <source>Catalogue file, bundled catalogue id, or all</source>
            <translation>Katalogfil, id för medföljande katalog, eller all</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="63" />
            <source>Column mapping (field=header;…)</source>
            <translation>Kolumnval (fält=rubrik;…)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="65" />
            <source>Catalogue name</source>
            <translation>Katalogens namn</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="67" />
            <source>Series (shared by the versions of one strategy)</source>
            <translation>Serie (gemensam för versionerna av en strategi)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="68" />
            <source>Level (global, eu, national, regional, municipal)</source>
            <translation>Nivå (global, eu, national, regional, municipal)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="69" />
            <source>Issuer</source>
            <translation>Utgivare</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="73" />
            <source>Migration mapping (CSV: old;new goal ids)</source>
            <translation>Flyttfil (CSV: old;new med mål-id)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="79" />
            <source>Imported catalogues</source>
            <translation>Importerade kataloger</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="80" />
            <source>Catalogues already in the store</source>
            <translation>Kataloger som redan finns i databasen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="81" />
            <source>Goals imported</source>
            <translation>Importerade mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="82" />
            <source>Links moved to the new version</source>
            <translation>Kopplingar flyttade till den nya versionen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="83" />
            <source>Goals that lost their links (goal=links)</source>
            <translation>Mål som förlorat sina kopplingar (mål=kopplingar)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="107" />
            <source>Created the link store {store}.</source>
            <translation>Skapade kopplingsdatabasen {store}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="111" />
            <source>{id} is already in the link store unchanged; skipped.</source>
            <translation>{id} finns redan oförändrad i kopplingsdatabasen; hoppades över.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="113" />
            <source>{goal} lost its links: {count} links stay on the old version.</source>
            <translation>{goal} förlorade sina kopplingar: {count} kopplingar ligger kvar på den gamla versionen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="117" />
            <source>Imported {count} catalogues with {goals} goals.</source>
            <translation>Importerade {count} kataloger med {goals} mål.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="33" />
            <source>Link features to goals</source>
            <translation>Koppla objekt till mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="47" />
            <source>Key field (needed the first time)</source>
            <translation>Nyckelfält (behövs första gången)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="60" />
            <source>Goals (ids separated by commas)</source>
            <translation>Mål (id åtskilda med kommatecken)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="64" />
            <source>Strength (0–3)</source>
            <translation>Styrka (0–3)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="75" />
            <source>Features linked</source>
            <translation>Kopplade objekt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="76" />
            <source>New links</source>
            <translation>Nya kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="77" />
            <source>Changed links</source>
            <translation>Ändrade kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="78" />
            <source>Links already as asked</source>
            <translation>Kopplingar som redan var som begärt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="79" />
            <source>Registered layer id</source>
            <translation>Id för registrerat lager</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="88" />
            <source>No goals given. Write goal ids separated by commas, e.g. agenda2030:11.</source>
            <translation>Inga mål angivna. Skriv mål-id åtskilda med kommatecken, t.ex. agenda2030:11.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="107" />
            <source>Registered layer '{layer}' with the key field '{field}'.</source>
            <translation>Registrerade lagret '{layer}' med nyckelfältet '{field}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="115" />
            <source>Linked {n} features to {goals}: {new} new, {changed} changed, {same} already so.</source>
            <translation>Kopplade {n} objekt till {goals}: {new} nya, {changed} ändrade, {same} var redan så.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="22" />
            <source>Create organisation in a shared store</source>
            <translation>Skapa organisation i en gemensam kopplingsdatabas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="49" />
            <source>Organisation id (e.g. umea; a–z, 0–9, _)</source>
            <translation>Organisations-id (t.ex. umea; a–z, 0–9, _)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="36" />
            <source>Name (e.g. Umeå kommun)</source>
            <translation>Namn (t.ex. Umeå kommun)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="37" />
            <source>Kind</source>
            <translation>Typ</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="37" />
            <source>Municipality</source>
            <translation>Kommun</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/base.py" line="21" />
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="40" />
            <source>Login roles acting for it (comma-separated)</source>
            <translation>Inloggningsroller som agerar för den (kommaseparerade)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="43" />
            <source>Group role of the organisation</source>
            <translation>Organisationens grupproll</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="53" />
            <source>Organisations exist only in a shared PostgreSQL store, not in {store}.</source>
            <translation>Organisationer finns bara i en gemensam PostgreSQL-kopplingsdatabas, inte i {store}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="58" />
            <source>Organisation {id} created with the role {role}.</source>
            <translation>Organisationen {id} skapades med rollen {role}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="61" />
            <source>{member} now acts for {id}.</source>
            <translation>{member} agerar nu för {id}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/unlink_features.py" line="21" />
            <source>Unlink features from goals</source>
            <translation>Ta bort objekts kopplingar till mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/unlink_features.py" line="37" />
            <source>Goals (ids separated by commas; empty: all)</source>
            <translation>Mål (id åtskilda med kommatecken; tomt: alla)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/unlink_features.py" line="40" />
            <source>Features</source>
            <translation>Objekt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/unlink_features.py" line="41" />
            <source>Links removed</source>
            <translation>Borttagna kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/unlink_features.py" line="52" />
            <source>Removed {n} links of {features} features.</source>
            <translation>Tog bort {n} kopplingar för {features} objekt.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="44" />
            <source>Land-use layer</source>
            <translation>Markanvändningslager</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/layer_params.py" line="24" />
            <source>Selected features only</source>
            <translation>Endast markerade objekt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/layer_params.py" line="25" />
            <source>Only features matching</source>
            <translation>Endast objekt som uppfyller</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="77" />
            <source>The layer could not be opened.</source>
            <translation>Lagret gick inte att öppna.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/params.py" line="29" />
            <source>Link store (GeoPackage file or postgres:connection)</source>
            <translation>Kopplingsdatabas (GeoPackage-fil eller postgres:anslutning)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/params.py" line="79" />
            <source>'{value}' is not a goal id. Write &lt;catalogue id&gt;:&lt;code&gt;, for example agenda2030:11.3.</source>
            <translation>'{value}' är inte ett mål-id. Skriv &lt;katalog-id&gt;:&lt;kod&gt;, till exempel agenda2030:11.3.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/store.py" line="78" />
            <source>There is no link store in schema '{schema}' of the PostgreSQL connection '{name}'. Create it with the algorithm 'Create link store' (territorial:createstore).</source>
            <translation>Det finns ingen kopplingsdatabas i schemat '{schema}' i PostgreSQL-anslutningen '{name}'. Skapa den med algoritmen 'Skapa kopplingsdatabas' (territorial:createstore).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/scope.py" line="47" />
            <source>no organisation</source>
            <translation>ingen organisation</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_details.py" line="81" />
            <source>Organisation: {name}</source>
            <translation>Organisation: {name}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_details.py" line="83" />
            <source>Created by {user} at {when}</source>
            <translation>Skapad av {user} {when}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_details.py" line="119" />
            <source>strength {n}</source>
            <translation>styrka {n}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_details.py" line="123" />
            <source>changed by {user} at {when}</source>
            <translation>ändrad av {user} {when}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_details.py" line="126" />
            <source>… and {n} more</source>
            <translation>… och {n} till</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_details.py" line="127" />
            <source>Links of the selected areas:</source>
            <translation>De valda områdenas kopplingar:</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="148" />
            <source>New links belong to {organisation}.</source>
            <translation>Nya kopplingar tillhör {organisation}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="148" />
            <source>You administer this link store; new links belong to no organisation.</source>
            <translation>Du administrerar kopplingsdatabasen; nya kopplingar tillhör ingen organisation.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="572" />
            <source>Others changed links that you could undo; the undo history was cleared so that it cannot overwrite their changes.</source>
            <translation>Andra har ändrat kopplingar som du kunde ångra; ångrahistoriken har tömts så att den inte kan skriva över deras ändringar.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="250" />
            <source>The panel now shows the links as they are stored.</source>
            <translation>Panelen visar nu kopplingarna så som de är sparade.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/layers.py" line="113" />
            <source>The linked areas of '{layer}' could not be selected for the atlas.</source>
            <translation>De kopplade områdena i '{layer}' kunde inte väljas ut för målatlasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/tables.py" line="196" />
            <source>the file is not valid JSON near line {line}, column {column} (look for a missing quote, comma or bracket, or a comma too many).</source>
            <translation>filen är inte giltig JSON nära rad {line}, kolumn {column} (leta efter ett citattecken, kommatecken eller en hakparentes som saknas, eller ett kommatecken för mycket).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="149" />
            <source>Map data: {layers}.</source>
            <translation>Kartunderlag: {layers}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="199" />
            <source>{layer} (legend)</source>
            <translation>{layer} (teckenförklaring)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/build.py" line="199" />
            <source>{layer} by goal (legend)</source>
            <translation>{layer} per mål (teckenförklaring)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/project/tracking.py" line="69" />
            <source>Links cannot follow split or pasted features: the link store did not open. {error}</source>
            <translation>Kopplingarna kan inte följa med delade eller inklistrade områden: kopplingsdatabasen gick inte att öppna. {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/base.py" line="18" />
            <source>Store administration</source>
            <translation>Administration av kopplingsdatabasen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/catalogues/removal.py" line="57" />
            <source>The catalogue '{id}' was not deleted: the copy of the link store kept before a deletion could not be written to {path} ({reason}).</source>
            <translation>Katalogen '{id}' togs inte bort: kopian av kopplingsdatabasen som sparas före en borttagning kunde inte skrivas till {path} ({reason}).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/buttons.py" line="28" />
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="149" />
            <source>The catalogue '{id}' has {links} links to areas. Deleting it deletes those links too.</source>
            <translation>Katalogen '{id}' har {links} kopplingar till områden. Tas den bort försvinner även de kopplingarna.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="149" />
            <source>Delete the catalogue and its links</source>
            <translation>Ta bort katalogen och dess kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="149" />
            <source>Before the deletion the whole link store is copied to a GeoPackage in {folder}; the links can be read or copied back from there. The history keeps them too.</source>
            <translation>Före borttagningen kopieras hela kopplingsdatabasen till en GeoPackage i {folder}; därifrån kan kopplingarna läsas eller kopieras tillbaka. Historiken behåller dem också.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="162" />
            <source>Delete the catalogue</source>
            <translation>Ta bort katalogen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_manager.py" line="179" />
            <source>The catalogue '{id}' and its {links} links were deleted. The link store as it was before is kept in {path}.</source>
            <translation>Katalogen '{id}' och dess {links} kopplingar togs bort. Kopplingsdatabasen som den var före borttagningen finns kvar i {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/store_widget.py" line="24" />
            <source>GeoPackage link store (*.gpkg)</source>
            <translation>Kopplingsdatabas i GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/store_widget.py" line="25" />
            <source>A GeoPackage file, or postgres:&lt;QGIS connection name&gt; for a shared store.</source>
            <translation>En GeoPackage-fil, eller postgres:&lt;namn på QGIS-anslutning&gt; för en delad databas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="22" />
            <source>Global</source>
            <translation>Global</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="23" />
            <source>EU</source>
            <translation>EU</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="24" />
            <source>National</source>
            <translation>Nationell</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="25" />
            <source>Regional</source>
            <translation>Regional</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="26" />
            <source>Municipal</source>
            <translation>Kommunal</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="34" />
            <source>Parent goal (its code)</source>
            <translation>Överordnat mål (dess kod)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="35" />
            <source>Swedish title</source>
            <translation>Svensk titel</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="36" />
            <source>English title</source>
            <translation>Engelsk titel</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="37" />
            <source>Description</source>
            <translation>Beskrivning</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="38" />
            <source>Order</source>
            <translation>Ordning</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="39" />
            <source>Kind (goal, target…)</source>
            <translation>Typ (mål, delmål …)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="40" />
            <source>{field}: found by its heading</source>
            <translation>{field}: hittas via rubriken</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/catalogue_import.py" line="91" />
            <source>The file's column that holds: {field}</source>
            <translation>Filens kolumn med: {field}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/goal_fields.py" line="42" />
            <source>The layer '{layer}' already has a field {field} of its own; no goal field was added.</source>
            <translation>Lagret '{layer}' har redan ett eget fält {field}; inget målfält lades till.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/goal_fields.py" line="48" />
            <source>Goals: {catalogue}</source>
            <translation>Mål: {catalogue}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/goal_fields.py" line="51" />
            <source>QGIS refused the field {field} on '{layer}'.</source>
            <translation>QGIS tog inte emot fältet {field} i '{layer}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="192" />
            <source>Keep the atlas in the project (a layout and a switched-off layer group)</source>
            <translation>Spara atlasen i projektet (en layout och en avslagen lagergrupp)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="194" />
            <source>The layout can then be edited in the layout designer and printed again; its layers go into a layer group that is switched off. Untick to write only the file.</source>
            <translation>Layouten kan då redigeras i layouthanteraren och skrivas ut igen; dess lager läggs i en lagergrupp som är avslagen. Kryssa ur för att bara skriva filen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="302" />
            <source>Every ticked goal gets a page of the atlas.</source>
            <translation>Varje ikryssat mål får en sida i atlasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="306" />
            <source>The tables hold every goal with linked areas; choosing goals is for the atlas.</source>
            <translation>Tabellerna tar med alla mål som har kopplade områden; valet av mål gäller atlasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="478" />
            <source>The layout '{layout}' is kept in the project, with its layers in the switched-off layer group '{group}'. Delete both to remove them; the exported file stays.</source>
            <translation>Layouten '{layout}' finns nu i projektet, med sina lager i den avslagna lagergruppen '{group}'. Ta bort båda om du inte vill ha dem kvar; den exporterade filen ligger kvar.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="15" />
            <source>Mixed</source>
            <translation>Blandat</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="34" />
            <source>Registering tells the link store about this layer, so that its areas can be linked to goals. The layer's data is not changed (unless you add a key field below).</source>
            <translation>Att registrera lagret gör det känt för kopplingsdatabasen, så att dess områden kan kopplas till mål. Lagrets data ändras inte (om du inte lägger till ett nyckelfält nedan).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="89" />
            <source>The selected area is already linked to {goal}.</source>
            <translation>Det valda området är redan kopplat till {goal}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="98" />
            <source>Link one area to {goal}</source>
            <translation>Koppla ett område till {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="107" />
            <source>Linked one area to {goal}</source>
            <translation>Kopplade ett område till {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="111" />
            <source>(one was already linked)</source>
            <translation>(ett var redan kopplat)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="114" />
            <source>Unlink one area from {goal}</source>
            <translation>Ta bort kopplingen mellan ett område och {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="122" />
            <source>Removed the link of one area to {goal}</source>
            <translation>Tog bort kopplingen mellan ett område och {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="303" />
            <source>{goal}: one area selected</source>
            <translation>{goal}: ett område valt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="427" />
            <source>Tick a goal to link the selected area to it; untick to remove the link.</source>
            <translation>Kryssa i ett mål för att koppla det valda området till det; kryssa ur för att ta bort kopplingen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="447" />
            <source>One area of this layer has no goal yet: select it</source>
            <translation>Ett område i lagret har inget mål ännu: välj det</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="76" />
            <source>strength {low}–{high}</source>
            <translation>styrka {low}–{high}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="335" />
            <source>One linked area; it conflicts with the goal</source>
            <translation>Ett kopplat område; det motverkar målet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="344" />
            <source>One linked area</source>
            <translation>Ett kopplat område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="51" />
            <source>mentioned only</source>
            <translation>nämns bara</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="52" />
            <source>weak</source>
            <translation>svag</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="53" />
            <source>clear</source>
            <translation>tydlig</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/link_editor.py" line="54" />
            <source>decisive</source>
            <translation>avgörande</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="208" />
            <source>New links: written when you tick a goal</source>
            <translation>Nya kopplingar: skrivs när du kryssar i ett mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="214" />
            <source>Links already made keep their own stance and motivation; change one with Edit link (Ctrl+E).</source>
            <translation>Kopplingar som redan finns behåller sitt ställningstagande och sin motivering; ändra en med Ändra koppling (Ctrl+E).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/area_sections.py" line="204" />
            <source>Key</source>
            <translation>Nyckel</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="49" />
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/area_sections.py" line="246" />
            <source>Areas and goals</source>
            <translation>Områden och mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/area_sections.py" line="247" />
            <source>The area</source>
            <translation>Området</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/area_sections.py" line="333" />
            <source>Area {n} of {count}</source>
            <translation>Område {n} av {count}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/area_sections.py" line="347" />
            <source>No area of the chosen layers is linked to the chosen goals; nothing was written.</source>
            <translation>Inget område i de valda lagren är kopplat till de valda målen; ingenting skrevs.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/task.py" line="207" />
            <source>Exporting area sections</source>
            <translation>Exporterar områdesavsnitt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="85" />
            <source>Areas and their goals – PDF (a page per area)</source>
            <translation>Områden och deras mål – PDF (en sida per område)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="86" />
            <source>Areas and their goals – Excel (XLSX)</source>
            <translation>Områden och deras mål – Excel (XLSX)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="304" />
            <source>Each area linked to a ticked goal gets a section, with those goals.</source>
            <translation>Varje område som är kopplat till ett ikryssat mål får ett avsnitt, med de målen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_areas.py" line="26" />
            <source>Areas and their goals</source>
            <translation>Områden och deras mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_areas.py" line="56" />
            <source>Area sections (.pdf or .xlsx)</source>
            <translation>Områdesavsnitt (.pdf eller .xlsx)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_areas.py" line="56" />
            <source>PDF (*.pdf);;Excel (*.xlsx)</source>
            <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_areas.py" line="61" />
            <source>Area sections</source>
            <translation>Områdesavsnitt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="441" />
            <source>Register the layer first.</source>
            <translation>Registrera lagret först.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="445" />
            <source>Removed the goal columns {fields} from '{layer}'.</source>
            <translation>Tog bort målkolumnerna {fields} från '{layer}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="457" />
            <source>Added the goal columns {fields} to the attribute table of '{layer}': the codes of the goals each area is linked to, to filter, sort and style by. They are saved with the project; the same button removes them.</source>
            <translation>Lade till målkolumnerna {fields} i attributtabellen för '{layer}': koderna för de mål varje område är kopplat till, för att filtrera, sortera och symbolisera efter. De sparas med projektet; samma knapp tar bort dem.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="277" />
            <source>Goal columns</source>
            <translation>Målkolumner</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="277" />
            <source>Add (or remove) a column per catalogue to the layer's attribute table with the codes of the goals each area is linked to, to filter, sort and style by them</source>
            <translation>Lägg till (eller ta bort) en kolumn per katalog i lagrets attributtabell med koderna för de mål varje område är kopplat till, för att filtrera, sortera och symbolisera efter dem</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="97" />
            <source>Layer '{layer}': the linking rules could not be checked: {error}</source>
            <translation>Lagret '{layer}': kopplingsreglerna kunde inte kontrolleras: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/integrity.py" line="105" />
            <source>Layer '{layer}': {n} areas match a linking rule but have no link to its goal and no dismissal: {gaps}</source>
            <translation>Lagret '{layer}': {n} områden matchar en kopplingsregel men saknar koppling till dess mål och har inte avvisats: {gaps}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/apply.py" line="65" />
            <source>These linking rules are not in the link store: {names}</source>
            <translation>Dessa kopplingsregler finns inte i kopplingsdatabasen: {names}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/apply.py" line="71" />
            <source>These rules apply to another layer than '{layer}': {names}</source>
            <translation>Dessa regler gäller ett annat lager än '{layer}': {names}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/apply.py" line="183" />
            <source>would be linked</source>
            <translation>skulle kopplas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/apply.py" line="184" />
            <source>linked</source>
            <translation>kopplad</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/apply.py" line="185" />
            <source>already linked (kept)</source>
            <translation>redan kopplad (behålls)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/apply.py" line="186" />
            <source>dismissed by a planner</source>
            <translation>avvisad av en planerare</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/apply.py" line="187" />
            <source>linked by an earlier rule</source>
            <translation>kopplad av en tidigare regel</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/evaluate.py" line="52" />
            <source>The expression of rule '{rule}' is not valid: {error}</source>
            <translation>Uttrycket i regeln '{rule}' är ogiltigt: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/evaluate.py" line="62" />
            <source>Rule '{rule}' reads fields that layer '{layer}' does not have: {fields}</source>
            <translation>Regeln '{rule}' läser fält som lagret '{layer}' saknar: {fields}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/evaluate.py" line="132" />
            <source>The expression of rule '{rule}' cannot be evaluated on layer '{layer}': {error}</source>
            <translation>Uttrycket i regeln '{rule}' kan inte beräknas på lagret '{layer}': {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/evaluate.py" line="177" />
            <source>Cancelled.</source>
            <translation>Avbrutet.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="83" />
            <source>the file is not valid JSON near line {line}, column {column}.</source>
            <translation>filen är inte giltig JSON nära rad {line}, kolumn {column}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="94" />
            <source>the JSON file holds no list of rules.</source>
            <translation>JSON-filen innehåller ingen lista med regler.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="102" />
            <source>the rule is not a JSON object with keys such as name and expression.</source>
            <translation>regeln är inget JSON-objekt med nycklar som name och expression.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="114" />
            <source>The rule file {path} does not exist.</source>
            <translation>Regelfilen {path} finns inte.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="127" />
            <source>the column {column} (or {swedish}) is missing.</source>
            <translation>kolumnen {column} (eller {swedish}) saknas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="161" />
            <source>the rule has no name.</source>
            <translation>regeln saknar namn.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="163" />
            <source>the name '{name}' is already used by row {row}.</source>
            <translation>namnet '{name}' används redan på rad {row}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="168" />
            <source>'{layer}' is not a registered layer of the link store.</source>
            <translation>'{layer}' är inte ett registrerat lager i kopplingsdatabasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="170" />
            <source>the rule has no expression.</source>
            <translation>regeln saknar uttryck.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="175" />
            <source>the rule names no goal.</source>
            <translation>regeln anger inget mål.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="180" />
            <source>'{goal}' is not a goal id (write catalogue:code, e.g. agenda2030:11.3).</source>
            <translation>'{goal}' är inte ett mål-id (skriv katalog:kod, t.ex. agenda2030:11.3).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="185" />
            <source>the goal {goal} is not in the link store; import its catalogue first.</source>
            <translation>målet {goal} finns inte i kopplingsdatabasen; importera dess katalog först.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="188" />
            <source>'{value}' is not a stance; write supports, conflicts or neutral (stödjer, motverkar).</source>
            <translation>'{value}' är inget ställningstagande; skriv stödjer, motverkar eller neutral (supports, conflicts).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="196" />
            <source>'{value}' is not a strength; write a whole number from {low} to {high}.</source>
            <translation>'{value}' är ingen styrka; skriv ett heltal från {low} till {high}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="206" />
            <source>the template [% {template} %] is not valid: {error}</source>
            <translation>mallen [% {template} %] är ogiltig: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="214" />
            <source>'{value}' is not 1 or 0.</source>
            <translation>'{value}' är inte 1 eller 0.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="244" />
            <source>the expression is not valid: {error}</source>
            <translation>uttrycket är ogiltigt: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="253" />
            <source>… and {n} more problems.</source>
            <translation>… och {n} problem till.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="254" />
            <source>The rule file {file} was not imported ({n} problems; nothing was written):
{problems}</source>
            <translation>Regelfilen {file} importerades inte ({n} problem; inget skrevs):
{problems}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="296" />
            <source>The rules could not be written to {path}: {error}</source>
            <translation>Reglerna kunde inte skrivas till {path}: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/files.py" line="313" />
            <source>The rule file {file} holds no rules.</source>
            <translation>Regelfilen {file} innehåller inga regler.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/report.py" line="15" />
            <source>Rule</source>
            <translation>Regel</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/workbook.py" line="32" />
            <source>Change</source>
            <translation>Ändring</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/report.py" line="40" />
            <source>Write the report to .xlsx or .csv, not {suffix}.</source>
            <translation>Skriv rapporten till .xlsx eller .csv, inte {suffix}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/report.py" line="53" />
            <source>Rules</source>
            <translation>Regler</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/rules/report.py" line="57" />
            <source>The report could not be written to {path}: {error}</source>
            <translation>Rapporten kunde inte skrivas till {path}: {error}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/rules.py" line="126" />
            <source>There is no linking rule '{name}' in the link store.</source>
            <translation>Det finns ingen kopplingsregel '{name}' i kopplingsdatabasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/rules.py" line="214" />
            <source>A rule link names a rule that is not in the link store. Nothing was changed.</source>
            <translation>En regelkoppling anger en regel som inte finns i kopplingsdatabasen. Inget ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/rule_checks.py" line="13" />
            <source>A linking rule needs a name.</source>
            <translation>En kopplingsregel behöver ett namn.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/rule_checks.py" line="15" />
            <source>The linking rule '{name}' has no expression.</source>
            <translation>Kopplingsregeln '{name}' saknar uttryck.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/rule_checks.py" line="17" />
            <source>The linking rule '{name}' names no goal.</source>
            <translation>Kopplingsregeln '{name}' anger inget mål.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/base.py" line="20" />
            <source>Linking rules</source>
            <translation>Kopplingsregler</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="60" />
            <source>Areas a linking rule links to a goal they lack</source>
            <translation>Områden som en kopplingsregel kopplar till ett mål de saknar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="29" />
            <source>Apply linking rules</source>
            <translation>Tillämpa kopplingsregler</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="52" />
            <source>Rules (names separated by commas; empty: all enabled)</source>
            <translation>Regler (namn åtskilda med komma; tomt: alla aktiva)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="57" />
            <source>Mode</source>
            <translation>Läge</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="57" />
            <source>Report only</source>
            <translation>Endast rapport</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="57" />
            <source>Link areas</source>
            <translation>Koppla områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="60" />
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="64" />
            <source>Area, rule and goal rows</source>
            <translation>Rader med område, regel och mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="65" />
            <source>New links (would be made in report mode)</source>
            <translation>Nya kopplingar (skulle skapas i rapportläge)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="95" />
            <source>No enabled linking rule applies to layer '{layer}'.</source>
            <translation>Ingen aktiv kopplingsregel gäller lagret '{layer}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="104" />
            <source>{rules} rules linked {n} new area–goal pairs on '{layer}'.</source>
            <translation>{rules} regler kopplade {n} nya par av område och mål i '{layer}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="104" />
            <source>{rules} rules would link {n} new area–goal pairs on '{layer}' (nothing written).</source>
            <translation>{rules} regler skulle koppla {n} nya par av område och mål i '{layer}' (inget skrevs).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/export_rules.py" line="19" />
            <source>Export linking rules</source>
            <translation>Exportera kopplingsregler</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/export_rules.py" line="45" />
            <source>Wrote {n} rules to {path}.</source>
            <translation>Skrev {n} regler till {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/import_rules.py" line="23" />
            <source>Import linking rules</source>
            <translation>Importera kopplingsregler</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/import_rules.py" line="50" />
            <source>Rule file</source>
            <translation>Regelfil</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/import_rules.py" line="50" />
            <source>Rule files (*.csv *.xlsx *.json)</source>
            <translation>Regelfiler (*.csv *.xlsx *.json)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/import_rules.py" line="54" />
            <source>Rules in the file</source>
            <translation>Regler i filen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/import_rules.py" line="55" />
            <source>New rules</source>
            <translation>Nya regler</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/import_rules.py" line="56" />
            <source>Changed rules</source>
            <translation>Ändrade regler</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/import_rules.py" line="65" />
            <source>Imported {n} rules: {new} new, {changed} changed, {same} unchanged.</source>
            <translation>Importerade {n} regler: {new} nya, {changed} ändrade, {same} oförändrade.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/handbook.py" line="16" />
            <source>Territorial Links – handbook</source>
            <translation>Territorial Links – handbok</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/handbook.py" line="26" />
            <source>The handbook is missing from this installation ({path}).</source>
            <translation>Handboken saknas i den här installationen ({path}).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="286" />
            <source>Handbook</source>
            <translation>Handbok</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="286" />
            <source>The handbook: from an empty project to the atlas (F1)</source>
            <translation>Handboken: från tomt projekt till atlas (F1)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="78" />
            <source>goal</source>
            <translation>mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="71" />
            <source>target</source>
            <translation>delmål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="72" />
            <source>strategic area</source>
            <translation>strategiskt område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="73" />
            <source>basic condition</source>
            <translation>grundförutsättning</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="74" />
            <source>overall goal</source>
            <translation>övergripande mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="75" />
            <source>direction</source>
            <translation>inriktning</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="76" />
            <source>theme</source>
            <translation>tema</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="77" />
            <source>priority</source>
            <translation>prioritering</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/labels.py" line="100" />
            <source>(English original text)</source>
            <translation>(engelsk originaltext)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="113" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/task.py" line="243" />
            <source>Exporting web atlas</source>
            <translation>Exporterar webbatlas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/areas.py" line="76" />
            <source>The web atlas draws areas; the layer '{layer}' has no polygons.</source>
            <translation>Webbatlasen ritar områden; lagret '{layer}' har inga polygoner.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/areas.py" line="99" />
            <source>The area '{key}' of '{layer}' cannot be shown in WGS 84.</source>
            <translation>Området '{key}' i '{layer}' kan inte visas i WGS 84.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="44" />
            <source>Search goals…</source>
            <translation>Sök mål…</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="46" />
            <source>{n} areas</source>
            <translation>{n} områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="48" />
            <source>Unnamed area</source>
            <translation>Namnlöst område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="50" />
            <source>No category</source>
            <translation>Ingen kategori</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="51" />
            <source>This area is not linked to any goal.</source>
            <translation>Området är inte kopplat till något mål.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="52" />
            <source>Linked goals</source>
            <translation>Kopplade mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="53" />
            <source>Strength {n} of 3</source>
            <translation>Styrka {n} av 3</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="55" />
            <source>Page {n} in the goal atlas (PDF)</source>
            <translation>Sidan {n} i målatlasen (PDF)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="56" />
            <source>Choose a goal to see its areas; click an area to read how it relates to the goals.</source>
            <translation>Välj ett mål för att se dess områden; klicka på ett område för att läsa hur det förhåller sig till målen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="57" />
            <source>Show all goals</source>
            <translation>Visa alla mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="58" />
            <source>No goal matches the search.</source>
            <translation>Inget mål matchar sökningen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="59" />
            <source>Links: Territorial Links for QGIS. Map library: Leaflet (BSD-2-Clause).</source>
            <translation>Kopplingar: Territorial Links för QGIS. Kartbibliotek: Leaflet (BSD-2-Clause).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="87" />
            <source>Web atlas – folder with index.html (works offline)</source>
            <translation>Webbatlas – mapp med index.html (fungerar utan nätverk)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="30" />
            <source>Export web atlas</source>
            <translation>Exportera webbatlas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="63" />
            <source>Simplify outlines by (m)</source>
            <translation>Förenkla konturer med (m)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="74" />
            <source>Also write the goal atlas (PDF) and link to it</source>
            <translation>Skriv även målatlasen (PDF) och länka till den</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="83" />
            <source>Web atlas folder</source>
            <translation>Mapp för webbatlasen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="84" />
            <source>Web page (index.html)</source>
            <translation>Webbsida (index.html)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="110" />
            <source>Wrote the web atlas ({areas} areas, {goals} goals) to {path}.</source>
            <translation>Skrev webbatlasen ({areas} områden, {goals} mål) till {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/export.py" line="68" />
            <source>A delivery is a GeoPackage: give a file name ending in .gpkg.</source>
            <translation>En leverans är en GeoPackage: ange ett filnamn som slutar på .gpkg.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/export.py" line="70" />
            <source>Choose the land-use layers whose links the delivery carries.</source>
            <translation>Välj de markanvändningslager vars kopplingar leveransen ska innehålla.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/export.py" line="90" />
            <source>The chosen layers have no links: there is nothing to deliver.</source>
            <translation>De valda lagren har inga kopplingar: det finns inget att leverera.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/export.py" line="109" />
            <source>Layer '{layer}' has no coordinate reference system; set it before delivering.</source>
            <translation>Lagret '{layer}' saknar koordinatsystem; ange det innan du levererar.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/layer_areas.py" line="122" />
            <source>The geometry could not be transformed to SWEREF 99 TM.</source>
            <translation>Geometrin kunde inte transformeras till SWEREF 99 TM.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/export.py" line="153" />
            <source>Links point at goals the store does not hold: {goals}. Run the integrity check.</source>
            <translation>Kopplingar pekar på mål som kopplingsdatabasen inte har: {goals}. Kör kontrollen av kopplingarna.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="55" />
            <source>'{value}' is not an organisation id: use lower-case letters a–z, digits and _ only, for example exempelkommun.</source>
            <translation>'{value}' är inget organisations-id: använd bara gemena a–z, siffror och _, till exempel exempelkommun.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="83" />
            <source>The delivery {path} does not exist.</source>
            <translation>Leveransen {path} finns inte.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="98" />
            <source>{path} is not a Territorial Links delivery ({reason}). Ask the municipality for the GeoPackage that 'Export delivery' writes. Nothing was changed.</source>
            <translation>{path} är ingen leverans från Territorial Links ({reason}). Be kommunen om den GeoPackage som "Exportera leverans till regionen" skriver. Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="109" />
            <source>no delivery metadata</source>
            <translation>inga leveransuppgifter</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="112" />
            <source>{count} metadata rows instead of one</source>
            <translation>{count} rader med leveransuppgifter i stället för en</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="116" />
            <source>The delivery {path} was written by a newer version of Territorial Links (plugin {version}). Update the plugin before importing it. Nothing was changed.</source>
            <translation>Leveransen {path} skrevs av en nyare version av Territorial Links (version {version}). Uppdatera insticksprogrammet innan du importerar den. Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="200" />
            <source>{found} links, the metadata says {expected}</source>
            <translation>{found} kopplingar, leveransuppgifterna anger {expected}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="204" />
            <source>{found} areas, the metadata says {expected}</source>
            <translation>{found} områden, leveransuppgifterna anger {expected}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="210" />
            <source>an area is delivered twice</source>
            <translation>ett område levereras två gånger</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="213" />
            <source>{count} linked features have no area</source>
            <translation>{count} kopplade objekt saknar område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="215" />
            <source>areas of a layer the delivery does not describe</source>
            <translation>områden från ett lager som leveransen inte beskriver</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="218" />
            <source>links of another organisation ({names})</source>
            <translation>kopplingar från en annan organisation ({names})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/format.py" line="220" />
            <source>The delivery {path} is damaged: {problems}. Ask for a new delivery. Nothing was changed.</source>
            <translation>Leveransen {path} är skadad: {problems}. Be om en ny leverans. Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/importer.py" line="55" />
            <source>The delivery names the organisation '{organisation}', which this shared store does not know. Create the organisation first. Nothing was changed.</source>
            <translation>Leveransen anger organisationen '{organisation}', som den gemensamma kopplingsdatabasen inte känner till. Skapa organisationen först. Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/importer.py" line="75" />
            <source>{id}: delivered {delivered}, region {region}</source>
            <translation>{id}: levererad {delivered}, regionen {region}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/importer.py" line="79" />
            <source>The delivery links to goals the region's store does not hold: {goals} ({versions}). Import that catalogue version into the region's store first; catalogues are never merged. Nothing was changed.</source>
            <translation>Leveransen kopplar till mål som regionens kopplingsdatabas inte har: {goals} ({versions}). Importera den katalogversionen till regionens kopplingsdatabas först; kataloger slås aldrig ihop. Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/writer.py" line="181" />
            <source>The delivery {path} could not be written: {reason}</source>
            <translation>Leveransen {path} kunde inte skrivas: {reason}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/geometry.py" line="28" />
            <source>The area has no geometry.</source>
            <translation>Området saknar geometri.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/geometry.py" line="32" />
            <source>invalid geometry</source>
            <translation>ogiltig geometri</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/geometry.py" line="37" />
            <source>Invalid geometry that could not be repaired ({reason}).</source>
            <translation>Ogiltig geometri som inte kunde lagas ({reason}).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/geometry.py" line="41" />
            <source>Invalid geometry repaired ({reason}).</source>
            <translation>Ogiltig geometri lagad ({reason}).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/base.py" line="279" />
            <source>This link store cannot hold municipal deliveries yet. Nothing was changed.</source>
            <translation>Den här kopplingsdatabasen kan ännu inte ta emot kommunala leveranser. Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/region.py" line="129" />
            <source>The region's store already holds a newer delivery from {organisation} (made {current}); this one was made {created}. Nothing was changed.</source>
            <translation>Regionens kopplingsdatabas har redan en nyare leverans från {organisation} (gjord {current}); denna gjordes {created}. Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/region.py" line="66" />
            <source>The delivery's layers already belong to another organisation in the region's store ({names}). Nothing was changed.</source>
            <translation>Leveransens lager tillhör redan en annan organisation i regionens kopplingsdatabas ({names}). Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="90" />
            <source>The region's picture: {count} organisations</source>
            <translation>Regionens bild: {count} organisationer</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="39" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="97" />
            <source>Linked areas of every goal in the report</source>
            <translation>Kopplade områden för alla mål i rapporten</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="99" />
            <source>{pairs} intermunicipal goal conflicts within {distance} m: areas of two organisations linked to the same goal, one supporting it and one in conflict with it. The goal pages mark and list them.</source>
            <translation>{pairs} mellankommunala målkonflikter inom {distance} m: områden från två organisationer kopplade till samma mål, det ena stödjande och det andra motverkande. Målsidorna markerar och listar dem.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="121" />
            <source>Linked areas per organisation</source>
            <translation>Kopplade områden per organisation</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="132" />
            <source>Regional report from the municipalities' deliveries, {date}</source>
            <translation>Regional rapport från kommunernas leveranser, {date}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="259" />
            <source>No intermunicipal conflicts within {distance} m for this goal.</source>
            <translation>Inga mellankommunala konflikter inom {distance} m för detta mål.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="264" />
            <source>Intermunicipal conflicts within {distance} m</source>
            <translation>Mellankommunala konflikter inom {distance} m</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="270" />
            <source>{number}. {supporting} {key} {name} supports — {conflicting} {other} {other_name} conflicts ({distance} m)</source>
            <translation>{number}. {supporting} {key} {name} stödjer — {conflicting} {other} {other_name} motverkar ({distance} m)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="284" />
            <source>… and {count} more; the workbook (.xlsx) lists every pair.</source>
            <translation>… och {count} till; arbetsboken (.xlsx) listar alla par.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/data.py" line="126" />
            <source>The region's store holds no links yet: import the municipalities' deliveries.</source>
            <translation>Regionens kopplingsdatabas har inga kopplingar ännu: importera kommunernas leveranser.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/map_layers.py" line="86" />
            <source>Other linked areas</source>
            <translation>Övriga kopplade områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/map_layers.py" line="94" />
            <source>Areas linked to the goal</source>
            <translation>Områden kopplade till målet</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="102" />
            <source>Intermunicipal conflicts</source>
            <translation>Mellankommunala konflikter</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/map_layers.py" line="151" />
            <source>Municipal borders</source>
            <translation>Kommungränser</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/service.py" line="30" />
            <source>The regional report is written as .xlsx or .pdf, not {name}.</source>
            <translation>Den regionala rapporten skrivs som .xlsx eller .pdf, inte {name}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="29" />
            <source>Per organisation</source>
            <translation>Per organisation</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="30" />
            <source>Areas per goal</source>
            <translation>Områden per mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="31" />
            <source>Hectares per goal</source>
            <translation>Hektar per mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="32" />
            <source>Supports per goal</source>
            <translation>Stödjer per mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="33" />
            <source>Conflicts per goal</source>
            <translation>Motverkar per mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="35" />
            <source>Goals without links</source>
            <translation>Mål utan kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="56" />
            <source>Geometry problems</source>
            <translation>Geometriproblem</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="46" />
            <source>Linked area (ha)</source>
            <translation>Kopplad yta (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="47" />
            <source>Land-use area (ha)</source>
            <translation>Markanvändningsyta (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="48" />
            <source>Share linked (%)</source>
            <translation>Andel kopplad (%)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="52" />
            <source>Latest delivery</source>
            <translation>Senaste leverans</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_widget.py" line="64" />
            <source>Stage</source>
            <translation>Skede</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="54" />
            <source>Imported</source>
            <translation>Importerad</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="101" />
            <source>Organisations</source>
            <translation>Organisationer</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="60" />
            <source>Distance (m)</source>
            <translation>Avstånd (m)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="61" />
            <source>Organisation supporting</source>
            <translation>Organisation som stödjer</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="62" />
            <source>Area id (supporting)</source>
            <translation>Område-id (stödjer)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="63" />
            <source>Area (supporting)</source>
            <translation>Område (stödjer)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="64" />
            <source>Motivation (supporting)</source>
            <translation>Motivering (stödjer)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="65" />
            <source>Organisation in conflict</source>
            <translation>Organisation som motverkar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="66" />
            <source>Area id (in conflict)</source>
            <translation>Område-id (motverkar)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="67" />
            <source>Area (in conflict)</source>
            <translation>Område (motverkar)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="68" />
            <source>Motivation (in conflict)</source>
            <translation>Motivering (motverkar)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="70" />
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="26" />
            <source>Export delivery to the region</source>
            <translation>Exportera leverans till regionen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="50" />
            <source>Organisation name</source>
            <translation>Organisationens namn</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="51" />
            <source>Planning stage (e.g. Samråd 2026)</source>
            <translation>Planskede (t.ex. Samråd 2026)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="53" />
            <source>Delivery</source>
            <translation>Leverans</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="54" />
            <source>Delivered areas</source>
            <translation>Levererade områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="55" />
            <source>Delivered links</source>
            <translation>Levererade kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="76" />
            <source>{layer}, area {key}: {problem}</source>
            <translation>{layer}, område {key}: {problem}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="80" />
            <source>{layer}: {count} links point at features that are no longer in the layer and were left out; run the integrity check.</source>
            <translation>{layer}: {count} kopplingar pekar på objekt som inte längre finns i lagret och utelämnades; kör kontrollen av kopplingarna.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="86" />
            <source>Delivery of {organisation}: {areas} areas, {links} links → {path}</source>
            <translation>Leverans från {organisation}: {areas} områden, {links} kopplingar → {path}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="23" />
            <source>Import a municipality's delivery</source>
            <translation>Importera en kommuns leverans</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="37" />
            <source>Delivery (.gpkg)</source>
            <translation>Leverans (.gpkg)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="59" />
            <source>The region's link store</source>
            <translation>Regionens kopplingsdatabas</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="40" />
            <source>Links imported</source>
            <translation>Importerade kopplingar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="41" />
            <source>Areas imported</source>
            <translation>Importerade områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="42" />
            <source>1 when the store already held this delivery</source>
            <translation>1 när kopplingsdatabasen redan hade leveransen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="53" />
            <source>The region's store already holds this delivery from {organisation}; nothing was changed.</source>
            <translation>Regionens kopplingsdatabas har redan denna leverans från {organisation}; ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="59" />
            <source>{organisation}: {links} links and {areas} areas imported ({deleted} links replaced).</source>
            <translation>{organisation}: {links} kopplingar och {areas} områden importerade ({deleted} kopplingar ersatta).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="68" />
            <source>Catalogue {id} came with the delivery.</source>
            <translation>Katalogen {id} följde med leveransen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="70" />
            <source>Catalogue {id}: the delivery uses version {delivered}, the region's store holds version {held}. The region's version was kept.</source>
            <translation>Katalog {id}: leveransen använder version {delivered}, regionens kopplingsdatabas har version {held}. Regionens version behölls.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="100" />
            <source>Regional report</source>
            <translation>Regional rapport</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="65" />
            <source>Distance for intermunicipal conflicts (m)</source>
            <translation>Avstånd för mellankommunala konflikter (m)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="74" />
            <source>Municipal borders (optional, for the atlas)</source>
            <translation>Kommungränser (valfritt, för atlasen)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="82" />
            <source>Regional report (.xlsx or .pdf)</source>
            <translation>Regional rapport (.xlsx eller .pdf)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="65" />
            <source>Excel (*.xlsx);;PDF (*.pdf)</source>
            <translation>Excel (*.xlsx);;PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="140" />
            <source>{organisation}, area {key}: {problem}</source>
            <translation>{organisation}, område {key}: {problem}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/stages/service.py" line="44" />
            <source>None of the chosen layers is registered in the link store.</source>
            <translation>Inget av de valda lagren är registrerat i kopplingsdatabasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/stages.py" line="134" />
            <source>A plan stage needs a name, for example 'Samråd 2026-03'.</source>
            <translation>Ett planskede behöver ett namn, till exempel 'Samråd 2026-03'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/stages/service.py" line="92" />
            <source>Now</source>
            <translation>Nu</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/stages/service.py" line="116" />
            <source>Choose the land-use layers to compare the stage '{name}' with now.</source>
            <translation>Välj markanvändningslagren för att jämföra skedet '{name}' med nuläget.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/stages.py" line="96" />
            <source>A layer has the same key on several areas, so the stage cannot tell them apart ({reason}). Run 'Check link integrity' and give every area its own key. Nothing was saved.</source>
            <translation>Ett lager har samma nyckel på flera områden, så skedet kan inte skilja dem åt ({reason}). Kör 'Kontrollera kopplingarna' och ge varje område en egen nyckel. Inget sparades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/stage_messages.py" line="10" />
            <source>There is no plan stage named '{name}' in the link store.</source>
            <translation>Det finns inget planskede som heter '{name}' i kopplingsdatabasen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/stage_messages.py" line="14" />
            <source>A plan stage named '{name}' already exists; a saved stage cannot be replaced. Choose another name.</source>
            <translation>Det finns redan ett planskede som heter '{name}'; ett sparat skede kan inte ersättas. Välj ett annat namn.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/frozen.py" line="44" />
            <source>A saved plan stage cannot be changed.</source>
            <translation>Ett sparat planskede kan inte ändras.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/frozen.py" line="67" />
            <source>The layer '{layer}' is not part of the plan stage '{stage}'.</source>
            <translation>Lagret '{layer}' ingår inte i planskedet '{stage}'.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="112" />
            <source>Reshaped area, new shape</source>
            <translation>Omformat område, ny form</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="113" />
            <source>Reshaped area, earlier shape</source>
            <translation>Omformat område, tidigare form</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="221" />
            <source>{stance}, strength {strength}</source>
            <translation>{stance}, styrka {strength}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="238" />
            <source>From {before} to {after}</source>
            <translation>Från {before} till {after}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="238" />
            <source>Supporting</source>
            <translation>Stödjer</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="238" />
            <source>Conflicting</source>
            <translation>Motverkar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="254" />
            <source>Land use ({stage})</source>
            <translation>Markanvändning ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="19" />
            <source>Area reshaped</source>
            <translation>Område omformat</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="380" />
            <source>{ha} ha</source>
            <translation>{ha} ha</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="393" />
            <source>Area in the plan</source>
            <translation>Området i planen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="393" />
            <source>Area gone, link kept</source>
            <translation>Området borta, kopplingen kvar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="410" />
            <source>Changes between plan stages</source>
            <translation>Ändringar mellan planskeden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="411" />
            <source>What the plan does differently</source>
            <translation>Vad planen gör annorlunda</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="413" />
            <source>The following pages show, goal by goal, what changed.</source>
            <translation>Följande sidor visar, mål för mål, vad som ändrats.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="415" />
            <source>Nothing changed between the two stages.</source>
            <translation>Inget har ändrats mellan de två skedena.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="416" />
            <source>From {before} to {after}. Written {date}.</source>
            <translation>Från {before} till {after}. Skriven {date}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="429" />
            <source>Supporting ha before</source>
            <translation>Stödjande ha före</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="430" />
            <source>Supporting ha after</source>
            <translation>Stödjande ha efter</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="432" />
            <source>Conflicting ha before</source>
            <translation>Motverkande ha före</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="433" />
            <source>Conflicting ha after</source>
            <translation>Motverkande ha efter</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="460" />
            <source>Goals that changed (continued)</source>
            <translation>Mål som ändrats (forts.)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="71" />
            <source>Changes</source>
            <translation>Ändringar</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="488" />
            <source>Before</source>
            <translation>Före</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="488" />
            <source>After</source>
            <translation>Efter</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="491" />
            <source>{goal} (continued)</source>
            <translation>{goal} (forts.)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="521" />
            <source>Legend</source>
            <translation>Teckenförklaring</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="556" />
            <source>Territorial Links · {before} → {after} · {date}</source>
            <translation>Territorial Links · {before} → {after} · {date}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="15" />
            <source>Link added</source>
            <translation>Koppling tillagd</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="15" />
            <source>Link removed</source>
            <translation>Koppling borttagen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="15" />
            <source>Link changed</source>
            <translation>Koppling ändrad</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="19" />
            <source>Area added</source>
            <translation>Område tillagt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="19" />
            <source>Area removed</source>
            <translation>Område borttaget</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="23" />
            <source>Link whose area disappeared</source>
            <translation>Koppling vars område försvunnit</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="71" />
            <source>Stance before</source>
            <translation>Ställningstagande före</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="71" />
            <source>Stance after</source>
            <translation>Ställningstagande efter</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="71" />
            <source>Strength before</source>
            <translation>Styrka före</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="71" />
            <source>Strength after</source>
            <translation>Styrka efter</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="71" />
            <source>Motivation before</source>
            <translation>Motivering före</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="71" />
            <source>Motivation after</source>
            <translation>Motivering efter</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="99" />
            <source>Area before (ha)</source>
            <translation>Areal före (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="100" />
            <source>Area after (ha)</source>
            <translation>Areal efter (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="101" />
            <source>Difference (ha)</source>
            <translation>Skillnad (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Supporting areas before ({stage})</source>
            <translation>Stödjande områden före ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Supporting areas after ({stage})</source>
            <translation>Stödjande områden efter ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Supporting ha before ({stage})</source>
            <translation>Stödjande ha före ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Supporting ha after ({stage})</source>
            <translation>Stödjande ha efter ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Change in supporting ha</source>
            <translation>Ändring av stödjande ha</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Conflicting areas before ({stage})</source>
            <translation>Motverkande områden före ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Conflicting areas after ({stage})</source>
            <translation>Motverkande områden efter ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Conflicting ha before ({stage})</source>
            <translation>Motverkande ha före ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Conflicting ha after ({stage})</source>
            <translation>Motverkande ha efter ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Change in conflicting ha</source>
            <translation>Ändring av motverkande ha</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/rows.py" line="133" />
            <source>No</source>
            <translation>Nej</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/service.py" line="42" />
            <source>Write the comparison to a .xlsx or a .pdf file, not {name}.</source>
            <translation>Skriv jämförelsen till en .xlsx- eller .pdf-fil, inte {name}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/workbook.py" line="14" />
            <source>Per goal</source>
            <translation>Per mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/workbook.py" line="14" />
            <source>Links without area</source>
            <translation>Kopplingar utan område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/workbook.py" line="32" />
            <source>Nothing changed</source>
            <translation>Inget har ändrats</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/base.py" line="22" />
            <source>Plan stages</source>
            <translation>Planskeden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="27" />
            <source>Compare plan stages</source>
            <translation>Jämför planskeden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="57" />
            <source>From stage</source>
            <translation>Från skede</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="58" />
            <source>To stage (empty: the plan now)</source>
            <translation>Till skede (tomt: planen nu)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="65" />
            <source>Comparison (.xlsx or .pdf)</source>
            <translation>Jämförelse (.xlsx eller .pdf)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="70" />
            <source>Comparison</source>
            <translation>Jämförelse</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="72" />
            <source>Goals that changed</source>
            <translation>Mål som ändrats</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/save_stage.py" line="26" />
            <source>Save plan stage</source>
            <translation>Spara planskede</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/save_stage.py" line="54" />
            <source>Stage name (e.g. Samråd 2026-03)</source>
            <translation>Skedets namn (t.ex. Samråd 2026-03)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/save_stage.py" line="55" />
            <source>Note</source>
            <translation>Anteckning</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/save_stage.py" line="73" />
            <source>'{layer}' is not registered in the link store and is not part of the stage.</source>
            <translation>'{layer}' är inte registrerat i kopplingsdatabasen och ingår inte i skedet.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/save_stage.py" line="76" />
            <source>Saved the plan stage '{name}': {areas} areas and {links} links of {layers} layers.</source>
            <translation>Sparade planskedet '{name}': {areas} områden och {links} kopplingar i {layers} lager.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_param.py" line="20" />
            <source>Saved plan stage (empty: the plan now)</source>
            <translation>Sparat planskede (tomt: planen nu)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="47" />
            <source>1 area</source>
            <translation>1 område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="182" />
            <source>Outlines are simplified by this many metres for the web page: smaller files, faster maps.</source>
            <translation>Konturerna förenklas med så här många meter för webbsidan: mindre filer, snabbare kartor.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/export_dialog.py" line="185" />
            <source>Simplify outlines by</source>
            <translation>Förenkla konturerna med</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/region.py" line="118" />
            <source>The delivery is from '{organisation}', but you are connected for '{acting}'. In a shared store an organisation imports its own deliveries, or the store's owner imports them. Nothing was changed.</source>
            <translation>Leveransen kommer från '{organisation}', men du är ansluten för '{acting}'. I en delad kopplingsdatabas importerar en organisation sina egna leveranser, eller så importerar databasens ägare dem. Ingenting ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/store/postgres/region.py" line="213" />
            <source>not visible to your role</source>
            <translation>inte synlig för din roll</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/delivery/importer.py" line="35" />
            <source>Delivery from {name} ({organisation}), made by {user} on {created}, imported from {file}.</source>
            <translation>Leverans från {name} ({organisation}), gjord av {user} {created}, importerad från {file}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/deliveries.py" line="28" />
            <source>The region's store keeps {count} deliveries from '{organisation}'; comparing needs two. Deliveries imported before this version of the plugin are not kept.</source>
            <translation>Regionens kopplingsdatabas har {count} leveranser från '{organisation}' sparade; en jämförelse behöver två. Leveranser som importerades före den här versionen av insticksprogrammet är inte sparade.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="87" />
            <source>Compare the last two deliveries of (organisation id)</source>
            <translation>Jämför de två senaste leveranserna från (organisations-id)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="92" />
            <source>Comparison of the deliveries (.xlsx or .pdf)</source>
            <translation>Jämförelse av leveranserna (.xlsx eller .pdf)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="103" />
            <source>Comparison of the deliveries</source>
            <translation>Jämförelse av leveranserna</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="104" />
            <source>Changes between the deliveries</source>
            <translation>Ändringar mellan leveranserna</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/atlas/table.py" line="105" />
            <source>(rule: {name})</source>
            <translation>(regel: {name})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="177" />
            <source>No rule suggests the focused goal for the selected areas.</source>
            <translation>Ingen regel föreslår det valda målet för de valda områdena.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="147" />
            <source>Accept a suggestion of {goal}</source>
            <translation>Godta ett förslag om {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="147" />
            <source>Accept {n} suggestions of {goal}</source>
            <translation>Godta {n} förslag om {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="159" />
            <source>Linked one area to {goal} as its rule suggests</source>
            <translation>Kopplade ett område till {goal} så som dess regel föreslår</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="159" />
            <source>Linked {n} areas to {goal} as their rules suggest</source>
            <translation>Kopplade {n} områden till {goal} så som deras regler föreslår</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="194" />
            <source>Dismissed the suggestion of {goal} for one area (rule: {rules})</source>
            <translation>Avvisade förslaget om {goal} för ett område (regel: {rules})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="194" />
            <source>Dismissed the suggestions of {goal} for {n} areas (rules: {rules})</source>
            <translation>Avvisade förslagen om {goal} för {n} områden (regler: {rules})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="85" />
            <source>[Suggested]</source>
            <translation>[Förslag]</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="95" />
            <source>Suggested by the rule {rule} for one selected area</source>
            <translation>Föreslås av regeln {rule} för ett valt område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="95" />
            <source>Suggested by the rule {rule} for {n} selected areas</source>
            <translation>Föreslås av regeln {rule} för {n} valda områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="102" />
            <source>Accept links them as the rule says; dismiss hides the suggestion for these areas.</source>
            <translation>Godta kopplar dem så som regeln säger; avvisa döljer förslaget för de här områdena.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/tasks.py" line="81" />
            <source>Reading what the linking rules suggest for {n} areas</source>
            <translation>Läser vad kopplingsreglerna föreslår för {n} områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="263" />
            <source>Accept suggestion</source>
            <translation>Godta förslag</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="57" />
            <source>Link the selected areas a rule suggests for the focused goal, as the rule says (Ctrl+Return)</source>
            <translation>Koppla de valda områden som en regel föreslår för det valda målet, så som regeln säger (Ctrl+Retur)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="267" />
            <source>Dismiss suggestion</source>
            <translation>Avvisa förslag</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="68" />
            <source>Do not suggest the focused goal for the selected areas again (by the rules that suggest it)</source>
            <translation>Föreslå inte det valda målet för de valda områdena igen (av de regler som föreslår det)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="318" />
            <source>as linked in the plan stage {stage}</source>
            <translation>som de var kopplade i planskedet {stage}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="464" />
            <source>Select areas on the map to see how they were linked when the stage was saved.</source>
            <translation>Välj områden i kartan för att se hur de var kopplade när planskedet sparades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/bar.py" line="44" />
            <source>The links now (editable) or as a saved plan stage froze them (read-only); stages are saved with 'Save plan stage' in the Processing toolbox</source>
            <translation>Kopplingarna i nuläget (kan ändras) eller som ett sparat planskede frös dem (skrivskyddat); planskeden sparas med 'Spara planskede' i Processing-verktygslådan</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/bar.py" line="51" />
            <source>Show the links of one organisation only; what you link is still your own organisation's</source>
            <translation>Visa bara en organisations kopplingar; det du kopplar blir ändå din egen organisations</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/bar.py" line="114" />
            <source>The links as they are now; ticks and edits change them</source>
            <translation>Kopplingarna som de är nu; bockar och ändringar ändrar dem</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/bar.py" line="134" />
            <source>All organisations</source>
            <translation>Alla organisationer</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/scope.py" line="53" />
            <source>{organisation}: one area ({stances})</source>
            <translation>{organisation}: ett område ({stances})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/scope.py" line="53" />
            <source>{organisation}: {n} areas ({stances})</source>
            <translation>{organisation}: {n} områden ({stances})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/scope.py" line="69" />
            <source>Saved by {user} on {when}</source>
            <translation>Sparat av {user} {when}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/scope.py" line="72" />
            <source>One link of {areas} areas</source>
            <translation>En koppling av {areas} områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/scope.py" line="72" />
            <source>{n} links of {areas} areas</source>
            <translation>{n} kopplingar av {areas} områden</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/scope.py" line="81" />
            <source>Plan stage {stage} is shown – read-only</source>
            <translation>Planskede {stage} visas – skrivskyddat</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="65" />
            <source>Choose Current links under Show to change links.</source>
            <translation>Välj Nuläge under Visa för att ändra kopplingar.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="460" />
            <source>The checks show how the selected areas were linked when the stage was saved. Choose Current links to link.</source>
            <translation>Bockarna visar hur de valda områdena var kopplade när planskedet sparades. Välj Nuläge för att koppla.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/bar.py" line="113" />
            <source>Current links</source>
            <translation>Nuläge</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/scope/bar.py" line="41" />
            <source>Sh&amp;ow</source>
            <translation>&amp;Visa</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/layer_areas.py" line="69" />
            <source>The layer '{layer}' could not be opened ({source}): its areas are missing from the report.</source>
            <translation>Lagret '{layer}' kunde inte öppnas ({source}): områdena saknas i rapporten.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/layer_areas.py" line="75" />
            <source>The layer '{layer}' has no coordinate reference system: its areas are missing from the report.</source>
            <translation>Lagret '{layer}' saknar koordinatreferenssystem: områdena saknas i rapporten.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/layer_areas.py" line="83" />
            <source>{reason} Its areas are missing from the report.</source>
            <translation>{reason} Områdena saknas i rapporten.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/core/region/layer_areas.py" line="87" />
            <source>The area is not in the layer '{layer}' (see 'Check link integrity').</source>
            <translation>Området finns inte i lagret '{layer}' (se 'Kontrollera kopplingarna').</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="134" />
            <source>Regional report from the shared link store, {date}</source>
            <translation>Regional rapport från den delade kopplingsdatabasen, {date}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="243" />
            <source>1 area has a problem (geometry repaired or missing, or the area is gone from its layer); the workbook (.xlsx) lists it.</source>
            <translation>1 område har ett problem (geometrin reparerad eller saknas, eller området finns inte längre i sitt lager); arbetsboken (.xlsx) listar det.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/atlas.py" line="243" />
            <source>{n} areas have problems (geometry repaired or missing, or the area is gone from its layer); the workbook (.xlsx) lists them.</source>
            <translation>{n} områden har problem (geometrin reparerad eller saknas, eller området finns inte längre i sitt lager); arbetsboken (.xlsx) listar dem.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/tables.py" line="37" />
            <source>Problems</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/data.py" line="131" />
            <source>The region's store has no goal or catalogue {ids}.</source>
            <translation>Regionens kopplingsdatabas har inget mål eller ingen katalog {ids}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/region/data.py" line="136" />
            <source>No organisation links to a goal of {catalogues}.</source>
            <translation>Ingen organisation har kopplingar till något mål i {catalogues}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="60" />
            <source>Goals or catalogues (ids, comma-separated; empty = all linked)</source>
            <translation>Mål eller kataloger (id, kommaseparerade; tomt = alla kopplade)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="108" />
            <source>Added area</source>
            <translation>Tillkommet område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="109" />
            <source>Removed area ({stance} at {stage})</source>
            <translation>Borttaget område ({stance} vid {stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="110" />
            <source>Stance changed ({stance} at {stage})</source>
            <translation>Ändrat ställningstagande ({stance} vid {stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="111" />
            <source>Strength or motivation changed</source>
            <translation>Ändrad styrka eller motivering</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="485" />
            <source>Changes since {stage}</source>
            <translation>Ändringar sedan {stage}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="486" />
            <source>Stance ({stage})</source>
            <translation>Ställningstagande ({stage})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="182" />
            <source>Dismiss a suggestion of {goal}</source>
            <translation>Avvisa ett förslag om {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/actions.py" line="182" />
            <source>Dismiss {n} suggestions of {goal}</source>
            <translation>Avvisa {n} förslag om {goal}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="226" />
            <source>{n} area, {ha} ha</source>
            <translation>{n} område, {ha} ha</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="226" />
            <source>{n} areas, {ha} ha</source>
            <translation>{n} områden, {ha} ha</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="231" />
            <source>{label}: {before} → {after} ({diff} ha)</source>
            <translation>{label}: {before} → {after} ({diff} ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="269" />
            <source>{n} link added</source>
            <translation>{n} koppling tillagd</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="269" />
            <source>{n} links added</source>
            <translation>{n} kopplingar tillagda</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="269" />
            <source>{n} link removed</source>
            <translation>{n} koppling borttagen</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="269" />
            <source>{n} links removed</source>
            <translation>{n} kopplingar borttagna</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="269" />
            <source>{n} link changed</source>
            <translation>{n} koppling ändrad</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="269" />
            <source>{n} links changed</source>
            <translation>{n} kopplingar ändrade</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="274" />
            <source>{n} area added</source>
            <translation>{n} område tillagt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="274" />
            <source>{n} areas added</source>
            <translation>{n} områden tillagda</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="274" />
            <source>{n} area removed</source>
            <translation>{n} område borttaget</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="274" />
            <source>{n} areas removed</source>
            <translation>{n} områden borttagna</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="274" />
            <source>{n} area reshaped</source>
            <translation>{n} område omformat</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="274" />
            <source>{n} areas reshaped</source>
            <translation>{n} områden omformade</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="274" />
            <source>{n} link lost its area</source>
            <translation>{n} koppling förlorade sitt område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="274" />
            <source>{n} links lost their area</source>
            <translation>{n} kopplingar förlorade sitt område</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="431" />
            <source>Change supporting (ha)</source>
            <translation>Ändring stödjer (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/stages/pages.py" line="434" />
            <source>Change conflicting (ha)</source>
            <translation>Ändring motverkar (ha)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="98" />
            <source>{n} change from {before} to {after}</source>
            <translation>{n} ändring från {before} till {after}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="98" />
            <source>{n} changes from {before} to {after}</source>
            <translation>{n} ändringar från {before} till {after}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="99" />
            <source>{n} goal changed</source>
            <translation>{n} mål ändrades</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="99" />
            <source>{n} goals changed</source>
            <translation>{n} mål ändrades</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="100" />
            <source>{changes}; {goals}. Wrote {path}.</source>
            <translation>{changes}; {goals}. Skrev {path}.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_widget.py" line="33" />
            <source>Choose the link store first.</source>
            <translation>Välj kopplingsdatabasen först.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_widget.py" line="64" />
            <source>Saved by</source>
            <translation>Sparat av</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_widget.py" line="64" />
            <source>Saved on</source>
            <translation>Sparat den</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_widget.py" line="72" />
            <source>The plan now</source>
            <translation>Planen nu</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_widget.py" line="72" />
            <source>Choose or type a stage name</source>
            <translation>Välj ett planskede eller skriv dess namn</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_widget.py" line="131" />
            <source>A saved stage of the link store; a name can also be typed.</source>
            <translation>Ett sparat planskede i kopplingsdatabasen; ett namn kan också skrivas in.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_widget.py" line="133" />
            <source>The link store holds no saved stage.</source>
            <translation>Kopplingsdatabasen har inget sparat planskede.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_widget.py" line="87" />
            <source>{name} [optional]</source>
            <translation>{name} [valfri]</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/controller.py" line="437" />
            <source>{suggested}: a linking rule suggests the goal; accept or dismiss it with the buttons below the list.</source>
            <translation>{suggested}: en kopplingsregel föreslår målet; godta eller avvisa förslaget med knapparna under listan.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="125" />
            <source>Selection</source>
            <translation>Urval</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="58" />
            <source>Link the selected area to {goal} as the rule {rules} suggests (Ctrl+Return)</source>
            <translation>Koppla det valda området till {goal} så som kopplingsregeln {rules} föreslår (Ctrl+Retur)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="58" />
            <source>Link {n} selected areas to {goal} as the rule {rules} suggests (Ctrl+Return)</source>
            <translation>Koppla {n} valda områden till {goal} så som kopplingsregeln {rules} föreslår (Ctrl+Retur)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="69" />
            <source>Do not suggest {goal} for the selected area again (rule {rules}); no link is removed</source>
            <translation>Föreslå inte {goal} för det valda området igen (kopplingsregel {rules}); ingen koppling tas bort</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="69" />
            <source>Do not suggest {goal} for these {n} areas again (rule {rules}); no link is removed</source>
            <translation>Föreslå inte {goal} för dessa {n} områden igen (kopplingsregel {rules}); ingen koppling tas bort</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/view.py" line="145" />
            <source>Show only goals linked to areas of this layer or of the selection, and the goals a linking rule suggests for the selection ({suggested})</source>
            <translation>Visa bara mål som är kopplade till områden i lagret eller i urvalet, och mål som en kopplingsregel föreslår för urvalet ({suggested})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/web/page.py" line="54" />
            <source>Rule: {name}</source>
            <translation>Regel: {name}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/export/tables.py" line="79" />
            <source>Planner</source>
            <translation>Planerare</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="93" />
            <source>Category field (land use, as in Boverket's ÖP model):</source>
            <translation>Kategorifält (markanvändning, som i Boverkets ÖP-modell):</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="97" />
            <source>The category is shown in the web atlas and the area sections and goes with the region's delivery.</source>
            <translation>Kategorin visas i webbatlasen och områdesavsnitten och följer med leveransen till regionen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="100" />
            <source>(none)</source>
            <translation>(inget)</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="112" />
            <source>The values of '{field}' are categories of Boverket's ÖP model: proposed as the category field.</source>
            <translation>Värdena i '{field}' är kategorier i Boverkets ÖP-modell: föreslås som kategorifält.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/dialogs/register_layer.py" line="112" />
            <source>'{field}' is named like the category field of Boverket's template: proposed.</source>
            <translation>'{field}' heter som kategorifältet i Boverkets mall: föreslås.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/copy_store.py" line="22" />
            <source>Copies everything in the link store {INPUT} — catalogues, goals, registered layers, links and their history — into {OUTPUT}, for example from a GeoPackage into a shared PostgreSQL store (postgres:&amp;lt;QGIS connection name&amp;gt;) or back. {OUTPUT} is created if needed and must be empty; it is written in one transaction, so a failed copy leaves it as it was. {ORGANISATION} assigns links that have no organisation yet to that organisation, so its people can edit them.</source>
            <translation>Kopierar allt i kopplingsdatabasen {INPUT} — kataloger, mål, registrerade lager, kopplingar och deras historik — till {OUTPUT}, till exempel från en GeoPackage till en gemensam kopplingsdatabas i PostgreSQL (postgres:&amp;lt;namn på QGIS-anslutning&amp;gt;) eller tillbaka. {OUTPUT} skapas vid behov och måste vara tom; den skrivs i en enda transaktion, så en misslyckad kopiering lämnar den som den var. {ORGANISATION} tilldelar kopplingar som ännu saknar organisation till den organisationen, så att dess medarbetare kan redigera dem.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_organisation.py" line="25" />
            <source>For a shared PostgreSQL store ({STORE}: postgres:&amp;lt;QGIS connection name&amp;gt;), run by the store administrator. Creates an organisation ({ID}, {NAME}) — a municipality ({KIND}) or the region — and its database group role (named &amp;lt;schema&amp;gt;_&amp;lt;id&amp;gt;, without login), and grants it to the login roles listed in {MEMBERS}. People of a municipality change only their municipality's links and read only those; the region reads every link. Needs a role that may create roles (CREATEROLE).</source>
            <translation>För en gemensam kopplingsdatabas i PostgreSQL ({STORE}: postgres:&amp;lt;namn på QGIS-anslutning&amp;gt;), körs av databasadministratören. Skapar en organisation ({ID}, {NAME}) — en kommun ({KIND}) eller regionen — och dess grupproll i databasen (med namnet &amp;lt;schema&amp;gt;_&amp;lt;id&amp;gt;, utan inloggning) och tilldelar den till inloggningsrollerna i {MEMBERS}. Medarbetare i en kommun ändrar och läser bara kommunens egna kopplingar; regionen läser alla kopplingar. Kräver en roll som får skapa roller (CREATEROLE).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/administration/create_store.py" line="22" />
            <source>Creates a link store, or upgrades an existing one to this version of the plugin. {STORE} is a GeoPackage file (.gpkg) or postgres:&amp;lt;QGIS connection name&amp;gt; for a shared PostgreSQL store. A new GeoPackage holds the tables schema_version, catalogue, goal, registered_layer, link and link_history, which QGIS can open as ordinary tables. The tables can also be added to an existing GeoPackage. An older store is upgraded after a copy is kept beside it (name.bak-vN.gpkg); a store from a newer plugin version is left untouched. Running it on an up-to-date store changes nothing.</source>
            <translation>Skapar en kopplingsdatabas, eller uppgraderar en befintlig till den här versionen av insticksprogrammet. {STORE} är en GeoPackage-fil (.gpkg) eller postgres:&amp;lt;namn på QGIS-anslutning&amp;gt; för en gemensam kopplingsdatabas i PostgreSQL. En ny GeoPackage innehåller tabellerna schema_version, catalogue, goal, registered_layer, link och link_history, som QGIS kan öppna som vanliga tabeller. Tabellerna kan också läggas till i en befintlig GeoPackage. En äldre kopplingsdatabas uppgraderas efter att en kopia sparats bredvid den (namn.bak-vN.gpkg); en kopplingsdatabas från en nyare version av insticksprogrammet lämnas orörd. Körs den på en kopplingsdatabas som redan är uppdaterad ändras ingenting.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/base.py" line="75" />
            <source>“{label}” ({id})</source>
            <translation>”{label}” ({id})</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/export_catalogue.py" line="27" />
            <source>Writes one catalogue to a file ({OUTPUT}) that importcatalogue reads back unchanged: CSV (UTF-8 with BOM, separated by ; as Swedish Excel expects), XLSX (sheets goals and catalogue) or JSON. {CATALOGUE} is a catalogue id of the link store {STORE}; without it, a bundled catalogue's id. Use it to edit a catalogue in a spreadsheet and import it as a new version.</source>
            <translation>Skriver en katalog till en fil ({OUTPUT}) som importcatalogue läser tillbaka oförändrad: CSV (UTF-8 med BOM, avgränsad med ; som svenska Excel förväntar sig), XLSX (bladen goals och catalogue) eller JSON. {CATALOGUE} är ett katalog-id i kopplingsdatabasen {STORE}; utan den är det id:t för en medföljande katalog. Använd den för att redigera en katalog i ett kalkylprogram och importera den som en ny version.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/catalogues/import_catalogue.py" line="31" />
            <source>Imports a goal catalogue ({INPUT}) into the link store: a CSV, XLSX or JSON file, a bundled catalogue ({names}), or all to import every bundled catalogue. The whole file is checked first; if anything is wrong, every problem is listed with its row (or cell) and column, and nothing is changed. A GeoPackage store that does not exist yet is created.&lt;br&gt;&lt;br&gt;&lt;b&gt;File format&lt;/b&gt;: one row per goal, a header row first. Columns (Swedish or English names): code/kod (required, unique), parent/överordnad (the parent's code, empty for a top goal), title_sv/titel and title_en (at least one), description/beskrivning, order/ordning (a whole number), kind/typ. CSV may be UTF-8 (with or without BOM) or Windows-1252, separated by ; or ,. Example:&lt;pre&gt;kod;överordnad;titel;beskrivning
1;;Levande landsbygd;
1.1;1;Service i hela länet;Skola, vård och handel
2;;Hållbara transporter;&lt;/pre&gt;XLSX: the first sheet (or a sheet named goals/mål), no merged cells, no formulas; a sheet named catalogue may hold key/value metadata (id, name, issuer, level, version). JSON: the format of the bundled catalogues (see the documentation).&lt;br&gt;&lt;br&gt;{COLUMNS} chooses columns by header, e.g. code=Nr;title_sv=Mål;parent=Hör till. {CATALOGUE_ID} (default: from the file name), {NAME}, {VERSION}, {SERIES}, {LEVEL} (global, eu, national, regional, municipal; default regional) and {ISSUER} describe the catalogue. A new version is imported under a new {CATALOGUE_ID}; the old version stays. {MIGRATION} is a CSV with the columns old and new (goal ids, e.g. rus_ac_2030:M1;rus_ac_2035:M1) that moves links to the new version; linked goals it leaves out are reported as having lost their links. {REPLACE} updates a catalogue with the same id (goals that still have links are never removed). Importing a catalogue that is already in the store unchanged does nothing.&lt;br&gt;&lt;br&gt;{STORE} is a GeoPackage file or postgres:&amp;lt;QGIS connection name&amp;gt; for a shared PostgreSQL store.</source>
            <translation>Importerar en målkatalog ({INPUT}) till kopplingsdatabasen: en CSV-, XLSX- eller JSON-fil, en medföljande katalog ({names}), eller all för att importera alla medföljande kataloger. Hela filen kontrolleras först; är något fel listas varje problem med rad (eller cell) och kolumn, och ingenting ändras. En GeoPackage-databas som inte finns skapas.&lt;br&gt;&lt;br&gt;&lt;b&gt;Filformat&lt;/b&gt;: en rad per mål, först en rubrikrad. Kolumner (svenska eller engelska namn): kod/code (krävs, unik), överordnad/parent (det överordnade målets kod, tom för ett huvudmål), titel/title_sv och title_en (minst en), beskrivning/description, ordning/order (ett heltal), typ/kind. CSV kan vara UTF-8 (med eller utan BOM) eller Windows-1252, avgränsad med ; eller ,. Exempel:&lt;pre&gt;kod;överordnad;titel;beskrivning
1;;Levande landsbygd;
1.1;1;Service i hela länet;Skola, vård och handel
2;;Hållbara transporter;&lt;/pre&gt;XLSX: första bladet (eller ett blad som heter goals/mål), inga sammanfogade celler, inga formler; ett blad som heter catalogue kan innehålla metadata som nyckel/värde (id, name, issuer, level, version). JSON: samma format som de medföljande katalogerna (se dokumentationen).&lt;br&gt;&lt;br&gt;{COLUMNS} väljer kolumner efter rubrik, t.ex. code=Nr;title_sv=Mål;parent=Hör till. {CATALOGUE_ID} (standard: från filnamnet), {NAME}, {VERSION}, {SERIES}, {LEVEL} (global, eu, national, regional, municipal; standard regional) och {ISSUER} beskriver katalogen. En ny version importeras med ett nytt {CATALOGUE_ID}; den gamla versionen finns kvar. {MIGRATION} är en CSV med kolumnerna old och new (mål-id, t.ex. rus_ac_2030:M1;rus_ac_2035:M1) som flyttar kopplingar till den nya versionen; kopplade mål som den utelämnar rapporteras som mål som förlorat sina kopplingar. {REPLACE} uppdaterar en katalog med samma id (mål som fortfarande har kopplingar tas aldrig bort). Att importera en katalog som redan finns oförändrad i kopplingsdatabasen gör ingenting.&lt;br&gt;&lt;br&gt;{STORE} är en GeoPackage-fil eller postgres:&amp;lt;namn på QGIS-anslutning&amp;gt; för en gemensam kopplingsdatabas i PostgreSQL.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/coverage_report.py" line="32" />
            <source>Writes the goal × area tables for the plan description. {OUTPUT} ending in .xlsx: one workbook with the sheets summary per goal (number of areas, area in ha, supports/conflicts, with a bar chart of area per goal), goal × area matrix, all links, conflicts, areas without goals and goals without areas. Any other {OUTPUT} is a folder that receives one CSV file per sheet (UTF-8 with BOM, separated by ; with decimal comma, as Swedish Excel opens them). {STORE}: GeoPackage file or postgres:&amp;lt;connection&amp;gt;. {LAYERS}: the registered land-use layers. {CATALOGUE} (optional) limits the goals to one catalogue; otherwise every enabled catalogue counts.</source>
            <translation>Skriver tabellerna mål × område för planbeskrivningen. {OUTPUT} som slutar på .xlsx: en arbetsbok med bladen sammanställning per mål (antal områden, areal i ha, stödjer/motverkar, med ett stapeldiagram över areal per mål), mål × område, alla kopplingar, motverkar, områden utan mål och mål utan områden. Annars är {OUTPUT} en mapp som får en CSV-fil per blad (UTF-8 med BOM, semikolonavgränsad med decimalkomma, så som svenska Excel öppnar dem). {STORE}: GeoPackage-fil eller postgres:&amp;lt;anslutning&amp;gt;. {LAYERS}: de registrerade markanvändningslagren. {CATALOGUE} (valfri) begränsar målen till en katalog; annars räknas alla aktiverade kataloger.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_areas.py" line="29" />
            <source>Writes one section per linked area for the plan description, which has a chapter per area (development area, LIS area…): the area's name, category and size, every linked goal with stance, strength and motivation, and a locator map. {OUTPUT} ending in .pdf: one page per area; .xlsx: one sheet with a row per area and goal, with filters and a frozen header row. {STORE}: GeoPackage file or postgres:&amp;lt;connection&amp;gt;. {LAYERS}: the land-use layers (registered layers give the areas; others are drawn as background). {GOALS} (optional): goal ids separated by commas; empty: every goal with links (of {CATALOGUE}, when given).</source>
            <translation>Skriver ett avsnitt per kopplat område för planbeskrivningen, som har ett kapitel per område (utvecklingsområde, LIS-område …): områdets namn, kategori och storlek, varje kopplat mål med ställningstagande, styrka och motivering, och en översiktskarta. {OUTPUT} som slutar på .pdf: en sida per område; .xlsx: ett blad med en rad per område och mål, med filter och fast rubrikrad. {STORE}: GeoPackage-fil eller postgres:&amp;lt;anslutning&amp;gt;. {LAYERS}: markanvändningslagren (registrerade lager ger områdena; andra ritas som bakgrund). {GOALS} (valfritt): mål-id åtskilda med kommatecken; tomt: alla mål med kopplingar (i {CATALOGUE}, om den anges).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_atlas.py" line="40" />
            <source>Writes the goal atlas for the plan description: an overview page (map of every linked goal, legend and a bar chart of linked area per goal, supports and conflicts apart) and one page per goal (map with the goal's areas highlighted over the land use, legend, scale bar, north arrow, the goal's code, title and description, and a table of the linked areas with stance, strength and motivation, continued on further pages when long).

{STORE}: GeoPackage file or postgres:&amp;lt;connection&amp;gt;. {LAYERS}: the land-use layers; layers not registered in the store are drawn as background. {GOALS}: goal ids separated by commas (e.g. agenda2030:11,agenda2030:15); empty: every goal with links (of {CATALOGUE}, when given). {TEMPLATE}: {names} or the path of your own .qpt (see the documented item ids). {FORMAT}: pdf (vector, fonts embedded), png (one file per page at {DPI}) or svg. {OUTPUT}: the .pdf file, or a folder for png/svg. The municipality printed on every page is {MUNICIPALITY}, or else the variable tl_municipality of {PROJECT}. {PROJECT}: a .qgs/.qgz whose layers with the same data sources lend their styles and names to the map.</source>
            <translation>Skriver målatlasen för planbeskrivningen: en översiktssida (karta över alla kopplade mål, teckenförklaring och ett stapeldiagram över kopplad areal per mål, med stödjer och motverkar var för sig) och en sida per mål (karta där målets områden framhävs över markanvändningen, teckenförklaring, skalstock, norrpil, målets kod, titel och beskrivning samt en tabell över de kopplade områdena med ställningstagande, styrka och motivering, som fortsätter på nästa sida när den är lång).

{STORE}: GeoPackage-fil eller postgres:&amp;lt;anslutning&amp;gt;. {LAYERS}: markanvändningslagren; lager som inte är registrerade i kopplingsdatabasen ritas som bakgrund. {GOALS}: mål-id åtskilda med kommatecken (t.ex. agenda2030:11,agenda2030:15); tomt: alla mål med kopplingar (i {CATALOGUE}, om den anges). {TEMPLATE}: {names} eller sökvägen till en egen .qpt (se de dokumenterade objekt-id:na). {FORMAT}: pdf (vektor, inbäddade typsnitt), png (en fil per sida med upplösningen {DPI}) eller svg. {OUTPUT}: PDF-filen, eller en mapp för png/svg. Kommunen som skrivs ut på varje sida är {MUNICIPALITY}, annars variabeln tl_municipality i {PROJECT}. {PROJECT}: en .qgs/.qgz vars lager med samma datakällor lånar ut sin stil och sina namn till kartan.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/export/export_web.py" line="33" />
            <source>Writes the goal atlas as a web page for the municipality's website or intranet: a folder with index.html that works opened straight from disk and offline (no map tiles, fonts or scripts from the internet; the land use itself is the map). The page lists the goals with a search field; choosing a goal colours its areas by stance; clicking an area shows its name, category and every linked goal with stance, strength and motivation.

{STORE}: GeoPackage file or postgres:&amp;lt;connection&amp;gt;. {LAYERS}: the land-use layers (polygons); layers not registered in the store are drawn without links. {GOALS}: goal ids separated by commas; empty: every goal with links. {TOLERANCE}: how far (m) outlines may be simplified for the web. {WITH_PDF}: also write the goal atlas (malatlas.pdf) into the folder and link every goal to its page. {MUNICIPALITY}: printed on the page; empty: the project variable tl_municipality. {OUTPUT}: the folder.</source>
            <translation>Skriver målatlasen som en webbsida för kommunens webbplats eller intranät: en mapp med index.html som fungerar öppnad direkt från disk och utan nätverk (inga kartplattor, typsnitt eller skript från internet; markanvändningen själv är kartan). Sidan listar målen med ett sökfält; väljer man ett mål färgas dess områden efter ställningstagande; klickar man på ett område visas dess namn, kategori och varje kopplat mål med ställningstagande, styrka och motivering.

{STORE}: GeoPackage-fil eller postgres:&amp;lt;anslutning&amp;gt;. {LAYERS}: markanvändningslagren (polygoner); lager som inte är registrerade i kopplingsdatabasen ritas utan kopplingar. {GOALS}: mål-id åtskilda med kommatecken; tomt: alla mål med kopplingar. {TOLERANCE}: hur mycket (m) konturerna får förenklas för webben. {WITH_PDF}: skriv även målatlasen (malatlas.pdf) i mappen och länka varje mål till dess sida. {MUNICIPALITY}: skrivs ut på sidan; tomt: projektvariabeln tl_municipality. {OUTPUT}: mappen.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/check_integrity.py" line="29" />
            <source>Checks that every link still finds its feature. Reports links whose key is no longer in the layer (orphans), key values that repeat or are empty, and registered layers that were not found. Run it after data maintenance, after moving files, or when a layer was saved under a new name.&lt;br&gt;&lt;br&gt;{STORE}: a GeoPackage file or postgres:&amp;lt;QGIS connection name&amp;gt;. {LAYERS}: the land-use layers to check (default: the registered layers of the open project). {REPAIR}: a given layer that the store does not recognise (a moved or re-saved file) is re-attached to the registered layer whose linked keys it holds, by key, never by feature id. {REMOVE_ORPHANS}: delete the links whose key is no longer in its layer (kept in the history). Without it nothing is deleted: a feature may return when a file is restored.&lt;br&gt;&lt;br&gt;Areas that match an enabled linking rule but have neither a link to the rule's goal nor a planner's dismissal are listed too ({RULE_GAPS}): the plan's unexplained gaps.</source>
            <translation>Kontrollerar att varje koppling fortfarande hittar sitt objekt. Rapporterar kopplingar vars nyckel inte längre finns i lagret (föräldralösa), nyckelvärden som upprepas eller är tomma, och registrerade lager som inte hittades. Kör den efter dataunderhåll, efter att filer flyttats eller när ett lager sparats under nytt namn.&lt;br&gt;&lt;br&gt;{STORE}: en GeoPackage-fil eller postgres:&amp;lt;namn på QGIS-anslutning&amp;gt;. {LAYERS}: markanvändningslagren som ska kontrolleras (standard: de registrerade lagren i det öppna projektet). {REPAIR}: ett angivet lager som kopplingsdatabasen inte känner igen (en flyttad eller omsparad fil) knyts på nytt till det registrerade lager vars kopplade nycklar det innehåller, via nyckeln, aldrig via objekt-id. {REMOVE_ORPHANS}: ta bort kopplingar vars nyckel inte längre finns i lagret (de sparas i historiken). Utan den tas ingenting bort: ett objekt kan komma tillbaka när en fil återställs.&lt;br&gt;&lt;br&gt;Områden som matchar en aktiv kopplingsregel men varken har koppling till regelns mål eller har avvisats av en planerare listas också ({RULE_GAPS}): planens oförklarade luckor.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/link_features.py" line="36" />
            <source>Links features of a land-use layer to one or more goals, in one transaction: all of the links are written or, if anything is wrong, none. Features already linked to a goal get the new stance, strength and motivation.&lt;br&gt;&lt;br&gt;{STORE}: a GeoPackage file or postgres:&amp;lt;QGIS connection name&amp;gt;. {LAYER}: the land-use layer. {KEY_FIELD}: the field whose values identify each feature for good (unique, never empty). It is needed the first time a layer is linked; afterwards the layer is recognised by its source. The QGIS feature id of a shapefile, CSV, memory or OSM layer is never accepted, as it changes when features are deleted; add a tl_uuid field instead (the panel offers it). {GOALS}: goal ids separated by commas, e.g. agenda2030:11.3, rus_ac_2030:M1. {STANCE}: supports, conflicts or neutral. {STRENGTH}: 0 (weak) to 3 (strong). {MOTIVATION}: why, in words that can go into the plan description.&lt;br&gt;&lt;br&gt;Features: all of them, only the selected ones ({SELECTED_ONLY}, for a layer of the open project), or those matching {EXPRESSION} (for example "anv" = 'BOST').</source>
            <translation>Kopplar objekt i ett markanvändningslager till ett eller flera mål i en enda transaktion: antingen skrivs alla kopplingar eller, om något är fel, ingen. Objekt som redan är kopplade till ett mål får det nya ställningstagandet, styrkan och motiveringen.&lt;br&gt;&lt;br&gt;{STORE}: en GeoPackage-fil eller postgres:&amp;lt;namn på QGIS-anslutning&amp;gt;. {LAYER}: markanvändningslagret. {KEY_FIELD}: fältet vars värden för alltid identifierar varje objekt (unika, aldrig tomma). Det behövs första gången ett lager kopplas; därefter känns lagret igen på sin datakälla. QGIS objekt-id i en shapefil, CSV-fil, ett minneslager eller OSM-lager godtas aldrig, eftersom det ändras när objekt tas bort; lägg i stället till ett tl_uuid-fält (panelen erbjuder det). {GOALS}: mål-id åtskilda med kommatecken, t.ex. agenda2030:11.3, rus_ac_2030:M1. {STANCE}: stödjer, motverkar eller neutral. {STRENGTH}: 0 (svag) till 3 (stark). {MOTIVATION}: varför, med ord som kan stå i planbeskrivningen.&lt;br&gt;&lt;br&gt;Objekt: alla, bara de markerade ({SELECTED_ONLY}, för ett lager i det öppna projektet) eller de som uppfyller {EXPRESSION} (till exempel "anv" = 'BOST').</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/links/unlink_features.py" line="24" />
            <source>Removes links of features of a registered land-use layer, in one transaction. Each removed link is kept in the store's history (who, when, what it said).&lt;br&gt;&lt;br&gt;{STORE}: a GeoPackage file or postgres:&amp;lt;QGIS connection name&amp;gt;. {LAYER}: the land-use layer (registered when it was first linked). {GOALS}: goal ids separated by commas; empty removes the links to every goal.&lt;br&gt;&lt;br&gt;Features: all of them, only the selected ones ({SELECTED_ONLY}, for a layer of the open project), or those matching {EXPRESSION} (for example "anv" = 'BOST').</source>
            <translation>Tar bort kopplingar för objekt i ett registrerat markanvändningslager i en enda transaktion. Varje borttagen koppling sparas i kopplingsdatabasens historik (vem, när, vad den sa).&lt;br&gt;&lt;br&gt;{STORE}: en GeoPackage-fil eller postgres:&amp;lt;namn på QGIS-anslutning&amp;gt;. {LAYER}: markanvändningslagret (registrerat när det kopplades första gången). {GOALS}: mål-id åtskilda med kommatecken; tomt tar bort kopplingarna till alla mål.&lt;br&gt;&lt;br&gt;Objekt: alla, bara de markerade ({SELECTED_ONLY}, för ett lager i det öppna projektet) eller de som uppfyller {EXPRESSION} (till exempel "anv" = 'BOST').</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/export_delivery.py" line="29" />
            <source>Writes the municipality's delivery for the region ({OUTPUT}): one GeoPackage that is a link store of its own (links with stance, strength, motivation, who and when; only the catalogues and goals they use), a layer delivered_areas with every linked area in SWEREF 99 TM (EPSG:3006) with its organisation, source layer, key, name, category and other attributes, and a table tl_delivery with the organisation, stage, plugin version, time and counts. Invalid geometries are repaired; one that cannot be repaired is delivered without geometry and listed in the log. {STORE}: the municipality's link store. {LAYERS}: its registered land-use layers. {ORGANISATION}: the municipality's id (a–z, 0–9, _). {ORGANISATION_NAME}: as the region's report prints it. {STAGE}: free text, for example Samråd 2026.</source>
            <translation>Skriver kommunens leverans till regionen ({OUTPUT}): en GeoPackage som är en egen kopplingsdatabas (kopplingar med ställningstagande, styrka, motivering, vem och när; bara de kataloger och mål de använder), ett lager delivered_areas med varje kopplat område i SWEREF 99 TM (EPSG:3006) med organisation, källager, nyckel, namn, kategori och övriga attribut, och en tabell tl_delivery med organisation, planskede, insticksversion, tid och antal. Ogiltiga geometrier lagas; en som inte kan lagas levereras utan geometri och listas i loggen. {STORE}: kommunens kopplingsdatabas. {LAYERS}: dess registrerade markanvändningslager. {ORGANISATION}: kommunens id (a–z, 0–9, _). {ORGANISATION_NAME}: som regionens rapport skriver ut den. {STAGE}: fri text, till exempel Samråd 2026.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/import_delivery.py" line="26" />
            <source>Imports a delivery ({INPUT}: the GeoPackage 'Export delivery to the region' writes) into the region's link store, in one transaction: the organisation's previous delivery — its links and areas — is replaced, and the store keeps the history of deliveries (who imported what, when, which stage). The same delivery imported again changes nothing. A file that is not a delivery, was written by a newer plugin, is damaged, or names an organisation a shared PostgreSQL store does not know is refused and nothing is changed. A catalogue the region lacks comes with the delivery; one the region holds in another version is reported, never merged. {STORE}: created if it does not exist.</source>
            <translation>Importerar en leverans ({INPUT}: den GeoPackage som ”Exportera leverans till regionen” skriver) till regionens kopplingsdatabas i en enda transaktion: organisationens tidigare leverans – dess kopplingar och områden – ersätts, och kopplingsdatabasen sparar leveranshistoriken (vem som importerade vad, när och i vilket planskede). Samma leverans importerad igen ändrar ingenting. En fil som inte är en leverans, har skrivits av en nyare version, är skadad eller anger en organisation som en gemensam PostgreSQL-databas inte känner till avvisas och ingenting ändras. En katalog som regionen saknar följer med leveransen; en som regionen har i en annan version rapporteras och slås aldrig ihop. {STORE}: skapas om den inte finns.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="32" />
            <source>The region's picture from the municipalities' deliveries in the region's store, or from a shared PostgreSQL store's own links: there the areas are read from the registered layers — the open project's layer of the same registered layer when there is one, else the registered source — and a layer that cannot be opened is named in the problems (its areas are missing). {OUTPUT} ending in .xlsx: a workbook with one row per organisation and one column per goal (number of linked areas; the same in hectares; supports and conflicts apart), every goal with its figures, the goals no organisation links to, a summary per organisation (areas, hectares, share of its land-use area linked, latest delivery and stage) and the intermunicipal goal conflicts: pairs of areas of different organisations within {DISTANCE} of each other, linked to the same goal, one supporting and one in conflict. {OUTPUT} ending in .pdf: a regional atlas with an overview of every organisation's areas (and the municipal borders of {BOUNDARIES}), then one page per goal with the areas by stance, a table per organisation and the conflict pairs marked and listed. {GOALS}: goal ids and catalogue ids, comma-separated (default: every goal with links). A catalogue id (rus_ac_2030) stands for all its goals: those with links get their columns and pages, those without are listed as goals without links. An id that is neither a goal nor a catalogue in the store is refused by name.</source>
            <translation>Regionens bild utifrån kommunernas leveranser i regionens kopplingsdatabas, eller utifrån en gemensam PostgreSQL-kopplingsdatabas egna kopplingar: där läses områdena från de registrerade lagren — projektets lager för samma registrerade lager när det finns, annars den registrerade källan — och ett lager som inte kan öppnas nämns bland problemen (dess områden saknas). {OUTPUT} som slutar på .xlsx: en arbetsbok med en rad per organisation och en kolumn per mål (antal kopplade områden; detsamma i hektar; stödjer och motverkar var för sig), varje mål med sina siffror, målen som ingen organisation kopplar till, en sammanfattning per organisation (områden, hektar, andel av markanvändningsytan som är kopplad, senaste leverans och planskede) och de mellankommunala målkonflikterna: par av områden från olika organisationer inom {DISTANCE} från varandra, kopplade till samma mål, det ena stödjande och det andra motverkande. {OUTPUT} som slutar på .pdf: en regional atlas med en översikt över alla organisationers områden (och kommungränserna i {BOUNDARIES}), därefter en sida per mål med områdena efter ställningstagande, en tabell per organisation och konfliktparen markerade och listade. {GOALS}: mål-id och katalog-id, kommaseparerade (standard: alla mål med kopplingar). Ett katalog-id (rus_ac_2030) står för alla katalogens mål: de med kopplingar får sina kolumner och sidor, de utan listas som mål utan kopplingar. Ett id som varken är ett mål eller en katalog i kopplingsdatabasen avvisas med namn.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="49" />
            <source>{COMPARE_ORGANISATION} (optional): an organisation id; its last two deliveries are compared as plan stages are (links added, removed and changed, areas added, removed and reshaped, per goal before and after) and written to {COMPARE_OUTPUT} (empty: beside {OUTPUT} in its format). Every imported delivery is kept as a read-only plan stage named '&amp;lt;organisation&amp;gt;: &amp;lt;stage&amp;gt; (&amp;lt;day&amp;gt;)', so 'Compare plan stages' can compare any two of them.</source>
            <translation>{COMPARE_ORGANISATION} (valfri): ett organisations-id; dess två senaste leveranser jämförs som planskeden jämförs (kopplingar tillagda, borttagna och ändrade, områden tillagda, borttagna och omformade, per mål före och efter) och skrivs till {COMPARE_OUTPUT} (tomt: bredvid {OUTPUT} i samma format). Varje importerad leverans sparas som ett skrivskyddat planskede med namnet '&amp;lt;organisation&amp;gt;: &amp;lt;skede&amp;gt; (&amp;lt;dag&amp;gt;)', så att ”Jämför planskeden” kan jämföra vilka två som helst av dem.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/export_rules.py" line="22" />
            <source>Writes every linking rule of {STORE} (enabled and disabled) to {OUTPUT}: CSV (UTF-8 with BOM, separated by ;), XLSX or JSON, with the columns importrules reads back unchanged. Use it to review rules in a spreadsheet or to carry them to another store.</source>
            <translation>Skriver alla kopplingsregler i {STORE} (aktiva och inaktiva) till {OUTPUT}: CSV (UTF-8 med BOM, avgränsad med ;), XLSX eller JSON, med de kolumner som importrules läser tillbaka oförändrade. Använd den för att granska regler i ett kalkylark eller flytta dem till en annan kopplingsdatabas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/import_rules.py" line="26" />
            <source>Reads linking rules from {INPUT} (CSV with a header, XLSX first sheet, or a JSON list of objects) and saves them in {STORE}: new names are added, rules of the same name are updated, other rules stay. Columns: name, layer (a registered layer's name, empty = any), expression (a QGIS expression selecting areas), goals (goal ids separated by commas), stance (supports, conflicts, neutral or stödjer, motverkar), strength (0–3), motivation (may hold [% expression %] templates filled per area), enabled (1/0). Swedish headers (namn, lager, uttryck, mål, ställningstagande, styrka, motivering, aktiv) are accepted.&lt;br&gt;&lt;br&gt;The whole file is checked first; every bad row is named with its column, and then nothing is written. An invalid expression or a goal the store does not hold is refused.</source>
            <translation>Läser kopplingsregler från {INPUT} (CSV med rubrikrad, XLSX:s första blad eller en JSON-lista med objekt) och sparar dem i {STORE}: nya namn läggs till, regler med samma namn uppdateras, övriga regler finns kvar. Kolumner: name, layer (ett registrerat lagers namn, tomt = alla), expression (ett QGIS-uttryck som väljer områden), goals (mål-id åtskilda med kommatecken), stance (supports, conflicts, neutral eller stödjer, motverkar), strength (0–3), motivation (får innehålla mallar [% uttryck %] som fylls i per område), enabled (1/0). Svenska rubriker (namn, lager, uttryck, mål, ställningstagande, styrka, motivering, aktiv) går också bra.&lt;br&gt;&lt;br&gt;Hela filen kontrolleras först; varje felaktig rad anges med sin kolumn, och då skrivs ingenting. Ett ogiltigt uttryck eller ett mål som kopplingsdatabasen saknar avvisas.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/import_rules.py" line="26" />
            <source>An example rule set for Boverket's ÖP model comes with the plugin: it links the land- and water-use categories (a field kategori_boverket) to goals of the bundled catalogues, for the municipality to review and change before use. Choose this file as {INPUT}: {path}</source>
            <translation>En exempeluppsättning kopplingsregler för Boverkets ÖP-modell följer med insticksprogrammet: den kopplar kategorierna för mark- och vattenanvändning (ett fält kategori_boverket) till mål i de medföljande katalogerna, för kommunen att granska och ändra innan den används. Välj den här filen som {INPUT}: {path}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/compare_stages.py" line="30" />
            <source>Shows what changed from a saved plan stage ({FROM}) to another ({TO}), or to the plan now ({TO} empty): links added, removed and changed (stance, strength and motivation before and after side by side); areas added, removed and reshaped (area in ha before and after) and links whose area disappeared; and per goal the areas and hectares supporting and in conflict at each stage, with the difference.&lt;br&gt;&lt;br&gt;{OUTPUT} ending in .xlsx: a workbook with every change. Ending in .pdf: a summary page and one page per goal that changed, with a map of the goal's areas by their stance at {TO} (as the atlas draws them) and, over them, what changed: added areas, removed areas (dashed, as they were, in the colour of their stance at {FROM}), changed stances (a ring in the colour of the stance at {FROM}), other changed links and reshaped areas; and the table of changes.&lt;br&gt;&lt;br&gt;An area is reshaped when its outline moved by more than 0.5 m² (the symmetric difference of the two shapes); the same outline written otherwise (another start point or ring orientation, a multipolygon of one part, rounding in the last digits) is no change.&lt;br&gt;&lt;br&gt;{STORE}: a GeoPackage file or postgres:&amp;lt;QGIS connection name&amp;gt;. {LAYERS}: the registered land-use layers to compare (empty: with two stages every layer of both; with now the stage's layers as the open project holds them).</source>
            <translation>Visar vad som ändrats från ett sparat planskede ({FROM}) till ett annat ({TO}), eller till planen nu ({TO} tomt): kopplingar tillagda, borttagna och ändrade (ställningstagande, styrka och motivering före och efter sida vid sida); områden tillagda, borttagna och omformade (areal i ha före och efter) och kopplingar vars område försvunnit; samt per mål områden och hektar som stödjer och motverkar i varje skede, med skillnaden.&lt;br&gt;&lt;br&gt;{OUTPUT} som slutar på .xlsx: en arbetsbok med varje ändring. På .pdf: en sammanfattningssida och en sida per mål som ändrats, med en karta över målets områden efter deras ställningstagande i {TO} (som målatlasen ritar dem) och, ovanpå, vad som ändrats: tillkomna områden, borttagna områden (streckade, som de var, i färgen för deras ställningstagande i {FROM}), ändrade ställningstaganden (en ring i färgen för ställningstagandet i {FROM}), andra ändrade kopplingar och omformade områden; samt tabellen över ändringarna.&lt;br&gt;&lt;br&gt;Ett område är omformat när dess gräns flyttats mer än 0,5 m² (den symmetriska skillnaden mellan de två formerna); samma gräns skriven på annat sätt (en annan startpunkt eller ringriktning, en multipolygon med en del, avrundning i de sista decimalerna) är ingen ändring.&lt;br&gt;&lt;br&gt;{STORE}: en GeoPackage-fil eller postgres:&amp;lt;namn på QGIS-anslutning&amp;gt;. {LAYERS}: de registrerade markanvändningslager som ska jämföras (tomt: med två skeden alla lager i båda; med planen nu skedets lager så som det öppna projektet har dem).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/save_stage.py" line="29" />
            <source>Freezes the plan as it is now under a stage name, for example 'Samråd 2026-03': every area of the chosen land-use layers (geometry and attributes) and all their links (stance, strength, motivation). A saved stage cannot be changed or replaced: the link store itself refuses it, so it stays the evidence of what the plan said at samråd, granskning or antagande. Compare stages with 'Compare plan stages'; the goal atlas and the coverage tables can be made of a saved stage.&lt;br&gt;&lt;br&gt;{STORE}: a GeoPackage file or postgres:&amp;lt;QGIS connection name&amp;gt;. {LAYERS}: the registered land-use layers. {STAGE}: a name not used before. {NOTE}: what the stage is (optional).</source>
            <translation>Fryser planen som den är nu under ett skedesnamn, till exempel 'Samråd 2026-03': varje område i de valda markanvändningslagren (geometri och attribut) och alla deras kopplingar (ställningstagande, styrka, motivering). Ett sparat skede kan inte ändras eller ersättas: kopplingsdatabasen själv vägrar, så det förblir beviset på vad planen sade vid samråd, granskning eller antagande. Jämför skeden med ”Jämför planskeden”; målatlasen och måltabellerna kan göras av ett sparat skede.&lt;br&gt;&lt;br&gt;{STORE}: en GeoPackage-fil eller postgres:&amp;lt;namn på QGIS-anslutning&amp;gt;. {LAYERS}: de registrerade markanvändningslagren. {STAGE}: ett namn som inte använts förut. {NOTE}: vad skedet är (valfritt).</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/stages/stage_param.py" line="24" />
            <source>{STAGE}: the name of a saved plan stage. The links and areas are then those saved in the stage, so the document of that stage is made again exactly as it was, whatever changed since.</source>
            <translation>{STAGE}: namnet på ett sparat planskede. Kopplingar och områden är då de som sparades i skedet, så att skedets dokument görs igen exakt som det var, vad som än ändrats sedan dess.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="144" />
            <source>{n} organisation</source>
            <translation>{n} organisation</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="144" />
            <source>{n} organisations</source>
            <translation>{n} organisationer</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="144" />
            <source>{n} goal</source>
            <translation>{n} mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="144" />
            <source>{n} goals</source>
            <translation>{n} mål</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="144" />
            <source>{n} intermunicipal conflict</source>
            <translation>{n} mellankommunal konflikt</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="144" />
            <source>{n} intermunicipal conflicts</source>
            <translation>{n} mellankommunala konflikter</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/region/regional_report.py" line="149" />
            <source>{organisations}, {goals}, {pairs} → {path}</source>
            <translation>{organisations}, {goals}, {pairs} → {path}</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/processing/rules/apply_rules.py" line="32" />
            <source>Evaluates linking rules of {STORE} on {LAYER}. {MODE}: “Report only” writes the report; “Link areas” also links every matching area that has no link to the rule's goal yet, in one transaction. A planner's link is never changed, whatever its stance, and an area where a planner dismissed the rule is left alone. Links made here remember their rule.&lt;br&gt;&lt;br&gt;{KEY_FIELD} is needed only if {LAYER} is not registered yet. {RULES}: rule names separated by commas (empty: every enabled rule that applies to the layer). {OUTPUT}: the report (.xlsx or .csv) with one row per area, rule and goal, and what would change or changed.</source>
            <translation>Prövar kopplingsreglerna i {STORE} på {LAYER}. {MODE}: ”Endast rapport” skriver bara rapporten; ”Koppla områden” kopplar också varje matchande område som ännu saknar koppling till regelns mål, i en enda transaktion. En planerares koppling ändras aldrig, oavsett ställningstagande, och ett område där en planerare avvisat regeln lämnas orört. Kopplingar som skapas här minns sin regel.&lt;br&gt;&lt;br&gt;{KEY_FIELD} behövs bara om {LAYER} inte är registrerat än. {RULES}: regelnamn åtskilda med kommatecken (tomt: alla aktiva regler som gäller lagret). {OUTPUT}: rapporten (.xlsx eller .csv) med en rad per område, regel och mål, och vad som skulle ändras eller ändrades.</translation>
        </message>
        <message>
            <location filename="../territorial_plugin/gui/panel/goal_tree_model.py" line="126" />
            <source>How the selected areas are linked to the goal: the swatch is the stance (green with + supports, red with − conflicts, grey neutral, both halves mixed), the number the strength (0–3); {suggested}: a linking rule suggests the goal for selected areas</source>
            <translation>Hur de valda områdena är kopplade till målet: rutan är ställningstagandet (grön med + stödjer, röd med − motverkar, grå neutral, båda halvorna blandat), siffran styrkan (0–3); {suggested}: en kopplingsregel föreslår målet för valda områden</translation>
        </message>
    </context>
</TS>