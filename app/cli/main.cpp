// chainscope-cli: the headless front end. Its commands, JSON shapes and exit codes
// are a contract (README, "Command line"); scripts and later checks rely on them.

#include "caseindex.h"
#include "casestore.h"
#include "caseverifier.h"
#include "chainsnapshot.h"
#include "collection.h"
#include "correlator.h"
#include "eventjson.h"
#include "formats.h"
#include "huntexporter.h"
#include "importer.h"
#include "linuxscenario.h"
#include "macscenario.h"
#include "outputfile.h"
#include "report.h"
#include "storedindex.h"
#include "windowsscenario.h"
#ifdef CHAINSCOPE_PDF
#include "printapplication.h"
#include "reportexport.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <unistd.h>

using namespace Chainscope;

namespace {

// Exit codes. Documented in the README; keep them in step.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, // usage error, case unusable, a file unreadable or of unknown format, cancelled,
                     // or every file already in the case
    ExitRecordErrors = 2, // everything imported, but some records were damaged, unreadable or missing (a file
                          // short of the records it promises too: status incomplete); gaps do not count
    // verify (issue 11, finding 13). Apart from 1, so a script can tell "the case could
    // not be opened" from "the case differs from what was recorded", and a case that
    // differs from one that merely could not be checked in full.
    ExitVerifyDiffers = 3, // a page problem, a changed raw record or source file, or a check cut short
    ExitVerifyPartial = 4, // nothing differs, but some sources or raw records could not be checked
};

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// Standard output as a device of its own, unbuffered below QTextStream's buffer, that
// keeps the system's reason when a write fails (a full disk under `> file`, /dev/full,
// a closed pipe): QFile sets none when write(2) wrote part of a block before the disk
// filled up (issue 11, finding 5).
class StdoutDevice : public QIODevice
{
public:
    StdoutDevice() { open(QIODevice::WriteOnly | QIODevice::Unbuffered); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        qint64 done = 0;
        while (done < size) {
            const ssize_t n = ::write(STDOUT_FILENO, data + done, size_t(size - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                setErrorString(QString::fromLocal8Bit(std::strerror(n < 0 ? errno : EIO)));
                return -1;
            }
            done += n;
        }
        return done;
    }
};

StdoutDevice &stdoutDevice()
{
    static StdoutDevice device;
    return device;
}

QTextStream &out()
{
    static QTextStream s(&stdoutDevice());
    return s;
}

// True while everything written to stdout so far has arrived. Long listings check it
// as they go, so that a full disk stops them instead of discarding millions of rows.
bool outputOk()
{
    return out().status() == QTextStream::Ok;
}

// Text from logs, made safe for a terminal: control characters (ESC, BEL, CR, a
// newline or tab that would forge a line or a column), DEL, C1 controls and the
// bidi overrides are printed visibly, as less does ("\x1b", "\u202e"). --json is
// escaped by the JSON writer instead.
QString shown(const QString &text)
{
    return showControlCharacters(text, false);
}

QString shown(const QStringList &list, const QString &separator)
{
    return shown(list.join(separator));
}

int fail(const QString &reason)
{
    err() << "chainscope-cli: " << shown(reason) << Qt::endl;
    return ExitFailure;
}

// --verbose (issue 11, finding 9): the technical detail of a case failure (the SQL
// statement, SQLite's own message and codes) is for whoever debugs, never for the
// analyst's one-line reason.
bool g_verbose = false;

void showDetail(const CaseError &e)
{
    if (g_verbose && !e.detail().isEmpty())
        err() << "chainscope-cli: detail: " << shown(e.detail()) << Qt::endl;
}

int fail(const CaseError &e)
{
    fail(e.message());
    showDetail(e);
    return ExitFailure;
}

// Commands that write wait for another import into the same case, as long as it takes,
// and say so (issue 11, finding 10): SQLite lets one writer at a time, and an import
// holds the case for as long as one file takes. Ctrl+C stops the wait.
std::unique_ptr<CaseStore> openForWriting(const QString &path)
{
    auto store = CaseStore::open(path);
    store->setBusyWait(-1, [](qint64 waitedMs) {
        if (waitedMs < 30000) {
            err() << "waiting for another import into this case… (another program is writing to it; this "
                     "command goes on once it is done, Ctrl+C stops)"
                  << Qt::endl;
        } else {
            err() << "still waiting for another import into this case (" << waitedMs / 1000 << " s)…" << Qt::endl;
        }
    });
    return store;
}

// Commands that only read open the case read-only: they work on a case in a read-only
// folder or file system, and cannot change the evidence by accident (issue 11, finding 9).
std::unique_ptr<CaseStore> openForReading(const QString &path)
{
    return CaseStore::open(path, CaseStore::Access::ReadOnly);
}

const char *const Usage = R"(Usage: chainscope-cli COMMAND [ARGS]

Commands:
  new CASE                         create an empty case file
  demo DIR [--seed N] [--noise N] [--windows-noise N] [--installs N] [--only linux|windows|macos]
                                   write the demo evidence into DIR: audit.log, dpkg.log,
                                   history.log (Linux), Sysmon/Application .evtx (Windows) and
                                   eslogger, unified log and install.log (macOS; without --only
                                   only when this build reads them); --installs makes N of the
                                   audit noise events' patterns benign apt installs (benchmarks)
  import CASE PATH... [--json] [--host NAME] [--timezone ZONE] [--again] [--no-index]
                                   import log files (format detected from content; .gz read directly),
                                   folders (recursively) and archives (zip, tar, tar.gz, tar.xz, 7z, read
                                   in place) such as KAPE, Velociraptor or UAC collections; what is not a
                                   log is listed as skipped; a file whose SHA-256 the case already holds
                                   is refused unless --again; then indexes the case and keeps its chains,
                                   so that the next open and policy change read only what they show
                                   (a case already indexed: only the hosts the new events are on are
                                   indexed again; --no-index: leave that to a later import that adds
                                   events, `index`, `policy --load/--set`, or the workbench)
  sources CASE [--json]            list the imported sources with hashes and counts
  events CASE [--kind KIND] [--source ID] [--limit N] [--json]
                                   list normalized events in time order
  raw CASE EVENT_ID                print the original record an event was read from
  drop CASE SOURCE_ID              remove a source and its events (e.g. an incomplete import)
  summary CASE                     sources, events per kind and hosts
  index CASE                       keep the case's correlation index and its chains under the case
                                   policy (as import does), unless both are current: for a case
                                   imported with --no-index (only the hosts whose events changed are
                                   indexed again), or written by another version
  chains CASE [--json]             install -> write -> first run -> egress chains under the case policy
  policy CASE [--load FILE | --save FILE | --set KEY=VALUE ...]
                                   show, load, save or change the case policy (keys as in the spec:
                                   TimeWindow=4h, ApprovedUpdateHosts+=mirror.example, ...);
                                   a change is stored as a new policy version and the chains are recomputed
  report CASE [--html FILE] [--pdf FILE] [--chain ID ...]
                                   write an HTML report (sources with time zones, skipped lines and
                                   gaps; the policy and its history; marks, notes and bookmarks; chains
                                   with evidence and timelines), of all chains or only those named;
                                   --pdf the same as a PDF (running header, page numbers, bookmarks),
                                   made without a display
  verify CASE [--json]             check the case file's pages, each raw record against its hash from
                                   import, and each source file still at its path against its SHA-256
  export-analytic CASE --format eql|sigma|spl [--platform windows|linux|macos] [--output FILE]
                                   the case policy's analytic as detection rules for a SIEM: an Elastic
                                   EQL sequence, Sigma rules with a temporal_ordered correlation, or a
                                   Splunk search (docs/hunting.md); for the platform of the case's
                                   events (Windows for an empty case) unless --platform (EQL and SPL
                                   need one when the case holds several; Sigma takes them all); to
                                   stdout or FILE

Global option:
  --verbose                        on a case failure, also print the technical detail (the SQL
                                   statement and SQLite's message)

Commands that only read (sources, events, raw, summary, chains, report, export-analytic,
policy without --load/--set, verify when the case cannot be written) open the case read-only.

Exit codes: 0 success; 1 failure (usage, case, unreadable or unknown file, cancelled,
or import refused every file as already in the case); 2 imported, but some records were
damaged or lost (see the errors count). A refused file alone does not fail the others.
verify: 0 everything checked and intact; 3 something differs; 4 nothing differs, but
some source files or raw records could not be checked (moved away, stored before hashing).
)";

int usage()
{
    err() << Usage;
    err().flush();
    return ExitFailure;
}

// Parses the options of one command; positional arguments stay in the parser.
bool parse(QCommandLineParser &parser, const QStringList &args, int minPositional, int maxPositional)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(args)) {
        fail(parser.errorText());
        return false;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional)) {
        usage();
        return false;
    }
    return true;
}

const QCommandLineOption JsonOption(QStringLiteral("json"), QStringLiteral("print JSON on stdout"));

int cmdNew(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    CaseStore::create(p.positionalArguments().at(1));
    out() << "created case " << p.positionalArguments().at(1) << Qt::endl;
    return ExitOk;
}

int cmdDemo(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("generator seed"), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption noise(
        QStringLiteral("noise"), QStringLiteral("extra benign audit events"), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption windowsNoise(QStringLiteral("windows-noise"), QStringLiteral("extra benign Sysmon events"),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("write only linux, windows or macos evidence"),
        QStringLiteral("PLATFORM"));
    const QCommandLineOption installs(QStringLiteral("installs"),
        QStringLiteral("of the audit noise, benign apt installs (11 events each)"), QStringLiteral("N"),
        QStringLiteral("0"));
    p.addOption(seed);
    p.addOption(noise);
    p.addOption(windowsNoise);
    p.addOption(installs);
    p.addOption(only);
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    LinuxScenarioOptions options;
    WindowsScenarioOptions windowsOptions;
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    options.seed = p.value(seed).toULongLong(&ok1);
    windowsOptions.seed = options.seed;
    options.noiseEvents = p.value(noise).toLongLong(&ok2);
    windowsOptions.noiseEvents = p.value(windowsNoise).toLongLong(&ok3);
    options.noiseInstalls = p.value(installs).toLongLong(&ok4);
    if (!ok1 || !ok2 || !ok3 || !ok4 || options.noiseEvents < 0 || windowsOptions.noiseEvents < 0
        || options.noiseInstalls < 0)
        return fail(QStringLiteral("--seed, --noise, --windows-noise and --installs take non-negative numbers"));
    const QString platform = p.value(only);
    if (!platform.isEmpty() && platform != u"linux" && platform != u"windows" && platform != u"macos")
        return fail(QStringLiteral("--only takes linux, windows or macos"));
    const QString dir = p.positionalArguments().at(1);
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("cannot create directory %1").arg(dir));
    QStringList approvedHosts;
    QStringList approvedSigners;
    QStringList allowedTeamIds;
    if (platform.isEmpty() || platform == u"linux") {
        const LinuxScenarioResult result = writeLinuxScenario(dir, options);
        if (!result.error.isEmpty())
            return fail(result.error);
        for (const QString &f : result.files)
            out() << f << '\n';
        approvedHosts += result.approvedUpdateHosts;
    }
    if (platform.isEmpty() || platform == u"windows") {
        const WindowsScenario scenario = buildWindowsScenario(windowsOptions);
        const WindowsScenarioFiles written = writeWindowsScenario(dir, scenario);
        if (!written.error.isEmpty())
            return fail(written.error);
        for (const QString &f : written.files)
            out() << f << '\n';
        approvedHosts += scenario.approvedUpdateHosts;
        approvedSigners += scenario.approvedSigners;
    }
    if (platform.isEmpty() || platform == u"macos") {
        MacScenarioOptions macOptions;
        macOptions.seed = options.seed;
        const MacScenario scenario = buildMacScenario(macOptions);
        // Unasked, the macOS files join the demo only when this build reads them all:
        // scripts/demo imports every file listed, and a file no reader knows fails it.
        bool readable = true;
        for (const MacScenario::File &f : scenario.files) {
            const LogFormat format = builtinFormats().detect(f.content.left(64 * 1024));
            readable = readable && format != LogFormat::Unknown && builtinFormats().refusal(format).isEmpty();
        }
        if (readable || platform == u"macos") {
            const MacScenarioFiles written = writeMacScenario(dir, scenario);
            if (!written.error.isEmpty())
                return fail(written.error);
            for (const QString &f : written.files)
                out() << f << '\n';
            for (const QString &h : scenario.approvedUpdateHosts) {
                if (!approvedHosts.contains(h))
                    approvedHosts.append(h);
            }
            allowedTeamIds += scenario.allowedTeamIds;
        } else {
            err() << "macOS evidence not written: this build has no reader for it (--only macos writes it)" << Qt::endl;
        }
    }
    out().flush();
    // The demo site's policy: its approved mirrors, update hosts and signers, as an
    // organisation would keep them. Beside the evidence, not among it.
    QJsonObject policy;
    policy.insert(QStringLiteral("ApprovedUpdateHosts"), QJsonArray::fromStringList(approvedHosts));
    if (!approvedSigners.isEmpty())
        policy.insert(QStringLiteral("ApprovedSigners"), QJsonArray::fromStringList(approvedSigners));
    if (!allowedTeamIds.isEmpty())
        policy.insert(QStringLiteral("AllowedTeamIDs"), QJsonArray::fromStringList(allowedTeamIds));
    const QString policyPath = QDir(dir).filePath(QStringLiteral("site-policy.json"));
    QString writeError;
    if (!writeOutputFile(policyPath, QJsonDocument(policy).toJson(QJsonDocument::Indented), &writeError))
        return fail(QStringLiteral("cannot write %1: %2").arg(policyPath, writeError));
    err() << "site policy (approved update hosts and signers) written to " << QFileInfo(policyPath).absoluteFilePath()
          << Qt::endl;
    return ExitOk;
}

// ", N gaps (sequence numbers missing, possible loss: 50-58, …)", or nothing without
// a gap: a gap is no error, but the analyst must hear of it (issue 11, finding 12).
QString gapsText(const SerialGaps &g)
{
    if (g.missing == 0)
        return QString();
    constexpr qsizetype Shown = 5;
    QStringList ranges = g.rangeStrings().mid(0, Shown);
    if (g.rangeCount > ranges.size())
        ranges.append(QStringLiteral("... %1 ranges in all").arg(g.rangeCount));
    return QStringLiteral(", %1 gaps (sequence numbers missing, possible loss: %2)")
        .arg(g.missing)
        .arg(ranges.join(QStringLiteral(", ")));
}

QJsonObject resultToJson(const ImportResult &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("path"), r.path);
    o.insert(QStringLiteral("format"), r.format.isEmpty() ? QJsonValue() : QJsonValue(r.format));
    o.insert(QStringLiteral("sha256"), r.sha256.isEmpty() ? QJsonValue() : QJsonValue(r.sha256));
    o.insert(QStringLiteral("source_id"), r.sourceId < 0 ? QJsonValue() : QJsonValue(r.sourceId));
    o.insert(QStringLiteral("records"), r.counts.recordsRead);
    o.insert(QStringLiteral("events"), r.counts.eventsStored);
    o.insert(QStringLiteral("errors"), r.counts.recordsFailed);
    o.insert(QStringLiteral("skipped"), r.counts.recordsSkipped);
    insertGaps(o, r.counts.gaps);
    o.insert(QStringLiteral("status"), importStatusName(r.status));
    o.insert(QStringLiteral("error"), r.error.isEmpty() ? QJsonValue() : QJsonValue(r.error));
    o.insert(QStringLiteral("duplicate_of"), r.duplicateOf < 0 ? QJsonValue() : QJsonValue(r.duplicateOf));
    const auto orNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue() : QJsonValue(s);
    };
    o.insert(QStringLiteral("collection"), orNull(r.collection));
    o.insert(QStringLiteral("archive_path"), orNull(r.archivePath));
    o.insert(QStringLiteral("archive_sha256"), orNull(r.archiveSha256));
    o.insert(QStringLiteral("member_path"), orNull(r.memberPath));
    o.insert(QStringLiteral("host_origin"), orNull(r.hostOrigin));
    return o;
}

struct Analysis
{
    std::shared_ptr<const CaseIndex> index;
    QList<Chain> chains;
    bool kept = false; // read from the case's kept chains, not computed
    bool keptNow = false; // computed, and kept in the case for the next open
    bool fromEvents = false; // computed from every event (no kept chains, no stored index)
};

// Whether a command that computes chains keeps them in the case for the next open.
// Commands that open the case to read never write it (issue 11, finding 9): they read
// kept chains, and keep none. Rebuild: computed from every event whatever the case
// kept, then kept, with the case's stored index (import, `index`).
enum class Keep { No, IfWritable, Rebuild };

// The case's chains under `policy`: those the case kept from its last analysis under
// the same policy (issue 15), else computed from all its events, and then kept when
// `keep` says so and the case can be written.
std::unique_ptr<Analysis> analyse(
    CaseStore &store, const Policy &policy, Keep keep = Keep::No, const CaseIndex::Progress &progress = {})
{
    auto a = std::make_unique<Analysis>();
    const QByteArray key = ChainCache::keyFor(policy);
    const qint64 generation = store.eventsGeneration();
    if (keep != Keep::Rebuild) {
        if (std::optional<ChainSnapshot> kept = ChainCache::read(store, key)) {
            a->index = std::move(kept->index);
            a->chains = std::move(kept->chains);
            a->kept = true;
            return a;
        }
        // From the case's stored index when it has one for its events: only what the
        // correlator's walks touch is read.
        std::optional<ChainSnapshot> stored
            = StoredIndex::isCurrent(store) ? StoredIndex::compute(store, policy) : std::nullopt;
        if (stored) {
            if (keep != Keep::No)
                a->keptNow = ChainCache::write(store.path(), key, generation, *stored);
            a->index = std::move(stored->index);
            a->chains = std::move(stored->chains);
            return a;
        }
    }
    auto index = std::make_shared<CaseIndex>();
    index->load(store, nullptr, progress);
    a->chains = Correlator(*index).run(policy);
    a->index = index;
    a->fromEvents = true;
    // Kept only if no import committed while the events were read; the whole index is
    // stored too, for the next policy change.
    if (keep != Keep::No && store.eventsGeneration() == generation) {
        a->keptNow = ChainCache::write(store.path(), key, generation, *index, a->chains);
        if (!store.isReadOnly())
            StoredIndex::write(store, *index, generation);
    }
    return a;
}

// "1 part (one host's)", "3 parts (one per host)": a part holds every spelling of one
// host name (Windows names compare without case).
QString partsOfHosts(qsizetype n)
{
    return n == 1 ? QStringLiteral("1 part (one host's)") : QStringLiteral("%1 parts (one per host)").arg(n);
}

// What an update of the stored index did, said only of what it did.
QString updatedHow(const StoredIndex::UpdateStats &updated)
{
    QStringList done;
    if (!updated.continued.isEmpty()) {
        done.append(QStringLiteral("%1 continued after %2 last event (%3 new events read)")
                        .arg(partsOfHosts(updated.continued.size()),
                            updated.continued.size() == 1 ? QStringLiteral("its") : QStringLiteral("their"))
                        .arg(updated.newEvents));
    }
    if (!updated.parts.isEmpty()) {
        done.append(QStringLiteral("%1 written again (%2 events read)")
                        .arg(partsOfHosts(updated.parts.size()))
                        .arg(updated.events));
    }
    if (!updated.emptied.isEmpty())
        done.append(updated.emptied.size() == 1
                ? QStringLiteral("1 part removed (no event left on its host)")
                : QStringLiteral("%1 parts removed (no event left on their hosts)").arg(updated.emptied.size()));
    return done.isEmpty() ? QStringLiteral("from the stored index, brought up to date")
                          : QStringLiteral("from the stored index with ") + done.join(QStringLiteral(" and "));
}

// Builds and stores the case's correlation index and keeps its chains (the end of an
// import, `index`), with progress on stderr. False when it failed; that leaves the case
// as it was: the next open computes from every event, as it would have without this.
bool indexCase(CaseStore &store, bool tty)
{
    int lastQuarter = -1;
    bool lineOpen = false;
    const CaseIndex::Progress progress = [&](qint64 read, qint64 total) {
        // `total` counts the log messages too, which the index never reads: the share
        // only paces the lines, the count is what is said.
        const int quarter = progressShare(read, total, 4);
        if (tty) {
            err() << "\rindexing the case: " << read << " of " << total << " events read\x1b[K";
            err().flush();
            lineOpen = true;
        } else if (quarter != lastQuarter) {
            err() << "indexing the case: " << read << " of " << total << " events read (log messages are left out)"
                  << Qt::endl;
            lastQuarter = quarter;
        }
    };
    const auto endLine = [&] {
        if (lineOpen)
            err() << '\n';
        lineOpen = false;
    };
    try {
        // A case with a stored index of this version: only the parts of the hosts whose
        // events changed are written again, from those hosts' events.
        // Said before the reading starts (its progress follows), where the update will
        // write parts. Tables a hostile hand changed leave it unsaid; update() then
        // fails and the whole index is written instead.
        try {
            if (const std::optional<StoredIndex::UpdatePlan> plan = StoredIndex::planUpdate(store); plan) {
                if (!plan->continued.isEmpty())
                    err() << "indexing the case: continuing " << partsOfHosts(plan->continued.size())
                          << " of the stored index with the events imported after "
                          << (plan->continued.size() == 1 ? "its" : "their") << " last one" << Qt::endl;
                if (!plan->parts.isEmpty())
                    err() << "indexing the case: writing again " << partsOfHosts(plan->parts.size())
                          << " of the stored index whose events changed" << Qt::endl;
            }
        } catch (const CaseError &) {
        }
        StoredIndex::UpdateStats updated;
        const StoredIndex::Update update = StoredIndex::update(store, nullptr, progress, &updated);
        endLine();
        if (update == StoredIndex::Update::Updated || update == StoredIndex::Update::Current) {
            const auto analysis = analyse(store, store.policy(), Keep::IfWritable);
            err() << "indexed: " << analysis->chains.size() << " chains under the case's policy, "
                  << (update == StoredIndex::Update::Updated ? updatedHow(updated)
                                                             : QStringLiteral("from its current stored index"))
                  << (analysis->keptNow || analysis->kept ? ", kept for the next open" : ", not kept for the next open")
                  << Qt::endl;
            return true;
        }
        if (update == StoredIndex::Update::Whole)
            err() << "indexing the case: the hosts whose events changed share their files with others; reading "
                     "those files once for each host would read more than twice every event, so the stored index is "
                     "written whole"
                  << Qt::endl;
        if (update == StoredIndex::Update::Failed)
            err() << "indexing the case: the stored index could not be brought up to date; it is written whole"
                  << Qt::endl;
        // Reading every event is the long part; the correlation and storing the index
        // follow without progress of their own.
        err() << "indexing the case: reading every event once, then correlating and storing the index" << Qt::endl;
        const auto analysis = analyse(store, store.policy(), Keep::Rebuild, progress);
        endLine();
        const bool stored = StoredIndex::isCurrent(store);
        // Chains are not kept when the events changed meanwhile, another writer held the
        // case, or they are too large to keep; the stored index is what `index` is for.
        err() << "indexed: " << analysis->chains.size() << " chains under the case's policy"
              << (analysis->keptNow ? ", kept for the next open" : ", not kept for the next open")
              << (stored ? "" : "; the correlation index was not stored (the events changed meanwhile)") << Qt::endl;
        return stored;
    } catch (const CaseError &e) {
        endLine();
        err() << "chainscope-cli: the case was not indexed: " << shown(e.message()) << Qt::endl;
    } catch (const std::bad_alloc &) {
        // The whole index of a very large case may not fit: the case stays as it was
        // (an import stands), and the next open computes as it would have without this.
        endLine();
        err() << "chainscope-cli: the case was not indexed: out of memory" << Qt::endl;
    }
    return false;
}

int cmdImport(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption host(
        QStringLiteral("host"), QStringLiteral("host of records that name none"), QStringLiteral("NAME"));
    const QCommandLineOption tz(QStringLiteral("timezone"),
        QStringLiteral("IANA zone of local timestamps (dpkg, apt); default UTC"), QStringLiteral("ZONE"),
        QStringLiteral("UTC"));
    const QCommandLineOption again(
        QStringLiteral("again"), QStringLiteral("import files even when the case already holds the same SHA-256"));
    p.addOption(JsonOption);
    p.addOption(host);
    p.addOption(tz);
    const QCommandLineOption noIndex(QStringLiteral("no-index"),
        QStringLiteral("do not index the case after the import (several imports in a row: the last one indexes)"));
    p.addOption(again);
    p.addOption(noIndex);
    if (!parse(p, args, 3, -1))
        return ExitFailure;
    ImportOptions options;
    options.host = p.value(host);
    options.timeZone = QTimeZone(p.value(tz).toUtf8());
    options.again = p.isSet(again);
    if (!options.timeZone.isValid())
        return fail(QStringLiteral("unknown time zone %1").arg(p.value(tz)));

    const QStringList positional = p.positionalArguments();
    auto store = openForWriting(positional.at(1));
    const bool tty = isatty(fileno(stderr));
    QList<ImportResult> results;
    std::optional<CaseError> caseFailure;
    int lastPercent = -1;
    QString lastPath;
    bool lineOpen = false;
    const ProgressCallback progress = [&](const ImportProgress &pr) {
        // One display for the whole import (issue 13): the file, its share, and for
        // several files the whole import's files, bytes and events.
        const bool several = pr.fileCount > 1;
        const qint64 done = several ? pr.totalBytesDone : pr.bytesDone;
        const qint64 total = several ? pr.totalBytesTotal : pr.bytesTotal;
        // Sizes come from archive headers: 100 * done would overflow near 2^63.
        const int percent
            = pr.scanning ? progressShare(pr.bytesDone, pr.bytesTotal, 100) : progressShare(done, total, 100);
        QString line;
        if (pr.scanning)
            line = QStringLiteral("scanning %1: %2%").arg(shown(pr.path)).arg(percent);
        else if (several)
            line = QStringLiteral("importing %1 (file %2 of %3): %4% of %5 MB, %6 events")
                       .arg(shown(pr.path))
                       .arg(pr.fileIndex + 1)
                       .arg(pr.fileCount)
                       .arg(percent)
                       .arg(double(total) / 1e6, 0, 'f', 1)
                       .arg(pr.totalEvents);
        else
            line = QStringLiteral("importing %1: %2% (%3 events)").arg(shown(pr.path)).arg(percent).arg(pr.events);
        // On a terminal, one line redrawn; in a pipe, a line per 5 % (and per file).
        if (tty) {
            err() << "\r" << line << "\x1b[K";
            err().flush();
            lineOpen = true;
        } else if (percent / 5 != lastPercent / 5 || pr.path != lastPath) {
            err() << line << Qt::endl;
        }
        lastPercent = percent;
        lastPath = pr.path;
    };
    const ResultCallback reportResult = [&](const ImportResult &r) {
        if (lineOpen) {
            err() << '\n';
            lineOpen = false;
        }
        lastPercent = -1;
        const QString origin = hostOriginText(r);
        if (r.status == ImportResult::Status::Skipped)
            err() << "skipped " << shown(r.path) << ": " << shown(r.error) << Qt::endl;
        else if (r.status == ImportResult::Status::Failed)
            err() << "chainscope-cli: " << shown(r.error) << Qt::endl;
        else if (r.status == ImportResult::Status::Duplicate)
            err() << "chainscope-cli: " << shown(r.error) << "; use --again to import it a second time" << Qt::endl;
        else
            err() << shown(r.path) << ": " << r.format << ", " << r.counts.recordsRead << " records, "
                  << r.counts.eventsStored << " events, " << r.counts.recordsFailed << " errors"
                  << gapsText(r.counts.gaps)
                  << (r.error.isEmpty() ? QString() : QStringLiteral(" (first: %1)").arg(shown(r.error)))
                  << (origin.isEmpty() ? QString() : QStringLiteral("; %1").arg(origin)) << Qt::endl;
        results.append(r);
    };
    try {
        const QList<ImportResult> all
            = importPaths(*store, builtinFormats(), positional.mid(2), options, nullptr, progress, reportResult);
        // The final list carries what was settled at the end (the case's only host).
        results = all;
    } catch (const CaseError &e) {
        // The case itself failed (a full disk, a read-only case): the file being read is
        // not imported, the ones before it stay, and the results still reach --json
        // (issue 11, finding 5). What comes after would only fail the same way.
        if (lineOpen)
            err() << '\n';
        ImportResult failed;
        failed.status = ImportResult::Status::Failed;
        failed.error = e.message();
        err() << "chainscope-cli: " << shown(e.message()) << Qt::endl;
        caseFailure = e;
        showDetail(e);
        const auto reached = [&](const QString &path) {
            return std::any_of(results.cbegin(), results.cend(),
                [&](const ImportResult &r) { return r.path.startsWith(path) && !r.path.isEmpty(); });
        };
        // The failure belongs to the first path given that has no result yet: the one
        // being imported when the case failed.
        for (qsizetype j = 2; j < positional.size() && failed.path.isEmpty(); ++j) {
            const QString path = QFileInfo(positional.at(j)).absoluteFilePath();
            if (!reached(path))
                failed.path = path;
        }
        results.append(failed);
        for (qsizetype j = 2; j < positional.size(); ++j) {
            const QString path = QFileInfo(positional.at(j)).absoluteFilePath();
            if (reached(path))
                continue;
            ImportResult skipped;
            skipped.path = path;
            skipped.error = QStringLiteral("not imported: %1").arg(e.message());
            err() << "chainscope-cli: " << shown(positional.at(j)) << ": not imported" << Qt::endl;
            results.append(skipped);
        }
    }
    if (options.host.isEmpty() && !caseFailure) {
        QStringList told;
        for (const ImportResult &r : results) {
            if (!r.hostOrigin.startsWith(u"the case's only"))
                continue;
            const QString given = store->source(r.sourceId).value_or(SourceInfo()).host;
            if (told.contains(given))
                continue;
            told << given;
            err() << "note: logs without host names were assigned " << r.hostOrigin << ", " << shown(given) << Qt::endl;
        }
    }
    // A summary when a collection (a folder, an archive) was imported: it may hold many
    // files, and most of them may be no logs.
    const bool collection
        = std::any_of(results.cbegin(), results.cend(), [](const ImportResult &r) { return !r.collection.isEmpty(); });
    if (collection) {
        qsizetype imported = 0, skipped = 0, failed = 0, duplicate = 0;
        qint64 events = 0;
        for (const ImportResult &r : results) {
            switch (r.status) {
            case ImportResult::Status::Complete:
                ++imported;
                break;
            case ImportResult::Status::Incomplete:
                r.eventsKept ? ++imported : ++failed;
                break;
            case ImportResult::Status::Skipped:
                ++skipped;
                break;
            case ImportResult::Status::Duplicate:
                ++duplicate;
                break;
            case ImportResult::Status::Failed:
                ++failed;
                break;
            }
            events += r.counts.eventsStored;
        }
        err() << "imported " << imported << " of " << results.size() << " files (" << events << " events), " << skipped
              << " skipped, " << duplicate << " already in the case, " << failed << " failed" << Qt::endl;
    }
    // Issue 15: the import leaves the case ready to open. Its correlation index is stored
    // (in a case indexed before, only the parts of the hosts the new events are on are
    // written again; otherwise the whole index is built from every event, as the first
    // open would) and the chains under the case's policy are kept, so that the next
    // `chains`, `report` or workbench open shows the kept chains and a policy change
    // reads only what its walks touch (StoredIndex) — instead of every open after an
    // import reading every event until something writes the index.
    const bool imported = std::any_of(results.cbegin(), results.cend(), [](const ImportResult &r) {
        const bool stored = r.status == ImportResult::Status::Complete
            || (r.status == ImportResult::Status::Incomplete && r.eventsKept);
        return stored && r.counts.eventsStored > 0;
    });
    // The import's own results first: whatever the indexing meets, a script has them.
    if (p.isSet(JsonOption)) {
        QJsonArray array;
        for (const ImportResult &r : results)
            array.append(resultToJson(r));
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        out().flush();
    }
    if (imported && !caseFailure && !p.isSet(noIndex))
        indexCase(*store, tty);
    // A refused duplicate is not a failure: the case already holds that evidence, and
    // the other files still count. Only when every file was refused (or skipped) did the
    // command import nothing, which a script should notice.
    // Files of a collection that are not logs are listed, never a failure (issue 13).
    bool anyFailed = false, anyRecordErrors = false;
    qsizetype notImported = 0;
    for (const ImportResult &r : results) {
        if (r.status == ImportResult::Status::Duplicate || r.status == ImportResult::Status::Skipped) {
            ++notImported;
            continue;
        }
        // A file short of the records its header promises (issue 11, finding 3) is
        // imported, incomplete: its missing records are errors, exit code 2.
        anyFailed |= r.status != ImportResult::Status::Complete && !r.eventsKept;
        anyRecordErrors |= r.counts.recordsFailed > 0;
    }
    if (anyFailed || caseFailure || notImported == results.size())
        return ExitFailure;
    return anyRecordErrors ? ExitRecordErrors : ExitOk;
}

int cmdSources(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(JsonOption);
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    auto store = openForReading(p.positionalArguments().at(1));
    const QList<SourceInfo> sources = store->sources();
    if (p.isSet(JsonOption)) {
        QJsonArray array;
        for (const SourceInfo &s : sources)
            array.append(sourceToJson(s));
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const SourceInfo &s : sources) {
            out() << s.id << '\t' << sourceStatusName(s.status) << '\t' << shown(s.format) << '\t'
                  << s.counts.recordsRead << " records\t" << s.counts.eventsStored << " events\t"
                  << s.counts.recordsFailed << " errors\t" << s.counts.gaps.missing << " gaps\t" << shown(s.sha256)
                  << '\t' << shown(s.path);
            // A member of an archive read in place (issue 13): the archive and its hash,
            // the custody of the file the analyst received.
            if (!s.archivePath.isEmpty())
                out() << "\tmember " << shown(s.memberPath) << " of archive " << shown(s.archivePath) << " (SHA-256 "
                      << shown(s.archiveSha256) << ')';
            out() << '\n';
        }
    }
    out().flush();
    return ExitOk;
}

int cmdEvents(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption kind(
        QStringLiteral("kind"), QStringLiteral("only events of this kind"), QStringLiteral("KIND"));
    const QCommandLineOption source(
        QStringLiteral("source"), QStringLiteral("only events of this source id"), QStringLiteral("ID"));
    const QCommandLineOption limit(
        QStringLiteral("limit"), QStringLiteral("at most N events"), QStringLiteral("N"), QStringLiteral("-1"));
    p.addOption(JsonOption);
    p.addOption(kind);
    p.addOption(source);
    p.addOption(limit);
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    EventFilter filter;
    if (p.isSet(kind)) {
        filter.kind = kindFromName(p.value(kind));
        if (!filter.kind)
            return fail(QStringLiteral("unknown event kind %1").arg(p.value(kind)));
    }
    // A mistyped number must not turn into "no filter" (toLongLong() gives 0) or into
    // "no limit" (a negative limit is SQLite's "all").
    if (p.isSet(source)) {
        bool ok = false;
        filter.sourceId = p.value(source).toLongLong(&ok);
        if (!ok || *filter.sourceId <= 0)
            return fail(QStringLiteral("--source takes a source id (a positive number; see `sources`), not \"%1\"")
                            .arg(p.value(source)));
    }
    if (p.isSet(limit)) {
        bool ok = false;
        filter.limit = p.value(limit).toLongLong(&ok);
        if (!ok || filter.limit < 0)
            return fail(QStringLiteral("--limit takes a non-negative number, not \"%1\"").arg(p.value(limit)));
    }
    auto store = openForReading(p.positionalArguments().at(1));
    const bool json = p.isSet(JsonOption);
    // Streamed: a case may hold millions of events.
    bool first = true;
    if (json)
        out() << "[";
    store->forEachEvent(filter, [&](const Event &e) {
        if (json) {
            out() << (first ? "\n" : ",\n") << QJsonDocument(eventToJson(e)).toJson(QJsonDocument::Compact);
        } else {
            const QString object = eventObject(e);
            out() << e.id << '\t' << formatTimeUs(e.timeUs) << '\t' << shown(e.host) << '\t' << kindName(e.kind) << '\t'
                  << e.pid << '\t' << shown(e.image) << '\t' << shown(object) << '\t' << shown(e.commandLine) << '\n';
        }
        first = false;
        return outputOk();
    });
    if (json)
        out() << (first ? "]\n" : "\n]\n");
    out().flush();
    return ExitOk;
}

int cmdRaw(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, 3, 3))
        return ExitFailure;
    auto store = openForReading(p.positionalArguments().at(1));
    const qint64 eventId = p.positionalArguments().at(2).toLongLong();
    auto raw = store->rawRecord(eventId);
    if (!raw)
        return fail(QStringLiteral("no raw record for event %1").arg(p.positionalArguments().at(2)));
    // Binary records (an EVTX event keeps its whole chunk) print as their format renders them.
    if (const auto text = renderedRaw(*store, eventId, *raw))
        raw = text->toUtf8();
    // Bytes as stored, not through QTextStream's encoder; failures surface in main().
    out().flush();
    if (!raw->endsWith('\n'))
        raw->append('\n');
    if (stdoutDevice().write(*raw) != raw->size())
        out().setStatus(QTextStream::WriteFailed);
    return ExitOk;
}

int cmdDrop(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, 3, 3))
        return ExitFailure;
    auto store = openForWriting(p.positionalArguments().at(1));
    bool ok = false;
    const qint64 id = p.positionalArguments().at(2).toLongLong(&ok);
    if (!ok || !store->source(id))
        return fail(QStringLiteral("no source %1 in the case").arg(p.positionalArguments().at(2)));
    store->dropSource(id);
    out() << "dropped source " << id << Qt::endl;
    return ExitOk;
}

int cmdSummary(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    auto store = openForReading(p.positionalArguments().at(1));
    out() << "case " << store->path() << '\n';
    for (const SourceInfo &s : store->sources()) {
        out() << "  source " << s.id << " [" << sourceStatusName(s.status) << "] " << shown(s.format) << ' '
              << shown(s.path) << '\n'
              << "    sha256 " << shown(s.sha256) << ", " << s.counts.recordsRead << " records, "
              << s.counts.eventsStored << " events, " << s.counts.recordsFailed << " errors" << gapsText(s.counts.gaps)
              << '\n';
    }
    out() << "  events " << store->eventCount() << '\n';
    for (const auto &[kind, count] : store->eventCountsByKind())
        out() << "    " << shown(kind) << ' ' << count << '\n';
    out() << "  hosts " << shown(store->hosts(), QStringLiteral(", ")) << '\n';
    out().flush();
    return ExitOk;
}

void printChains(const QList<Chain> &chains)
{
    if (chains.isEmpty()) {
        out() << "no chains\n";
        return;
    }
    for (const Chain &c : chains) {
        QStringList stages;
        for (const ChainStage &s : c.stages)
            stages << stageName(s.stage);
        out() << "chain " << c.id << " [" << verdictName(c.verdict) << "] score " << c.score << "  host "
              << shown(c.host) << "  " << formatTimeUs(c.startUs) << '\n';
        if (!c.summary.isEmpty())
            out() << "  summary:   " << shown(c.summary) << '\n';
        out() << "  installer: " << shown(c.installer) << '\n';
        out() << "  stages:    " << stages.join(QStringLiteral(" -> ")) << '\n';
        if (!c.firstRun.isEmpty())
            out() << "  first run: " << shown(c.firstRun) << '\n';
        if (!c.egress.isEmpty())
            out() << "  egress:    " << shown(c.egress) << '\n';
        if (!c.flags.isEmpty())
            out() << "  flags:     " << c.flags.join(QStringLiteral(", ")) << '\n';
        if (!c.notes.isEmpty())
            out() << "  notes:     " << c.notes.join(QStringLiteral(", ")) << '\n';
        for (const MissingStage &m : c.missingStages)
            out() << "  missing:   " << stageName(m.stage) << ": " << shown(m.reason) << '\n';
    }
}

// After chains computed from every event by a command that only reads: how to make the
// next open fast, where the case can be written.
void hintIndex(const CaseStore &store, const Analysis &analysis)
{
    if (analysis.fromEvents && QFileInfo(store.path()).isWritable())
        err() << "note: computed from every event; `chainscope-cli index " << shown(store.path())
              << "` keeps the case's index and chains, so that the next open reads only what it shows" << Qt::endl;
}

int cmdIndex(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    auto store = openForWriting(p.positionalArguments().at(1));
    if (!StoredIndex::isCurrent(*store))
        return indexCase(*store, isatty(fileno(stderr))) ? ExitOk : ExitFailure;
    // The stored index is current: only the chains may be missing (kept for another
    // policy or language), and they come from it.
    const auto analysis = analyse(*store, store->policy(), Keep::IfWritable);
    if (analysis->kept) {
        err() << "the case is indexed: its correlation index and its chains under the case's policy are current"
              << Qt::endl;
    } else {
        err() << "indexed: " << analysis->chains.size() << " chains under the case's policy, from its stored index"
              << (analysis->keptNow ? ", kept for the next open" : ", not kept for the next open") << Qt::endl;
    }
    return ExitOk;
}

int cmdChains(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(JsonOption);
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    auto store = openForReading(p.positionalArguments().at(1));
    const auto analysis = analyse(*store, store->policy());
    hintIndex(*store, *analysis);
    if (p.isSet(JsonOption)) {
        QJsonArray array;
        for (const Chain &c : analysis->chains)
            array.append(c.toJson());
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        printChains(analysis->chains);
    }
    out().flush();
    return ExitOk;
}

int cmdPolicy(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption load(
        QStringLiteral("load"), QStringLiteral("read the policy from a JSON file"), QStringLiteral("FILE"));
    const QCommandLineOption save(
        QStringLiteral("save"), QStringLiteral("write the policy to a JSON file"), QStringLiteral("FILE"));
    const QCommandLineOption set(
        QStringLiteral("set"), QStringLiteral("KEY=VALUE or KEY+=VALUE"), QStringLiteral("ASSIGNMENT"));
    p.addOption(load);
    p.addOption(save);
    p.addOption(set);
    p.addOption(JsonOption);
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    const bool changes = p.isSet(load) || p.isSet(set);
    auto store
        = changes ? openForWriting(p.positionalArguments().at(1)) : openForReading(p.positionalArguments().at(1));
    const Policy before = store->policy();
    Policy policy = before;
    if (p.isSet(load)) {
        QFile f(p.value(load));
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return fail(QStringLiteral("%1: not valid JSON: %2 at byte %3")
                            .arg(f.fileName(), parseError.errorString(), QString::number(parseError.offset)));
        }
        if (!doc.isObject()) {
            return fail(QStringLiteral("%1: a policy file is one JSON object ({\"TimeWindow\": \"90m\", …}), not %2")
                            .arg(f.fileName(), doc.isArray() ? QStringLiteral("an array") : QStringLiteral("a value")));
        }
        QString error;
        const auto loaded = Policy::fromJson(doc.object(), &error);
        if (!loaded)
            return fail(QStringLiteral("%1: %2").arg(f.fileName(), error));
        policy = *loaded;
    }
    for (const QString &assignment : p.values(set)) {
        QString error;
        if (!policy.applyAssignment(assignment, &error))
            return fail(error);
    }
    const bool changed = p.isSet(load) || p.isSet(set);
    if (changed)
        policy.version = store->savePolicy(policy);
    if (p.isSet(save)) {
        QString error;
        if (!writeOutputFile(p.value(save), QJsonDocument(policy.toJson()).toJson(QJsonDocument::Indented), &error))
            return fail(QStringLiteral("cannot write %1: %2").arg(p.value(save), error));
    }
    if (changed) {
        // The point of changing the policy: see what it does to the chains.
        // The policy was just saved in the case: its chains are kept for the next open,
        // under the policy as the case now holds it (what every later open reads).
        const auto analysis = analyse(*store, store->policy(), Keep::IfWritable);
        int suspicious = 0, approved = 0;
        for (const Chain &c : analysis->chains) {
            suspicious += c.verdict == Verdict::Suspicious;
            approved += c.verdict == Verdict::Approved;
        }
        err() << "policy version " << policy.version << (policy == before ? " (unchanged)" : "")
              << "; chains recomputed: " << analysis->chains.size() << " (" << suspicious << " suspicious, " << approved
              << " approved)" << Qt::endl;
        if (!p.isSet(JsonOption))
            printChains(analysis->chains);
    }
    if (p.isSet(JsonOption) || (!changed && !p.isSet(save)))
        out() << QJsonDocument(policy.toJson()).toJson(QJsonDocument::Indented);
    out().flush();
    return ExitOk;
}

int cmdReport(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption html(
        QStringLiteral("html"), QStringLiteral("write an HTML report"), QStringLiteral("FILE"));
    p.addOption(html);
    const QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("write a PDF report"), QStringLiteral("FILE"));
    p.addOption(pdf);
    const QCommandLineOption chain(
        QStringLiteral("chain"), QStringLiteral("report only this chain (repeatable)"), QStringLiteral("ID"));
    p.addOption(chain);
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    if (!p.isSet(html) && !p.isSet(pdf))
        return fail(QStringLiteral("report needs --html FILE or --pdf FILE"));
#ifndef CHAINSCOPE_PDF
    if (p.isSet(pdf))
        return fail(QStringLiteral("this chainscope-cli was built without the GUI libraries: no --pdf"));
#endif
    QList<int> selection;
    for (const QString &value : p.values(chain)) {
        bool ok = false;
        const int id = value.toInt(&ok);
        if (!ok || id <= 0)
            return fail(QStringLiteral("--chain needs a chain number, not %1").arg(value));
        selection.append(id);
    }
    auto store = openForReading(p.positionalArguments().at(1));
    const Policy policy = store->policy();
    const auto analysis = analyse(*store, policy);
    hintIndex(*store, *analysis);
    for (const int id : std::as_const(selection)) {
        if (std::none_of(analysis->chains.begin(), analysis->chains.end(), [id](const Chain &c) { return c.id == id; }))
            return fail(QStringLiteral("the case has no chain %1").arg(id));
    }
    HtmlReport report(*store, *analysis->index, policy, analysis->chains);
    report.setChainsKept(analysis->kept);
    report.setChainSelection(selection);
    // All or nothing: "report written" only once the whole file is on disk.
    if (p.isSet(html)) {
        QString error;
        if (!writeOutputFile(p.value(html), report.render().toUtf8(), &error))
            return fail(QStringLiteral("cannot write %1: %2").arg(p.value(html), error));
        err() << "report written to " << p.value(html) << Qt::endl;
    }
#ifdef CHAINSCOPE_PDF
    if (p.isSet(pdf)) {
        const QString error = exportPdf(report, p.value(pdf));
        if (!error.isEmpty())
            return fail(QStringLiteral("cannot write %1: %2").arg(p.value(pdf), error));
        err() << "report written to " << p.value(pdf) << Qt::endl;
    }
#endif
    return ExitOk;
}

// "3-7, 9": the events of one EVTX chunk are consecutive ids.
QString idRanges(const QList<qint64> &ids)
{
    QStringList parts;
    for (qsizetype i = 0; i < ids.size();) {
        qsizetype j = i;
        while (j + 1 < ids.size() && ids.at(j + 1) == ids.at(j) + 1)
            ++j;
        parts << (j == i ? QString::number(ids.at(i)) : QStringLiteral("%1-%2").arg(ids.at(i)).arg(ids.at(j)));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject verificationToJson(const QString &casePath, const VerificationResult &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("case"), casePath);
    o.insert(QStringLiteral("verified_at"), r.verifiedAt.toString(Qt::ISODate));
    o.insert(QStringLiteral("outcome"), verificationOutcomeName(r.outcome()));
    o.insert(QStringLiteral("summary"), r.summary());
    QJsonObject pages;
    pages.insert(QStringLiteral("ok"), r.pageProblems.isEmpty() && r.pageCheckError.isEmpty());
    pages.insert(QStringLiteral("problems"), QJsonArray::fromStringList(r.pageProblems));
    pages.insert(QStringLiteral("error"), orNull(r.pageCheckError));
    o.insert(QStringLiteral("pages"), pages);
    QJsonObject raw;
    raw.insert(QStringLiteral("intact"), r.rawIntact);
    raw.insert(QStringLiteral("unhashed"), r.rawUnhashed);
    QJsonArray damaged;
    for (const DamagedRawRecord &d : r.rawDamaged) {
        QJsonArray events;
        for (qint64 id : d.eventIds)
            events.append(id);
        damaged.append(QJsonObject {{QStringLiteral("id"), d.id}, {QStringLiteral("source_id"), d.sourceId},
            {QStringLiteral("problem"), rawProblemName(d.problem)}, {QStringLiteral("event_ids"), events}});
    }
    raw.insert(QStringLiteral("damaged"), damaged);
    raw.insert(QStringLiteral("error"), orNull(r.rawCheckError));
    o.insert(QStringLiteral("raw_records"), raw);
    QJsonArray sources;
    for (const SourceVerification &s : r.sources) {
        sources.append(QJsonObject {{QStringLiteral("id"), s.id}, {QStringLiteral("path"), s.path},
            {QStringLiteral("state"), sourceStateName(s.state)},
            {QStringLiteral("recorded_sha256"), orNull(s.recordedSha256)},
            {QStringLiteral("actual_sha256"), orNull(s.actualSha256)}, {QStringLiteral("error"), orNull(s.error)},
            // A member of an archive is checked through the archive (issue 13).
            {QStringLiteral("archive_path"), orNull(s.archivePath)},
            {QStringLiteral("member_path"), orNull(s.memberPath)}});
    }
    o.insert(QStringLiteral("sources"), sources);
    o.insert(QStringLiteral("sources_error"), orNull(r.sourceCheckError));
    o.insert(QStringLiteral("covered"), verificationCoverage());
    o.insert(QStringLiteral("not_covered"), verificationGaps());
    o.insert(QStringLiteral("record_error"), orNull(r.recordError));
    return o;
}

int cmdVerify(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(JsonOption);
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    // The result is recorded in the case where it can be; a read-only case is verified
    // all the same, and the output says the result was not recorded.
    const auto store = CaseStore::open(p.positionalArguments().at(1), CaseStore::Access::ReadWriteIfPossible);
    const VerificationResult r = verifyCase(*store);
    if (p.isSet(JsonOption)) {
        out() << QJsonDocument(verificationToJson(store->path(), r)).toJson(QJsonDocument::Indented);
    } else {
        out() << "case " << shown(store->path()) << '\n';
        if (!r.pageCheckError.isEmpty())
            out() << "pages: check could not finish: " << shown(r.pageCheckError) << '\n';
        else if (r.pageProblems.isEmpty())
            out() << "pages: ok (integrity_check)\n";
        else
            out() << "pages: " << r.pageProblems.size() << " problem(s) (integrity_check)\n";
        for (const QString &problem : r.pageProblems)
            out() << "  " << shown(problem) << '\n';
        out() << "raw records: " << r.rawIntact << " intact, " << r.rawDamaged.size() << " changed or damaged, "
              << r.rawUnhashed << " not checked (stored before raw records were hashed)\n";
        if (!r.rawCheckError.isEmpty())
            out() << "  check could not finish: " << shown(r.rawCheckError) << '\n';
        for (const DamagedRawRecord &d : r.rawDamaged) {
            out() << "  raw record " << d.id << " (source " << d.sourceId << "): "
                  << (d.problem == RawProblem::Mismatch ? "SHA-256 differs from the one stored at import"
                                                        : "damaged, cannot be decoded")
                  << "; events " << (d.eventIds.isEmpty() ? QStringLiteral("none") : idRanges(d.eventIds)) << '\n';
        }
        out() << "sources:\n";
        if (!r.sourceCheckError.isEmpty())
            out() << "  check could not finish: " << shown(r.sourceCheckError) << '\n';
        for (const SourceVerification &s : r.sources) {
            out() << "  source " << s.id << ' ';
            switch (s.state) {
            case SourceState::Intact:
                out() << "intact";
                break;
            case SourceState::Mismatch:
                out() << "CHANGED: recorded SHA-256 " << shown(s.recordedSha256) << ", now " << s.actualSha256;
                break;
            case SourceState::Missing:
                out() << "not at its recorded path (not checked)";
                break;
            case SourceState::Unreadable:
                out() << "unreadable (not checked): " << shown(s.error);
                break;
            case SourceState::NoRecordedHash:
                out() << "no recorded SHA-256 (import never finished; not checked)";
                break;
            }
            out() << '\t' << shown(s.path) << '\n';
        }
        out() << verificationCoverage() << '\n' << verificationGaps() << '\n';
        out() << "result: " << r.summary() << '\n';
    }
    out().flush();
    if (!r.recordError.isEmpty())
        err() << "chainscope-cli: the result could not be recorded in the case: " << shown(r.recordError) << Qt::endl;
    switch (r.outcome()) {
    case VerificationOutcome::Intact:
        return ExitOk;
    case VerificationOutcome::Partial:
        return ExitVerifyPartial;
    case VerificationOutcome::Differs:
        break;
    }
    return ExitVerifyDiffers;
}

int cmdExportAnalytic(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption format(
        QStringLiteral("format"), QStringLiteral("eql, sigma or spl"), QStringLiteral("FORMAT"));
    const QCommandLineOption platform(
        QStringLiteral("platform"), QStringLiteral("windows, linux or macos"), QStringLiteral("PLATFORM"));
    const QCommandLineOption output(
        QStringLiteral("output"), QStringLiteral("write the rules to FILE"), QStringLiteral("FILE"));
    p.addOption(format);
    p.addOption(platform);
    p.addOption(output);
    if (!parse(p, args, 2, 2))
        return ExitFailure;
    if (!p.isSet(format))
        return fail(QStringLiteral("export-analytic needs --format eql, sigma or spl"));
    const auto chosen = HuntExporter::formatFromName(p.value(format));
    if (!chosen)
        return fail(QStringLiteral("unknown format \"%1\" (formats: eql, sigma, spl)").arg(p.value(format)));
    QList<Platform> platforms;
    if (p.isSet(platform)) {
        const QString name = p.value(platform);
        const Platform pl = platformFromName(name);
        if (pl == Platform::Unknown)
            return fail(QStringLiteral("unknown platform \"%1\" (platforms: windows, linux, macos)").arg(name));
        platforms << pl;
    }
    auto store = openForReading(p.positionalArguments().at(1));
    if (platforms.isEmpty()) {
        // The platforms the evidence came from: a hunt for the fleet the case stands for.
        platforms = store->platforms();
        if (platforms.isEmpty())
            platforms << Platform::Windows;
        // An EQL search or an SPL search is one query: several platforms' queries in one
        // file would not run as written. Sigma files hold any number of documents.
        if (platforms.size() > 1 && *chosen != HuntExporter::Format::Sigma) {
            QStringList names;
            for (const Platform pl : std::as_const(platforms))
                names << platformName(pl);
            return fail(QStringLiteral("the case holds %1 evidence and %2 runs one query at a time: choose one "
                                       "with --platform (sigma takes them all)")
                            .arg(names.join(QStringLiteral(", ")), p.value(format).toLower()));
        }
    }
    const HuntExporter exporter(store->policy());
    QString text;
    for (const Platform pl : std::as_const(platforms)) {
        if (!text.isEmpty())
            text += *chosen == HuntExporter::Format::Sigma ? QStringLiteral("---\n") : QStringLiteral("\n");
        text += exporter.render(*chosen, pl);
    }
    if (p.isSet(output)) {
        QString error;
        if (!writeOutputFile(p.value(output), text.toUtf8(), &error))
            return fail(QStringLiteral("cannot write %1: %2").arg(p.value(output), error));
        err() << "rules written to " << shown(p.value(output)) << Qt::endl;
        return ExitOk;
    }
    // The exporter escapes every policy value for its language; this keeps a terminal
    // safe should anything raw ever slip through.
    out() << showControlCharacters(text, true);
    out().flush();
    return ExitOk;
}

int dispatch(const QStringList &args)
{
    if (args.size() < 2 || args.at(1) == u"--help" || args.at(1) == u"-h") {
        if (args.size() >= 2) {
            out() << Usage;
            return ExitOk;
        }
        return usage();
    }
    const QString &command = args.at(1);
    // Commands parse the whole argument list: positional argument 0 is the command
    // itself, so CASE is always positional argument 1.
    const QStringList &rest = args;
    try {
        if (command == u"new")
            return cmdNew(rest);
        if (command == u"demo")
            return cmdDemo(rest);
        if (command == u"import")
            return cmdImport(rest);
        if (command == u"sources")
            return cmdSources(rest);
        if (command == u"events")
            return cmdEvents(rest);
        if (command == u"raw")
            return cmdRaw(rest);
        if (command == u"drop")
            return cmdDrop(rest);
        if (command == u"summary")
            return cmdSummary(rest);
        if (command == u"index")
            return cmdIndex(rest);
        if (command == u"chains")
            return cmdChains(rest);
        if (command == u"policy")
            return cmdPolicy(rest);
        if (command == u"report")
            return cmdReport(rest);
        if (command == u"verify")
            return cmdVerify(rest);
        if (command == u"export-analytic")
            return cmdExportAnalytic(rest);
    } catch (const CaseError &e) {
        return fail(e);
    }
    fail(QStringLiteral("unknown command %1").arg(command));
    return usage();
}

} // namespace

#ifdef CHAINSCOPE_PDF
// A PDF is painted: fonts need a QGuiApplication, which every other command does without.
static bool writesPdf(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pdf") == 0 || std::strncmp(argv[i], "--pdf=", 6) == 0)
            return true;
    }
    return false;
}
#endif

int main(int argc, char **argv)
{
#ifdef CHAINSCOPE_PDF
    const std::unique_ptr<QCoreApplication> app = writesPdf(argc, argv)
        ? createPrintingApplication(argc, argv)
        : std::make_unique<QCoreApplication>(argc, argv);
#else
    const auto app = std::make_unique<QCoreApplication>(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("chainscope-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chainscope"));
    QStringList args = QCoreApplication::arguments();
    // A global flag, accepted anywhere after the program name.
    g_verbose = args.removeAll(QStringLiteral("--verbose")) > 0;
    const int rc = dispatch(args);
    // Whatever the command printed must have arrived: a full disk under `> file` or
    // /dev/full must not pass for success (issue 11, finding 5).
    out().flush();
    if (!outputOk()) {
        err() << "chainscope-cli: writing the output failed: " << stdoutDevice().errorString() << Qt::endl;
        return ExitFailure;
    }
    return rc;
}
