<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Chainscope</name>
    <message>
        <source>line longer than %1 bytes: not an audit record (the kernel writes at most a few KiB per record)</source>
        <translation>Zeile länger als %1 Bytes: kein Audit-Datensatz (der Kernel schreibt höchstens einige KiB pro Datensatz)</translation>
    </message>
    <message>
        <source>not an audit record: &quot;%1&quot;</source>
        <translation>kein Audit-Datensatz: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>audit record without a valid msg=audit(SECONDS.MILLIS:SERIAL) stamp: &quot;%1&quot;</source>
        <translation>Audit-Datensatz ohne gültigen Zeitstempel msg=audit(SECONDS.MILLIS:SERIAL): &quot;%1&quot;</translation>
    </message>
    <message>
        <source>truncated audit record (a quoted value does not end): &quot;%1&quot;</source>
        <translation>abgeschnittener Audit-Datensatz (ein Wert in Anführungszeichen endet nicht): &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 is a directory, not a log file</source>
        <translation>%1 ist ein Verzeichnis, keine Logdatei</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: zlib initialisation failed</source>
        <translation>%1 kann nicht gelesen werden: zlib-Initialisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <source>compressed stream is truncated</source>
        <translation>komprimierter Datenstrom ist abgeschnitten</translation>
    </message>
    <message>
        <source>compressed stream is corrupt: %1</source>
        <translation>komprimierter Datenstrom ist beschädigt: %1</translation>
    </message>
    <message>
        <source>case file %1 was written by a newer Chainscope (case format %2, this version reads up to %3); open it with a newer version</source>
        <translation>Falldatei %1 wurde von einer neueren Chainscope-Version geschrieben (Fallformat %2, diese Version liest bis %3); öffnen Sie sie mit einer neueren Version</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a Chainscope case</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein Chainscope-Fall</translation>
    </message>
    <message>
        <source>case file %1: stored policy is invalid: %2</source>
        <translation>Falldatei %1: gespeicherte Richtlinie ist ungültig: %2</translation>
    </message>
    <message>
        <source>case file %1 does not exist</source>
        <translation>Falldatei %1 existiert nicht</translation>
    </message>
    <message>
        <source>case file %1 already exists</source>
        <translation>Falldatei %1 existiert bereits</translation>
    </message>
    <message>
        <source>cannot open case file %1: %2</source>
        <translation>Falldatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>case file %1: %2</source>
        <translation>Falldatei %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>audit event %1 at %2: %n malformed EXECVE argument field(s) ignored (index, part or length not a number, or index outside argc)</source>
        <translation>
            <numerusform>Audit-Ereignis %1 um %2: %n fehlerhaftes EXECVE-Argumentfeld ignoriert (Index, Teil oder Länge keine Zahl, oder Index außerhalb von argc)</numerusform>
            <numerusform>Audit-Ereignis %1 um %2: %n fehlerhafte EXECVE-Argumentfelder ignoriert (Index, Teil oder Länge keine Zahl, oder Index außerhalb von argc)</numerusform>
        </translation>
    </message>
    <message>
        <source>case file %1: raw record %2 is damaged (%3)</source>
        <translation>Falldatei %1: Rohdatensatz %2 ist beschädigt (%3)</translation>
    </message>
    <message numerus="yes">
        <source>audit event %1 at %2: %n EXECVE argument or PROCTITLE value(s) with an odd number of hex digits (cut; the last digit is dropped)</source>
        <translation>
            <numerusform>Audit-Ereignis %1 um %2: %n EXECVE-Argument oder PROCTITLE-Wert mit ungerader Anzahl Hex-Ziffern (abgeschnitten; die letzte Ziffer wird verworfen)</numerusform>
            <numerusform>Audit-Ereignis %1 um %2: %n EXECVE-Argumente oder PROCTITLE-Werte mit ungerader Anzahl Hex-Ziffern (abgeschnitten; die letzte Ziffer wird verworfen)</numerusform>
        </translation>
    </message>
    <message>
        <source>last line cut (no newline at the end of the input): %1</source>
        <translation>letzte Zeile abgeschnitten (kein Zeilenumbruch am Ende der Eingabe): %1</translation>
    </message>
    <message>
        <source>last line cut (no newline at the end of the input)</source>
        <translation>letzte Zeile abgeschnitten (kein Zeilenumbruch am Ende der Eingabe)</translation>
    </message>
    <message>
        <source>last line cut (no newline at the end of the input): its last field &quot;%1&quot; may be incomplete and is not used</source>
        <translation>letzte Zeile abgeschnitten (kein Zeilenumbruch am Ende der Eingabe): ihr letztes Feld &quot;%1&quot; ist möglicherweise unvollständig und wird nicht verwendet</translation>
    </message>
    <message>
        <source>unknown archive error</source>
        <translation>unbekannter Archivfehler</translation>
    </message>
    <message>
        <source>sparse map beyond the member&apos;s size</source>
        <translation>Sparse-Map reicht über die Größe des Archivelements hinaus</translation>
    </message>
    <message>
        <source>more data than the member&apos;s declared size</source>
        <translation>mehr Daten als die angegebene Größe des Archivelements</translation>
    </message>
    <message>
        <source>the member decodes to more than %1 bytes, too many for the archive&apos;s size (a decompression bomb?)</source>
        <translation>das Archivelement wird zu mehr als %1 Bytes entpackt, zu viel für die Größe des Archivs (eine Dekompressionsbombe?)</translation>
    </message>
    <message>
        <source>cannot read %1: out of memory</source>
        <translation>%1 kann nicht gelesen werden: Arbeitsspeicher erschöpft</translation>
    </message>
    <message numerus="yes">
        <source>%1: damaged archive after %n member(s): %2</source>
        <translation>
            <numerusform>%1: Archiv beschädigt nach %n Element: %2</numerusform>
            <numerusform>%1: Archiv beschädigt nach %n Elementen: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: empty file, nothing to import</source>
        <translation>%1: leere Datei, nichts zu importieren</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>%1: not a log format Chainscope reads (expected %2)</source>
        <translation>%1: kein Logformat, das Chainscope liest (erwartet: %2)</translation>
    </message>
    <message>
        <source>not a log format Chainscope reads</source>
        <translation>kein Logformat, das Chainscope liest</translation>
    </message>
    <message>
        <source>%1 is already in this case as source %2 (same SHA-256 %3…)</source>
        <translation>%1 ist in diesem Fall bereits als Quelle %2 vorhanden (gleicher SHA-256 %3…)</translation>
    </message>
    <message>
        <source>the member&apos;s bytes changed between the two readings of the archive (SHA-256 %1… first, %2… now)</source>
        <translation>die Bytes des Archivelements haben sich zwischen den beiden Lesevorgängen des Archivs geändert (zuerst SHA-256 %1…, jetzt %2…)</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>ein Verzeichnis</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>eine FIFO</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>cannot read %1: it is %2, not a regular file</source>
        <translation>%1 kann nicht gelesen werden: es ist %2, keine reguläre Datei</translation>
    </message>
    <message>
        <source>cannot read %1: not open</source>
        <translation>%1 kann nicht gelesen werden: nicht geöffnet</translation>
    </message>
    <message>
        <source>%1; it was written by an older Chainscope (case format %2) and must be opened once where it can be written, to bring it up to date</source>
        <translation>%1; er wurde von einer älteren Chainscope-Version geschrieben (Fallformat %2) und muss einmal dort geöffnet werden, wo er geschrieben werden kann, um ihn zu aktualisieren</translation>
    </message>
    <message>
        <source>%1 is not a Chainscope case (unknown case format %2; the file header may be damaged)</source>
        <translation>%1 ist kein Chainscope-Fall (unbekanntes Fallformat %2; der Dateiheader ist möglicherweise beschädigt)</translation>
    </message>
    <message>
        <source>%1 is not a Chainscope case (it is empty)</source>
        <translation>%1 ist kein Chainscope-Fall (die Datei ist leer)</translation>
    </message>
    <message>
        <source>case file %1: stored policy version %2 is invalid: %3</source>
        <translation>Falldatei %1: gespeicherte Richtlinienversion %2 ist ungültig: %3</translation>
    </message>
    <message>
        <source>the disk is full: the case %1 could not be written (free some space and run the command again)</source>
        <translation>der Datenträger ist voll: der Fall %1 konnte nicht geschrieben werden (geben Sie Speicherplatz frei und führen Sie den Befehl erneut aus)</translation>
    </message>
    <message>
        <source>the case %1 is read-only</source>
        <translation>der Fall %1 ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the case %1 is busy: another program (an import?) is writing to it</source>
        <translation>der Fall %1 ist belegt: ein anderes Programm (ein Import?) schreibt gerade hinein</translation>
    </message>
    <message>
        <source>the case file %1 is damaged or not a case file (%2)</source>
        <translation>die Falldatei %1 ist beschädigt oder keine Falldatei (%2)</translation>
    </message>
    <message>
        <source>the case %1 is read-only (%2)</source>
        <translation>der Fall %1 ist schreibgeschützt (%2)</translation>
    </message>
    <message>
        <source>cannot create case file %1: its folder %2 cannot be written (%3)</source>
        <translation>Falldatei %1 kann nicht angelegt werden: ihr Ordner %2 ist nicht beschreibbar (%3)</translation>
    </message>
    <message>
        <source>the file: %1</source>
        <translation>die Datei: %1</translation>
    </message>
    <message>
        <source>its folder: %1</source>
        <translation>ihr Ordner: %1</translation>
    </message>
    <message>
        <source>SQLite could open it for reading only</source>
        <translation>SQLite konnte sie nur zum Lesen öffnen</translation>
    </message>
</context>
<context>
    <name>Chainscope::CaseVerifier</name>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>SHA-256 failed</source>
        <translation>SHA-256 fehlgeschlagen</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>Arbeitsspeicher erschöpft</translation>
    </message>
    <message>
        <source>the page check could not finish</source>
        <translation>die Seitenprüfung konnte nicht abgeschlossen werden</translation>
    </message>
    <message numerus="yes">
        <source>%n page problem(s)</source>
        <translation>
            <numerusform>%n Problem in den Seiten</numerusform>
            <numerusform>%n Probleme in den Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>the raw-record check could not finish</source>
        <translation>die Prüfung der Rohdatensätze konnte nicht abgeschlossen werden</translation>
    </message>
    <message numerus="yes">
        <source>%n raw record(s) changed or damaged</source>
        <translation>
            <numerusform>%n Rohdatensatz geändert oder beschädigt</numerusform>
            <numerusform>%n Rohdatensätze geändert oder beschädigt</numerusform>
        </translation>
    </message>
    <message>
        <source>the source check could not finish</source>
        <translation>die Prüfung der Quellen konnte nicht abgeschlossen werden</translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) changed</source>
        <translation>
            <numerusform>%n Quelldatei geändert</numerusform>
            <numerusform>%n Quelldateien geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) not at the recorded path</source>
        <translation>
            <numerusform>%n Quelldatei nicht am erfassten Pfad</numerusform>
            <numerusform>%n Quelldateien nicht am erfassten Pfad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) unreadable</source>
        <translation>
            <numerusform>%n Quelldatei nicht lesbar</numerusform>
            <numerusform>%n Quelldateien nicht lesbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) without a recorded hash</source>
        <translation>
            <numerusform>%n Quelle ohne erfassten Hash</numerusform>
            <numerusform>%n Quellen ohne erfassten Hash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n raw record(s) not checked: stored before raw records were hashed</source>
        <translation>
            <numerusform>%n Rohdatensatz nicht geprüft: gespeichert, bevor Rohdatensätze gehasht wurden</numerusform>
            <numerusform>%n Rohdatensätze nicht geprüft: gespeichert, bevor Rohdatensätze gehasht wurden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 raw record(s) and %2 source file(s) match their recorded hashes</source>
        <translation>%1 Rohdatensatz/-sätze und %2 Quelldatei(en) stimmen mit ihren erfassten Hashes überein</translation>
    </message>
    <message>
        <source>intact: the pages check out; %1</source>
        <translation>intakt: die Seiten sind in Ordnung; %1</translation>
    </message>
    <message>
        <source>partly checked: nothing differs, but %1; %2</source>
        <translation>teilweise geprüft: nichts weicht ab, aber %1; %2</translation>
    </message>
    <message>
        <source>differs: %1</source>
        <translation>abweichend: %1</translation>
    </message>
    <message>
        <source>Covered: the case file&apos;s pages and indexes (SQLite integrity_check); each raw record against the SHA-256 stored beside it at import; each source file still at its recorded path against its recorded SHA-256.</source>
        <translation>Abgedeckt: die Seiten und Indizes der Falldatei (SQLite integrity_check); jeder Rohdatensatz gegen den beim Import daneben gespeicherten SHA-256; jede Quelldatei, die noch an ihrem erfassten Pfad liegt, gegen ihren erfassten SHA-256.</translation>
    </message>
    <message>
        <source>Not covered: the normalized event rows (an event field changed consistently, such as an image path, passes every check; compare an event with its raw record), the policy versions, the import error samples, raw records stored before case format 5, and source files no longer at their recorded path.</source>
        <translation>Nicht abgedeckt: die normalisierten Ereigniszeilen (ein Ereignisfeld, das konsistent geändert wurde, etwa ein Image-Pfad, besteht jede Prüfung; vergleichen Sie ein Ereignis mit seinem Rohdatensatz), die Richtlinienversionen, die Stichproben der Importfehler, Rohdatensätze, die vor Fallformat 5 gespeichert wurden, und Quelldateien, die nicht mehr an ihrem erfassten Pfad liegen.</translation>
    </message>
    <message>
        <source>never verified</source>
        <translation>nie geprüft</translation>
    </message>
    <message>
        <source>%1 UTC, %2</source>
        <translation>%1 UTC, %2</translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainAnalysis</name>
    <message>
        <source>no case loaded</source>
        <translation>kein Fall geladen</translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainSummaryPanel</name>
    <message>
        <source>Select a chain to see why it was flagged, what is missing and what was approved.</source>
        <translation>Wählen Sie eine Kette aus, um zu sehen, warum sie markiert wurde, was fehlt und was freigegeben wurde.</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>&amp;Triage:</source>
        <translation>&amp;Triage:</translation>
    </message>
    <message>
        <source>Note for the report</source>
        <translation>Notiz für den Bericht</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(nearest miss: event %1, %2 after the install)</source>
        <translation>(nächstgelegener Kandidat: Ereignis %1, %2 nach der Installation)</translation>
    </message>
    <message>
        <source>(nearest miss: event %1)</source>
        <translation>(nächstgelegener Kandidat: Ereignis %1)</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1 — chain %2 on %3, installed %4</source>
        <translation>%1 — Kette %2 auf %3, installiert %4</translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainsModel</name>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Installer</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>First-run binary</source>
        <translation>Binärdatei (erster Start)</translation>
    </message>
    <message>
        <source>Egress destination</source>
        <translation>Ziel der ausgehenden Verbindung</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>verdächtig</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>Missing %1: %2</source>
        <translation>Fehlt (%1): %2</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>%1 (note: %2)</source>
        <translation>%1 (Notiz: %2)</translation>
    </message>
    <message>
        <source>Not triaged yet</source>
        <translation>Noch nicht gesichtet</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Installed (%1)</source>
        <translation>Installiert (%1)</translation>
    </message>
</context>
<context>
    <name>Chainscope::Correlator</name>
    <message>
        <source>packages %1 and %2 more</source>
        <translation>Pakete: %1 und %2 weitere</translation>
    </message>
    <message>
        <source>packages %1</source>
        <translation>Pakete: %1</translation>
    </message>
    <message>
        <source>no process or file-write records for this install (package log only)</source>
        <translation>keine Prozess- oder Dateischreib-Datensätze zu dieser Installation (nur Paket-Log)</translation>
    </message>
    <message>
        <source>no write into monitored paths by the installer or its descendants within %1</source>
        <translation>kein Schreibzugriff des Installers oder seiner Nachkommen auf überwachte Pfade innerhalb von %1</translation>
    </message>
    <message>
        <source>written binary %1 first ran %2 after the install, outside the %3 window</source>
        <translation>geschriebene Binärdatei %1 wurde erst %2 nach der Installation zum ersten Mal gestartet, außerhalb des Zeitfensters (%3)</translation>
    </message>
    <message numerus="yes">
        <source>none of the %n written file(s) was executed</source>
        <translation>
            <numerusform>%n geschriebene Datei wurde nicht ausgeführt</numerusform>
            <numerusform>keine der %n geschriebenen Dateien wurde ausgeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>no egress within %1; first egress %2 after the install to %3</source>
        <translation>keine ausgehende Verbindung innerhalb von %1; erste ausgehende Verbindung zu %3 erst %2 nach der Installation</translation>
    </message>
    <message>
        <source>no network connection from the first-run process or its descendants</source>
        <translation>keine Netzwerkverbindung vom Prozess des ersten Starts oder von dessen Nachkommen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>the package manager</source>
        <translation>der Paketmanager</translation>
    </message>
    <message>
        <source>signed by Team ID %1</source>
        <translation>signiert mit Team-ID %1</translation>
    </message>
    <message>
        <source>signed by Team ID %1, which no AllowedTeamIDs entry names</source>
        <translation>signiert mit Team-ID %1, die kein Eintrag in AllowedTeamIDs nennt</translation>
    </message>
    <message>
        <source>signed by Team ID %1, not by %2, the team of the updater that brought it (AllowedTeamIDs is empty)</source>
        <translation>signiert mit Team-ID %1, nicht mit %2, dem Team des Updaters, der sie mitbrachte (AllowedTeamIDs ist leer)</translation>
    </message>
    <message>
        <source>signed by Team ID %1; AllowedTeamIDs is empty</source>
        <translation>signiert mit Team-ID %1; AllowedTeamIDs ist leer</translation>
    </message>
    <message>
        <source>installer log: %1</source>
        <translation>Installer-Log: %1</translation>
    </message>
    <message>
        <source>%1 is an installer or updater (policy installer lists)</source>
        <translation>%1 ist ein Installer oder Updater (Installer-Listen der Richtlinie)</translation>
    </message>
    <message>
        <source>brew installs from the tap %1</source>
        <translation>brew installiert aus dem Tap %1</translation>
    </message>
    <message>
        <source>brew installs from %1, which no BrewTapsAllowList entry names</source>
        <translation>brew installiert aus %1, das kein Eintrag in BrewTapsAllowList nennt</translation>
    </message>
    <message>
        <source>the installer downloaded from %1, an approved source</source>
        <translation>der Installer hat von %1 heruntergeladen, einer freigegebenen Quelle</translation>
    </message>
    <message>
        <source>the installer downloaded from %1, which no ApprovedUpdateHosts or ApprovedRepos entry names</source>
        <translation>der Installer hat von %1 heruntergeladen, das kein Eintrag in ApprovedUpdateHosts oder ApprovedRepos nennt</translation>
    </message>
    <message>
        <source>the installer downloaded from %1; the policy names no approved sources (ApprovedUpdateHosts and ApprovedRepos are empty)</source>
        <translation>der Installer hat von %1 heruntergeladen; die Richtlinie nennt keine freigegebenen Quellen (ApprovedUpdateHosts und ApprovedRepos sind leer)</translation>
    </message>
    <message>
        <source>write not observed: %1 ran without a logged write of it (file-write events may be filtered on this host)</source>
        <translation>Schreibzugriff nicht beobachtet: %1 lief, ohne dass ein Schreibzugriff darauf protokolliert wurde (Dateischreib-Ereignisse werden auf diesem Host möglicherweise gefiltert)</translation>
    </message>
    <message>
        <source>write not observed: the update session&apos;s service host loaded the module without a logged write of it</source>
        <translation>Schreibzugriff nicht beobachtet: der Diensthost der Update-Sitzung hat das Modul geladen, ohne dass ein Schreibzugriff darauf protokolliert wurde</translation>
    </message>
    <message>
        <source>%1 wrote %2, a monitored program path</source>
        <translation>%1 schrieb %2, einen überwachten Programmpfad</translation>
    </message>
    <message>
        <source>%1 wrote %2, which then ran within the window</source>
        <translation>%1 schrieb %2, das dann innerhalb des Zeitfensters lief</translation>
    </message>
    <message>
        <source>first run of %1, written by the install %2 after it began</source>
        <translation>erster Start von %1 (von der Installation geschrieben), %2 nach deren Beginn</translation>
    </message>
    <message>
        <source>%1 loaded %2, which the install wrote; its first run, %3 after the install began</source>
        <translation>%1 lud %2, das die Installation geschrieben hat; sein erster Start, %3 nach Beginn der Installation</translation>
    </message>
    <message>
        <source>%1 started %2 from its staging folder %3 after the install began (code the installer brought; write not observed)</source>
        <translation>%1 startete %2 aus seinem Staging-Ordner, %3 nach Beginn der Installation (vom Installer mitgebrachter Code; Schreibzugriff nicht beobachtet)</translation>
    </message>
    <message>
        <source>%1 ran %3 after the install began; the install&apos;s downloader fetched it (&quot;%2&quot;); write not observed</source>
        <translation>%1 lief %3 nach Beginn der Installation; der Downloader der Installation hat es abgerufen (&quot;%2&quot;); Schreibzugriff nicht beobachtet</translation>
    </message>
    <message>
        <source>an install script downloads and runs code in one line: &quot;%1&quot;</source>
        <translation>ein Installationsskript lädt Code herunter und führt ihn in einer Zeile aus: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1; the code is unsigned, ad-hoc signed or its signature did not verify (%2)</source>
        <translation>%1; der Code ist unsigniert, ad hoc signiert oder seine Signatur wurde nicht bestätigt (%2)</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>%1 loaded %2 (%3) %4 after %5 began an update session; the update service runs in this host</source>
        <translation>%1 lud %2 (%3) %4, nachdem %5 eine Update-Sitzung begonnen hatte; der Update-Dienst läuft in diesem Host-Prozess</translation>
    </message>
    <message>
        <source>%1 started %2, a shell, script host or system binary, after it loaded unsigned code during the update session</source>
        <translation>%1 startete %2, eine Shell, einen Skript-Host oder eine Systembinärdatei, nachdem es während der Update-Sitzung unsignierten Code geladen hatte</translation>
    </message>
    <message>
        <source>%1 started %2, a shell, script host or system binary that new code has no business starting</source>
        <translation>%1 startete %2, eine Shell, einen Skript-Host oder eine Systembinärdatei, die neuer Code nicht zu starten hat</translation>
    </message>
    <message>
        <source>%1 started %2 below the first run of %3: a shell, script host or system binary</source>
        <translation>%1 startete %2 unterhalb des ersten Starts von %3: eine Shell, einen Skript-Host oder eine Systembinärdatei</translation>
    </message>
    <message>
        <source>code integrity refused or flagged %1</source>
        <translation>die Codeintegrität hat %1 abgelehnt oder markiert</translation>
    </message>
    <message>
        <source>%1 loaded %2, which is unsigned or whose signature did not verify (%3)</source>
        <translation>%1 lud %2, das unsigniert ist oder dessen Signatur nicht bestätigt wurde (%3)</translation>
    </message>
    <message>
        <source>%1 loaded %2, %3</source>
        <translation>%1 lud %2, %3</translation>
    </message>
    <message>
        <source>%1 loaded %2, signed by %3, whom no ApprovedSigners entry names</source>
        <translation>%1 lud %2, signiert von %3, den kein Eintrag in ApprovedSigners nennt</translation>
    </message>
    <message>
        <source>%1 loaded %2 with a new hash under the same signer (%3)</source>
        <translation>%1 lud %2 mit neuem Hash unter demselben Signaturgeber (%3)</translation>
    </message>
    <message>
        <source>%1 loaded %2, now signed by %3, unlike before the install</source>
        <translation>%1 lud %2, jetzt signiert von %3, anders als vor der Installation</translation>
    </message>
    <message>
        <source>%1 loaded %2, signed by %3</source>
        <translation>%1 lud %2, signiert von %3</translation>
    </message>
    <message>
        <source>%1 loaded %2; no signer was logged</source>
        <translation>%1 lud %2; kein Signaturgeber wurde protokolliert</translation>
    </message>
    <message>
        <source>%1 loaded %2, signed by %3 (valid); no ApprovedSigners entry names it</source>
        <translation>%1 lud %2, signiert von %3 (gültig); kein Eintrag in ApprovedSigners nennt ihn</translation>
    </message>
    <message>
        <source>%1 is now signed by %2, unlike before the install</source>
        <translation>%1 ist jetzt von %2 signiert, anders als vor der Installation</translation>
    </message>
    <message>
        <source>%1; its hash changed since before the install, under the same signer</source>
        <translation>%1; sein Hash hat sich seit vor der Installation geändert, unter demselben Signaturgeber</translation>
    </message>
    <message>
        <source>%1 set up %2 to start again (persistence)</source>
        <translation>%1 hat %2 für einen erneuten Start eingerichtet (Persistenz)</translation>
    </message>
    <message>
        <source>%1 flagged %2 %3 after the install began (code signing or notarization)</source>
        <translation>%1 hat %2 %3 nach Beginn der Installation markiert (Codesignatur oder Notarisierung)</translation>
    </message>
    <message>
        <source>%1; Team ID %2</source>
        <translation>%1; Team-ID %2</translation>
    </message>
    <message>
        <source>%1 reached %2 %3 after the install, an approved update host</source>
        <translation>%1 erreichte %2 %3 nach der Installation, einen freigegebenen Update-Host</translation>
    </message>
    <message>
        <source>%1 reached %2 %3 after the install; no ApprovedUpdateHosts entry names it</source>
        <translation>%1 erreichte %2 %3 nach der Installation; kein Eintrag in ApprovedUpdateHosts nennt ihn</translation>
    </message>
    <message>
        <source>no network connection from the first-run process or its descendants; the case holds no network events for this host (egress is not logged)</source>
        <translation>keine Netzwerkverbindung vom Prozess des ersten Starts oder von dessen Nachkommen; der Fall enthält keine Netzwerkereignisse für diesen Host (ausgehende Verbindungen werden nicht protokolliert)</translation>
    </message>
    <message>
        <source>Suspicious: %1.</source>
        <translation>Verdächtig: %1.</translation>
    </message>
    <message>
        <source>Approved because %1.</source>
        <translation>Freigegeben, weil %1.</translation>
    </message>
    <message>
        <source>the nearest egress came after the window and went to an unapproved host</source>
        <translation>die nächstgelegene ausgehende Verbindung kam nach dem Zeitfenster und ging an einen nicht freigegebenen Host</translation>
    </message>
    <message>
        <source>no policy entry approves any of its evidence</source>
        <translation>kein Richtlinieneintrag gibt einen ihrer Belege frei</translation>
    </message>
    <message>
        <source>nothing the install brought was seen running</source>
        <translation>nichts, was die Installation mitbrachte, wurde laufend beobachtet</translation>
    </message>
    <message>
        <source>Incomplete: no mismatch, but not approved: %1.</source>
        <translation>Unvollständig: keine Abweichung, aber nicht freigegeben: %1.</translation>
    </message>
    <message>
        <source>Missing: %1.</source>
        <translation>Fehlt: %1.</translation>
    </message>
    <message>
        <source>installer</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>erster Start</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>schrieb %1</translation>
    </message>
    <message>
        <source>loaded %1 (%2)</source>
        <translation>lud %1 (%2)</translation>
    </message>
    <message>
        <source>loaded %1</source>
        <translation>lud %1</translation>
    </message>
    <message>
        <source>shell / script host</source>
        <translation>Shell / Skript-Host</translation>
    </message>
    <message>
        <source>egress to %1</source>
        <translation>ausgehende Verbindung zu %1</translation>
    </message>
    <message>
        <source>package source %1</source>
        <translation>Paketquelle %1</translation>
    </message>
    <message>
        <source>package source %1 (not approved)</source>
        <translation>Paketquelle %1 (nicht freigegeben)</translation>
    </message>
    <message>
        <source>persistence %1</source>
        <translation>Persistenz %1</translation>
    </message>
</context>
<context>
    <name>Chainscope::DensityStrip</name>
    <message>
        <source>Events over time in the whole case. Drag to select a time range; click to clear it.</source>
        <translation>Ereignisse im Zeitverlauf für den ganzen Fall. Ziehen Sie, um einen Zeitraum auszuwählen; klicken Sie, um die Auswahl aufzuheben.</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>events in the case (%1)</source>
        <translation>Ereignisse im Fall (%1)</translation>
    </message>
</context>
<context>
    <name>Chainscope::EcsReader</name>
    <message>
        <source>ECS document longer than %1 bytes: skipped</source>
        <translation>ECS-Dokument länger als %1 Bytes: übersprungen</translation>
    </message>
    <message>
        <source>ECS document nested deeper than %1 levels: skipped</source>
        <translation>ECS-Dokument tiefer als %1 Ebenen verschachtelt: übersprungen</translation>
    </message>
    <message>
        <source>not a JSON document (text between documents): skipped to the end of the line</source>
        <translation>kein JSON-Dokument (Text zwischen Dokumenten): bis zum Zeilenende übersprungen</translation>
    </message>
    <message>
        <source>ECS document cut off (a line ends inside a string)</source>
        <translation>ECS-Dokument abgeschnitten (eine Zeile endet innerhalb einer Zeichenkette)</translation>
    </message>
    <message>
        <source>ECS document cut off (a new document starts before it ends)</source>
        <translation>ECS-Dokument abgeschnitten (ein neues Dokument beginnt, bevor es endet)</translation>
    </message>
    <message>
        <source>ECS document cut off at the end of the file</source>
        <translation>ECS-Dokument am Dateiende abgeschnitten</translation>
    </message>
    <message>
        <source>Winlogbeat document without a readable @timestamp</source>
        <translation>Winlogbeat-Dokument ohne lesbaren @timestamp</translation>
    </message>
    <message>
        <source>ECS document without a readable @timestamp</source>
        <translation>ECS-Dokument ohne lesbaren @timestamp</translation>
    </message>
    <message>
        <source>ECS document is not valid JSON: %1</source>
        <translation>ECS-Dokument ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>Elasticsearch hit that is not a JSON object</source>
        <translation>Elasticsearch-Treffer, der kein JSON-Objekt ist</translation>
    </message>
</context>
<context>
    <name>Chainscope::EsloggerReader</name>
    <message>
        <source>eslogger: %1</source>
        <translation>eslogger: %1</translation>
    </message>
    <message>
        <source>eslogger: event without a time</source>
        <translation>eslogger: Ereignis ohne Zeitangabe</translation>
    </message>
    <message>
        <source>eslogger: unreadable time &apos;%1&apos;</source>
        <translation>eslogger: unlesbare Zeit &apos;%1&apos;</translation>
    </message>
    <message>
        <source>eslogger: not an Endpoint Security message (no event or process)</source>
        <translation>eslogger: keine Endpoint-Security-Nachricht (kein Ereignis oder Prozess)</translation>
    </message>
</context>
<context>
    <name>Chainscope::EventsModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Target / destination</source>
        <translation>Ziel / Zieladresse</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Mit Lesezeichen</translation>
    </message>
    <message>
        <source>Bookmarked: %1</source>
        <translation>Mit Lesezeichen: %1</translation>
    </message>
    <message>
        <source>Bookmarked events (Ctrl+B)</source>
        <translation>Ereignisse mit Lesezeichen (Strg+B)</translation>
    </message>
    <message>
        <source>The event&apos;s message, or its other recorded facts</source>
        <translation>Die Meldung des Ereignisses oder seine übrigen erfassten Angaben</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Chainscope::EventsPanel</name>
    <message>
        <source>Show the events of one host</source>
        <translation>Die Ereignisse eines Hosts anzeigen</translation>
    </message>
    <message>
        <source>Show the events of one source file</source>
        <translation>Die Ereignisse einer Quelldatei anzeigen</translation>
    </message>
    <message>
        <source>Show one kind of event</source>
        <translation>Einen Ereignistyp anzeigen</translation>
    </message>
    <message>
        <source>Show the events of one Windows event provider</source>
        <translation>Die Ereignisse eines Windows-Ereignisanbieters anzeigen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>This chain only</source>
        <translation>Nur diese Kette</translation>
    </message>
    <message>
        <source>Bookmarked only</source>
        <translation>Nur mit Lesezeichen</translation>
    </message>
    <message>
        <source>Search image, command line, target, destination, user, provider, message (Ctrl+F)</source>
        <translation>Image, Befehlszeile, Ziel, Zieladresse, Benutzer, Anbieter, Meldung durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Show one Windows event id (4688, Sysmon 1, …)</source>
        <translation>Eine Windows-Ereignis-ID anzeigen (4688, Sysmon 1, …)</translation>
    </message>
    <message>
        <source>Only events at or after this time (display time zone)</source>
        <translation>Nur Ereignisse zu oder nach diesem Zeitpunkt (Anzeige-Zeitzone)</translation>
    </message>
    <message>
        <source>Only events at or before this time, the whole second included (display time zone)</source>
        <translation>Nur Ereignisse zu oder vor diesem Zeitpunkt, einschließlich der ganzen Sekunde (Anzeige-Zeitzone)</translation>
    </message>
    <message>
        <source>Only the events of the chain selected in the Chains tab</source>
        <translation>Nur die Ereignisse der auf der Registerkarte „Ketten“ ausgewählten Kette</translation>
    </message>
    <message>
        <source>Only events bookmarked with Ctrl+B</source>
        <translation>Nur mit Strg+B markierte Ereignisse</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Write every matching event, in this order and these columns, to a CSV file</source>
        <translation>Alle passenden Ereignisse in dieser Reihenfolge und mit diesen Spalten in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>Zeilen kopieren</translation>
    </message>
    <message>
        <source>Toggle bookmark…</source>
        <translation>Lesezeichen umschalten…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 von %2 Ereignissen</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>Kein Fall geöffnet.</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Mit Lesezeichen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export events as CSV</source>
        <translation>Ereignisse als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Bookmark event</source>
        <translation>Lesezeichen für Ereignis setzen</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>Notiz (optional):</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
</context>
<context>
    <name>Chainscope::Explanation</name>
    <message>
        <source>host not approved</source>
        <translation>Host nicht freigegeben</translation>
    </message>
    <message>
        <source>package source not approved</source>
        <translation>Paketquelle nicht freigegeben</translation>
    </message>
    <message>
        <source>unexpected child process</source>
        <translation>unerwarteter Kindprozess</translation>
    </message>
    <message>
        <source>unsigned module</source>
        <translation>unsigniertes Modul</translation>
    </message>
    <message>
        <source>signer not approved</source>
        <translation>Signaturgeber nicht freigegeben</translation>
    </message>
    <message>
        <source>signer changed</source>
        <translation>Signaturgeber geändert</translation>
    </message>
    <message>
        <source>new hash, same signer</source>
        <translation>neuer Hash, gleicher Signaturgeber</translation>
    </message>
    <message>
        <source>Team ID not allowed</source>
        <translation>Team-ID nicht zugelassen</translation>
    </message>
    <message>
        <source>Homebrew tap not approved</source>
        <translation>Homebrew-Tap nicht freigegeben</translation>
    </message>
    <message>
        <source>The chain connected to a host that no ApprovedUpdateHosts or ApprovedRepos entry names.</source>
        <translation>Die Kette hat sich mit einem Host verbunden, den kein Eintrag in ApprovedUpdateHosts oder ApprovedRepos nennt.</translation>
    </message>
    <message>
        <source>The install came from a package source that no ApprovedRepos entry names.</source>
        <translation>Die Installation stammt aus einer Paketquelle, die kein Eintrag in ApprovedRepos nennt.</translation>
    </message>
    <message>
        <source>Code the install brought started a shell, script host or system binary.</source>
        <translation>Von der Installation mitgebrachter Code hat eine Shell, einen Skript-Host oder eine Systembinärdatei gestartet.</translation>
    </message>
    <message>
        <source>Code was unsigned, ad-hoc signed, or its signature did not verify.</source>
        <translation>Code war unsigniert, ad hoc signiert oder seine Signatur wurde nicht bestätigt.</translation>
    </message>
    <message>
        <source>Code was validly signed, but by a signer that no ApprovedSigners entry names.</source>
        <translation>Code war gültig signiert, aber von einem Signaturgeber, den kein Eintrag in ApprovedSigners nennt.</translation>
    </message>
    <message>
        <source>A file the host knew is now signed by a different signer than before the install.</source>
        <translation>Eine dem Host bekannte Datei ist jetzt von einem anderen Signaturgeber signiert als vor der Installation.</translation>
    </message>
    <message>
        <source>A file the host knew has a new hash under the same signer; every genuine update does this too, so it is a note, not a flag.</source>
        <translation>Eine dem Host bekannte Datei hat einen neuen Hash unter demselben Signaturgeber; das tut auch jedes echte Update, daher ist es ein Hinweis, keine Markierung.</translation>
    </message>
    <message>
        <source>Code was signed by an Apple Team ID that AllowedTeamIDs does not list (or, with an empty list, not by the updater&apos;s team).</source>
        <translation>Code war mit einer Apple-Team-ID signiert, die AllowedTeamIDs nicht aufführt (oder, bei leerer Liste, nicht mit der des Teams des Updaters).</translation>
    </message>
    <message>
        <source>Homebrew installed from a tap that no BrewTapsAllowList entry names.</source>
        <translation>Homebrew hat aus einem Tap installiert, den kein Eintrag in BrewTapsAllowList nennt.</translation>
    </message>
    <message>
        <source>installer</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>package source</source>
        <translation>Paketquelle</translation>
    </message>
    <message>
        <source>write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>erster Start</translation>
    </message>
    <message>
        <source>child process</source>
        <translation>Kindprozess</translation>
    </message>
    <message>
        <source>module load</source>
        <translation>Laden eines Moduls</translation>
    </message>
    <message>
        <source>egress</source>
        <translation>ausgehende Verbindung</translation>
    </message>
    <message>
        <source>persistence</source>
        <translation>Persistenz</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>First run</source>
        <translation>Erster Start</translation>
    </message>
    <message>
        <source>Egress</source>
        <translation>Ausgehende Verbindung</translation>
    </message>
    <message>
        <source>Suspicious</source>
        <translation>Verdächtig</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 days %2 h</source>
        <translation>%1 Tage %2 h</translation>
    </message>
    <message>
        <source>Not triaged</source>
        <translation>Nicht gesichtet</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Benign</source>
        <translation>Harmlos</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Nachverfolgung nötig</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>freigegeben durch %1</translation>
    </message>
    <message>
        <source>approved by %1 entry %2</source>
        <translation>freigegeben durch %1, Eintrag %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>Chainscope::HtmlReport</name>
    <message>
        <source>Chainscope report: %1</source>
        <translation>Chainscope-Bericht: %1</translation>
    </message>
    <message>
        <source>Supply-chain compromise report</source>
        <translation>Bericht zur Supply-Chain-Kompromittierung</translation>
    </message>
    <message>
        <source>Generated: %1 UTC</source>
        <translation>Erstellt: %1 UTC</translation>
    </message>
    <message>
        <source>Analytic: MITRE ATT&amp;CK DET0309 (T1195.002), install → write → first run → egress</source>
        <translation>Analytik: MITRE ATT&amp;CK DET0309 (T1195.002), Installation → Schreiben → erster Start → ausgehende Verbindung</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Chains</source>
        <translation>Ketten</translation>
    </message>
    <message>
        <source>No install seed wrote into a monitored path.</source>
        <translation>Keine Ausgangsinstallation hat in einen überwachten Pfad geschrieben.</translation>
    </message>
    <message>
        <source>Evidence sources</source>
        <translation>Beweisquellen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Case policy version %1.</source>
        <translation>Fallrichtlinie, Version %1.</translation>
    </message>
    <message>
        <source>Default policy (never edited in this case).</source>
        <translation>Standardrichtlinie (in diesem Fall nie bearbeitet).</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>Chain %1 — %2, host %3, score %4</source>
        <translation>Kette %1 — %2, Host %3, Score %4</translation>
    </message>
    <message>
        <source>no mismatch</source>
        <translation>keine Abweichung</translation>
    </message>
    <message>
        <source>Installer:</source>
        <translation>Installer:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>policy v%1</source>
        <translation>Richtlinie v%1</translation>
    </message>
    <message>
        <source>default policy</source>
        <translation>Standardrichtlinie</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>neu angeordnet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Case: </source>
        <translation>Fall: </translation>
    </message>
    <message>
        <source>Last verified: %1</source>
        <translation>Zuletzt geprüft: %1</translation>
    </message>
    <message>
        <source>Selected chains only: %1 of %2.</source>
        <translation>Nur ausgewählte Ketten: %1 von %2.</translation>
    </message>
    <message>
        <source>%1 suspicious chain(s), %2 incomplete, %3 approved by the policy.</source>
        <translation>%1 verdächtige Kette(n), %2 unvollständig, %3 durch die Richtlinie freigegeben.</translation>
    </message>
    <message>
        <source>Analyst:</source>
        <translation>Analyst:</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>nicht markiert</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>benign</source>
        <translation>harmlos</translation>
    </message>
    <message>
        <source>needs follow-up</source>
        <translation>Nachverfolgung nötig</translation>
    </message>
    <message>
        <source>Bookmarked events</source>
        <translation>Ereignisse mit Lesezeichen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>(not in the case)</source>
        <translation>(nicht im Fall)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Lücken</translation>
    </message>
    <message>
        <source>UTC / as logged</source>
        <translation>UTC / wie protokolliert</translation>
    </message>
    <message>
        <source>… %1 ranges in all</source>
        <translation>… insgesamt %1 Bereiche</translation>
    </message>
    <message>
        <source>%1 missing sequence number(s): possible loss (%2)</source>
        <translation>%1 fehlende Sequenznummer(n): möglicher Verlust (%2)</translation>
    </message>
    <message>
        <source>Policy history</source>
        <translation>Richtlinienverlauf</translation>
    </message>
    <message>
        <source>The policy was never edited in this case: the defaults apply.</source>
        <translation>Die Richtlinie wurde in diesem Fall nie bearbeitet: es gelten die Standardwerte.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved (UTC)</source>
        <translation>Gespeichert (UTC)</translation>
    </message>
    <message>
        <source>Changes from the previous version</source>
        <translation>Änderungen gegenüber der vorherigen Version</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <source>from the defaults:</source>
        <translation>gegenüber den Standardwerten:</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>verdächtig</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Installer</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>First run</source>
        <translation>Erster Start</translation>
    </message>
    <message>
        <source>Egress</source>
        <translation>Ausgehende Verbindung</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Missing %1: %2</source>
        <translation>Fehlt (%1): %2</translation>
    </message>
    <message>
        <source>Timeline of chain %1</source>
        <translation>Zeitleiste der Kette %1</translation>
    </message>
    <message>
        <source>Stage / time (UTC)</source>
        <translation>Phase / Zeit (UTC)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>Hash (old → new)</source>
        <translation>Hash (alt → neu)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Role in chain</source>
        <translation>Rolle in der Kette</translation>
    </message>
    <message>
        <source>%1%2 d %3 h</source>
        <translation>%1%2 d %3 h</translation>
    </message>
    <message>
        <source>%1%2 h %3 min</source>
        <translation>%1%2 h %3 min</translation>
    </message>
    <message>
        <source>%1%2 min %3 s</source>
        <translation>%1%2 min %3 s</translation>
    </message>
    <message>
        <source>%1%2 s</source>
        <translation>%1%2 s</translation>
    </message>
    <message>
        <source>%1 %2; window %3</source>
        <translation>%1 %2; Zeitfenster %3</translation>
    </message>
    <message>
        <source>Chain %1 on a time axis</source>
        <translation>Kette %1 auf einer Zeitachse</translation>
    </message>
    <message>
        <source>time window %1 from the install</source>
        <translation>Zeitfenster %1 ab der Installation</translation>
    </message>
    <message>
        <source>No signer, signature status or hash was logged for this chain&apos;s evidence.</source>
        <translation>Für die Belege dieser Kette wurde weder ein Signaturgeber noch ein Signaturstatus oder Hash protokolliert.</translation>
    </message>
    <message>
        <source>Process → target</source>
        <translation>Prozess → Ziel</translation>
    </message>
    <message>
        <source>Signer (signature)</source>
        <translation>Signaturgeber (Signatur)</translation>
    </message>
    <message>
        <source>Chains: as the case kept them from its last analysis under this policy (read from the case file, not computed for this report).</source>
        <translation>Ketten: wie der Fall sie aus seiner letzten Analyse unter dieser Richtlinie aufbewahrt hat (aus der Falldatei gelesen, nicht für diesen Bericht berechnet).</translation>
    </message>
    <message>
        <source>Chains: computed from the case&apos;s events for this report.</source>
        <translation>Ketten: für diesen Bericht aus den Ereignissen des Falls berechnet.</translation>
    </message>
</context>
<context>
    <name>Chainscope::HuntExportDialog</name>
    <message>
        <source>Export Hunt</source>
        <translation>Jagd exportieren</translation>
    </message>
    <message>
        <source>The case policy&apos;s chain (install, write, first run, egress) as detection rules that your SIEM runs across the fleet. The rules are weaker than the workbench: see docs/hunting.md.</source>
        <translation>Die Kette der Fallrichtlinie (Installation, Schreiben, erster Start, ausgehende Verbindung) als Erkennungsregeln, die Ihr SIEM auf allen Rechnern ausführt. Die Regeln sind schwächer als die Werkbank: siehe docs/hunting.md.</translation>
    </message>
    <message>
        <source>Elastic EQL sequence</source>
        <translation>Elastic-EQL-Sequenz</translation>
    </message>
    <message>
        <source>Sigma rules with a correlation</source>
        <translation>Sigma-Regeln mit Korrelation</translation>
    </message>
    <message>
        <source>Splunk search (SPL)</source>
        <translation>Splunk-Suche (SPL)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Dat&amp;ei:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Chainscope::InstallHistoryReader</name>
    <message>
        <source>not a dict</source>
        <translation>kein dict</translation>
    </message>
    <message>
        <source>damaged XML (%1)</source>
        <translation>beschädigtes XML (%1)</translation>
    </message>
    <message>
        <source>InstallHistory.plist is a binary property list, which Chainscope does not read; convert it with `plutil -convert xml1 -o InstallHistory.xml.plist InstallHistory.plist` and import that</source>
        <translation>InstallHistory.plist ist eine binäre Property List, die Chainscope nicht liest; konvertieren Sie sie mit `plutil -convert xml1 -o InstallHistory.xml.plist InstallHistory.plist` und importieren Sie das Ergebnis</translation>
    </message>
    <message>
        <source>InstallHistory.plist: unreadable install record: %1</source>
        <translation>InstallHistory.plist: unlesbarer Installationseintrag: %1</translation>
    </message>
    <message>
        <source>InstallHistory.plist: install record without a date</source>
        <translation>InstallHistory.plist: Installationseintrag ohne Datum</translation>
    </message>
    <message>
        <source>InstallHistory.plist: unreadable date &apos;%1&apos;</source>
        <translation>InstallHistory.plist: unlesbares Datum &apos;%1&apos;</translation>
    </message>
    <message>
        <source>InstallHistory.plist: install record longer than %1 bytes, skipped</source>
        <translation>InstallHistory.plist: Installationseintrag länger als %1 Bytes, übersprungen</translation>
    </message>
    <message>
        <source>InstallHistory.plist: empty install record</source>
        <translation>InstallHistory.plist: leerer Installationseintrag</translation>
    </message>
    <message>
        <source>InstallHistory.plist: the file ends inside an install record (cut off)</source>
        <translation>InstallHistory.plist: die Datei endet innerhalb eines Installationseintrags (abgeschnitten)</translation>
    </message>
</context>
<context>
    <name>Chainscope::InstallLogReader</name>
    <message>
        <source>install.log: line longer than %1 bytes, skipped</source>
        <translation>install.log: Zeile länger als %1 Bytes, übersprungen</translation>
    </message>
    <message>
        <source>install.log: unreadable line (expected &apos;HOST PROCESS[PID]: message&apos; after the time)</source>
        <translation>install.log: unlesbare Zeile (erwartet nach der Zeit: &apos;HOST PROCESS[PID]: message&apos;)</translation>
    </message>
    <message>
        <source>install.log: line in the old syslog form without a year, not read</source>
        <translation>install.log: Zeile im alten Syslog-Format ohne Jahr, nicht gelesen</translation>
    </message>
    <message>
        <source>install.log: line without a time and no record before it</source>
        <translation>install.log: Zeile ohne Zeitangabe und ohne vorangehenden Datensatz</translation>
    </message>
</context>
<context>
    <name>Chainscope::JsonRecordStream</name>
    <message>
        <source>not valid JSON (%1 at byte %2 of the record)</source>
        <translation>kein gültiges JSON (%1 bei Byte %2 des Datensatzes)</translation>
    </message>
    <message>
        <source>a JSON value that is not an object</source>
        <translation>ein JSON-Wert, der kein Objekt ist</translation>
    </message>
    <message>
        <source>record longer than %1 bytes, skipped</source>
        <translation>Datensatz länger als %1 Bytes, übersprungen</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the file ends inside a JSON object (cut off)</source>
        <translation>die Datei endet innerhalb eines JSON-Objekts (abgeschnitten)</translation>
    </message>
    <message>
        <source>text between the JSON objects of the array, skipped up to the next object</source>
        <translation>Text zwischen den JSON-Objekten des Arrays, bis zum nächsten Objekt übersprungen</translation>
    </message>
    <message>
        <source>JSON object nested deeper than %1 levels, skipped</source>
        <translation>JSON-Objekt tiefer als %1 Ebenen verschachtelt, übersprungen</translation>
    </message>
    <message>
        <source>JSON object longer than %1 bytes, skipped</source>
        <translation>JSON-Objekt länger als %1 Bytes, übersprungen</translation>
    </message>
</context>
<context>
    <name>Chainscope::MainWindow</name>
    <message>
        <source>Chainscope</source>
        <translation>Chainscope</translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation>Prozessbaum</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Correlation failed: %1</source>
        <translation>Korrelation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Neuer Fall…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>Fall ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>Case &amp;Policy…</source>
        <translation>Fall&amp;richtlinie…</translation>
    </message>
    <message>
        <source>&amp;Next Chain</source>
        <translation>&amp;Nächste Kette</translation>
    </message>
    <message>
        <source>P&amp;revious Chain</source>
        <translation>&amp;Vorherige Kette</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>Chainscope cases (*.chainscope)</source>
        <translation>Chainscope-Fälle (*.chainscope)</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>Fall öffnen</translation>
    </message>
    <message>
        <source>Chainscope cases (*.chainscope);;All files (*)</source>
        <translation>Chainscope-Fälle (*.chainscope);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import Evidence</source>
        <translation>Beweismittel importieren</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML-Bericht (*.html);;PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <source>%1 — Chainscope</source>
        <translation>%1 — Chainscope</translation>
    </message>
    <message>
        <source>Case Policy</source>
        <translation>Fallrichtlinie</translation>
    </message>
    <message>
        <source>Chains computed with policy version %1 in %2 ms</source>
        <translation>Ketten mit Richtlinienversion %1 in %2 ms berechnet</translation>
    </message>
    <message>
        <source>No raw record stored for event %1.</source>
        <translation>Für Ereignis %1 ist kein Rohdatensatz gespeichert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incomplete</source>
        <translation>
            <numerusform>%n unvollständig</numerusform>
            <numerusform>%n unvollständig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s)</source>
        <translation>
            <numerusform>%n Kette</numerusform>
            <numerusform>%n Ketten</numerusform>
        </translation>
    </message>
    <message>
        <source>correlating…</source>
        <translation>Korrelation läuft…</translation>
    </message>
    <message>
        <source>policy v%1</source>
        <translation>Richtlinie v%1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n damaged or lost record(s); first: %2</source>
        <translation>
            <numerusform>%1: %n beschädigter oder verlorener Datensatz; erster Fehler: %2</numerusform>
            <numerusform>%1: %n beschädigte oder verlorene Datensätze; erster Fehler: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Times are shown in this zone. Click to choose another.</source>
        <translation>Zeiten werden in dieser Zeitzone angezeigt. Klicken Sie, um eine andere zu wählen.</translation>
    </message>
    <message>
        <source>Create or open a case, then import or drop logs</source>
        <translation>Legen Sie einen Fall an oder öffnen Sie einen, dann importieren Sie Logs oder legen Sie sie hier ab</translation>
    </message>
    <message>
        <source>Recent Cases</source>
        <translation>Zuletzt geöffnete Fälle</translation>
    </message>
    <message>
        <source>Import logs or drop files here</source>
        <translation>Logs importieren oder Dateien hier ablegen</translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation>Fall &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Import Logs…</source>
        <translation>Logs &amp;importieren…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Process Tree</source>
        <translation>&amp;Prozessbaum</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>&amp;Quellen</translation>
    </message>
    <message>
        <source>Display &amp;Time Zone…</source>
        <translation>&amp;Anzeige-Zeitzone…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Applies at the next start</source>
        <translation>Wird beim nächsten Start wirksam</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Verify Case…</source>
        <translation>Fall &amp;prüfen…</translation>
    </message>
    <message>
        <source>Next &amp;Stage</source>
        <translation>Nächste P&amp;hase</translation>
    </message>
    <message>
        <source>Previous S&amp;tage</source>
        <translation>Vorherige Ph&amp;ase</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Chainscope</source>
        <translation>Über &amp;Chainscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Logs and collections (*);;Archives (*.zip *.tar *.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.7z)</source>
        <translation>Logs und Sammlungen (*);;Archive (*.zip *.tar *.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.7z)</translation>
    </message>
    <message>
        <source>Import Folder (Triage Collection)</source>
        <translation>Ordner importieren (Triage-Sammlung)</translation>
    </message>
    <message>
        <source>Create or open a case first, then import the logs into it.</source>
        <translation>Legen Sie zuerst einen Fall an oder öffnen Sie einen, dann importieren Sie die Logs hinein.</translation>
    </message>
    <message>
        <source>The case is busy (an import or a verification runs); import again when it has finished.</source>
        <translation>Der Fall ist belegt (ein Import oder eine Prüfung läuft); importieren Sie erneut, wenn der Vorgang abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Import Options</source>
        <translation>Importoptionen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) and folder(s)</source>
        <translation>
            <numerusform>%n Datei oder Ordner</numerusform>
            <numerusform>%n Dateien und Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>from the logs or the collection&apos;s layout</source>
        <translation>aus den Logs oder dem Aufbau der Sammlung</translation>
    </message>
    <message>
        <source>Host of records that name none. A host named by the log itself always wins.</source>
        <translation>Host für Datensätze, die keinen nennen. Ein vom Log selbst genannter Host hat immer Vorrang.</translation>
    </message>
    <message>
        <source>Time zone of logs that keep local time without an offset (dpkg, apt)</source>
        <translation>Zeitzone von Logs, die Ortszeit ohne Offset speichern (dpkg, apt)</translation>
    </message>
    <message>
        <source>Import files the case already holds (same SHA-256) again</source>
        <translation>Dateien, die der Fall bereits enthält (gleicher SHA-256), erneut importieren</translation>
    </message>
    <message>
        <source>Import:</source>
        <translation>Import:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>The policy is unchanged.</source>
        <translation>Die Richtlinie ist unverändert.</translation>
    </message>
    <message>
        <source>The time zone is used but not kept in the case: %1</source>
        <translation>Die Zeitzone wird verwendet, aber nicht im Fall gespeichert: %1</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Chainscope</source>
        <translation>Über Chainscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chainscope %1&lt;/h3&gt;&lt;p&gt;Finds install → write → first run → egress chains in host logs, and says why each chain is suspicious, incomplete or approved.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chainscope %1&lt;/h3&gt;&lt;p&gt;Findet Ketten aus Installation → Schreiben → erster Start → ausgehende Verbindung in Host-Logs und begründet, warum jede Kette verdächtig, unvollständig oder freigegeben ist.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The language changes at the next start of Chainscope.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Chainscope.</translation>
    </message>
    <message>
        <source>The selected chain has no stage to step to.</source>
        <translation>Die ausgewählte Kette hat keine Phase, zu der gesprungen werden kann.</translation>
    </message>
    <message>
        <source>nearest miss for %1</source>
        <translation>nächstgelegener Kandidat für %1</translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3 at %4</source>
        <translation>Phase %1 von %2: %3 um %4</translation>
    </message>
    <message>
        <source>Layout reset.</source>
        <translation>Layout zurückgesetzt.</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Zeitzone: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n suspicious</source>
        <translation>
            <numerusform>%n verdächtig</numerusform>
            <numerusform>%n verdächtig</numerusform>
        </translation>
    </message>
    <message>
        <source>verifying…</source>
        <translation>Prüfung läuft…</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>Verifying the case…</source>
        <translation>Der Fall wird geprüft…</translation>
    </message>
    <message>
        <source>Verify Case</source>
        <translation>Fall prüfen</translation>
    </message>
    <message>
        <source>The case could not be verified: %1</source>
        <translation>Der Fall konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <source>Reading archive %1 (hashing its files)…</source>
        <translation>Archiv %1 wird gelesen (seine Dateien werden gehasht)…</translation>
    </message>
    <message>
        <source>importing: reading archive %1…</source>
        <translation>Import: Archiv %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Importing %1
file %2 of %3, %4 of %5 MB, %6 events</source>
        <translation>%1 wird importiert
Datei %2 von %3, %4 von %5 MB, %6 Ereignisse</translation>
    </message>
    <message numerus="yes">
        <source>importing file %1 of %2, %n event(s)…</source>
        <translation>
            <numerusform>Datei %1 von %2 wird importiert, %n Ereignis…</numerusform>
            <numerusform>Datei %1 von %2 wird importiert, %n Ereignisse…</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more skipped</source>
        <translation>
            <numerusform>und %n weitere übersprungen</numerusform>
            <numerusform>und %n weitere übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Events from %1 to %2: %3 (Events tab)</source>
        <translation>Ereignisse von %1 bis %2: %3 (Registerkarte Ereignisse)</translation>
    </message>
    <message>
        <source>Toggle &amp;Bookmark…</source>
        <translation>&amp;Lesezeichen umschalten…</translation>
    </message>
    <message>
        <source>The triage is not kept in the case: %1</source>
        <translation>Die Triage wird nicht im Fall gespeichert: %1</translation>
    </message>
    <message>
        <source>Export &amp;Hunt…</source>
        <translation>Hunt-Regeln e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Hunt rules written to %1</source>
        <translation>Hunt-Regeln nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Export Chain %1 Report</source>
        <translation>Bericht über Kette %1 exportieren</translation>
    </message>
    <message>
        <source>PDF report (*.pdf);;HTML report (*.html)</source>
        <translation>PDF-Bericht (*.pdf);;HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>Export C&amp;hain Report…</source>
        <translation>&amp;Kettenbericht exportieren…</translation>
    </message>
    <message>
        <source>Chains of policy version %1 as the case kept them from its last analysis (read in %2 ms); a policy change computes them again from every event</source>
        <translation>Ketten der Richtlinienversion %1, wie der Fall sie aus seiner letzten Analyse aufbewahrt hat (in %2 ms gelesen); eine Änderung der Richtlinie berechnet sie erneut aus allen Ereignissen</translation>
    </message>
    <message>
        <source>Reading the case&apos;s events for its chains: %1 of %2</source>
        <translation>Ereignisse des Falls für seine Ketten werden gelesen: %1 von %2</translation>
    </message>
    <message>
        <source>Chains of policy version %1 as the case kept them from its last analysis (read in %2 ms); a policy change computes them again from the case&apos;s stored index</source>
        <translation>Ketten der Richtlinienversion %1, wie der Fall sie aus seiner letzten Analyse aufbewahrt hat (in %2 ms gelesen); eine Änderung der Richtlinie berechnet sie erneut aus dem gespeicherten Index des Falls</translation>
    </message>
</context>
<context>
    <name>Chainscope::PackageLogReader</name>
    <message>
        <source>package log reader used for a format it does not read</source>
        <translation>Paket-Log-Leser für ein Format verwendet, das er nicht liest</translation>
    </message>
    <message>
        <source>dpkg.log: not a dpkg.log line (expected &apos;YYYY-MM-DD HH:MM:SS type …&apos;)</source>
        <translation>dpkg.log: keine dpkg.log-Zeile (erwartet: &apos;YYYY-MM-DD HH:MM:SS type …&apos;)</translation>
    </message>
    <message>
        <source>dpkg.log: invalid date or time</source>
        <translation>dpkg.log: ungültiges Datum oder ungültige Uhrzeit</translation>
    </message>
    <message>
        <source>dpkg.log: no line type after the time stamp</source>
        <translation>dpkg.log: kein Zeilentyp nach dem Zeitstempel</translation>
    </message>
    <message>
        <source>dpkg.log: malformed &apos;%1&apos; line (expected &apos;%2&apos;)</source>
        <translation>dpkg.log: fehlerhafte &apos;%1&apos;-Zeile (erwartet: &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>apt history: transaction without a readable Start-Date or End-Date; its %1 package(s) are not imported</source>
        <translation>apt history: Transaktion ohne lesbares Start-Date oder End-Date; ihre %1 Paket(e) werden nicht importiert</translation>
    </message>
    <message>
        <source>apt history: transaction without End-Date (the file ends or another Start-Date follows)</source>
        <translation>apt history: Transaktion ohne End-Date (die Datei endet oder ein weiteres Start-Date folgt)</translation>
    </message>
    <message>
        <source>apt history: transaction larger than %1 packages or %2 bytes, stored as several raw records</source>
        <translation>apt history: Transaktion größer als %1 Pakete oder %2 Bytes, als mehrere Rohdatensätze gespeichert</translation>
    </message>
    <message>
        <source>apt history: unreadable Start-Date &apos;%1&apos;</source>
        <translation>apt history: unlesbares Start-Date &apos;%1&apos;</translation>
    </message>
    <message>
        <source>apt history: &apos;%1&apos; line outside a transaction (no Start-Date before it)</source>
        <translation>apt history: &apos;%1&apos;-Zeile außerhalb einer Transaktion (kein Start-Date davor)</translation>
    </message>
    <message>
        <source>apt history: not a history.log line</source>
        <translation>apt history: keine history.log-Zeile</translation>
    </message>
    <message>
        <source>apt history: unreadable line inside a transaction</source>
        <translation>apt history: unlesbare Zeile innerhalb einer Transaktion</translation>
    </message>
    <message>
        <source>apt history: unreadable End-Date &apos;%1&apos;</source>
        <translation>apt history: unlesbares End-Date &apos;%1&apos;</translation>
    </message>
    <message>
        <source>apt history: unreadable package list in &apos;%1&apos; line</source>
        <translation>apt history: unlesbare Paketliste in &apos;%1&apos;-Zeile</translation>
    </message>
    <message>
        <source>yum.log: not a yum.log line (expected &apos;Mon DD HH:MM:SS Action: package&apos;)</source>
        <translation>yum.log: keine yum.log-Zeile (erwartet: &apos;Mon DD HH:MM:SS Action: package&apos;)</translation>
    </message>
    <message>
        <source>yum.log: no such day in the assumed year %1</source>
        <translation>yum.log: diesen Tag gibt es im angenommenen Jahr %1 nicht</translation>
    </message>
    <message>
        <source>dnf log: unreadable line (binary data or invalid UTF-8)</source>
        <translation>dnf log: unlesbare Zeile (Binärdaten oder ungültiges UTF-8)</translation>
    </message>
    <message>
        <source>yum.log: unknown action in &apos;%1&apos;</source>
        <translation>yum.log: unbekannte Aktion in &apos;%1&apos;</translation>
    </message>
    <message>
        <source>line longer than %1 bytes: not a package log record, skipped</source>
        <translation>Zeile länger als %1 Bytes: kein Paket-Log-Datensatz, übersprungen</translation>
    </message>
</context>
<context>
    <name>Chainscope::Policy</name>
    <message>
        <source>unknown policy field %1</source>
        <translation>unbekanntes Richtlinienfeld %1</translation>
    </message>
    <message>
        <source>policy field %1: every entry must be a string</source>
        <translation>Richtlinienfeld %1: jeder Eintrag muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>TimeWindow is a duration such as &quot;90m&quot;, not a list</source>
        <translation>TimeWindow ist eine Dauer wie &quot;90m&quot;, keine Liste</translation>
    </message>
    <message>
        <source>policy field %1 must be a string or a list of strings</source>
        <translation>Richtlinienfeld %1 muss eine Zeichenkette oder eine Liste von Zeichenketten sein</translation>
    </message>
    <message>
        <source>TimeWindow is a duration; += applies to lists only</source>
        <translation>TimeWindow ist eine Dauer; += gilt nur für Listen</translation>
    </message>
    <message>
        <source>TimeWindow: &quot;%1&quot; is not a duration (examples: 90m, 4h, 2d)</source>
        <translation>TimeWindow: &quot;%1&quot; ist keine Dauer (Beispiele: 90m, 4h, 2d)</translation>
    </message>
    <message>
        <source>unknown policy field %1 (fields: %2)</source>
        <translation>unbekanntes Richtlinienfeld %1 (Felder: %2)</translation>
    </message>
    <message>
        <source>ApprovedUpdateHosts: &quot;%1&quot; is not a host name, *.domain suffix, IP or CIDR range</source>
        <translation>ApprovedUpdateHosts: &quot;%1&quot; ist weder Hostname noch *.domain-Suffix, IP-Adresse oder CIDR-Bereich</translation>
    </message>
    <message>
        <source>expected KEY=VALUE or KEY+=VALUE, got &quot;%1&quot;</source>
        <translation>KEY=VALUE oder KEY+=VALUE erwartet, erhalten: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid file-name pattern (%3)</source>
        <translation>%1: &quot;%2&quot; ist kein gültiges Dateinamenmuster (%3)</translation>
    </message>
</context>
<context>
    <name>Chainscope::PolicyDialog</name>
    <message>
        <source>Case Policy</source>
        <translation>Fallrichtlinie</translation>
    </message>
    <message>
        <source>one entry per line</source>
        <translation>ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>Approved update hosts</source>
        <translation>Freigegebene Update-Hosts</translation>
    </message>
    <message>
        <source>Approved signers</source>
        <translation>Freigegebene Signaturgeber</translation>
    </message>
    <message>
        <source>Program paths (Windows)</source>
        <translation>Programmpfade (Windows)</translation>
    </message>
    <message>
        <source>Program paths (Linux)</source>
        <translation>Programmpfade (Linux)</translation>
    </message>
    <message>
        <source>Approved repositories</source>
        <translation>Freigegebene Repositorys</translation>
    </message>
    <message>
        <source>Allowed Team IDs (macOS)</source>
        <translation>Zugelassene Team-IDs (macOS)</translation>
    </message>
    <message>
        <source>Trusted Homebrew taps</source>
        <translation>Vertrauenswürdige Homebrew-Taps</translation>
    </message>
    <message>
        <source>Program paths (macOS)</source>
        <translation>Programmpfade (macOS)</translation>
    </message>
    <message>
        <source>Installers (Linux)</source>
        <translation>Installer (Linux)</translation>
    </message>
    <message>
        <source>Installers (Windows)</source>
        <translation>Installer (Windows)</translation>
    </message>
    <message>
        <source>Installers (macOS)</source>
        <translation>Installer (macOS)</translation>
    </message>
    <message>
        <source>Staging paths</source>
        <translation>Staging-Pfade</translation>
    </message>
    <message>
        <source>How long after the install the write, first run and egress must happen: 90m, 4h, 2d or 45s (a bare number is minutes).</source>
        <translation>Wie lange nach der Installation das Schreiben, der erste Start und die ausgehende Verbindung erfolgen müssen: 90m, 4h, 2d oder 45s (eine Zahl ohne Einheit bedeutet Minuten).</translation>
    </message>
    <message>
        <source>Destinations that are not egress: an exact host, *.domain for its subdomains (not the bare domain), an IP address or a CIDR range.</source>
        <translation>Ziele, die keine ausgehenden Verbindungen im Sinne der Analyse sind: ein exakter Host, *.domain für seine Subdomains (nicht die Domain selbst), eine IP-Adresse oder ein CIDR-Bereich.</translation>
    </message>
    <message>
        <source>Code-signing publishers allowed for loaded modules, compared exactly but ignoring case.</source>
        <translation>Für geladene Module zugelassene Codesignatur-Herausgeber, exakt verglichen, aber ohne Beachtung der Groß-/Kleinschreibung.</translation>
    </message>
    <message>
        <source>Windows install locations, where %LOCALAPPDATA% and similar variables stand for every user.</source>
        <translation>Windows-Installationsorte, wobei %LOCALAPPDATA% und ähnliche Variablen für jeden Benutzer stehen.</translation>
    </message>
    <message>
        <source>Linux install locations, as folders or globs (/opt/*), where ~ stands for any home directory.</source>
        <translation>Linux-Installationsorte als Ordner oder Globs (/opt/*), wobei ~ für jedes Home-Verzeichnis steht.</translation>
    </message>
    <message>
        <source>Repository URLs (a sources.list line or a bare URL) and GPG key fingerprints, whose hosts also count as approved update hosts.</source>
        <translation>Repository-URLs (eine sources.list-Zeile oder eine bloße URL) und GPG-Schlüssel-Fingerabdrücke, deren Hosts auch als freigegebene Update-Hosts gelten.</translation>
    </message>
    <message>
        <source>Apple Developer Team IDs allowed for the code an install brings, exactly as Apple prints them (EQHXZ8M8AV).</source>
        <translation>Apple-Developer-Team-IDs, die für den von einer Installation mitgebrachten Code zugelassen sind, genau so, wie Apple sie ausgibt (EQHXZ8M8AV).</translation>
    </message>
    <message>
        <source>Homebrew taps trusted as sources (user/repo, ignoring case); a bare formula comes from homebrew/core.</source>
        <translation>Als Quellen vertrauenswürdige Homebrew-Taps (user/repo, ohne Beachtung der Groß-/Kleinschreibung); eine Formel ohne Tap stammt aus homebrew/core.</translation>
    </message>
    <message>
        <source>macOS program locations.</source>
        <translation>macOS-Programmorte.</translation>
    </message>
    <message>
        <source>File-name globs of Linux installers and updaters; an entry NAME SUBCOMMAND (go install) needs that first argument.</source>
        <translation>Dateinamen-Globs von Linux-Installern und -Updatern; ein Eintrag NAME SUBCOMMAND (go install) verlangt dieses erste Argument.</translation>
    </message>
    <message>
        <source>File-name globs of Windows installers and updaters (*update*.exe); an entry NAME SUBCOMMAND needs that first argument.</source>
        <translation>Dateinamen-Globs von Windows-Installern und -Updatern (*update*.exe); ein Eintrag NAME SUBCOMMAND verlangt dieses erste Argument.</translation>
    </message>
    <message>
        <source>File-name globs of macOS installers and updaters; an entry NAME SUBCOMMAND needs that first argument.</source>
        <translation>Dateinamen-Globs von macOS-Installern und -Updatern; ein Eintrag NAME SUBCOMMAND verlangt dieses erste Argument.</translation>
    </message>
    <message>
        <source>Where installers unpack the code they bring, so that a run from there counts even when no write was logged (Windows and Unix paths in one list).</source>
        <translation>Wohin Installer den mitgebrachten Code entpacken, damit ein Start von dort zählt, auch wenn kein Schreibzugriff protokolliert wurde (Windows- und Unix-Pfade in einer Liste).</translation>
    </message>
    <message>
        <source>Changes are stored as a new policy version and the chains are recomputed. Hover a field for what it means.</source>
        <translation>Änderungen werden als neue Richtlinienversion gespeichert und die Ketten neu berechnet. Zeigen Sie mit der Maus auf ein Feld, um seine Bedeutung zu sehen.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a duration such as 90m, 4h or 2d.</source>
        <translation>%1: &quot;%2&quot; ist keine Dauer wie 90m, 4h oder 2d.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is listed twice (entries %3 and %4).</source>
        <translation>%1: &quot;%2&quot; ist doppelt aufgeführt (Einträge %3 und %4).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Chainscope::ProcessTreeModel</name>
    <message>
        <source>(unknown image)</source>
        <translation>(unbekanntes Image)</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>seen from %1</source>
        <translation>beobachtet ab %1</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>Role in chain</source>
        <translation>Rolle in der Kette</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (und %n weiterer)</numerusform>
            <numerusform>%1 (und %n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>process %1 on %2</source>
        <translation>Prozess %1 auf %2</translation>
    </message>
    <message>
        <source>Shown for context: not part of the chain.</source>
        <translation>Zum Kontext angezeigt: nicht Teil der Kette.</translation>
    </message>
    <message>
        <source>The process image and its process id</source>
        <translation>Das Prozess-Image und seine Prozess-ID</translation>
    </message>
    <message>
        <source>The stages of the chain the process acted in</source>
        <translation>Die Phasen der Kette, an denen der Prozess beteiligt war</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>What the process did in the chain</source>
        <translation>Was der Prozess in der Kette getan hat</translation>
    </message>
    <message>
        <source>Who signed the code the process ran or loaded, as logged</source>
        <translation>Wer den Code, den der Prozess ausgeführt oder geladen hat, signiert hat (wie protokolliert)</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signaturgeber</translation>
    </message>
    <message>
        <source>The signature status as logged (Valid, Unavailable, …)</source>
        <translation>Der Signaturstatus wie protokolliert (Valid, Unavailable, …)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>The code&apos;s hash; old → new when it changed since before the install</source>
        <translation>Der Hash des Codes; alt → neu, wenn er sich seit vor der Installation geändert hat</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Why the process is in the chain: the policy entry that approved it, or the mismatch</source>
        <translation>Warum der Prozess in der Kette ist: der Richtlinieneintrag, der ihn freigegeben hat, oder die Abweichung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>When the process started, in the display time zone</source>
        <translation>Wann der Prozess gestartet wurde, in der Anzeige-Zeitzone</translation>
    </message>
    <message>
        <source>Started (%1)</source>
        <translation>Gestartet (%1)</translation>
    </message>
    <message>
        <source>The command line as logged</source>
        <translation>Die Befehlszeile wie protokolliert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no signer</source>
        <translation>kein Signaturgeber</translation>
    </message>
</context>
<context>
    <name>Chainscope::RawRecordView</name>
    <message>
        <source>

[… %1 bytes (%2) not shown: the record has %3 bytes, only the first %4 are shown]</source>
        <translation>

[… %1 Bytes (%2) nicht angezeigt: der Datensatz hat %3 Bytes, nur die ersten %4 werden angezeigt]</translation>
    </message>
    <message>
        <source>

[… %1 characters not shown: the record has %2 characters, only the first %3 are shown]</source>
        <translation>

[… %1 Zeichen nicht angezeigt: der Datensatz hat %2 Zeichen, nur die ersten %3 werden angezeigt]</translation>
    </message>
</context>
<context>
    <name>Chainscope::ReportPdf</name>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>generated %1 UTC</source>
        <translation>erstellt %1 UTC</translation>
    </message>
    <message>
        <source>Chainscope report: %1</source>
        <translation>Chainscope-Bericht: %1</translation>
    </message>
</context>
<context>
    <name>Chainscope::SantaLogReader</name>
    <message>
        <source>Santa log: line longer than %1 bytes, skipped</source>
        <translation>Santa-Log: Zeile länger als %1 Bytes, übersprungen</translation>
    </message>
    <message>
        <source>Santa log: not a Santa log line (expected &apos;[time] L santad: …&apos;)</source>
        <translation>Santa-Log: keine Santa-Log-Zeile (erwartet: &apos;[time] L santad: …&apos;)</translation>
    </message>
</context>
<context>
    <name>Chainscope::SourcesModel</name>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>… %1 ranges in all</source>
        <translation>… insgesamt %1 Bereiche</translation>
    </message>
    <message>
        <source>%1 missing sequence number(s): events may be lost there (%2)</source>
        <translation>%1 fehlende Sequenznummer(n): dort sind möglicherweise Ereignisse verloren gegangen (%2)</translation>
    </message>
    <message>
        <source>comments, blank lines and records that are no evidence: not errors</source>
        <translation>Kommentare, Leerzeilen und Datensätze, die keine Belege sind: keine Fehler</translation>
    </message>
    <message>
        <source>the log&apos;s own timestamps carry their zone (or are UTC)</source>
        <translation>die eigenen Zeitstempel des Logs tragen ihre Zeitzone (oder sind UTC)</translation>
    </message>
    <message>
        <source>local timestamps of this file were read in %1</source>
        <translation>lokale Zeitstempel dieser Datei wurden in %1 gelesen</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Lücken</translation>
    </message>
</context>
<context>
    <name>Chainscope::TimeZoneBox</name>
    <message>
        <source>&quot;%1&quot; is not a time zone Qt knows (examples: UTC, Europe/Berlin, Asia/Tokyo).</source>
        <translation>&quot;%1&quot; ist keine Zeitzone, die Qt kennt (Beispiele: UTC, Europe/Berlin, Asia/Tokyo).</translation>
    </message>
    <message>
        <source>%1: now UTC%2%3:%4</source>
        <translation>%1: derzeit UTC%2%3:%4</translation>
    </message>
</context>
<context>
    <name>Chainscope::TimeZoneDialog</name>
    <message>
        <source>Display Time Zone</source>
        <translation>Anzeige-Zeitzone</translation>
    </message>
    <message>
        <source>Times are shown in this zone; the case stores them in UTC.</source>
        <translation>Zeiten werden in dieser Zeitzone angezeigt; der Fall speichert sie in UTC.</translation>
    </message>
    <message>
        <source>Remembered for this case. The stored times do not change.</source>
        <translation>Wird für diesen Fall gespeichert. Die gespeicherten Zeiten ändern sich nicht.</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
</context>
<context>
    <name>Chainscope::TimelineView</name>
    <message>
        <source>install</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>erster Start</translation>
    </message>
    <message>
        <source>egress</source>
        <translation>ausgehende Verbindung</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>Zeitfenster %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>package source</source>
        <translation>Paketquelle</translation>
    </message>
    <message>
        <source>module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>child</source>
        <translation>Kindprozess</translation>
    </message>
    <message>
        <source>persistence</source>
        <translation>Persistenz</translation>
    </message>
    <message>
        <source>Fit to chain</source>
        <translation>An Kette anpassen</translation>
    </message>
    <message>
        <source>Zoom the time axis to the chain&apos;s events</source>
        <translation>Die Zeitachse auf die Ereignisse der Kette zoomen</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Show the chain, its window and its nearest misses</source>
        <translation>Die Kette, ihr Zeitfenster und ihre nächstgelegenen Kandidaten anzeigen</translation>
    </message>
    <message>
        <source>time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <source>no process (package log)</source>
        <translation>kein Prozess (Paket-Log)</translation>
    </message>
    <message>
        <source>(unknown image)</source>
        <translation>(unbekanntes Image)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n more processes</source>
        <translation>
            <numerusform>%n weiterer Prozess</numerusform>
            <numerusform>%n weitere Prozesse</numerusform>
        </translation>
    </message>
    <message>
        <source>process: %1</source>
        <translation>Prozess: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>signer: %1 (%2)</source>
        <translation>Signaturgeber: %1 (%2)</translation>
    </message>
    <message>
        <source>hash: %1</source>
        <translation>Hash: %1</translation>
    </message>
    <message>
        <source>late %1</source>
        <translation>%1 (verspätet)</translation>
    </message>
    <message>
        <source>nearest miss of the missing %1 stage, %2 after the install</source>
        <translation>nächstgelegener Kandidat für die fehlende Phase „%1“, %2 nach der Installation</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>nearest miss</source>
        <translation>nächstgelegener Kandidat</translation>
    </message>
    <message>
        <source>late event</source>
        <translation>verspätetes Ereignis</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 +%2; window %3</source>
        <translation>%1 +%2; Zeitfenster %3</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 ausgelassen</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more here; zoom in to tell them apart</source>
        <translation>
            <numerusform>… und %n weiteres hier; vergrößern Sie, um sie zu unterscheiden</numerusform>
            <numerusform>… und %n weitere hier; vergrößern Sie, um sie zu unterscheiden</numerusform>
        </translation>
    </message>
    <message>
        <source>flagged: %1</source>
        <translation>markiert: %1</translation>
    </message>
</context>
<context>
    <name>Chainscope::UnifiedLogReader</name>
    <message>
        <source>unified log: %1</source>
        <translation>Unified Log: %1</translation>
    </message>
    <message>
        <source>unified log: entry without a timestamp</source>
        <translation>Unified Log: Eintrag ohne Zeitstempel</translation>
    </message>
    <message>
        <source>unified log: unreadable timestamp &apos;%1&apos;</source>
        <translation>Unified Log: unlesbarer Zeitstempel &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>Chainscope::VerificationDialog</name>
    <message>
        <source>Verify Case</source>
        <translation>Fall prüfen</translation>
    </message>
    <message>
        <source>Case %1, verified %2 UTC</source>
        <translation>Fall %1, geprüft am %2 UTC</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Pages and indexes (SQLite integrity_check)</source>
        <translation>Seiten und Indizes (SQLite integrity_check)</translation>
    </message>
    <message>
        <source>could not finish: %1</source>
        <translation>konnte nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Raw records against their import hashes</source>
        <translation>Rohdatensätze gegen ihre Import-Hashes</translation>
    </message>
    <message>
        <source>%1 intact, %2 changed or damaged, %3 not checked (stored before hashing)</source>
        <translation>%1 intakt, %2 geändert oder beschädigt, %3 nicht geprüft (vor dem Hashing gespeichert)</translation>
    </message>
    <message>
        <source>check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>raw record %1 (source %2)</source>
        <translation>Rohdatensatz %1 (Quelle %2)</translation>
    </message>
    <message>
        <source>SHA-256 differs</source>
        <translation>SHA-256 weicht ab</translation>
    </message>
    <message>
        <source>damaged, cannot be decoded</source>
        <translation>beschädigt, kann nicht dekodiert werden</translation>
    </message>
    <message>
        <source>no events</source>
        <translation>keine Ereignisse</translation>
    </message>
    <message>
        <source>events %1</source>
        <translation>Ereignisse %1</translation>
    </message>
    <message>
        <source>Source files against their recorded SHA-256</source>
        <translation>Quelldateien gegen ihren erfassten SHA-256</translation>
    </message>
    <message>
        <source>%1 intact of %2</source>
        <translation>%1 von %2 intakt</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>CHANGED: now %1</source>
        <translation>GEÄNDERT: jetzt %1</translation>
    </message>
    <message>
        <source>not at its recorded path (not checked)</source>
        <translation>nicht am erfassten Pfad (nicht geprüft)</translation>
    </message>
    <message>
        <source>unreadable (not checked): %1</source>
        <translation>nicht lesbar (nicht geprüft): %1</translation>
    </message>
    <message>
        <source>no recorded SHA-256 (not checked)</source>
        <translation>kein erfasster SHA-256 (nicht geprüft)</translation>
    </message>
    <message>
        <source>source %1: %2</source>
        <translation>Quelle %1: %2</translation>
    </message>
    <message>
        <source>The result could not be recorded in the case: %1</source>
        <translation>Das Ergebnis konnte nicht im Fall gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>EvtxReader</name>
    <message>
        <source>chunk at offset %1 has no chunk signature; skipped</source>
        <translation>Chunk bei Offset %1 hat keine Chunk-Signatur; übersprungen</translation>
    </message>
    <message>
        <source>chunk at offset %1: header checksum mismatch; records checked one by one</source>
        <translation>Chunk bei Offset %1: Prüfsumme des Headers stimmt nicht; Datensätze werden einzeln geprüft</translation>
    </message>
    <message>
        <source>chunk at offset %1: record data checksum mismatch; records checked one by one</source>
        <translation>Chunk bei Offset %1: Prüfsumme der Datensatzdaten stimmt nicht; Datensätze werden einzeln geprüft</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from offset %1 belong to another chunk (ids outside %2–%3); skipped</source>
        <translation>
            <numerusform>%n Datensatz ab Offset %1 gehört zu einem anderen Chunk (ID außerhalb von %2–%3); übersprungen</numerusform>
            <numerusform>%n Datensätze ab Offset %1 gehören zu einem anderen Chunk (IDs außerhalb von %2–%3); übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>record at offset %1: invalid record size %2</source>
        <translation>Datensatz bei Offset %1: ungültige Datensatzgröße %2</translation>
    </message>
    <message>
        <source>damaged data at offset %1 (no record signature)</source>
        <translation>beschädigte Daten bei Offset %1 (keine Datensatz-Signatur)</translation>
    </message>
    <message>
        <source>record %1 at offset %2 is incomplete (its end is missing); imported what it holds</source>
        <translation>Datensatz %1 bei Offset %2 ist unvollständig (sein Ende fehlt); importiert, was er enthält</translation>
    </message>
    <message>
        <source>record %1 at offset %2 is incomplete and its content unreadable (%3); kept its id and time</source>
        <translation>Datensatz %1 bei Offset %2 ist unvollständig und sein Inhalt unlesbar (%3); ID und Zeit übernommen</translation>
    </message>
    <message>
        <source>record %1 at offset %2: %3</source>
        <translation>Datensatz %1 bei Offset %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) listed by the chunk header at offset %1 are missing (overwritten or zeroed)</source>
        <translation>
            <numerusform>%n im Chunk-Header bei Offset %1 aufgeführter Datensatz fehlt (überschrieben oder genullt)</numerusform>
            <numerusform>%n im Chunk-Header bei Offset %1 aufgeführte Datensätze fehlen (überschrieben oder genullt)</numerusform>
        </translation>
    </message>
    <message>
        <source>not an EVTX chunk</source>
        <translation>kein EVTX-Chunk</translation>
    </message>
    <message>
        <source>record offset %1 lies in the file header</source>
        <translation>Datensatz-Offset %1 liegt im Dateiheader</translation>
    </message>
    <message>
        <source>no record at offset %1 of its chunk</source>
        <translation>kein Datensatz bei Offset %1 seines Chunks</translation>
    </message>
    <message>
        <source>file too short for an EVTX header (%1 bytes)</source>
        <translation>Datei zu kurz für einen EVTX-Header (%1 Bytes)</translation>
    </message>
    <message>
        <source>file header checksum mismatch; reading every chunk</source>
        <translation>Prüfsumme des Dateiheaders stimmt nicht; alle Chunks werden gelesen</translation>
    </message>
    <message>
        <source>file header has no EVTX signature; reading every chunk</source>
        <translation>Dateiheader ohne EVTX-Signatur; alle Chunks werden gelesen</translation>
    </message>
    <message>
        <source>truncated data at the end of the file (%1 bytes)</source>
        <translation>abgeschnittene Daten am Dateiende (%1 Bytes)</translation>
    </message>
    <message>
        <source>chunk %1 at offset %2 has no chunk signature; skipped</source>
        <translation>Chunk %1 bei Offset %2 hat keine Chunk-Signatur; übersprungen</translation>
    </message>
    <message>
        <source>&lt;!-- The stored EVTX chunk could not be rendered: %1 --&gt;</source>
        <translation>&lt;!-- Der gespeicherte EVTX-Chunk konnte nicht dargestellt werden: %1 --&gt;</translation>
    </message>
    <message>
        <source>record %1 promised by the file header is missing (file cut or zeroed)</source>
        <translation>Datensatz %1, den der Dateiheader ankündigt, fehlt (Datei abgeschnitten oder genullt)</translation>
    </message>
    <message>
        <source>records %1-%2 promised by the file header are missing (file cut or zeroed)</source>
        <translation>Datensätze %1-%2, die der Dateiheader ankündigt, fehlen (Datei abgeschnitten oder genullt)</translation>
    </message>
</context>
<context>
    <name>WinXmlReader</name>
    <message>
        <source>not an &lt;Event&gt; element</source>
        <translation>kein &lt;Event&gt;-Element</translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation>%1 (Zeile %2, Spalte %3)</translation>
    </message>
    <message>
        <source>no &lt;Event&gt; element</source>
        <translation>kein &lt;Event&gt;-Element gefunden</translation>
    </message>
    <message>
        <source>event at offset %1 is larger than %2 bytes; skipped</source>
        <translation>Ereignis bei Offset %1 ist größer als %2 Bytes; übersprungen</translation>
    </message>
    <message>
        <source>event at offset %1 is not valid %2 text; skipped</source>
        <translation>Ereignis bei Offset %1 ist kein gültiger %2-Text; übersprungen</translation>
    </message>
    <message>
        <source>event at offset %1: %2; skipped</source>
        <translation>Ereignis bei Offset %1: %2; übersprungen</translation>
    </message>
    <message>
        <source>unexpected content at offset %1 outside an event; skipped to the next event</source>
        <translation>unerwarteter Inhalt bei Offset %1 außerhalb eines Ereignisses; weiter beim nächsten Ereignis</translation>
    </message>
    <message>
        <source>event at offset %1 is cut off: the input ends before its end tag</source>
        <translation>Ereignis bei Offset %1 ist abgeschnitten: die Eingabe endet vor seinem End-Tag</translation>
    </message>
    <message>
        <source>event at offset %1 has no end tag before the next event at offset %2; skipped</source>
        <translation>Ereignis bei Offset %1 hat kein End-Tag vor dem nächsten Ereignis bei Offset %2; übersprungen</translation>
    </message>
</context>
</TS>
