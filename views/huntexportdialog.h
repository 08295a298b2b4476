#pragma once

#include "event.h"
#include "policy.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Chainscope {

// Analysis → Export Hunt (issue 15): the case policy's analytic as rules for a SIEM
// (Elastic EQL, Sigma, Splunk SPL) for one platform, previewed and written to a file in
// one piece (writeOutputFile). Self-contained: the window only opens it with the case's
// current policy and the platform to offer first.
class HuntExportDialog : public QDialog
{
    Q_OBJECT
public:
    HuntExportDialog(const Policy &policy, Platform platform, QWidget *parent = nullptr);

    // The rules as they will be written, for the chosen format and platform.
    QString rules() const;
    QComboBox *formatBox() const { return m_format; }
    QComboBox *platformBox() const { return m_platform; }
    QLineEdit *pathEdit() const { return m_path; }
    // Writes the rules to the path; false (with a message shown) when that failed.
    bool save();

private:
    void updatePreview();
    void browse();

    Policy m_policy;
    QComboBox *m_format = nullptr;
    QComboBox *m_platform = nullptr;
    QLineEdit *m_path = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace Chainscope
