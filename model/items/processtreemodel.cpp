#include "processtreemodel.h"

#include "explanation.h"

#include <QSet>

#include <algorithm>

namespace Chainscope {

namespace {
// How many ancestors of the first run to show beyond the chain, so the analyst sees
// who started it (a login shell, systemd, cron).
constexpr int ContextAncestors = 2;

// Mismatches first, then notes (a new hash), then the rest: what the analyst must see
// is what the row shows.
int weight(const Evidence &x)
{
    if (!x.flag.isEmpty())
        return 0;
    if (!x.note.isEmpty())
        return 1;
    return 2;
}

// The evidence item the Signer, Signature and Hash columns describe: the first (in
// weight order, so a flagged one first) that carries any of them. All three come from
// this one item: taken column by column, a signed EXE's signer would sit beside an
// unsigned DLL's status and hash as if they were one file's.
const Evidence *codeEvidence(const QList<Evidence> &evidence)
{
    for (const Evidence &x : evidence) {
        if (!x.signer.isEmpty() || !x.signatureStatus.isEmpty() || !x.hashes.isEmpty())
            return &x;
    }
    return nullptr;
}

// The file that item describes when it is not the process's own image (a loaded
// module), else empty: the Signer column names it, so the row says whose facts these are.
QString otherFile(const Evidence &x, const QString &image)
{
    if (x.target.isEmpty() || x.target.compare(image, Qt::CaseInsensitive) == 0)
        return QString();
    return x.target;
}

QString paragraphs(const QStringList &lines)
{
    QString html;
    for (const QString &line : lines)
        html += QStringLiteral("<p>%1</p>").arg(line.toHtmlEscaped());
    return html;
}
} // namespace

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

void ProcessTreeModel::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    emit headerDataChanged(Qt::Horizontal, Start, Start);
    // Only the Start column changes; a tree reports it per parent.
    QList<int> parents {-1};
    while (!parents.isEmpty()) {
        const int p = parents.takeLast();
        const QList<int> &children = p < 0 ? m_roots : m_items.at(p).children;
        if (children.isEmpty())
            continue;
        emit dataChanged(indexOfItem(children.first(), Start), indexOfItem(children.last(), Start),
            {Qt::DisplayRole, Qt::ToolTipRole});
        parents.append(children);
    }
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
    QHash<qint32, QList<Evidence>> evidence;
    for (const Evidence &x : chain.evidence) {
        if (x.node >= 0)
            evidence[x.node].append(x);
    }
    for (QList<Evidence> &list : evidence) {
        std::stable_sort(
            list.begin(), list.end(), [](const Evidence &a, const Evidence &b) { return weight(a) < weight(b); });
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
            item.evidence = evidence.value(n);
        } else {
            item.mark = ChainMark::Context;
        }
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

QString ProcessTreeModel::displayText(const Item &item, int column) const
{
    const ProcessNode &p = m_index->process(item.node);
    const StringPool &s = m_index->strings;
    const QList<Evidence> &ev = item.evidence;
    switch (Column(column)) {
    case Process: {
        const QString name = s.at(p.image).isEmpty() ? tr("(unknown image)") : fileNameOf(s.at(p.image));
        return tr("%1 [%2]").arg(name).arg(p.pid);
    }
    case StageColumn: {
        // Every stage the process acted in, in stage order.
        QStringList stages;
        for (Chainscope::Stage st : {Stage::Install, Stage::Write, Stage::FirstRun, Stage::Egress}) {
            if (std::any_of(ev.begin(), ev.end(), [st](const Evidence &x) { return x.stage == st; }))
                stages << stageLabel(st);
        }
        return stages.join(QStringLiteral(", "));
    }
    case Role:
        return item.role;
    case Signer: {
        const Evidence *x = codeEvidence(ev);
        if (!x)
            return QString();
        const QString other = otherFile(*x, s.at(p.image));
        if (other.isEmpty())
            return x->signer;
        return tr("%1: %2").arg(fileNameOf(other), x->signer.isEmpty() ? tr("no signer") : x->signer);
    }
    case Signature: {
        const Evidence *x = codeEvidence(ev);
        return x ? x->signatureStatus : QString();
    }
    case Hash: {
        const Evidence *x = codeEvidence(ev);
        return x ? x->hashes : QString();
    }
    case Reason: {
        if (ev.isEmpty())
            return QString();
        const QString first = evidenceReason(ev.first());
        return ev.size() == 1 ? first : tr("%1 (and %n more)", nullptr, int(ev.size() - 1)).arg(first);
    }
    case Start:
        return p.startSeen ? formatTimeUs(p.startUs, m_zone) : tr("seen from %1").arg(formatTimeUs(p.startUs, m_zone));
    case CommandLine:
        return s.at(p.commandLine);
    case ColumnCount:
        break;
    }
    return QString();
}

QString ProcessTreeModel::toolTip(const Item &item, int column) const
{
    // Rich text, so that long reasons wrap; logs supply nearly all of it, so every
    // piece is escaped.
    const QList<Evidence> &ev = item.evidence;
    switch (Column(column)) {
    case Process: {
        const ProcessNode &p = m_index->process(item.node);
        const StringPool &s = m_index->strings;
        QStringList lines {s.at(p.image).isEmpty() ? tr("(unknown image)") : s.at(p.image),
            tr("process %1 on %2").arg(p.pid).arg(s.at(p.host))};
        if (item.mark == ChainMark::Context)
            lines << tr("Shown for context: not part of the chain.");
        return paragraphs(lines);
    }
    case Role:
    case Reason: {
        if (item.roles.isEmpty() && ev.isEmpty())
            return QString();
        QString html;
        if (!item.roles.isEmpty()) {
            QStringList roles;
            for (const QString &r : item.roles)
                roles << r.toHtmlEscaped();
            html = QStringLiteral("<p><b>%1</b></p>").arg(roles.join(QStringLiteral("<br>")));
        }
        QStringList reasons;
        for (const Evidence &x : ev) {
            const QString line = evidenceReason(x);
            if (!reasons.contains(line))
                reasons << line;
        }
        return html + paragraphs(reasons);
    }
    case Signature: {
        // What the flag means, once per flag.
        QStringList lines;
        for (const Evidence &x : ev) {
            for (const QString &f : {x.flag, x.note}) {
                if (!f.isEmpty() && !lines.contains(mismatchDescription(f)))
                    lines << mismatchDescription(f);
            }
        }
        const QString text = displayText(item, column);
        if (!text.isEmpty())
            lines.prepend(text);
        return paragraphs(lines);
    }
    case Signer:
    case Hash: {
        // Whose signer and hash: the whole path of the file they belong to.
        const Evidence *x = codeEvidence(ev);
        if (!x)
            return QString();
        const QString file = x->target.isEmpty() ? m_index->strings.at(m_index->process(item.node).image) : x->target;
        return paragraphs({file, displayText(item, column)});
    }
    case StageColumn:
    case Start:
    case CommandLine:
        return displayText(item, column).toHtmlEscaped();
    case ColumnCount:
        break;
    }
    return QString();
}

QVariant ProcessTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_index)
        return {};
    const Item &item = m_items.at(int(index.internalId()));
    switch (role) {
    case NodeRole:
        return item.node;
    case FirstRunRole:
        return item.firstRun;
    case FlagRole:
        return item.evidence.isEmpty()              ? QString()
            : !item.evidence.first().flag.isEmpty() ? item.evidence.first().flag
                                                    : item.evidence.first().note;
    case EvidenceEventRole:
        return item.evidence.isEmpty() ? qint64(-1) : item.evidence.first().eventId;
    case ChainMarkRole:
        return int(item.mark);
    case MarkDecorationRole:
        return index.column() == Process;
    case Qt::ToolTipRole: {
        const QString tip = toolTip(item, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::DisplayRole:
        return displayText(item, index.column());
    default:
        return {};
    }
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const bool tip = role == Qt::ToolTipRole;
    switch (Column(section)) {
    case Process:
        return tip ? tr("The process image and its process id") : tr("Process");
    case StageColumn:
        return tip ? tr("The stages of the chain the process acted in") : tr("Stage");
    case Role:
        return tip ? tr("What the process did in the chain") : tr("Role in chain");
    case Signer:
        return tip ? tr("Who signed the code the process ran or loaded, as logged") : tr("Signer");
    case Signature:
        return tip ? tr("The signature status as logged (Valid, Unavailable, …)") : tr("Signature");
    case Hash:
        return tip ? tr("The code's hash; old \u2192 new when it changed since before the install") : tr("Hash");
    case Reason:
        return tip ? tr("Why the process is in the chain: the policy entry that approved it, or the mismatch")
                   : tr("Reason");
    case Start:
        return tip ? tr("When the process started, in the display time zone")
                   : tr("Started (%1)")
                         .arg(m_zone.isValid() && m_zone != QTimeZone::utc() ? QString::fromUtf8(m_zone.id())
                                                                             : QStringLiteral("UTC"));
    case CommandLine:
        return tip ? tr("The command line as logged") : tr("Command line");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Chainscope
