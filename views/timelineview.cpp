#include "timelineview.h"

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
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

TimelineView::~TimelineView() = default;

void TimelineView::clear()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_points = 0;
    m_plot->replot();
}

void TimelineView::showChain(std::shared_ptr<const CaseIndex> index, const Chain &chain, qint64 windowUs)
{
    clear();
    if (!index)
        return;
    const auto addGraph = [this](const QString &name, const QColor &color, bool filled) {
        QCPGraph *g = m_plot->addGraph();
        g->setName(name);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, filled ? color : QColor(Qt::white), 9));
        return g;
    };
    QCPGraph *normal = addGraph(tr("evidence"), QColor(0xe0, 0x8a, 0x00), true);
    QCPGraph *mismatch = addGraph(tr("outside the allow-lists"), QColor(0xc6, 0x28, 0x28), true);
    QCPGraph *late = addGraph(tr("outside the time window"), QColor(0xc6, 0x28, 0x28), false);

    const QList<IndexedEvent> &events = index->events();
    double minX = seconds(chain.startUs);
    double maxX = seconds(chain.startUs + windowUs);
    for (const ChainStage &stage : chain.stages) {
        for (qint32 ev : stage.eventIndices) {
            const IndexedEvent &e = events.at(ev);
            const bool bad = e.kind == EventKind::NetConnect || e.kind == EventKind::DnsQuery
                || e.kind == EventKind::ModuleLoad || e.kind == EventKind::SignatureFault
                || (stage.stage == Stage::FirstRun && !chain.firstRunNodes.contains(e.node));
            (bad ? mismatch : normal)->addData(seconds(e.timeUs), laneOf(stage.stage));
            minX = qMin(minX, seconds(e.timeUs));
            maxX = qMax(maxX, seconds(e.timeUs));
            ++m_points;
        }
    }
    for (qint32 ev : chain.lateEvents) {
        const IndexedEvent &e = events.at(ev);
        const Stage stage = e.kind == EventKind::ProcessStart ? Stage::FirstRun : Stage::Egress;
        late->addData(seconds(e.timeUs), laneOf(stage));
        maxX = qMax(maxX, seconds(e.timeUs));
        ++m_points;
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
