#include "densitystrip.h"

#include "casestore.h"

#include <QMouseEvent>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace Chainscope {

namespace {

double seconds(qint64 us)
{
    return double(us) / 1e6;
}

qint64 micros(double s)
{
    return qint64(std::llround(s * 1e6));
}

// Okabe–Ito blue for the bars, vermillion for the chain, sky blue for the selection.
const QColor Bars(0x00, 0x72, 0xB2);
const QColor Chain(0xD5, 0x5E, 0x00);
const QColor Selection(0x56, 0xB4, 0xE9);

} // namespace

DensityStrip::DensityStrip(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_zone(QTimeZone::utc())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(90);
    setToolTip(tr("Events over time in the whole case. Drag to select a time range; click to clear it."));
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(Bars);
    m_bars->setWidthType(QCPBars::wtPlotCoords);
    m_plot->yAxis->setLabel(tr("events"));
    m_plot->yAxis->ticker()->setTickCount(2);
    m_plot->xAxis->grid()->setVisible(false);
    m_selectionRect = new QCPItemRect(m_plot);
    m_selectionRect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_selectionRect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_selectionRect->setPen(QPen(Selection.darker(140), 1));
    m_selectionRect->setBrush(QColor(Selection.red(), Selection.green(), Selection.blue(), 70));
    m_selectionRect->setVisible(false);
    m_chainRect = new QCPItemRect(m_plot);
    m_chainRect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_chainRect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_chainRect->setPen(QPen(Chain, 2));
    m_chainRect->setBrush(QColor(Chain.red(), Chain.green(), Chain.blue(), 40));
    m_chainRect->setVisible(false);
    setTimeZone(m_zone);
    connect(m_plot, &QCustomPlot::mousePress, this, &DensityStrip::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &DensityStrip::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &DensityStrip::onRelease);
}

DensityStrip::~DensityStrip() = default;

void DensityStrip::setStore(CaseStore *store)
{
    m_store = store;
    m_selection.reset();
    refresh();
}

void DensityStrip::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setTimeZone(m_zone);
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    ticker->setTickCount(5);
    m_plot->xAxis->setTicker(ticker);
    const QString name = m_zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(m_zone.id());
    m_plot->xAxis->setLabel(tr("events in the case (%1)").arg(name));
    m_plot->replot();
}

int DensityStrip::binCount() const
{
    // About one bar per three pixels: finer is not seen, coarser hides bursts.
    return qBound(20, m_plot->axisRect()->width() / 3, 2000);
}

void DensityStrip::refresh()
{
    m_counts.clear();
    m_bars->data()->clear();
    const auto range = m_store ? m_store->eventTimeRange() : std::nullopt;
    if (range) {
        const int bins = binCount();
        m_lastBins = bins;
        m_fromUs = range->first;
        m_binUs = CaseStore::densityBinWidth(range->first, range->second, bins);
        m_counts = m_store->eventDensity(range->first, range->second, bins);
        QVector<double> keys(m_counts.size()), values(m_counts.size());
        qint64 top = 1;
        for (int i = 0; i < m_counts.size(); ++i) {
            keys[i] = seconds(m_fromUs) + seconds(m_binUs) * (i + 0.5);
            values[i] = double(m_counts.at(i));
            top = qMax(top, m_counts.at(i));
        }
        m_bars->setWidth(seconds(m_binUs));
        m_bars->setData(keys, values, true);
        m_plot->xAxis->setRange(seconds(m_fromUs), seconds(m_fromUs + m_binUs * m_counts.size()));
        m_plot->yAxis->setRange(0, double(top) * 1.1);
    }
    showSelection();
}

void DensityStrip::resizeEvent(QResizeEvent *event)
{
    // The bars stretch with the plot; no recount: the counts change with the case, not
    // with the window, and refresh() after an import recounts them.
    QWidget::resizeEvent(event);
}

void DensityStrip::markChainSpan(qint64 fromUs, qint64 toUs)
{
    m_chainRect->setVisible(fromUs <= toUs);
    if (fromUs <= toUs) {
        // At least a few pixels wide: a chain of minutes in a case of months is a line.
        const double minWidth = (m_plot->xAxis->range().size()) / qMax(1, m_plot->axisRect()->width()) * 3;
        const double mid = (seconds(fromUs) + seconds(toUs)) / 2;
        const double half = qMax(minWidth, seconds(toUs) - seconds(fromUs)) / 2;
        m_chainRect->topLeft->setCoords(mid - half, 0);
        m_chainRect->bottomRight->setCoords(mid + half, 1);
    }
    m_plot->replot();
}

void DensityStrip::selectRange(qint64 fromUs, qint64 toUs)
{
    if (toUs < fromUs)
        std::swap(fromUs, toUs);
    m_selection = std::make_pair(fromUs, toUs);
    showSelection();
    emit rangeSelected(fromUs, toUs);
}

void DensityStrip::clearSelection()
{
    const bool had = m_selection.has_value();
    m_selection.reset();
    showSelection();
    if (had)
        emit selectionCleared();
}

void DensityStrip::showSelection()
{
    m_selectionRect->setVisible(m_selection.has_value());
    if (m_selection) {
        m_selectionRect->topLeft->setCoords(seconds(m_selection->first), 0);
        m_selectionRect->bottomRight->setCoords(seconds(m_selection->second), 1);
    }
    m_plot->replot();
}

qint64 DensityStrip::timeAtPixel(double px) const
{
    return micros(m_plot->xAxis->pixelToCoord(px));
}

double DensityStrip::pixelOfTime(qint64 us) const
{
    return m_plot->xAxis->coordToPixel(seconds(us));
}

void DensityStrip::onPress(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_dragStart = event->position().x();
}

void DensityStrip::onMove(QMouseEvent *event)
{
    if (!m_dragStart || !(event->buttons() & Qt::LeftButton))
        return;
    const double a = qMin(*m_dragStart, event->position().x());
    const double b = qMax(*m_dragStart, event->position().x());
    m_selectionRect->setVisible(true);
    m_selectionRect->topLeft->setCoords(m_plot->xAxis->pixelToCoord(a), 0);
    m_selectionRect->bottomRight->setCoords(m_plot->xAxis->pixelToCoord(b), 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DensityStrip::onRelease(QMouseEvent *event)
{
    if (!m_dragStart || event->button() != Qt::LeftButton)
        return;
    const double start = *m_dragStart;
    m_dragStart.reset();
    // A click (no drag) clears the selection.
    if (std::abs(event->position().x() - start) < 3) {
        clearSelection();
        return;
    }
    selectRange(timeAtPixel(start), timeAtPixel(event->position().x()));
}

} // namespace Chainscope
