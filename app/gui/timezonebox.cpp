#include "timezonebox.h"

#include <QCompleter>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace Chainscope {

TimeZoneBox::TimeZoneBox(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(20);
    // UTC first: the default, and what most logs keep.
    addItem(QStringLiteral("UTC"));
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        if (id != "UTC")
            addItem(QString::fromUtf8(id));
    }
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    setCurrentText(QStringLiteral("UTC"));
}

QTimeZone TimeZoneBox::zone() const
{
    const QString text = currentText().trimmed();
    if (text.isEmpty())
        return {};
    // Only names Qt lists (case aside): what the analyst has half typed ("Europe/Ber")
    // is no zone yet, and the case stores the name as Qt spells it.
    const int row = findText(text, Qt::MatchFixedString);
    return row < 0 ? QTimeZone() : QTimeZone(itemText(row).toUtf8());
}

void TimeZoneBox::setZone(const QTimeZone &zone)
{
    setCurrentText(zone.isValid() ? QString::fromUtf8(zone.id()) : QStringLiteral("UTC"));
}

QString TimeZoneBox::describe(const QTimeZone &zone, const QString &text)
{
    if (!zone.isValid())
        return tr("\"%1\" is not a time zone Qt knows (examples: UTC, Europe/Berlin, Asia/Tokyo).").arg(text.trimmed());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int offset = zone.offsetFromUtc(now);
    const QString sign = offset < 0 ? QStringLiteral("−") : QStringLiteral("+");
    const int minutes = qAbs(offset) / 60;
    return tr("%1: now UTC%2%3:%4")
        .arg(QString::fromUtf8(zone.id()), sign)
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

TimeZoneDialog::TimeZoneDialog(const QTimeZone &current, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Display Time Zone"));
    m_box = new TimeZoneBox(this);
    m_box->setObjectName(QStringLiteral("displayTimeZone"));
    m_box->setZone(current);
    m_box->setToolTip(tr("Times are shown in this zone; the case stores them in UTC."));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("displayTimeZoneInfo"));
    m_info->setTextFormat(Qt::PlainText);
    m_info->setWordWrap(true);
    auto *note = new QLabel(tr("Remembered for this case. The stored times do not change."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Time zone:"), m_box);
    form->addRow(m_info);
    form->addRow(note);
    form->addRow(buttons);
    connect(m_box, &QComboBox::currentTextChanged, this, &TimeZoneDialog::revalidate);
    revalidate();
    resize(460, sizeHint().height());
}

void TimeZoneDialog::revalidate()
{
    const QTimeZone zone = m_box->zone();
    const bool valid = zone.isValid();
    m_ok->setEnabled(valid);
    m_info->setText(TimeZoneBox::describe(zone, m_box->currentText()));
    m_info->setStyleSheet(valid ? QString() : QStringLiteral("color: #b00020"));
}

} // namespace Chainscope
