#include "chainsummarypanel.h"

#include "chainmarkproxy.h"
#include "chainsmodel.h"
#include "explanation.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace Chainscope {

namespace {

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    // Log text is hostile: never let a label guess that it is HTML.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *titleLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QString bulleted(const QStringList &lines)
{
    QStringList out;
    for (const QString &line : lines)
        out << QStringLiteral("\u2022 ") + line;
    return out.join(u'\n');
}

} // namespace

ChainSummaryPanel::ChainSummaryPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    m_empty = new QLabel(tr("Select a chain to see why it was flagged, what is missing and what was approved."), this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    static_cast<QLabel *>(m_empty)->setWordWrap(true);
    static_cast<QLabel *>(m_empty)->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false); // greyed: a hint, not content
    outer->addWidget(m_empty);

    m_content = new QWidget(this);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *badge = new QHBoxLayout;
    m_badgeIcon = new QLabel(m_content);
    m_badgeIcon->setObjectName(QStringLiteral("verdictIcon"));
    m_badgeText = titleLabel(QString(), m_content);
    m_badgeText->setObjectName(QStringLiteral("verdictText"));
    badge->addWidget(m_badgeIcon);
    badge->addWidget(m_badgeText, 1);
    layout->addLayout(badge);

    m_summary = plainLabel(m_content);
    m_summary->setObjectName(QStringLiteral("summary"));
    layout->addWidget(m_summary);

    m_missingTitle = titleLabel(tr("Missing"), m_content);
    m_missing = plainLabel(m_content);
    m_missing->setObjectName(QStringLiteral("missing"));
    layout->addWidget(m_missingTitle);
    layout->addWidget(m_missing);

    m_approvalsTitle = titleLabel(tr("Approvals"), m_content);
    m_approvals = plainLabel(m_content);
    m_approvals->setObjectName(QStringLiteral("approvals"));
    layout->addWidget(m_approvalsTitle);
    layout->addWidget(m_approvals);

    auto *triage = new QFormLayout;
    m_mark = new QComboBox(m_content);
    m_mark->setObjectName(QStringLiteral("triageMark"));
    for (TriageMark mark : {TriageMark::None, TriageMark::Confirmed, TriageMark::Benign, TriageMark::FollowUp})
        m_mark->addItem(triageMarkLabel(mark), int(mark));
    triage->addRow(tr("&Triage:"), m_mark);
    m_note = new QPlainTextEdit(m_content);
    m_note->setObjectName(QStringLiteral("triageNote"));
    m_note->setPlaceholderText(tr("Note for the report"));
    m_note->setTabChangesFocus(true);
    // Three lines, then it scrolls: the tree below is what the panel explains.
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 3 + 2 * m_note->frameWidth() + 8);
    m_note->installEventFilter(this);
    triage->addRow(tr("&Note:"), m_note);
    layout->addLayout(triage);
    layout->addStretch(1);
    outer->addWidget(m_content);

    m_noteTimer = new QTimer(this);
    m_noteTimer->setSingleShot(true);
    m_noteTimer->setInterval(NoteDebounceMs);
    connect(m_noteTimer, &QTimer::timeout, this, &ChainSummaryPanel::emitTriage);
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            m_noteTimer->start();
    });
    connect(m_mark, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            emitTriage();
    });
    clear();
}

void ChainSummaryPanel::clear()
{
    m_noteTimer->stop();
    m_seedEventId = -1;
    m_loading = true;
    m_mark->setCurrentIndex(0);
    m_note->clear();
    m_loading = false;
    m_lastMark = TriageMark::None;
    m_lastNote.clear();
    m_content->hide();
    m_empty->show();
}

void ChainSummaryPanel::flush()
{
    if (m_noteTimer->isActive()) {
        m_noteTimer->stop();
        emitTriage();
    }
}

void ChainSummaryPanel::setChain(const Chain &chain, const ChainTriage &triage)
{
    // A note still waiting for its debounce belongs to the chain shown before.
    flush();
    m_seedEventId = chain.seedEventId;

    const ChainMark mark = ChainsModel::markOf(chain.verdict);
    m_badgeIcon->setPixmap(ChainMarkProxy::iconFor(mark).pixmap(24, 24));
    // One arg() for all: a host name with "%4" in it stays as it is.
    m_badgeText->setText(tr("%1 \u2014 chain %2 on %3, installed %4")
                             .arg(verdictLabel(chain.verdict), QString::number(chain.id), chain.host,
                                 formatTimeUs(chain.startUs, m_zone)));
    m_summary->setText(chain.summary);

    QStringList missing;
    for (const MissingStage &m : chain.missingStages) {
        QString line = tr("%1: %2").arg(stageLabel(m.stage), m.reason);
        if (m.nearestEventId >= 0 && m.gapUs >= 0)
            line += u' '
                + tr("(nearest miss: event %1, %2 after the install)")
                      .arg(m.nearestEventId)
                      .arg(durationLabel(m.gapUs));
        else if (m.nearestEventId >= 0)
            line += u' ' + tr("(nearest miss: event %1)").arg(m.nearestEventId);
        missing << line;
    }
    m_missing->setText(bulleted(missing));
    m_missingTitle->setVisible(!missing.isEmpty());
    m_missing->setVisible(!missing.isEmpty());

    QStringList approvals;
    for (const Evidence &x : chain.evidence) {
        if (x.approvedBy.isEmpty())
            continue;
        const QString line = tr("%1 %2: %3").arg(roleLabel(x.role), x.target, approvalLabel(x.approvedBy));
        if (!approvals.contains(line))
            approvals << line;
    }
    m_approvals->setText(bulleted(approvals));
    m_approvalsTitle->setVisible(!approvals.isEmpty());
    m_approvals->setVisible(!approvals.isEmpty());

    m_loading = true;
    m_mark->setCurrentIndex(qMax(0, m_mark->findData(int(triage.mark))));
    m_note->setPlainText(triage.note);
    m_loading = false;
    m_lastMark = triage.mark;
    m_lastNote = triage.note;
    m_empty->hide();
    m_content->show();
}

TriageMark ChainSummaryPanel::mark() const
{
    return TriageMark(m_mark->currentData().toInt());
}

QString ChainSummaryPanel::note() const
{
    return m_note->toPlainText();
}

void ChainSummaryPanel::emitTriage()
{
    m_noteTimer->stop();
    if (m_seedEventId < 0)
        return;
    const TriageMark current = mark();
    const QString text = note();
    if (current == m_lastMark && text == m_lastNote)
        return;
    m_lastMark = current;
    m_lastNote = text;
    emit triageChanged(m_seedEventId, current, text);
}

bool ChainSummaryPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_note && event->type() == QEvent::FocusOut)
        emitTriage();
    return QWidget::eventFilter(watched, event);
}

} // namespace Chainscope
