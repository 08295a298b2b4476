#pragma once

#include "caseverifier.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace Chainscope {

// Shows what `verify` found (issue 11, finding 13): the outcome in one line, then per
// check what holds and what differs, and what the checks do not cover. Renders a
// VerificationResult; computes nothing.
class VerificationDialog : public QDialog
{
    Q_OBJECT
public:
    VerificationDialog(const QString &casePath, const VerificationResult &result, QWidget *parent = nullptr);

    QLabel *headline() const { return m_headline; }
    QTreeWidget *details() const { return m_details; }

private:
    QLabel *m_headline = nullptr;
    QTreeWidget *m_details = nullptr;
};

} // namespace Chainscope
