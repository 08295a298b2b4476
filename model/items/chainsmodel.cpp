#include "chainsmodel.h"

namespace Chainscope {

ChainsModel::ChainsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ChainsModel::setChains(const QList<Chain> &chains)
{
    beginResetModel();
    m_chains = chains;
    endResetModel();
}

int ChainsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chains.size());
}

int ChainsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ChainsModel::verdictText(Chainscope::Verdict verdict)
{
    // The names of verdictName(), translated; the verdict itself is the Correlator's.
    switch (verdict) {
    case Chainscope::Verdict::Suspicious:
        return tr("suspicious");
    case Chainscope::Verdict::Incomplete:
        return tr("incomplete");
    case Chainscope::Verdict::Approved:
        return tr("approved");
    }
    return verdictName(verdict);
}

QString ChainsModel::verdict(const Chain &c)
{
    return verdictText(c.verdict);
}

ChainMark ChainsModel::markOf(Chainscope::Verdict verdict)
{
    switch (verdict) {
    case Chainscope::Verdict::Suspicious:
        return ChainMark::Mismatch;
    case Chainscope::Verdict::Incomplete:
        return ChainMark::InChain;
    case Chainscope::Verdict::Approved:
        return ChainMark::Context;
    }
    return ChainMark::None;
}

QString ChainsModel::toolTip(const Chain &c)
{
    // Rich text, so that the tooltip wraps; everything in it came from logs.
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(verdict(c).toHtmlEscaped());
    if (!c.summary.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(c.summary.toHtmlEscaped());
    for (const MissingStage &m : c.missingStages)
        html += QStringLiteral("<p>%1</p>").arg(tr("Missing %1: %2").arg(stageName(m.stage), m.reason).toHtmlEscaped());
    return html;
}

QVariant ChainsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Chain &c = m_chains.at(index.row());
    if (role == ChainIndexRole)
        return index.row();
    if (role == ChainMarkRole)
        return int(markOf(c.verdict));
    if (role == Qt::ToolTipRole)
        return toolTip(c);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Id:
        return c.id;
    case Host:
        return c.host;
    case Score:
        return c.score;
    case Verdict:
        return verdict(c);
    case Installer:
        return c.installer;
    case FirstRun:
        return c.firstRun;
    case Egress:
        return c.egress;
    case Flags:
        return c.notes.isEmpty()
            ? c.flags.join(QStringLiteral(", "))
            : tr("%1 (note: %2)").arg(c.flags.join(QStringLiteral(", ")), c.notes.join(QStringLiteral(", "))).trimmed();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ChainsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("#");
    case Host:
        return tr("Host");
    case Score:
        return tr("Score");
    case Verdict:
        return tr("Verdict");
    case Installer:
        return tr("Installer");
    case FirstRun:
        return tr("First-run binary");
    case Egress:
        return tr("Egress destination");
    case Flags:
        return tr("Flags");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Chainscope
