// libFuzzer entry point for kept chains (issue 15): the bytes a case file keeps in its
// chain_cache row, which a damaged or hostile case can hold. The first byte picks the
// input: 0 the bytes as they are; 1 a valid snapshot (built here, from a small story)
// with the rest of the input applied as edits (4-byte offset, byte to xor with); 2 the
// same, cut at the first edit's offset. Oracles beside "no crash, no hang":
//  - what is accepted writes itself back to bytes that read back and write the same;
//  - every index a view follows (processes, their ancestors and events, cited events)
//    is inside the lists it points into.
#include "caseindex.h"
#include "chainsnapshot.h"
#include "correlator.h"

#include <QByteArray>
#include <QtEndian>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace {

using namespace Chainscope;

// A package install whose child writes a binary that runs and calls out: every part
// of a snapshot has something in it.
QByteArray validSnapshot()
{
    CaseIndex index;
    StringPool &s = index.strings;
    const qint64 t0 = 1'770'000'000'000'000;
    const auto event = [&](qint64 id, qint64 dt, EventKind kind, qint64 pid, qint64 ppid, const char *image) {
        IndexedEvent e;
        e.id = id;
        e.timeUs = t0 + dt;
        e.kind = kind;
        e.pid = pid;
        e.ppid = ppid;
        e.host = s.intern(QStringLiteral("build-07"));
        e.image = s.intern(QString::fromLatin1(image));
        e.platform = Platform::Linux;
        return e;
    };
    QList<IndexedEvent> events;
    IndexedEvent apt = event(1, 0, EventKind::ProcessStart, 100, 1, "/usr/bin/apt");
    apt.commandLine = s.intern(QStringLiteral("apt install tool"));
    events << apt << event(2, 1000, EventKind::ProcessStart, 101, 100, "/usr/bin/dpkg");
    IndexedEvent write = event(3, 2000, EventKind::FileWrite, 101, 100, "/usr/bin/dpkg");
    write.target = s.intern(QStringLiteral("/usr/bin/tool"));
    write.hashes = s.intern(QStringLiteral("SHA256=00ff"));
    events << write << event(4, 3000, EventKind::ProcessStart, 102, 1, "/usr/bin/tool");
    IndexedEvent connect = event(5, 4000, EventKind::NetConnect, 102, 1, "/usr/bin/tool");
    connect.dstIp = s.intern(QStringLiteral("203.0.113.5"));
    connect.dstPort = 443;
    IndexedEvent dns = event(6, 3500, EventKind::DnsQuery, 102, 1, "/usr/bin/tool");
    dns.dstHost = s.intern(QStringLiteral("evil.example"));
    dns.answers = index.addDnsAnswers({connect.dstIp});
    events << dns << connect;
    std::sort(
        events.begin(), events.end(), [](const IndexedEvent &a, const IndexedEvent &b) { return a.timeUs < b.timeUs; });
    index.build(events);

    Chain c;
    c.id = 1;
    c.host = QStringLiteral("build-07");
    c.platform = Platform::Linux;
    c.startUs = t0;
    c.installer = QStringLiteral("apt install tool");
    c.summary = QStringLiteral("Suspicious: tool reached 203.0.113.5");
    for (qint32 i = 0; i < index.events().size(); ++i) {
        const IndexedEvent &e = index.events().at(i);
        if (e.node >= 0 && !c.processNodes.contains(e.node))
            c.processNodes.append(e.node);
        Evidence x;
        x.eventId = e.id;
        x.eventIndex = i;
        x.node = e.node;
        x.role = QStringLiteral("egress");
        x.reason = QStringLiteral("because");
        c.evidence.append(x);
        ChainProcess p;
        p.node = e.node;
        p.roles = {QStringLiteral("first run")};
        c.processes.append(p);
    }
    c.seedNode = index.events().first().node;
    c.firstRunNodes = {c.processNodes.last()};
    c.stages.append({Stage::Install, {1}, {0}});
    c.missingStages.append({Stage::Egress, QStringLiteral("late"), 1, 2, 5});
    c.lateEvents = {2};
    c.flags = {QStringLiteral("host_not_approved")};
    return ChainSnapshot::of(index, {c}).toBytes();
}

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "%s\n", what);
        __builtin_trap();
    }
}

// Every index a view follows, followed.
void walk(const ChainSnapshot &snapshot)
{
    const CaseIndex &ix = *snapshot.index;
    const qsizetype events = ix.events().size();
    const qsizetype nodes = ix.processes().size();
    const auto node = [&](qint32 n, bool noneAllowed) {
        check((noneAllowed && n == -1) || (n >= 0 && n < nodes), "process index");
        if (n < 0)
            return;
        for (const qint32 a : ix.ancestors(n))
            check(a >= 0 && a < nodes, "ancestor");
        for (const qint32 i : ix.eventsOf(n))
            check(i >= 0 && i < events, "event of a process");
        check(ix.process(n).image >= 0 && ix.process(n).image < ix.strings.size(), "image");
        (void)ix.processKey(n);
    };
    const auto event = [&](qint32 i, bool noneAllowed) {
        check((noneAllowed && i == -1) || (i >= 0 && i < events), "event index");
        if (i >= 0)
            node(ix.events().at(i).node, true);
    };
    for (const Chain &c : snapshot.chains) {
        node(c.seedNode, true);
        for (const qint32 n : c.processNodes)
            node(n, false);
        for (const qint32 n : c.firstRunNodes)
            node(n, false);
        for (const ChainProcess &p : c.processes)
            node(p.node, false);
        for (const ChainStage &st : c.stages)
            for (const qint32 i : st.eventIndices)
                event(i, false);
        for (const Evidence &x : c.evidence) {
            event(x.eventIndex, true);
            node(x.node, true);
        }
        for (const MissingStage &m : c.missingStages)
            event(m.nearestEvent, true);
        for (const qint32 i : c.lateEvents)
            event(i, false);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QByteArray valid = validSnapshot();
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    QByteArray bytes;
    if (data[0] == 0) {
        bytes = rest;
    } else {
        bytes = valid;
        for (qsizetype at = 0; at + 5 <= rest.size(); at += 5) {
            const quint32 offset = qFromLittleEndian<quint32>(rest.constData() + at);
            if (data[0] == 2 && at == 0) {
                bytes.truncate(qsizetype(offset % quint32(bytes.size() + 1)));
                continue;
            }
            if (!bytes.isEmpty())
                bytes[qsizetype(offset % quint32(bytes.size()))] ^= rest.at(at + 4);
        }
    }
    const std::optional<ChainSnapshot> snapshot = ChainSnapshot::fromBytes(bytes);
    if (!snapshot)
        return 0;
    walk(*snapshot);
    const QByteArray again = snapshot->toBytes();
    const std::optional<ChainSnapshot> back = ChainSnapshot::fromBytes(again);
    check(back.has_value(), "written back, not read back");
    check(back->toBytes() == again, "written back differently");
    return 0;
}
