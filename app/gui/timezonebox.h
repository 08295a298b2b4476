#pragma once

#include <QComboBox>
#include <QDialog>
#include <QTimeZone>

class QLabel;
class QPushButton;

namespace Chainscope {

// An editable list of the IANA time zones Qt knows (QTimeZone::availableTimeZoneIds),
// UTC first, completing on any part of the name ("berl" finds Europe/Berlin). What the
// analyst types is only a zone once Qt knows it: zone() is invalid until then.
class TimeZoneBox : public QComboBox
{
    Q_OBJECT
public:
    explicit TimeZoneBox(QWidget *parent = nullptr);
    QTimeZone zone() const;
    void setZone(const QTimeZone &zone);
    // One line for the analyst: the zone's offset now, or why `text` is no zone.
    static QString describe(const QTimeZone &zone, const QString &text);
};

// View → Display Time Zone: the zone the window shows times in. UTC by default; OK is
// disabled, with the reason shown, while the text names no zone.
class TimeZoneDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TimeZoneDialog(const QTimeZone &current, QWidget *parent = nullptr);
    QTimeZone zone() const { return m_box->zone(); }
    TimeZoneBox *box() const { return m_box; }
    QPushButton *okButton() const { return m_ok; }

private:
    void revalidate();
    TimeZoneBox *m_box = nullptr;
    QLabel *m_info = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace Chainscope
