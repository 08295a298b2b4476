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

QString ChainsModel::verdict(const Chain &c)
{
    if (c.approved)
        return tr("approved");
    return c.isFull() ? tr("full chain") : tr("partial (%1 of 4)").arg(c.stages.size());
}

QVariant ChainsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Chain &c = m_chains.at(index.row());
    if (role == ChainIndexRole)
        return index.row();
    if (role == ChainMarkRole)
        return int(c.approved ? ChainMark::Context : c.mismatches.isEmpty() ? ChainMark::InChain : ChainMark::Mismatch);
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        lines << verdict(c);
        for (const QString &m : c.missing)
            lines << tr("missing: %1").arg(m);
        return lines.join(u'\n');
    }
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
        return c.mismatches.join(QStringLiteral(", "));
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

    // What each process did in the chain.
    QHash<qint32, QStringList> roles;
    QHash<qint32, ChainMark> marks;
    const auto mark = [&](qint32 node, ChainMark m) {
        if (node >= 0 && int(m) > int(marks.value(node, ChainMark::None)))
            marks.insert(node, m);
    };
    const auto addRole = [&](qint32 node, const QString &text) {
        if (node >= 0 && !roles[node].contains(text))
            roles[node].append(text);
    };
    if (chain.seedNode >= 0) {
        addRole(chain.seedNode, tr("installer"));
        mark(chain.seedNode, ChainMark::InChain);
    }
    const QList<IndexedEvent> &events = index->events();
    const StringPool &s = index->strings;
    for (const ChainStage &stage : chain.stages) {
        for (qint32 ev : stage.eventIndices) {
            const IndexedEvent &e = events.at(ev);
            switch (stage.stage) {
            case Stage::Install:
                if (e.kind == EventKind::NetConnect || e.kind == EventKind::DnsQuery) {
                    addRole(e.node,
                        tr("package source %1 (not approved)")
                            .arg(s.at(e.dstHost).isEmpty() ? s.at(e.dstIp) : s.at(e.dstHost)));
                    mark(e.node, ChainMark::Mismatch);
                }
                break;
            case Stage::Write:
                addRole(e.node, tr("wrote %1").arg(s.at(e.target)));
                mark(e.node, ChainMark::InChain);
                break;
            case Stage::FirstRun:
                if (e.kind == EventKind::ModuleLoad || e.kind == EventKind::SignatureFault) {
                    // A library load is evidence in its own right, also in the first-run
                    // process itself (the 3CX app loading its unsigned DLL). Suspicious
                    // only with a bad signature or a fault; a written library's clean
                    // first load is part of the chain.
                    const QString status = s.at(e.signatureStatus);
                    const bool bad = e.kind == EventKind::SignatureFault || isBadSignatureStatus(status);
                    addRole(e.node,
                        status.isEmpty() ? tr("loaded %1").arg(s.at(e.target))
                                         : tr("loaded %1 (%2)").arg(s.at(e.target), status));
                    mark(e.node, bad ? ChainMark::Mismatch : ChainMark::InChain);
                    if (chain.firstRunNodes.contains(e.node))
                        addRole(e.node, tr("first run"));
                } else if (chain.firstRunNodes.contains(e.node)) {
                    addRole(e.node, tr("first run"));
                    mark(e.node, ChainMark::InChain);
                } else if (e.kind == EventKind::ProcessStart) {
                    addRole(e.node, tr("shell / script host"));
                    mark(e.node, ChainMark::Mismatch);
                }
                break;
            case Stage::Egress: {
                const QString dst = s.at(e.dstHost).isEmpty() ? s.at(e.dstIp) : s.at(e.dstHost);
                addRole(e.node, tr("egress to %1:%2").arg(dst).arg(e.dstPort));
                mark(e.node, ChainMark::Mismatch);
                break;
            }
            }
        }
    }
    for (qint32 n : chain.firstRunNodes)
        mark(n, ChainMark::InChain);

    // Visible: the chain's processes, and their ancestors up to the installer (or a
    // little context above a first run that the installer did not start).
    QSet<qint32> visible(chain.processNodes.begin(), chain.processNodes.end());
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
            if (!marks.contains(a))
                marks.insert(a, ChainMark::Context);
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
        item.role = roles.value(n).join(QStringLiteral("; "));
        item.mark = marks.value(n, ChainMark::Context);
        item.firstRun = chain.firstRunNodes.contains(n);
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
    if (role == Qt::ToolTipRole)
        return m_index->processKey(item.node);
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
