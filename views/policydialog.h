#pragma once

#include "policy.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Chainscope {

// Edits the case policy: the time window and every allow-list, one entry per line.
// Nothing is applied until the whole policy validates.
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

    void accept() override;

private:
    Policy m_policy;
    QLineEdit *m_timeWindow = nullptr;
    QHash<QString, QPlainTextEdit *> m_lists;
    QLabel *m_error = nullptr;
};

} // namespace Chainscope
