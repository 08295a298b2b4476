#include "policydialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Chainscope {

PolicyDialog::PolicyDialog(const Policy &policy, QWidget *parent)
    : QDialog(parent)
    , m_policy(policy)
{
    setWindowTitle(tr("Case Policy"));
    auto *form = new QFormLayout;
    m_timeWindow = new QLineEdit(Policy::formatDuration(policy.timeWindowUs), this);
    m_timeWindow->setToolTip(tr("Correlation window from the install, e.g. 90m, 4h, 2d"));
    form->addRow(tr("TimeWindow"), m_timeWindow);
    const QJsonObject json = policy.toJson();
    for (const QString &field : Policy::fieldNames()) {
        if (field == u"TimeWindow")
            continue;
        auto *edit = new QPlainTextEdit(this);
        QStringList lines;
        for (const QJsonValue &v : json.value(field).toArray())
            lines << v.toString();
        edit->setPlainText(lines.join(u'\n'));
        edit->setPlaceholderText(tr("one entry per line"));
        edit->setFixedHeight(fontMetrics().lineSpacing() * 4 + 10);
        form->addRow(field, edit);
        m_lists.insert(field, edit);
    }
    auto *inner = new QWidget(this);
    inner->setLayout(form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);

    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Changes are stored as a new policy version and the chains are recomputed."), this));
    layout->addWidget(scroll);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(640, 720);
}

bool PolicyDialog::apply()
{
    Policy edited = m_policy;
    QString error;
    if (!edited.set(QStringLiteral("TimeWindow"), m_timeWindow->text(), false, &error)) {
        m_error->setText(error);
        return false;
    }
    for (auto it = m_lists.constBegin(); it != m_lists.constEnd(); ++it) {
        // One entry per line; entries are set one by one so commas inside an entry
        // (signer names) survive.
        edited.set(it.key(), QString(), false, &error);
        for (const QString &line : it.value()->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
            if (line.trimmed().isEmpty())
                continue;
            if (!edited.set(it.key(), line, true, &error)) {
                m_error->setText(error);
                return false;
            }
        }
    }
    m_error->clear();
    m_policy = edited;
    return true;
}

void PolicyDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace Chainscope
