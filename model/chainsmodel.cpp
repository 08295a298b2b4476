#include "chainsmodel.h"

#include <QSet>

#include <algorithm>

namespace Chainscope {

namespace {
// How many ancestors of the first run to show beyond the chain, so the analyst sees
// who started it (a login shell, systemd, cron).
constexpr int ContextAncestors = 2;
} // namespace

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

ProcessTreeModel::ProcessTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void ProcessTreeModel::clear()
{
    beginResetModel();
    m_index = nullptr;
    m_items.clear();
    m_roots.clear();
    endResetModel();
}

void ProcessTreeModel::setChain(const CaseIndex *index, const Chain &chain)
{
    beginResetModel();
    m_index = index;
    m_items.clear();
    m_roots.clear();

    // What each process did in the chain, and its mark: as the Correlator found them.
    QHash<qint32, const ChainProcess *> processes;
    for (const ChainProcess &p : chain.processes)
        processes.insert(p.node, &p);
    // The reasons of the evidence each process acted in, for its tooltip.
    QHash<qint32, QStringList> reasons;
    for (const Evidence &x : chain.evidence) {
        if (x.node >= 0 && !x.reason.isEmpty() && !reasons[x.node].contains(x.reason))
            reasons[x.node].append(x.reason);
    }

    // Visible: the chain's processes, and their ancestors up to the installer (or a
    // little context above a first run that the installer did not start), which are
    // context and nothing else.
    QSet<qint32> visible;
    for (const ChainProcess &p : chain.processes)
        visible.insert(p.node);
    if (chain.seedNode >= 0)
        visible.insert(chain.seedNode);
    const QList<qint32> base(visible.begin(), visible.end());
    for (qint32 n : base) {
        int extra = 0;
        for (qint32 a : index->ancestors(n)) {
            if (a == chain.seedNode || visible.contains(a))
                break;
            const bool underSeed = chain.seedNode >= 0 && index->ancestors(a).contains(chain.seedNode);
            if (!underSeed && ++extra > ContextAncestors)
                break;
            visible.insert(a);
        }
    }

    QList<qint32> ordered(visible.begin(), visible.end());
    std::sort(ordered.begin(), ordered.end(), [index](qint32 a, qint32 b) {
        return index->process(a).startUs != index->process(b).startUs
            ? index->process(a).startUs < index->process(b).startUs
            : a < b;
    });
    QHash<qint32, int> itemOf;
    for (qint32 n : ordered) {
        Item item;
        item.node = n;
        if (const ChainProcess *p = processes.value(n)) {
            item.roles = p->roles;
            item.role = p->roles.join(QStringLiteral("; "));
            item.mark = p->mark;
            item.firstRun = p->firstRun;
        } else {
            item.mark = ChainMark::Context;
        }
        item.reasons = reasons.value(n);
        itemOf.insert(n, int(m_items.size()));
        m_items.append(item);
    }
    for (int i = 0; i < m_items.size(); ++i) {
        int parent = -1;
        for (qint32 a : index->ancestors(m_items[i].node)) {
            if (itemOf.contains(a)) {
                parent = itemOf.value(a);
                break;
            }
        }
        m_items[i].parent = parent;
        QList<int> &siblings = parent >= 0 ? m_items[parent].children : m_roots;
        m_items[i].row = int(siblings.size());
        siblings.append(i);
    }
    endResetModel();
}

QString ProcessTreeModel::roleOf(qint32 node) const
{
    for (const Item &item : m_items) {
        if (item.node == node)
            return item.role;
    }
    return QString();
}

QModelIndex ProcessTreeModel::indexOfItem(int item, int column) const
{
    return createIndex(m_items.at(item).row, column, quintptr(item));
}

QModelIndex ProcessTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const QList<int> &list = parent.isValid() ? m_items.at(int(parent.internalId())).children : m_roots;
    return indexOfItem(list.at(row), column);
}

QModelIndex ProcessTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_items.at(int(child.internalId())).parent;
    return parent < 0 ? QModelIndex() : indexOfItem(parent, 0);
}

int ProcessTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(m_items.at(int(parent.internalId())).children.size());
}

int ProcessTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ProcessTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_index)
        return {};
    const Item &item = m_items.at(int(index.internalId()));
    const ProcessNode &p = m_index->process(item.node);
    if (role == NodeRole)
        return item.node;
    if (role == FirstRunRole)
        return item.firstRun;
    if (role == ChainMarkRole)
        return int(item.mark);
    if (role == Qt::ToolTipRole) {
        // The Role column explains itself: each role in full, then the reasons of the
        // evidence the process acted in (rich text, so it wraps; logs supply all of it).
        if (index.column() == Role && !(item.roles.isEmpty() && item.reasons.isEmpty())) {
            QStringList roles;
            for (const QString &r : item.roles)
                roles << r.toHtmlEscaped();
            QString html = roles.isEmpty() ? QString()
                                           : QStringLiteral("<p><b>%1</b></p>").arg(roles.join(QStringLiteral("<br>")));
            for (const QString &reason : item.reasons)
                html += QStringLiteral("<p>%1</p>").arg(reason.toHtmlEscaped());
            return html;
        }
        return m_index->processKey(item.node);
    }
    if (role != Qt::DisplayRole)
        return {};
    const StringPool &s = m_index->strings;
    switch (Column(index.column())) {
    case Process: {
        const QString name = s.at(p.image).isEmpty() ? tr("(unknown image)") : fileNameOf(s.at(p.image));
        return tr("%1 [%2]").arg(name).arg(p.pid);
    }
    case Role:
        return item.role;
    case Start:
        return p.startSeen ? formatTimeUs(p.startUs) : tr("seen from %1").arg(formatTimeUs(p.startUs));
    case CommandLine:
        return s.at(p.commandLine);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Process:
        return tr("Process");
    case Role:
        return tr("Role in chain");
    case Start:
        return tr("Started (UTC)");
    case CommandLine:
        return tr("Command line");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Chainscope
