#pragma once

#include "caseindex.h"
#include "correlator.h"

#include <QList>
#include <QPoint>
#include <QPointer>
#include <QString>
#include <QTimeZone>
#include <QWidget>

#include <array>
#include <memory>

class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QMouseEvent;

namespace Chainscope {

// Real time (µs) against plot x (seconds) for a chain that may span days: stretches
// with nothing in them are compressed to a fixed width, so that stages minutes apart
// do not share a pixel column with an egress twelve days later. Monotone and
// continuous everywhere, so zooming and dragging work across a break; with no break it
// is the identity (x = seconds since the epoch).
class TimeAxisMap
{
public:
    struct Break
    {
        qint64 fromUs = 0; // last time before the skipped stretch (segment end, padded)
        qint64 toUs = 0; // first time after it
        double fromX = 0; // where it is drawn
        double toX = 0;
    };
    // Builds the map for these instants (any order).
    void build(QList<qint64> timesUs);
    double toX(qint64 us) const;
    qint64 toUs(double x) const;
    const QList<Break> &breaks() const { return m_breaks; }
    // Whether x lies inside a compressed stretch (the ticker puts no tick there).
    bool inBreak(double x) const;

private:
    struct Segment
    {
        qint64 fromUs = 0;
        qint64 toUs = 0;
        double x = 0; // plot x of fromUs
    };
    QList<Segment> m_segments;
    QList<Break> m_breaks;
};

// The evidence of one chain on a time axis, one lane per process of the chain. Every
// marker renders what the Correlator said of its evidence (Chain::evidence): its shape
// says the stage (install, write, first run, egress, module, child), its colour the
// approval (Okabe–Ito: bluish green approved by a policy entry, vermillion flagged,
// blue neither) and a flagged point carries a cross, so that no distinction rests on
// colour alone. The policy's window is shaded and labelled; each missing stage's
// nearest miss is drawn hollow with its gap ("egress +3 h 02 min; window 90 min").
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void showChain(const std::shared_ptr<const CaseIndex> &index, const Chain &chain, qint64 windowUs);
    void clear();
    QCustomPlot *plot() const { return m_plot; }
    // Axis labels and tooltips in this zone (UTC by default); the zone's name is on the axis.
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    // What a point says of its event, from the chain's evidence and missing stages.
    enum class PointKind { Approved, Evidence, Mismatch, NearestMiss };
    static constexpr int PointKindCount = 4;
    // Points drawn in the last showChain(), for tests: all of them, or of one kind.
    int pointCount() const { return int(m_points.size()); }
    int pointCount(PointKind kind) const;
    // Points at most this many per chain; beyond it the chain is sampled (flagged points,
    // nearest misses and the first of each stage are always kept).
    static constexpr int MaxPoints = 1000;
    // Labels for at most this many points (flagged ones and nearest misses always), and
    // at most this many lanes: the processes beyond share the last lane.
    static constexpr int MaxLabels = 150;
    static constexpr int MaxLanes = 30;

    // For tests and the report: where an event's point is drawn (widget pixels of the
    // plot), or (-1, -1) when it is not drawn; the tooltip text at a pixel (of every point
    // under it, nearest first); the
    // texts of the annotations (window, gaps, breaks); the time at a plot x.
    QPoint pointPixel(qint64 eventId) const;
    QString toolTipAt(const QPoint &plotPixel) const;
    QStringList annotations() const;
    qint64 timeAtX(double x) const { return m_map.toUs(x); }
    double xOfTime(qint64 us) const { return m_map.toX(us); }
    qint64 selectedEvent() const { return m_selected; }
    int laneCount() const { return int(m_lanes.size()); }

signals:
    // The analyst clicked a point: select this event everywhere (tree, events, raw).
    void eventClicked(qint64 eventId);

public slots:
    // Highlights the event's point; an event the chain does not show clears the highlight.
    void selectEvent(qint64 eventId);
    // The x range around the chain's events; resetZoom(): the view showChain() opened
    // with (events, window band and nearest misses), lanes all visible.
    void fitToChain();
    void resetZoom();

private:
    struct Point
    {
        qint64 eventId = -1;
        qint64 timeUs = 0;
        double x = 0;
        double lane = 0;
        PointKind kind = PointKind::Evidence;
        QString role; // of its first evidence item; empty for a nearest miss
        Stage stage = Stage::Install;
        QString label;
        QString toolTip;
    };
    struct Label
    {
        QCPItemText *item = nullptr;
        double x = 0;
        double lane = 0;
        QString text; // as shown alone; points sharing a pixel share one label
    };

    void rebuildTicker();
    void layoutOverlays();
    QList<int> pointsAt(const QPoint &plotPixel) const; // nearest first
    void onMouseMove(QMouseEvent *event);
    void onMousePress(QMouseEvent *event);

    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_selection = nullptr;
    QTimeZone m_zone;
    TimeAxisMap m_map;
    QList<Point> m_points;
    QList<Label> m_labels;
    QStringList m_lanes;
    QStringList m_annotations;
    QCPItemText *m_windowLabel = nullptr;
    double m_windowFromX = 0;
    double m_windowToX = 0;
    double m_fitFrom = 0, m_fitTo = 0, m_resetFrom = 0, m_resetTo = 0;
    qint64 m_selected = -1;
    bool m_inLayout = false;
};

} // namespace Chainscope
