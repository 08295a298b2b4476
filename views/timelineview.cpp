#include "timelineview.h"

#include "explanation.h"

#include <QAction>
#include <QDateTime>
#include <QFileInfo>
#include <QFontMetrics>
#include <QMap>
#include <QMouseEvent>
#include <QPair>
#include <QSet>
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace Chainscope {

namespace {

constexpr qint64 Second = 1000000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

// Okabe & Ito's palette: told apart with every common colour-vision deficiency.
const QColor Vermillion(0xD5, 0x5E, 0x00); // flagged
const QColor BluishGreen(0x00, 0x9E, 0x73); // approved by a policy entry
const QColor Blue(0x00, 0x72, 0xB2); // neither: in the chain, nothing said about it
const QColor SkyBlue(0x56, 0xB4, 0xE9); // the window
const QColor Black(0x00, 0x00, 0x00);
const QColor Grey(0x70, 0x70, 0x70);

double seconds(qint64 us)
{
    return double(us) / 1e6;
}

// "3 h 02 min", "90 min", "12 d 4 h": what an analyst reads at a glance.
QString humanDuration(qint64 us)
{
    us = qAbs(us);
    if (us < Minute)
        return TimelineView::tr("%1 s").arg(us / Second);
    if (us < 2 * Hour)
        return TimelineView::tr("%1 min").arg(us / Minute);
    if (us < 2 * Day) {
        const qint64 h = us / Hour;
        const qint64 m = (us % Hour) / Minute;
        return m == 0 ? TimelineView::tr("%1 h").arg(h)
                      : TimelineView::tr("%1 h %2 min").arg(h).arg(m, 2, 10, QLatin1Char('0'));
    }
    const qint64 d = us / Day;
    const qint64 h = (us % Day) / Hour;
    return h == 0 ? TimelineView::tr("%1 d").arg(d) : TimelineView::tr("%1 d %2 h").arg(d).arg(h);
}

QString stageWord(Stage stage)
{
    switch (stage) {
    case Stage::Install:
        return TimelineView::tr("install");
    case Stage::Write:
        return TimelineView::tr("write");
    case Stage::FirstRun:
        return TimelineView::tr("first run");
    case Stage::Egress:
        return TimelineView::tr("egress");
    }
    return QString();
}

// The marker of an evidence role: the stage at a glance, without colour.
struct Marker
{
    QCPScatterStyle::ScatterShape shape;
    QString word;
};

Marker markerOf(const QString &role, Stage stage)
{
    if (role == QLatin1String("installer") || role == QLatin1String("package"))
        return {QCPScatterStyle::ssSquare, TimelineView::tr("install")};
    if (role == QLatin1String("write"))
        return {QCPScatterStyle::ssTriangle, TimelineView::tr("write")};
    if (role == QLatin1String("first_run"))
        return {QCPScatterStyle::ssCircle, TimelineView::tr("first run")};
    if (role == QLatin1String("egress") || role == QLatin1String("package_source"))
        return {QCPScatterStyle::ssDiamond,
            role == QLatin1String("egress") ? TimelineView::tr("egress") : TimelineView::tr("package source")};
    if (role == QLatin1String("module"))
        return {QCPScatterStyle::ssTriangleInverted, TimelineView::tr("module")};
    // Closed shapes only: an open one (a star) cannot carry the fill that says approved
    // or flagged.
    if (role == QLatin1String("child"))
        return {QCPScatterStyle::ssPlusCircle, TimelineView::tr("child")};
    if (role == QLatin1String("persistence"))
        return {QCPScatterStyle::ssPlusSquare, TimelineView::tr("persistence")};
    switch (stage) {
    case Stage::Install:
        return {QCPScatterStyle::ssSquare, stageWord(stage)};
    case Stage::Write:
        return {QCPScatterStyle::ssTriangle, stageWord(stage)};
    case Stage::FirstRun:
        return {QCPScatterStyle::ssCircle, stageWord(stage)};
    case Stage::Egress:
        return {QCPScatterStyle::ssDiamond, stageWord(stage)};
    }
    return {QCPScatterStyle::ssCircle, QString()};
}

QString elided(const QString &s, int max)
{
    return s.size() <= max ? s : s.left(max - 1) + QChar(0x2026);
}

// The short name of a target: a path's file name, anything else as it is.
QString shortTarget(const QString &target)
{
    if (target.contains(u'/') || target.contains(u'\\')) {
        const qsizetype cut = qMax(target.lastIndexOf(u'/'), target.lastIndexOf(u'\\'));
        return target.mid(cut + 1);
    }
    return target;
}

QString zoneName(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == QTimeZone::utc())
        return QStringLiteral("UTC");
    return QString::fromUtf8(zone.id());
}

// Ticks in the display zone on a possibly broken axis: nice steps in real time within
// each stretch that is drawn, none inside a break, every label with its year.
class BrokenTimeTicker : public QCPAxisTicker
{
public:
    BrokenTimeTicker(const TimeAxisMap *map, QTimeZone zone)
        : m_map(map)
        , m_zone(std::move(zone))
    {
        setTickCount(6);
    }

protected:
    double getTickStep(const QCPRange &range) override
    {
        const double raw = range.size() / qMax(1, tickCount());
        static const double steps[] = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
            43200, 86400, 172800, 604800, 1209600, 2592000, 7776000, 15552000, 31536000};
        if (raw < 1)
            return QCPAxisTicker::getTickStep(range);
        for (double s : steps) {
            if (s >= raw)
                return s;
        }
        return std::ceil(raw / 31536000) * 31536000;
    }
    int getSubTickCount(double) override { return 0; }
    QVector<double> createTickVector(double tickStep, const QCPRange &range) override
    {
        m_step = tickStep;
        // The drawn stretches of [lower, upper]: the range less every break.
        QList<QPair<double, double>> pieces {{range.lower, range.upper}};
        for (const TimeAxisMap::Break &b : m_map->breaks()) {
            QList<QPair<double, double>> next;
            for (const auto &p : pieces) {
                if (b.toX <= p.first || b.fromX >= p.second) {
                    next << p;
                    continue;
                }
                if (b.fromX > p.first)
                    next << qMakePair(p.first, b.fromX);
                if (b.toX < p.second)
                    next << qMakePair(b.toX, p.second);
            }
            pieces = next;
        }
        QVector<double> ticks;
        for (const auto &p : pieces) {
            const qint64 fromUs = m_map->toUs(p.first);
            const qint64 toUs = m_map->toUs(p.second);
            // Aligned in the display zone, so that an hour tick falls on the local hour.
            const double offset = m_zone.isValid()
                ? m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(fromUs / 1000, QTimeZone::utc()))
                : 0;
            const double first = std::ceil((seconds(fromUs) + offset) / tickStep) * tickStep - offset;
            const qsizetype before = ticks.size();
            for (double t = first; t <= seconds(toUs) && ticks.size() < 200; t += tickStep)
                ticks << m_map->toX(qint64(std::llround(t * 1e6)));
            // A stretch after a break too short for a tick of the step still gets one,
            // at its middle on the minute, so that its date is on the axis.
            const bool afterBreak = std::any_of(m_map->breaks().cbegin(), m_map->breaks().cend(),
                [&](const TimeAxisMap::Break &b) { return qFuzzyCompare(b.toX, p.first); });
            if (afterBreak && ticks.size() == before) {
                const qint64 mid = fromUs + (toUs - fromUs) / 2;
                ticks << m_map->toX(mid - mid % (60 * Second));
            }
        }
        return ticks;
    }
    QVector<double> createSubTickVector(int, const QVector<double> &) override { return {}; }
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        // Rounded to the label's precision: a tick a microsecond short of a full second
        // (the map's float round trip) reads as that second, not the one before.
        const qint64 us = m_map->toUs(tick);
        const qint64 unit = m_step < 1 ? 1000 : Second;
        const qint64 ms = (us >= 0 ? (us + unit / 2) / unit : (us - unit / 2) / unit) * (unit / 1000);
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, m_zone.isValid() ? m_zone : QTimeZone::utc());
        return t.toString(
            m_step < 1 ? QStringLiteral("yyyy-MM-dd\nHH:mm:ss.zzz") : QStringLiteral("yyyy-MM-dd\nHH:mm:ss"));
    }

private:
    const TimeAxisMap *m_map;
    QTimeZone m_zone;
    double m_step = 1;
};

} // namespace

// ---- TimeAxisMap ---------------------------------------------------------------

void TimeAxisMap::build(QList<qint64> timesUs)
{
    m_segments.clear();
    m_breaks.clear();
    if (timesUs.isEmpty())
        return;
    std::sort(timesUs.begin(), timesUs.end());
    const qint64 span = timesUs.last() - timesUs.first();
    // A stretch is skipped when it is long in absolute terms and most of the chain's
    // span: a three-hour near miss keeps its true scale, a twelve-day one does not.
    const qint64 breakAbove = qMax<qint64>(2 * Hour, span / 5);
    QList<QPair<qint64, qint64>> clusters {{timesUs.first(), timesUs.first()}};
    for (int i = 1; i < timesUs.size(); ++i) {
        if (timesUs.at(i) - clusters.last().second > breakAbove)
            clusters << qMakePair(timesUs.at(i), timesUs.at(i));
        else
            clusters.last().second = timesUs.at(i);
    }
    qint64 drawn = 0;
    for (const auto &c : clusters)
        drawn += c.second - c.first;
    // Each stretch padded, so that a lone point is not drawn on a break; a break is drawn
    // a tenth of what is shown wide.
    const qint64 pad = qMax<qint64>(30 * Second, drawn / 25);
    const double breakWidth = seconds(qMax<qint64>(Minute, (drawn + 2 * pad * clusters.size()) / 10));
    double x = seconds(clusters.first().first - pad);
    for (int i = 0; i < clusters.size(); ++i) {
        Segment s;
        s.fromUs = clusters.at(i).first - pad;
        s.toUs = clusters.at(i).second + pad;
        if (i > 0) {
            Break b;
            b.fromUs = m_segments.last().toUs;
            b.toUs = s.fromUs;
            b.fromX = x;
            b.toX = x + breakWidth;
            m_breaks << b;
            x = b.toX;
        }
        s.x = x;
        m_segments << s;
        x += seconds(s.toUs - s.fromUs);
    }
    if (m_breaks.isEmpty()) {
        // Nothing skipped: plain seconds since the epoch.
        m_segments = {Segment {m_segments.first().fromUs, m_segments.first().toUs, seconds(m_segments.first().fromUs)}};
    }
}

double TimeAxisMap::toX(qint64 us) const
{
    if (m_segments.isEmpty())
        return seconds(us);
    if (us <= m_segments.first().toUs)
        return m_segments.first().x + seconds(us - m_segments.first().fromUs);
    for (int i = 0; i < m_breaks.size(); ++i) {
        const Break &b = m_breaks.at(i);
        if (us < b.toUs) {
            if (us <= b.fromUs) // inside segment i
                return m_segments.at(i).x + seconds(us - m_segments.at(i).fromUs);
            return b.fromX + (b.toX - b.fromX) * double(us - b.fromUs) / double(b.toUs - b.fromUs);
        }
    }
    const Segment &last = m_segments.last();
    return last.x + seconds(us - last.fromUs);
}

qint64 TimeAxisMap::toUs(double x) const
{
    if (m_segments.isEmpty())
        return qint64(std::llround(x * 1e6));
    for (int i = 0; i < m_breaks.size(); ++i) {
        const Break &b = m_breaks.at(i);
        if (x < b.fromX)
            return m_segments.at(i).fromUs + qint64(std::llround((x - m_segments.at(i).x) * 1e6));
        if (x < b.toX)
            return b.fromUs + qint64(std::llround(double(b.toUs - b.fromUs) * (x - b.fromX) / (b.toX - b.fromX)));
    }
    const Segment &last = m_segments.last();
    return last.fromUs + qint64(std::llround((x - last.x) * 1e6));
}

bool TimeAxisMap::inBreak(double x) const
{
    for (const Break &b : m_breaks) {
        if (x > b.fromX && x < b.toX)
            return true;
    }
    return false;
}

// ---- TimelineView --------------------------------------------------------------

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_zone(QTimeZone::utc())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *fit = bar->addAction(tr("Fit to chain"), this, &TimelineView::fitToChain);
    fit->setToolTip(tr("Zoom the time axis to the chain's events"));
    fit->setObjectName(QStringLiteral("fitToChain"));
    QAction *reset = bar->addAction(tr("Reset zoom"), this, &TimelineView::resetZoom);
    reset->setToolTip(tr("Show the chain, its window and its nearest misses"));
    reset->setObjectName(QStringLiteral("resetZoom"));
    layout->addWidget(bar);
    layout->addWidget(m_plot);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    // Room above the plot for the window's label: never drawn over, never clipped.
    m_plot->axisRect()->setMinimumMargins(QMargins(0, 24, 16, 0));
    m_plot->setMouseTracking(true);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(4);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->yAxis->grid()->setVisible(true);
    m_plot->xAxis->grid()->setPen(QPen(QColor(0xd0, 0xd0, 0xd0), 1, Qt::DotLine));
    rebuildTicker();

    connect(m_plot, &QCustomPlot::afterLayout, this, &TimelineView::layoutOverlays);
    connect(m_plot, &QCustomPlot::mouseMove, this, &TimelineView::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, &TimelineView::onMousePress);
}

TimelineView::~TimelineView() = default;

int TimelineView::pointCount(PointKind kind) const
{
    return int(std::count_if(m_points.cbegin(), m_points.cend(), [kind](const Point &p) { return p.kind == kind; }));
}

void TimelineView::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    // Tooltips carry the time in the zone too.
    for (Point &p : m_points) {
        const qsizetype nl = p.toolTip.indexOf(u'\n');
        p.toolTip = formatTimeUs(p.timeUs, m_zone) + (nl < 0 ? QString() : p.toolTip.mid(nl));
    }
    rebuildTicker();
    m_plot->replot();
}

void TimelineView::rebuildTicker()
{
    m_plot->xAxis->setTicker(QSharedPointer<BrokenTimeTicker>::create(&m_map, m_zone));
    m_plot->xAxis->setLabel(tr("time (%1)").arg(zoneName(m_zone)));
}

void TimelineView::clear()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_points.clear();
    m_labels.clear();
    m_lanes.clear();
    m_annotations.clear();
    m_windowLabel = nullptr;
    m_selection = nullptr;
    m_selected = -1;
    m_map.build({});
    m_plot->replot();
}

void TimelineView::showChain(const std::shared_ptr<const CaseIndex> &index, const Chain &chain, qint64 windowUs)
{
    clear();
    if (!index)
        return;
    const QList<IndexedEvent> &events = index->events();
    const auto laneName = [&](qint32 node) {
        if (node < 0 || node >= index->processes().size())
            return tr("no process (package log)");
        const ProcessNode &p = index->process(node);
        QString image = shortTarget(index->strings.at(p.image));
        if (image.isEmpty())
            image = tr("(unknown image)");
        return tr("%1 (%2)").arg(elided(image, 28)).arg(p.pid);
    };

    // One point per event and stage, in the colour of what the Correlator said of it:
    // flagged if any item of it is, approved only if every item of it is.
    struct Group
    {
        QList<const Evidence *> items;
        PointKind kind = PointKind::Approved;
        qint32 node = -1;
    };
    QMap<QPair<qint32, int>, Group> groups;
    for (const Evidence &x : chain.evidence) {
        if (x.eventIndex < 0 || x.eventIndex >= events.size())
            continue;
        Group &g = groups[qMakePair(x.eventIndex, int(x.stage))];
        g.items << &x;
        g.node = x.node >= 0 ? x.node : events.at(x.eventIndex).node;
        const PointKind c = x.mark() == ChainMark::Mismatch ? PointKind::Mismatch
            : x.approvedBy.isEmpty()                        ? PointKind::Evidence
                                                            : PointKind::Approved;
        if (c == PointKind::Mismatch || (c == PointKind::Evidence && g.kind == PointKind::Approved))
            g.kind = c;
    }
    // A very busy chain (an update session with thousands of module loads) is sampled:
    // what was flagged and the first of each role are always kept.
    QSet<QPair<qint32, int>> keep;
    if (groups.size() > MaxPoints) {
        QSet<QString> rolesSeen;
        QList<QPair<qint32, int>> rest;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            const QString role = it->items.first()->role;
            if (it->kind == PointKind::Mismatch || !rolesSeen.contains(role)) {
                keep.insert(it.key());
                rolesSeen.insert(role);
            } else {
                rest << it.key();
            }
        }
        const qsizetype room = qMax<qsizetype>(0, MaxPoints - keep.size());
        for (qsizetype i = 0; i < room && !rest.isEmpty(); ++i)
            keep.insert(rest.at(i * rest.size() / room));
    }

    // Lanes: the chain's processes in start order, those with points only.
    QList<qint32> laneNodes;
    QSet<qint32> used;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        if (keep.isEmpty() || keep.contains(it.key()))
            used.insert(it->node);
    }
    QList<const MissingStage *> misses;
    for (const MissingStage &m : chain.missingStages) {
        if (m.nearestEvent >= 0 && m.nearestEvent < events.size()) {
            misses << &m;
            used.insert(events.at(m.nearestEvent).node);
        }
    }
    QSet<qint32> placed;
    for (const ChainProcess &p : chain.processes) {
        if (used.contains(p.node) && !placed.contains(p.node)) {
            laneNodes << p.node;
            placed.insert(p.node);
        }
    }
    // Then processes the chain does not list (a late egress's process), in node order.
    QList<qint32> extra;
    for (qint32 node : std::as_const(used)) {
        if (!placed.contains(node))
            extra << node;
    }
    std::sort(extra.begin(), extra.end());
    laneNodes += extra;
    const int laneTotal = int(laneNodes.size());
    QHash<qint32, int> laneOf;
    for (int i = 0; i < laneNodes.size(); ++i)
        laneOf.insert(laneNodes.at(i), qMin(i, MaxLanes - 1));
    const int shownLanes = qMin(laneTotal, MaxLanes);
    const auto laneY = [&](qint32 node) {
        return double(shownLanes - laneOf.value(node));
    };
    auto laneTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < shownLanes; ++i) {
        m_lanes << (i == MaxLanes - 1 && laneTotal > MaxLanes
                ? tr("%n more processes", nullptr, laneTotal - MaxLanes + 1)
                : laneName(laneNodes.at(i)));
        laneTicker->addTick(shownLanes - i, m_lanes.last());
    }
    m_plot->yAxis->setTicker(laneTicker);

    // Points, then the map that places them.
    QList<qint64> times {chain.startUs, chain.startUs + windowUs};
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        if (!keep.isEmpty() && !keep.contains(it.key()))
            continue;
        const IndexedEvent &e = events.at(it.key().first);
        Point p;
        p.eventId = e.id;
        p.timeUs = e.timeUs;
        p.lane = laneY(it->node);
        p.kind = it->kind;
        const Evidence &first = *it->items.first();
        p.role = first.role;
        p.stage = first.stage;
        p.label = markerOf(first.role, first.stage).word;
        QStringList tip {formatTimeUs(e.timeUs, m_zone), tr("process: %1").arg(laneName(it->node))};
        for (const Evidence *x : it->items) {
            tip << tr("%1: %2").arg(markerOf(x->role, x->stage).word, x->target);
            if (!x->signer.isEmpty() || !x->signatureStatus.isEmpty())
                tip << tr("signer: %1 (%2)").arg(x->signer, x->signatureStatus);
            if (!x->hashes.isEmpty())
                tip << tr("hash: %1").arg(x->hashes);
            if (!x->reason.isEmpty())
                tip << x->reason;
            // In words, as the tree says them: the keys are the JSON contract's.
            if (!x->approvedBy.isEmpty())
                tip << approvalLabel(x->approvedBy);
            if (!x->flag.isEmpty())
                tip << tr("flagged: %1").arg(mismatchLabel(x->flag));
        }
        p.toolTip = tip.join(u'\n');
        m_points << p;
        times << e.timeUs;
    }
    for (const MissingStage *m : std::as_const(misses)) {
        const IndexedEvent &e = events.at(m->nearestEvent);
        Point p;
        p.eventId = e.id;
        p.timeUs = e.timeUs;
        p.lane = laneY(e.node);
        p.kind = PointKind::NearestMiss;
        p.stage = m->stage;
        p.label = tr("late %1").arg(stageWord(m->stage));
        p.toolTip = QStringList {formatTimeUs(e.timeUs, m_zone), tr("process: %1").arg(laneName(e.node)),
            tr("nearest miss of the missing %1 stage, %2 after the install")
                .arg(stageWord(m->stage), humanDuration(m->gapUs)),
            m->reason}
                        .join(u'\n');
        m_points << p;
        times << e.timeUs;
    }
    m_map.build(times);
    for (Point &p : m_points)
        p.x = m_map.toX(p.timeUs);

    // Graphs by marker and kind; the legend names what is drawn.
    QMap<QPair<QString, int>, QCPGraph *> graphs; // by what and kind: an egress and a package source share a shape
    QCPGraph *crosses = nullptr;
    for (int i = 0; i < m_points.size(); ++i) {
        const Point &p = m_points.at(i);
        const Marker marker = markerOf(p.role, p.stage);
        const QPair<QString, int> key(marker.word, int(p.kind));
        QCPGraph *g = graphs.value(key);
        if (!g) {
            g = m_plot->addGraph();
            g->setLineStyle(QCPGraph::lsNone);
            QString kindWord; // the legend says what is approved or flagged; the rest is plain
            QCPScatterStyle style;
            switch (p.kind) {
            case PointKind::Approved:
                kindWord = tr("approved");
                style = QCPScatterStyle(marker.shape, QPen(BluishGreen.darker(130), 1.5), BluishGreen, 11);
                break;
            case PointKind::Evidence:
                kindWord.clear();
                style = QCPScatterStyle(marker.shape, QPen(Blue, 2), QBrush(Qt::white), 11);
                break;
            case PointKind::Mismatch:
                kindWord = tr("flagged");
                style = QCPScatterStyle(marker.shape, QPen(Black, 1.5), Vermillion, 13);
                break;
            case PointKind::NearestMiss:
                kindWord = tr("nearest miss");
                style = QCPScatterStyle(marker.shape, QPen(Black, 2, Qt::DotLine), QBrush(Qt::white), 13);
                break;
            }
            g->setScatterStyle(style);
            const QString what = p.kind == PointKind::NearestMiss ? tr("late event") : marker.word;
            g->setName(kindWord.isEmpty() ? what : tr("%1 · %2").arg(what, kindWord));
            graphs.insert(key, g);
        }
        g->addData(p.x, p.lane);
        if (p.kind == PointKind::Mismatch) {
            // A cross over every flagged point: the flag does not rest on colour alone.
            if (!crosses) {
                crosses = m_plot->addGraph();
                crosses->setLineStyle(QCPGraph::lsNone);
                crosses->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(Qt::white, 2), Qt::NoBrush, 7));
                crosses->removeFromLegend();
            }
            crosses->addData(p.x, p.lane);
        }
        if (m_labels.size() >= MaxLabels && p.kind != PointKind::Mismatch && p.kind != PointKind::NearestMiss)
            continue;
        auto *label = new QCPItemText(m_plot);
        label->setText(elided(p.label, 24));
        label->setFont(font());
        label->setColor(p.kind == PointKind::Mismatch ? Vermillion.darker(140) : QColor(0x30, 0x30, 0x30));
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setClipToAxisRect(true);
        m_labels << Label {label, p.x, p.lane, label->text()};
    }
    m_selection = m_plot->addGraph();
    m_selection->setLineStyle(QCPGraph::lsNone);
    m_selection->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Black, 2.5), Qt::NoBrush, 24));
    m_selection->removeFromLegend();

    // The window: where the analytic looks, labelled in full above the plot.
    m_windowFromX = m_map.toX(chain.startUs);
    m_windowToX = m_map.toX(chain.startUs + windowUs);
    auto *band = new QCPItemRect(m_plot);
    band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    band->topLeft->setCoords(m_windowFromX, 0);
    band->bottomRight->setCoords(m_windowToX, 1);
    band->setPen(QPen(SkyBlue.darker(130), 1, Qt::DashLine));
    band->setBrush(QColor(SkyBlue.red(), SkyBlue.green(), SkyBlue.blue(), 40));
    band->setLayer(QStringLiteral("background"));
    const QString windowText = tr("window %1").arg(humanDuration(windowUs));
    m_windowLabel = new QCPItemText(m_plot);
    m_windowLabel->setText(windowText);
    m_windowLabel->setColor(SkyBlue.darker(170));
    m_windowLabel->setClipToAxisRect(false);
    m_windowLabel->position->setType(QCPItemPosition::ptAbsolute);
    m_windowLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_annotations << windowText;

    // The gap of each missing stage's nearest miss, from the window's end to the miss.
    for (const MissingStage *m : std::as_const(misses)) {
        const IndexedEvent &e = events.at(m->nearestEvent);
        const double lane = laneY(e.node);
        auto *arrow = new QCPItemLine(m_plot);
        arrow->start->setCoords(m_windowToX, lane);
        arrow->end->setCoords(m_map.toX(e.timeUs), lane);
        arrow->setPen(QPen(Black, 1, Qt::DashLine));
        arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 8, 10));
        const QString text
            = tr("%1 +%2; window %3").arg(stageWord(m->stage), humanDuration(m->gapUs), humanDuration(windowUs));
        auto *note = new QCPItemText(m_plot);
        note->setText(text);
        note->setFont(font());
        note->setColor(Black);
        note->setBrush(QColor(255, 255, 255, 220));
        note->setPadding(QMargins(3, 1, 3, 1));
        note->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        note->position->setType(QCPItemPosition::ptAbsolute);
        m_labels << Label {note, m_map.toX(e.timeUs), -lane, text}; // negative lane: a gap note
        m_annotations << text;
    }

    // Each break: hatched, and says how long a stretch it stands for.
    for (const TimeAxisMap::Break &b : m_map.breaks()) {
        auto *mark = new QCPItemRect(m_plot);
        mark->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        mark->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        mark->topLeft->setCoords(b.fromX, 0);
        mark->bottomRight->setCoords(b.toX, 1);
        mark->setPen(QPen(Grey, 1));
        mark->setBrush(QBrush(QColor(0xb0, 0xb0, 0xb0), Qt::BDiagPattern));
        const QString text = tr("%1 skipped").arg(humanDuration(b.toUs - b.fromUs));
        auto *note = new QCPItemText(m_plot);
        note->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        note->position->setCoords((b.fromX + b.toX) / 2, 0.5);
        note->setRotation(-90);
        note->setText(text);
        note->setColor(Black);
        note->setBrush(Qt::white);
        note->setPadding(QMargins(3, 1, 3, 1));
        m_annotations << text;
    }

    // The views: fit (events only) and reset (everything showChain() shows).
    double lo = m_windowFromX, hi = m_windowToX;
    double evLo = 0, evHi = 0;
    bool anyEvidence = false;
    for (const Point &p : std::as_const(m_points)) {
        lo = qMin(lo, p.x);
        hi = qMax(hi, p.x);
        if (p.kind == PointKind::NearestMiss)
            continue;
        evLo = anyEvidence ? qMin(evLo, p.x) : p.x;
        evHi = anyEvidence ? qMax(evHi, p.x) : p.x;
        anyEvidence = true;
    }
    if (!anyEvidence) {
        evLo = lo;
        evHi = hi;
    }
    const auto padded = [](double a, double b, double &from, double &to) {
        const double span = qMax(60.0, b - a);
        from = a - span * 0.06;
        to = b + span * 0.06;
    };
    padded(evLo, evHi, m_fitFrom, m_fitTo);
    padded(lo, hi, m_resetFrom, m_resetTo);
    resetZoom();
}

void TimelineView::resetZoom()
{
    m_plot->xAxis->setRange(m_resetFrom, m_resetTo);
    m_plot->yAxis->setRange(0.4, m_lanes.size() + 0.6);
    m_plot->replot();
}

void TimelineView::fitToChain()
{
    m_plot->xAxis->setRange(m_fitFrom, m_fitTo);
    m_plot->yAxis->setRange(0.4, m_lanes.size() + 0.6);
    m_plot->replot();
}

// Places what must stay readable in pixels, after every layout: point labels above
// their point (hidden where they would overlap a neighbour on the lane), gap notes
// beside their miss but inside the plot, the window's label above the band.
void TimelineView::layoutOverlays()
{
    const QRect r = m_plot->axisRect()->rect();
    QCPAxis *x = m_plot->xAxis;
    QCPAxis *y = m_plot->yAxis;
    if (m_windowLabel) {
        const QFontMetrics fm(m_windowLabel->font());
        const int w = fm.horizontalAdvance(m_windowLabel->text()) + 6;
        const double left = x->coordToPixel(m_windowFromX);
        const double px = qBound(double(r.left()), left, double(r.right() - w));
        m_windowLabel->position->setCoords(px, r.top() - 2);
    }
    QHash<int, double> laneRight; // per lane, where the last label shown ends
    QList<Label> sorted = m_labels;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Label &a, const Label &b) { return a.x < b.x; });
    // Points a few pixels apart on a lane (a child started a second before its egress)
    // share one label that names both, instead of one hiding the other.
    QHash<int, QPair<int, double>> laneGroup; // lane → (index of the group's label, its pixel)
    for (int i = 0; i < sorted.size(); ++i) {
        Label &l = sorted[i];
        if (l.lane < 0)
            continue;
        l.item->setText(l.text);
        const double px = x->coordToPixel(l.x);
        const int lane = int(l.lane);
        const auto g = laneGroup.constFind(lane);
        if (g != laneGroup.cend() && px - g->second < 6) {
            QCPItemText *first = sorted.at(g->first).item;
            if (!first->text().split(QStringLiteral(" · ")).contains(l.text))
                first->setText(first->text() + QStringLiteral(" · ") + l.text);
            l.item->setVisible(false);
            l.lane = 0; // hidden below
            continue;
        }
        laneGroup.insert(lane, qMakePair(i, px));
    }
    for (const Label &l : std::as_const(sorted)) {
        if (l.lane == 0)
            continue;
        const QFontMetrics fm(l.item->font());
        const int w = fm.horizontalAdvance(l.item->text()) + 8;
        const double px = x->coordToPixel(l.x);
        if (l.lane < 0) { // a gap note: under its miss, kept inside the plot
            const double py = y->coordToPixel(-l.lane) + 12;
            l.item->position->setCoords(qBound(double(r.left()), px - w / 2.0, double(r.right() - w)), py);
            l.item->setClipToAxisRect(false);
            continue;
        }
        const double py = y->coordToPixel(l.lane) - 8;
        const int lane = int(l.lane);
        // Centred on its point, but kept inside the plot: a point at the edge keeps its
        // whole label.
        const double cx = qBound(r.left() + w / 2.0, px, r.right() - w / 2.0);
        const double from = cx - w / 2.0;
        const bool visible = px >= r.left() && px <= r.right() && from >= laneRight.value(lane, -1e9);
        l.item->setVisible(visible);
        if (visible) {
            laneRight[lane] = from + w;
            l.item->position->setCoords(cx, py);
        }
    }
}

QList<int> TimelineView::pointsAt(const QPoint &plotPixel) const
{
    QList<QPair<double, int>> near;
    for (int i = 0; i < m_points.size(); ++i) {
        const double dx = m_plot->xAxis->coordToPixel(m_points.at(i).x) - plotPixel.x();
        const double dy = m_plot->yAxis->coordToPixel(m_points.at(i).lane) - plotPixel.y();
        const double d = dx * dx + dy * dy;
        if (d <= 10.0 * 10.0)
            near << qMakePair(d, i);
    }
    std::stable_sort(near.begin(), near.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<int> out;
    for (const auto &n : std::as_const(near))
        out << n.second;
    return out;
}

QPoint TimelineView::pointPixel(qint64 eventId) const
{
    for (const Point &p : m_points) {
        if (p.eventId == eventId)
            return QPoint(int(std::lround(m_plot->xAxis->coordToPixel(p.x))),
                int(std::lround(m_plot->yAxis->coordToPixel(p.lane))));
    }
    return QPoint(-1, -1);
}

QString TimelineView::toolTipAt(const QPoint &plotPixel) const
{
    // Every point under the cursor: points seconds apart share a pixel until zoomed in.
    const QList<int> at = pointsAt(plotPixel);
    QStringList tips;
    for (int i = 0; i < at.size() && i < 4; ++i)
        tips << m_points.at(at.at(i)).toolTip;
    if (at.size() > 4)
        tips << tr("… and %n more here; zoom in to tell them apart", nullptr, int(at.size() - 4));
    return tips.join(QStringLiteral("\n\n"));
}

QStringList TimelineView::annotations() const
{
    return m_annotations;
}

void TimelineView::onMouseMove(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QString tip = toolTipAt(pos);
    if (tip.isEmpty()) {
        QToolTip::hideText();
        m_plot->unsetCursor();
        return;
    }
    m_plot->setCursor(Qt::PointingHandCursor);
    // Plain text from logs, escaped: a hostile "<img>" in a path stays text.
    QToolTip::showText(event->globalPosition().toPoint(),
        QStringLiteral("<p style='white-space:pre'>%1</p>").arg(tip.toHtmlEscaped()), m_plot);
}

void TimelineView::onMousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QList<int> at = pointsAt(event->position().toPoint());
    if (at.isEmpty())
        return;
    const qint64 id = m_points.at(at.first()).eventId; // the nearest
    selectEvent(id);
    emit eventClicked(id);
}

void TimelineView::selectEvent(qint64 eventId)
{
    m_selected = -1;
    if (!m_selection)
        return;
    m_selection->data()->clear();
    for (const Point &p : std::as_const(m_points)) {
        if (p.eventId == eventId) {
            m_selection->addData(p.x, p.lane);
            m_selected = eventId;
            break;
        }
    }
    m_plot->replot();
}

} // namespace Chainscope
