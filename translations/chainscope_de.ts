<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Chainscope</name>
    <message>
        <source>1 audit event lost (serial %1 missing)</source>
        <translation>1 Audit-Ereignis verloren (Seriennummer %1 fehlt)</translation>
    </message>
    <message>
        <source>%1 audit events lost (serials %2–%3 missing)</source>
        <translation>%1 Audit-Ereignisse verloren (Seriennummern %2–%3 fehlen)</translation>
    </message>
    <message>
        <source>audit event %1 at %2 incomplete: no SYSCALL record</source>
        <translation>Audit-Ereignis %1 um %2 unvollständig: kein SYSCALL-Datensatz</translation>
    </message>
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
        <source>%1: not a log format Chainscope reads (expected auditd, dpkg, apt history, yum or dnf)</source>
        <translation>%1: kein Logformat, das Chainscope liest (erwartet: auditd, dpkg, apt history, yum oder dnf)</translation>
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
        <source>case file %1: %2 failed: %3</source>
        <translation>Falldatei %1: %2 fehlgeschlagen: %3</translation>
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
</context>
<context>
    <name>Chainscope::ChainAnalysis</name>
    <message>
        <source>no case loaded</source>
        <translation>kein Fall geladen</translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainsModel</name>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>full chain</source>
        <translation>vollständige Kette</translation>
    </message>
    <message>
        <source>partial (%1 of 4)</source>
        <translation>Teilkette (%1 von 4)</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>fehlt: %1</translation>
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
        <translation>Egress-Ziel</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
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
        <translation>kein Egress innerhalb von %1; erster Egress zu %3 erst %2 nach der Installation</translation>
    </message>
    <message>
        <source>egress to %1 matched %2</source>
        <translation>Egress zu %1 passt auf Eintrag %2</translation>
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
        <source>Case: %1</source>
        <translation>Fall: %1</translation>
    </message>
    <message>
        <source>Generated: %1 UTC</source>
        <translation>Erstellt: %1 UTC</translation>
    </message>
    <message>
        <source>Analytic: MITRE ATT&amp;CK DET0309 (T1195.002), install → write → first run → egress</source>
        <translation>Analytik: MITRE ATT&amp;CK DET0309 (T1195.002), Installation → Schreiben → erster Start → Egress</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>%1 full chain(s), %2 partial chain(s), %3 considered and approved.</source>
        <translation>%1 vollständige Kette(n), %2 Teilkette(n), %3 geprüft und freigegeben.</translation>
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
        <source>full chain</source>
        <translation>vollständige Kette</translation>
    </message>
    <message>
        <source>partial chain</source>
        <translation>Teilkette</translation>
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
        <source>Missing: %1</source>
        <translation>Fehlt: %1</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
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
        <source>Processes:</source>
        <translation>Prozesse:</translation>
    </message>
</context>
<context>
    <name>Chainscope::MainWindow</name>
    <message>
        <source>Chainscope</source>
        <translation>Chainscope</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Typen</translation>
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
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren…</translation>
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
        <source>Chain %1 on %2: %3, score %4</source>
        <translation>Kette %1 auf %2: %3, Score %4</translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation>Flags: %1</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Fehlt: %1</translation>
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
    <message numerus="yes">
        <source>%n full</source>
        <translation>
            <numerusform>%n vollständig</numerusform>
            <numerusform>%n vollständig</numerusform>
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
        <source>Importing %1 (%2 of %3): %4 events</source>
        <translation>%1 wird importiert (%2 von %3): %4 Ereignisse</translation>
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
</context>
<context>
    <name>Chainscope::PolicyDialog</name>
    <message>
        <source>Case Policy</source>
        <translation>Fallrichtlinie</translation>
    </message>
    <message>
        <source>Correlation window from the install, e.g. 90m, 4h, 2d</source>
        <translation>Korrelationsfenster ab der Installation, z. B. 90m, 4h, 2d</translation>
    </message>
    <message>
        <source>TimeWindow</source>
        <translation>TimeWindow</translation>
    </message>
    <message>
        <source>one entry per line</source>
        <translation>ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <source>Changes are stored as a new policy version and the chains are recomputed.</source>
        <translation>Änderungen werden als neue Richtlinienversion gespeichert und die Ketten neu berechnet.</translation>
    </message>
</context>
<context>
    <name>Chainscope::ProcessTreeModel</name>
    <message>
        <source>installer</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>package source %1 (not approved)</source>
        <translation>Paketquelle %1 (nicht freigegeben)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>schrieb %1</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>erster Start</translation>
    </message>
    <message>
        <source>shell / script host</source>
        <translation>Shell / Skript-Host</translation>
    </message>
    <message>
        <source>loaded %1 (%2)</source>
        <translation>lud %1 (%2)</translation>
    </message>
    <message>
        <source>egress to %1:%2</source>
        <translation>Egress zu %1:%2</translation>
    </message>
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
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>loaded %1</source>
        <translation>lud %1</translation>
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
</context>
<context>
    <name>Chainscope::TimelineView</name>
    <message>
        <source>time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
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
        <translation>Egress</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>outside the allow-lists</source>
        <translation>außerhalb der Positivlisten</translation>
    </message>
    <message>
        <source>outside the time window</source>
        <translation>außerhalb des Zeitfensters</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>Zeitfenster %1</translation>
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
