#include "timelineview.h"

#include <QMap>
#include <QPair>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace Chainscope {

namespace {

double seconds(qint64 us)
{
    return double(us) / 1e6;
}

// Lanes from top to bottom, in the order the stages happen.
double laneOf(Stage stage)
{
    return 4.0 - double(int(stage));
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("MM-dd\nHH:mm:ss"));
    ticker->setDateTimeSpec(Qt::UTC);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setLabel(tr("time (UTC)"));
    auto lanes = QSharedPointer<QCPAxisTickerText>::create();
    lanes->addTick(laneOf(Stage::Install), tr("install"));
    lanes->addTick(laneOf(Stage::Write), tr("write"));
    lanes->addTick(laneOf(Stage::FirstRun), tr("first run"));
    lanes->addTick(laneOf(Stage::Egress), tr("egress"));
    m_plot->yAxis->setTicker(lanes);
    m_plot->yAxis->setRange(0.4, 4.6);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    // The legend in a row of its own under the plot: inside the axis rect it would
    // cover points (a late egress lies at the right edge, on the bottom lane).
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
}

TimelineView::~TimelineView() = default;

void TimelineView::clear()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_points = 0;
    m_kindPoints.fill(0);
    m_plot->replot();
}

void TimelineView::showChain(const std::shared_ptr<const CaseIndex> &index, const Chain &chain, qint64 windowUs)
{
    clear();
    if (!index)
        return;
    const auto addGraph = [this](const QString &name, const QColor &color, bool filled) {
        QCPGraph *g = m_plot->addGraph();
        g->setName(name);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(
            QCPScatterStyle::ssCircle, QPen(color, filled ? 1.0 : 2.0), filled ? QBrush(color) : QBrush(Qt::white), 9));
        return g;
    };
    // Drawn in this order, so a mismatch is never hidden under another point.
    QCPGraph *approved = addGraph(tr("approved by the policy"), QColor(0x2e, 0x7d, 0x32), true);
    QCPGraph *normal = addGraph(tr("evidence"), QColor(0xe0, 0x8a, 0x00), true);
    QCPGraph *mismatch = addGraph(tr("mismatch"), QColor(0xc6, 0x28, 0x28), true);
    QCPGraph *nearest = addGraph(tr("nearest miss of a missing stage"), QColor(0x60, 0x60, 0x60), false);

    // One point per event and lane, in the colour of what the Correlator said of it:
    // flagged if any item of it is, approved only if every item of it is.
    QMap<QPair<qint32, int>, PointKind> points;
    for (const Evidence &x : chain.evidence) {
        if (x.eventIndex < 0 || x.eventIndex >= index->events().size())
            continue;
        const PointKind c = x.mark() == ChainMark::Mismatch ? PointKind::Mismatch
            : x.approvedBy.isEmpty()                        ? PointKind::Evidence
                                                            : PointKind::Approved;
        const QPair<qint32, int> key(x.eventIndex, int(x.stage));
        const auto it = points.find(key);
        if (it == points.end())
            points.insert(key, c);
        else if (c == PointKind::Mismatch || (c == PointKind::Evidence && *it == PointKind::Approved))
            *it = c;
    }
    const QList<IndexedEvent> &events = index->events();
    double minX = seconds(chain.startUs);
    double maxX = seconds(chain.startUs + windowUs);
    for (auto it = points.cbegin(); it != points.cend(); ++it) {
        const double x = seconds(events.at(it.key().first).timeUs);
        QCPGraph *graph = *it == PointKind::Mismatch ? mismatch : *it == PointKind::Approved ? approved : normal;
        graph->addData(x, laneOf(Stage(it.key().second)));
        minX = qMin(minX, x);
        maxX = qMax(maxX, x);
        ++m_points;
    }
    // A missing stage's nearest miss, hollow on the lane of the stage it would have been.
    for (const MissingStage &m : chain.missingStages) {
        if (m.nearestEvent < 0 || m.nearestEvent >= events.size())
            continue;
        const double x = seconds(events.at(m.nearestEvent).timeUs);
        nearest->addData(x, laneOf(m.stage));
        minX = qMin(minX, x);
        maxX = qMax(maxX, x);
        ++m_points;
    }
    // The legend names only what is drawn.
    const std::array<QCPGraph *, PointKindCount> graphs {approved, normal, mismatch, nearest};
    for (int k = 0; k < PointKindCount; ++k) {
        m_kindPoints[k] = graphs[k]->dataCount();
        if (graphs[k]->dataCount() == 0)
            graphs[k]->removeFromLegend();
    }

    // The window: where the analytic looks.
    auto *window = new QCPItemRect(m_plot);
    window->topLeft->setCoords(seconds(chain.startUs), 4.6);
    window->bottomRight->setCoords(seconds(chain.startUs + windowUs), 0.4);
    window->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 1, Qt::DashLine));
    window->setBrush(QColor(0x1e, 0x88, 0xe5, 28));
    window->setLayer(QStringLiteral("background"));
    auto *label = new QCPItemText(m_plot);
    label->position->setCoords(seconds(chain.startUs + windowUs), 4.45);
    label->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    label->setText(tr("window %1").arg(Policy::formatDuration(windowUs)));
    label->setColor(QColor(0x1e, 0x88, 0xe5));

    const double span = qMax(60.0, maxX - minX);
    m_plot->xAxis->setRange(minX - span * 0.05, maxX + span * 0.05);
    m_plot->replot();
}

} // namespace Chainscope
