#pragma once

#include "caseindex.h"
#include "correlator.h"

#include <QWidget>

#include <memory>

class QCustomPlot;

namespace Chainscope {

// The evidence of one chain on a time axis, one lane per stage, with the policy's
// time window shaded. Unapproved egress and bad signatures stand out in red; events
// outside the window (a near miss's late egress) are drawn hollow beyond the shade.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void showChain(std::shared_ptr<const CaseIndex> index, const Chain &chain, qint64 windowUs);
    void clear();
    QCustomPlot *plot() const { return m_plot; }
    // Points drawn in the last showChain(), for tests: (stage lane, time in s).
    int pointCount() const { return m_points; }

private:
    QCustomPlot *m_plot = nullptr;
    int m_points = 0;
};

} // namespace Chainscope
