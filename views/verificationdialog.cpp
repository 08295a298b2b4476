#include "verificationdialog.h"

#include "event.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Chainscope {

namespace {

// Paths come from the case, which is read, not trusted: control characters and bidi
// overrides are shown as escapes.
QString shown(const QString &text)
{
    return showControlCharacters(text, false);
}

// "3-7, 9": the events of one EVTX chunk are consecutive ids.
QString idRanges(const QList<qint64> &ids)
{
    QStringList parts;
    for (qsizetype i = 0; i < ids.size();) {
        qsizetype j = i;
        while (j + 1 < ids.size() && ids.at(j + 1) == ids.at(j) + 1)
            ++j;
        parts << (j == i ? QString::number(ids.at(i)) : QStringLiteral("%1-%2").arg(ids.at(i)).arg(ids.at(j)));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &what, const QString &state, bool bad)
{
    auto *item = new QTreeWidgetItem(parent, {what, state});
    if (bad) {
        item->setForeground(1, QColor(0xc6, 0x28, 0x28));
        QFont f = item->font(1);
        f.setBold(true);
        item->setFont(1, f);
    }
    return item;
}

} // namespace

VerificationDialog::VerificationDialog(const QString &casePath, const VerificationResult &r, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Verify Case"));
    auto *layout = new QVBoxLayout(this);

    const VerificationOutcome outcome = r.outcome();
    m_headline = new QLabel(this);
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setText(r.summary());
    const QString colour = outcome == VerificationOutcome::Intact ? QStringLiteral("#2e7d32")
        : outcome == VerificationOutcome::Partial                 ? QStringLiteral("#ef6c00")
                                                                  : QStringLiteral("#c62828");
    m_headline->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; color: %1; padding: 4px 0; }").arg(colour));
    layout->addWidget(m_headline);

    auto *caseLabel
        = new QLabel(tr("Case %1, verified %2 UTC")
                         .arg(shown(casePath), r.verifiedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
            this);
    caseLabel->setTextFormat(Qt::PlainText);
    caseLabel->setWordWrap(true);
    layout->addWidget(caseLabel);

    m_details = new QTreeWidget(this);
    m_details->setColumnCount(2);
    m_details->setHeaderLabels({tr("Check"), tr("Result")});
    m_details->setRootIsDecorated(true);
    m_details->setUniformRowHeights(true);

    auto *pages = new QTreeWidgetItem(m_details, {tr("Pages and indexes (SQLite integrity_check)")});
    if (!r.pageCheckError.isEmpty())
        pages->setText(1, tr("could not finish: %1").arg(r.pageCheckError));
    else if (r.pageProblems.isEmpty())
        pages->setText(1, tr("ok"));
    else
        pages->setText(1, tr("%n problem(s)", nullptr, int(r.pageProblems.size())));
    for (const QString &problem : r.pageProblems)
        addItem(pages, problem, tr("problem"), true);
    if (!r.pageCheckError.isEmpty() || !r.pageProblems.isEmpty())
        pages->setForeground(1, QColor(0xc6, 0x28, 0x28));

    auto *raw = new QTreeWidgetItem(m_details, {tr("Raw records against their import hashes")});
    raw->setText(1,
        tr("%1 intact, %2 changed or damaged, %3 not checked (stored before hashing)")
            .arg(r.rawIntact)
            .arg(r.rawDamaged.size())
            .arg(r.rawUnhashed));
    if (!r.rawDamaged.isEmpty() || !r.rawCheckError.isEmpty())
        raw->setForeground(1, QColor(0xc6, 0x28, 0x28));
    if (!r.rawCheckError.isEmpty())
        addItem(raw, tr("check"), tr("could not finish: %1").arg(r.rawCheckError), true);
    for (const DamagedRawRecord &d : r.rawDamaged) {
        addItem(raw, tr("raw record %1 (source %2)").arg(d.id).arg(d.sourceId),
            (d.problem == RawProblem::Mismatch ? tr("SHA-256 differs") : tr("damaged, cannot be decoded"))
                + QStringLiteral("; ")
                + (d.eventIds.isEmpty() ? tr("no events") : tr("events %1").arg(idRanges(d.eventIds))),
            true);
    }

    auto *sources = new QTreeWidgetItem(m_details, {tr("Source files against their recorded SHA-256")});
    sources->setText(1, tr("%1 intact of %2").arg(r.sourcesIn(SourceState::Intact)).arg(r.sources.size()));
    if (r.sourcesIn(SourceState::Mismatch) > 0 || !r.sourceCheckError.isEmpty())
        sources->setForeground(1, QColor(0xc6, 0x28, 0x28));
    if (!r.sourceCheckError.isEmpty())
        addItem(sources, tr("check"), tr("could not finish: %1").arg(r.sourceCheckError), true);
    for (const SourceVerification &s : r.sources) {
        QString state;
        bool bad = false;
        switch (s.state) {
        case SourceState::Intact:
            state = tr("intact");
            break;
        case SourceState::Mismatch:
            state = tr("CHANGED: now %1").arg(s.actualSha256);
            bad = true;
            break;
        case SourceState::Missing:
            state = tr("not at its recorded path (not checked)");
            break;
        case SourceState::Unreadable:
            state = tr("unreadable (not checked): %1").arg(s.error);
            break;
        case SourceState::NoRecordedHash:
            state = tr("no recorded SHA-256 (not checked)");
            break;
        }
        addItem(sources, tr("source %1: %2").arg(s.id).arg(shown(s.path)), state, bad);
    }
    m_details->expandAll();
    m_details->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(m_details, 1);

    for (const QString &text : {verificationCoverage(), verificationGaps()}) {
        auto *label = new QLabel(text, this);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    if (!r.recordError.isEmpty()) {
        auto *label = new QLabel(tr("The result could not be recorded in the case: %1").arg(r.recordError), this);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        layout->addWidget(label);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 560);
}

} // namespace Chainscope
