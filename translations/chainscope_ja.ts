<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Chainscope</name>
    <message numerus="yes">
        <source>audit event %1 at %2: %n malformed EXECVE argument field(s) ignored (index, part or length not a number, or index outside argc)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>audit event %1 at %2: %n EXECVE argument or PROCTITLE value(s) with an odd number of hex digits (cut; the last digit is dropped)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>line longer than %1 bytes: not an audit record (the kernel writes at most a few KiB per record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last line cut (no newline at the end of the input): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an audit record: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit record without a valid msg=audit(SECONDS.MILLIS:SERIAL) stamp: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated audit record (a quoted value does not end): &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last line cut (no newline at the end of the input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last line cut (no newline at the end of the input): its last field &quot;%1&quot; may be incomplete and is not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown archive error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sparse map beyond the member&apos;s size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more data than the member&apos;s declared size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the member decodes to more than %1 bytes, too many for the archive&apos;s size (a decompression bomb?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: damaged archive after %n member(s): %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: empty file, nothing to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a log format Chainscope reads (expected %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a log format Chainscope reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in this case as source %2 (same SHA-256 %3…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the member&apos;s bytes changed between the two readings of the archive (SHA-256 %1… first, %2… now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a directory, not a log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: it is %2, not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: zlib initialisation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compressed stream is truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compressed stream is corrupt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; it was written by an older Chainscope (case format %2) and must be opened once where it can be written, to bring it up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Chainscope case (unknown case format %2; the file header may be damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case file %1 was written by a newer Chainscope (case format %2, this version reads up to %3); open it with a newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a Chainscope case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Chainscope case (it is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case file %1: stored policy is invalid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case file %1: raw record %2 is damaged (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case file %1: stored policy version %2 is invalid: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full: the case %1 could not be written (free some space and run the command again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case %1 is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case %1 is busy: another program (an import?) is writing to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case file %1 is damaged or not a case file (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case %1 is read-only (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case file %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case file %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create case file %1: its folder %2 cannot be written (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite could open it for reading only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open case file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::CaseVerifier</name>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the page check could not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the raw-record check could not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n raw record(s) changed or damaged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the source check could not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) not at the recorded path</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) unreadable</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) without a recorded hash</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n raw record(s) not checked: stored before raw records were hashed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 raw record(s) and %2 source file(s) match their recorded hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intact: the pages check out; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly checked: nothing differs, but %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered: the case file&apos;s pages and indexes (SQLite integrity_check); each raw record against the SHA-256 stored beside it at import; each source file still at its recorded path against its recorded SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not covered: the normalized event rows (an event field changed consistently, such as an image path, passes every check; compare an event with its raw record), the policy versions, the import error samples, raw records stored before case format 5, and source files no longer at their recorded path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainAnalysis</name>
    <message>
        <source>no case loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainSummaryPanel</name>
    <message>
        <source>Select a chain to see why it was flagged, what is missing and what was approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Triage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — chain %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nearest miss: event %1, %2 after the install)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nearest miss: event %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainsModel</name>
    <message>
        <source>suspicious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (note: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not triaged yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-run binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egress destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::Correlator</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packages %1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packages %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed by Team ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed by Team ID %1, which no AllowedTeamIDs entry names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed by Team ID %1, not by %2, the team of the updater that brought it (AllowedTeamIDs is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed by Team ID %1; AllowedTeamIDs is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>installer log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an installer or updater (policy installer lists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>brew installs from the tap %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>brew installs from %1, which no BrewTapsAllowList entry names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the installer downloaded from %1, an approved source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the installer downloaded from %1, which no ApprovedUpdateHosts or ApprovedRepos entry names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the installer downloaded from %1; the policy names no approved sources (ApprovedUpdateHosts and ApprovedRepos are empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no process or file-write records for this install (package log only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write not observed: %1 ran without a logged write of it (file-write events may be filtered on this host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write not observed: the update session&apos;s service host loaded the module without a logged write of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no write into monitored paths by the installer or its descendants within %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wrote %2, a monitored program path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wrote %2, which then ran within the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first run of %1, written by the install %2 after it began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2, which the install wrote; its first run, %3 after the install began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started %2 from its staging folder %3 after the install began (code the installer brought; write not observed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ran %3 after the install began; the install&apos;s downloader fetched it (&quot;%2&quot;); write not observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an install script downloads and runs code in one line: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the code is unsigned, ad-hoc signed or its signature did not verify (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2 (%3) %4 after %5 began an update session; the update service runs in this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started %2, a shell, script host or system binary, after it loaded unsigned code during the update session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started %2, a shell, script host or system binary that new code has no business starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started %2 below the first run of %3: a shell, script host or system binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code integrity refused or flagged %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2, which is unsigned or whose signature did not verify (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2, signed by %3, whom no ApprovedSigners entry names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2 with a new hash under the same signer (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2, now signed by %3, unlike before the install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2, signed by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2; no signer was logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 loaded %2, signed by %3 (valid); no ApprovedSigners entry names it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now signed by %2, unlike before the install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; its hash changed since before the install, under the same signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 set up %2 to start again (persistence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flagged %2 %3 after the install began (code signing or notarization)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; Team ID %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written binary %1 first ran %2 after the install, outside the %3 window</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>none of the %n written file(s) was executed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reached %2 %3 after the install, an approved update host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reached %2 %3 after the install; no ApprovedUpdateHosts entry names it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no egress within %1; first egress %2 after the install to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no network connection from the first-run process or its descendants; the case holds no network events for this host (egress is not logged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no network connection from the first-run process or its descendants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspicious: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved because %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the nearest egress came after the window and went to an unapproved host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no policy entry approves any of its evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing the install brought was seen running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete: no mismatch, but not approved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>installer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loaded %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shell / script host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>egress to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package source %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package source %1 (not approved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>persistence %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::DensityStrip</name>
    <message>
        <source>Events over time in the whole case. Drag to select a time range; click to clear it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events in the case (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::EcsReader</name>
    <message>
        <source>ECS document longer than %1 bytes: skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS document nested deeper than %1 levels: skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON document (text between documents): skipped to the end of the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS document cut off (a line ends inside a string)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS document cut off (a new document starts before it ends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS document cut off at the end of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Winlogbeat document without a readable @timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS document without a readable @timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECS document is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elasticsearch hit that is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::EsloggerReader</name>
    <message>
        <source>eslogger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eslogger: event without a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eslogger: unreadable time &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eslogger: not an Endpoint Security message (no event or process)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::EventsModel</name>
    <message>
        <source>Bookmarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked events (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s message, or its other recorded facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target / destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::EventsPanel</name>
    <message>
        <source>Show the events of one host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the events of one source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one kind of event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the events of one Windows event provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chain only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search image, command line, target, destination, user, provider, message (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one Windows event id (4688, Sysmon 1, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events at or after this time (display time zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events at or before this time, the whole second included (display time zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the events of the chain selected in the Chains tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events bookmarked with Ctrl+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every matching event, in this order and these columns, to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle bookmark…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export events as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::Explanation</name>
    <message>
        <source>host not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package source not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected child process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsigned module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signer not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signer changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new hash, same signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team ID not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homebrew tap not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain connected to a host that no ApprovedUpdateHosts or ApprovedRepos entry names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The install came from a package source that no ApprovedRepos entry names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code the install brought started a shell, script host or system binary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code was unsigned, ad-hoc signed, or its signature did not verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code was validly signed, but by a signer that no ApprovedSigners entry names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file the host knew is now signed by a different signer than before the install.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file the host knew has a new hash under the same signer; every genuine update does this too, so it is a note, not a flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code was signed by an Apple Team ID that AllowedTeamIDs does not list (or, with an empty list, not by the updater&apos;s team).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homebrew installed from a tap that no BrewTapsAllowList entry names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>installer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>module load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>egress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>persistence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspicious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not triaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by %1 entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::HtmlReport</name>
    <message>
        <source>policy v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chainscope report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supply-chain compromise report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated: %1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytic: MITRE ATT&amp;CK DET0309 (T1195.002), install → write → first run → egress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected chains only: %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 suspicious chain(s), %2 incomplete, %3 approved by the policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No install seed wrote into a monitored path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyst:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>benign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC / as logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 ranges in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missing sequence number(s): possible loss (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case policy version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default policy (never edited in this case).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy was never edited in this case: the defaults apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes from the previous version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the defaults:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 — %2, host %3, score %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline of chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage / time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash (old → new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role in chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 d %3 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 h %3 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 min %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2; window %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 on a time axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time window %1 from the install</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::InstallHistoryReader</name>
    <message>
        <source>not a dict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged XML (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InstallHistory.plist is a binary property list, which Chainscope does not read; convert it with `plutil -convert xml1 -o InstallHistory.xml.plist InstallHistory.plist` and import that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InstallHistory.plist: unreadable install record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InstallHistory.plist: install record without a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InstallHistory.plist: unreadable date &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InstallHistory.plist: install record longer than %1 bytes, skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InstallHistory.plist: empty install record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InstallHistory.plist: the file ends inside an install record (cut off)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::InstallLogReader</name>
    <message>
        <source>install.log: line longer than %1 bytes, skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install.log: unreadable line (expected &apos;HOST PROCESS[PID]: message&apos; after the time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install.log: line in the old syslog form without a year, not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install.log: line without a time and no record before it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::JsonRecordStream</name>
    <message>
        <source>not valid JSON (%1 at byte %2 of the record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JSON value that is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record longer than %1 bytes, skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file ends inside a JSON object (cut off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text between the JSON objects of the array, skipped up to the next object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON object nested deeper than %1 levels, skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON object longer than %1 bytes, skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::MainWindow</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chainscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are shown in this zone. Click to choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or open a case, then import or drop logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import logs or drop files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Logs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Process Tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display &amp;Time Zone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies at the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;Policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify Case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;revious Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous S&amp;tage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Chainscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chainscope cases (*.chainscope)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chainscope cases (*.chainscope);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs and collections (*);;Archives (*.zip *.tar *.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.7z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Folder (Triage Collection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or open a case first, then import the logs into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is busy (an import or a verification runs); import again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) and folder(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>from the logs or the collection&apos;s layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host of records that name none. A host named by the log itself always wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone of logs that keep local time without an offset (dpkg, apt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files the case already holds (same SHA-256) again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time zone is used but not kept in the case: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Chainscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chainscope %1&lt;/h3&gt;&lt;p&gt;Finds install → write → first run → egress chains in host logs, and says why each chain is suspicious, incomplete or approved.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes at the next start of Chainscope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Chainscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chains computed with policy version %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected chain has no stage to step to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nearest miss for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 on %2, installed %3: %4, score %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No raw record stored for event %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incomplete</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>correlating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suspicious</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>policy v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case could not be verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading archive %1 (hashing its files)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>importing: reading archive %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1
file %2 of %3, %4 of %5 MB, %6 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>importing file %1 of %2, %n event(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n damaged or lost record(s); first: %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chainscope::PackageLogReader</name>
    <message>
        <source>line longer than %1 bytes: not a package log record, skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package log reader used for a format it does not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dpkg.log: not a dpkg.log line (expected &apos;YYYY-MM-DD HH:MM:SS type …&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dpkg.log: invalid date or time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dpkg.log: no line type after the time stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dpkg.log: malformed &apos;%1&apos; line (expected &apos;%2&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt history: transaction without a readable Start-Date or End-Date; its %1 package(s) are not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt history: transaction without End-Date (the file ends or another Start-Date follows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt history: transaction larger than %1 packages or %2 bytes, stored as several raw records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt history: unreadable Start-Date &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt history: &apos;%1&apos; line outside a transaction (no Start-Date before it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt history: not a history.log line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt history: unreadable line inside a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt history: unreadable End-Date &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt history: unreadable package list in &apos;%1&apos; line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yum.log: not a yum.log line (expected &apos;Mon DD HH:MM:SS Action: package&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yum.log: no such day in the assumed year %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dnf log: unreadable line (binary data or invalid UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yum.log: unknown action in &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::Policy</name>
    <message>
        <source>unknown policy field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>policy field %1: every entry must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeWindow is a duration such as &quot;90m&quot;, not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>policy field %1 must be a string or a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeWindow is a duration; += applies to lists only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TimeWindow: &quot;%1&quot; is not a duration (examples: 90m, 4h, 2d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown policy field %1 (fields: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid file-name pattern (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ApprovedUpdateHosts: &quot;%1&quot; is not a host name, *.domain suffix, IP or CIDR range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected KEY=VALUE or KEY+=VALUE, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::PolicyDialog</name>
    <message>
        <source>Time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved update hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved signers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program paths (Windows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program paths (Linux)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed Team IDs (macOS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted Homebrew taps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program paths (macOS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installers (Linux)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installers (Windows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installers (macOS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staging paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long after the install the write, first run and egress must happen: 90m, 4h, 2d or 45s (a bare number is minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinations that are not egress: an exact host, *.domain for its subdomains (not the bare domain), an IP address or a CIDR range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code-signing publishers allowed for loaded modules, compared exactly but ignoring case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows install locations, where %LOCALAPPDATA% and similar variables stand for every user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux install locations, as folders or globs (/opt/*), where ~ stands for any home directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository URLs (a sources.list line or a bare URL) and GPG key fingerprints, whose hosts also count as approved update hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple Developer Team IDs allowed for the code an install brings, exactly as Apple prints them (EQHXZ8M8AV).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homebrew taps trusted as sources (user/repo, ignoring case); a bare formula comes from homebrew/core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macOS program locations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File-name globs of Linux installers and updaters; an entry NAME SUBCOMMAND (go install) needs that first argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File-name globs of Windows installers and updaters (*update*.exe); an entry NAME SUBCOMMAND needs that first argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File-name globs of macOS installers and updaters; an entry NAME SUBCOMMAND needs that first argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where installers unpack the code they bring, so that a run from there counts even when no write was logged (Windows and Unix paths in one list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one entry per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes are stored as a new policy version and the chains are recomputed. Hover a field for what it means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a duration such as 90m, 4h or 2d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is listed twice (entries %3 and %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::ProcessTreeModel</name>
    <message>
        <source>(unknown image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>seen from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown for context: not part of the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process image and its process id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stages of the chain the process acted in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the process did in the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role in chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signed the code the process ran or loaded, as logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature status as logged (Valid, Unavailable, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code&apos;s hash; old → new when it changed since before the install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the process is in the chain: the policy entry that approved it, or the mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the process started, in the display time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line as logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::RawRecordView</name>
    <message>
        <source>

[… %1 bytes (%2) not shown: the record has %3 bytes, only the first %4 are shown]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

[… %1 characters not shown: the record has %2 characters, only the first %3 are shown]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::SantaLogReader</name>
    <message>
        <source>Santa log: line longer than %1 bytes, skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Santa log: not a Santa log line (expected &apos;[time] L santad: …&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::SourcesModel</name>
    <message>
        <source>… %1 ranges in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missing sequence number(s): events may be lost there (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comments, blank lines and records that are no evidence: not errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the log&apos;s own timestamps carry their zone (or are UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local timestamps of this file were read in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::TimeZoneBox</name>
    <message>
        <source>&quot;%1&quot; is not a time zone Qt knows (examples: UTC, Europe/Berlin, Asia/Tokyo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: now UTC%2%3:%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::TimeZoneDialog</name>
    <message>
        <source>Display Time Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are shown in this zone; the case stores them in UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered for this case. The stored times do not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::TimelineView</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>egress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>persistence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom the time axis to the chain&apos;s events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the chain, its window and its nearest misses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no process (package log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more processes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>process: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signer: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hash: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nearest miss of the missing %1 stage, %2 after the install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nearest miss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 +%2; window %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more here; zoom in to tell them apart</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chainscope::UnifiedLogReader</name>
    <message>
        <source>unified log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unified log: entry without a timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unified log: unreadable timestamp &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Chainscope::VerificationDialog</name>
    <message>
        <source>Verify Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1, verified %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages and indexes (SQLite integrity_check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw records against their import hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 intact, %2 changed or damaged, %3 not checked (stored before hashing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw record %1 (source %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged, cannot be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source files against their recorded SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 intact of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHANGED: now %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not at its recorded path (not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable (not checked): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recorded SHA-256 (not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result could not be recorded in the case: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvtxReader</name>
    <message>
        <source>chunk at offset %1 has no chunk signature; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunk at offset %1: header checksum mismatch; records checked one by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunk at offset %1: record data checksum mismatch; records checked one by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from offset %1 belong to another chunk (ids outside %2–%3); skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>record at offset %1: invalid record size %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged data at offset %1 (no record signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 at offset %2 is incomplete (its end is missing); imported what it holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 at offset %2 is incomplete and its content unreadable (%3); kept its id and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 at offset %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) listed by the chunk header at offset %1 are missing (overwritten or zeroed)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not an EVTX chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record offset %1 lies in the file header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no record at offset %1 of its chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file too short for an EVTX header (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file header checksum mismatch; reading every chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file header has no EVTX signature; reading every chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated data at the end of the file (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunk %1 at offset %2 has no chunk signature; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 promised by the file header is missing (file cut or zeroed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records %1-%2 promised by the file header are missing (file cut or zeroed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;!-- The stored EVTX chunk could not be rendered: %1 --&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WinXmlReader</name>
    <message>
        <source>not an &lt;Event&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &lt;Event&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event at offset %1 is larger than %2 bytes; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event at offset %1 is not valid %2 text; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event at offset %1: %2; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected content at offset %1 outside an event; skipped to the next event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event at offset %1 is cut off: the input ends before its end tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event at offset %1 has no end tag before the next event at offset %2; skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
