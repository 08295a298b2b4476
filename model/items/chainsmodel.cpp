#include "chainsmodel.h"

#include "explanation.h"

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

void ChainsModel::setTriage(const QHash<qint64, ChainTriage> &triage)
{
    m_triage = triage;
    if (!m_chains.isEmpty()) {
        // The mark shows in its column; the row's tooltip carries the note too.
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole, TriageMarkRole});
    }
}

ChainTriage ChainsModel::triageOf(const Chain &chain) const
{
    // A chain without a seed event (not from a case) has no triage.
    if (chain.seedEventId < 0)
        return {};
    ChainTriage t = m_triage.value(chain.seedEventId);
    t.seedEventId = chain.seedEventId;
    return t;
}

void ChainsModel::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    emit headerDataChanged(Qt::Horizontal, Start, Start);
    if (!m_chains.isEmpty())
        emit dataChanged(index(0, Start), index(rowCount() - 1, Start), {Qt::DisplayRole});
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
        return ChainMark::Approved;
    }
    return ChainMark::None;
}

QString ChainsModel::toolTip(const Chain &c)
{
    // Rich text, so that the tooltip wraps; everything in it came from logs.
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(verdictLabel(c.verdict).toHtmlEscaped());
    if (!c.summary.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(c.summary.toHtmlEscaped());
    for (const MissingStage &m : c.missingStages)
        html
            += QStringLiteral("<p>%1</p>").arg(tr("Missing %1: %2").arg(stageLabel(m.stage), m.reason).toHtmlEscaped());
    return html;
}

QString ChainsModel::flagsText(const Chain &c)
{
    QStringList flags;
    for (const QString &f : c.flags)
        flags << mismatchLabel(f);
    QStringList notes;
    for (const QString &n : c.notes)
        notes << mismatchLabel(n);
    if (notes.isEmpty())
        return flags.join(QStringLiteral(", "));
    if (flags.isEmpty())
        return tr("note: %1").arg(notes.join(QStringLiteral(", ")));
    return tr("%1 (note: %2)").arg(flags.join(QStringLiteral(", ")), notes.join(QStringLiteral(", ")));
}

QString ChainsModel::flagsToolTip(const Chain &c)
{
    QString html;
    for (const QStringList *list : {&c.flags, &c.notes}) {
        for (const QString &f : *list)
            html += QStringLiteral("<p><b>%1</b>: %2</p>")
                        .arg(mismatchLabel(f).toHtmlEscaped(), mismatchDescription(f).toHtmlEscaped());
    }
    return html;
}

QVariant ChainsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Chain &c = m_chains.at(index.row());
    switch (role) {
    case ChainIndexRole:
        return index.row();
    case SeedEventRole:
        return c.seedEventId;
    case TriageMarkRole:
        return int(triageOf(c).mark);
    case ChainMarkRole:
        return int(markOf(c.verdict));
    case MarkDecorationRole:
        return index.column() == Verdict;
    case Qt::ToolTipRole:
        if (index.column() == Flags && !(c.flags.isEmpty() && c.notes.isEmpty()))
            return flagsToolTip(c);
        if (index.column() == Triage) {
            const ChainTriage t = triageOf(c);
            if (t.mark == TriageMark::None && t.note.isEmpty())
                return tr("Not triaged yet");
            return QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                .arg(triageMarkLabel(t.mark).toHtmlEscaped(),
                    t.note.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
        }
        return toolTip(c);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Id:
        return c.id;
    case Host:
        return c.host;
    case Score:
        return c.score;
    case Verdict:
        return verdict(c);
    case Triage: {
        const TriageMark mark = triageOf(c).mark;
        return mark == TriageMark::None ? QString() : triageMarkLabel(mark);
    }
    case Start:
        return formatTimeUs(c.startUs, m_zone);
    case FirstRun:
        return c.firstRun;
    case Egress:
        return c.egress;
    case Flags:
        return flagsText(c);
    case Installer:
        return c.installer;
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
    case Triage:
        return tr("Triage");
    case Start:
        return tr("Installed (%1)")
            .arg(m_zone.isValid() && m_zone != QTimeZone::utc() ? QString::fromUtf8(m_zone.id())
                                                                : QStringLiteral("UTC"));
    case FirstRun:
        return tr("First-run binary");
    case Egress:
        return tr("Egress destination");
    case Flags:
        return tr("Flags");
    case Installer:
        return tr("Installer");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Chainscope
