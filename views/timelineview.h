#pragma once

#include "caseindex.h"
#include "correlator.h"

#include <QWidget>

#include <array>
#include <memory>

class QCustomPlot;

namespace Chainscope {

// The evidence of one chain on a time axis, one lane per stage, with the policy's
// time window shaded. Each point is coloured by what the Correlator said of its
// evidence (Chain::evidence): red when it raised a mismatch, green when a policy entry
// approved it, amber otherwise. The nearest miss of a missing stage (a late egress)
// is drawn hollow on that stage's lane, beyond the shade.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void showChain(const std::shared_ptr<const CaseIndex> &index, const Chain &chain, qint64 windowUs);
    void clear();
    QCustomPlot *plot() const { return m_plot; }
    // What a point says of its event, from the chain's evidence and missing stages.
    enum class PointKind { Approved, Evidence, Mismatch, NearestMiss };
    static constexpr int PointKindCount = 4;
    // Points drawn in the last showChain(), for tests: all of them, or of one kind.
    int pointCount() const { return m_points; }
    int pointCount(PointKind kind) const { return m_kindPoints[int(kind)]; }

private:
    QCustomPlot *m_plot = nullptr;
    int m_points = 0;
    std::array<int, PointKindCount> m_kindPoints {};
};

} // namespace Chainscope
