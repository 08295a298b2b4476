#pragma once

#include <QList>
#include <QTimeZone>
#include <QWidget>

#include <optional>
#include <utility>

class QCustomPlot;
class QCPBars;
class QCPItemRect;
class QMouseEvent;

namespace Chainscope {

class CaseStore;

// How many events the case holds over time, as bars: the whole case at a glance, above
// the timeline. Counted by SQLite (CaseStore::eventDensity), a few hundred numbers per
// refresh whatever the case's size; no event row is ever loaded to draw it. Dragging
// selects a time range (rangeSelected); a click or clearSelection() clears it. The
// selected chain's span is marked.
class DensityStrip : public QWidget
{
    Q_OBJECT
public:
    explicit DensityStrip(QWidget *parent = nullptr);
    ~DensityStrip() override;

    // The store the strip counts in; not owned, nullptr shows nothing. Call refresh()
    // after an import changed the case.
    void setStore(CaseStore *store);
    void setTimeZone(const QTimeZone &zone);
    QCustomPlot *plot() const { return m_plot; }

    // For tests and the benchmark: the buckets of the last refresh.
    const QList<qint64> &counts() const { return m_counts; }
    qint64 binFromUs() const { return m_fromUs; }
    qint64 binWidthUs() const { return m_binUs; }
    std::optional<std::pair<qint64, qint64>> selection() const { return m_selection; }
    // The time at a pixel of the plot, and back.
    qint64 timeAtPixel(double px) const;
    double pixelOfTime(qint64 us) const;

signals:
    void rangeSelected(qint64 fromUs, qint64 toUs);
    void selectionCleared();

public slots:
    // Counts again (one GROUP BY over the time index, bars about three pixels wide at
    // the current width) and redraws. For when the case changed: it reads every entry of
    // the index, while a redraw (zoom, resize, selection) reads none.
    void refresh();
    // Marks a chain's span (its install to its last event); from > to clears the mark.
    void markChainSpan(qint64 fromUs, qint64 toUs);
    void selectRange(qint64 fromUs, qint64 toUs);
    void clearSelection();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onPress(QMouseEvent *event);
    void onMove(QMouseEvent *event);
    void onRelease(QMouseEvent *event);
    void showSelection();
    int binCount() const;

    QCustomPlot *m_plot = nullptr;
    QCPBars *m_bars = nullptr;
    QCPItemRect *m_selectionRect = nullptr;
    QCPItemRect *m_chainRect = nullptr;
    CaseStore *m_store = nullptr;
    QTimeZone m_zone;
    QList<qint64> m_counts;
    qint64 m_fromUs = 0;
    qint64 m_binUs = 0;
    std::optional<std::pair<qint64, qint64>> m_selection;
    std::optional<double> m_dragStart;
    int m_lastBins = 0;
};

} // namespace Chainscope
