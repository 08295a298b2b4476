#pragma once

#include "policy.h"

#include <QDialog>
#include <QHash>
#include <QPlainTextEdit>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Chainscope {

// A list editor, one entry per line, as tall as its content: every entry stays in
// sight (the dialog scrolls, not each list).
class GrowingListEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit GrowingListEdit(QWidget *parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The lines as entries: trimmed, blank lines left out.
    QStringList entries() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitContent();
    int m_height = 0;
};

// Edits the case policy: the time window and every allow-list, one entry per line.
// Fields carry human labels and the one-sentence explanation of docs/policy.md; the
// editors are checked as the analyst types, and OK stays disabled, with the reason
// shown, until the whole policy validates.
class PolicyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PolicyDialog(const Policy &policy, QWidget *parent = nullptr);
    Policy policy() const { return m_policy; }

    // Applies the editors' content to a copy of the policy; false (with the reason
    // shown in the dialog) if a field does not validate.
    bool apply();
    QLineEdit *timeWindowEdit() const { return m_timeWindow; }
    QPlainTextEdit *listEdit(const QString &field) const { return m_lists.value(field); }
    QPushButton *okButton() const { return m_ok; }
    // Why OK is disabled, empty when the policy validates.
    QString problem() const { return m_problem; }

    // The field's label and one-sentence explanation, translated (docs/policy.md).
    static QString fieldLabel(const QString &field);
    static QString fieldToolTip(const QString &field);

    void accept() override;

private:
    // Checks every editor; returns the policy they describe, or nullopt with
    // m_problem set and the offending editor marked.
    std::optional<Policy> validate();
    void revalidate();
    void markInvalid(QWidget *editor, bool invalid);

    Policy m_policy;
    QLineEdit *m_timeWindow = nullptr;
    QHash<QString, GrowingListEdit *> m_lists;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    QString m_problem;
};

} // namespace Chainscope
