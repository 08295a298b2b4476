#pragma once

#include "casestore.h"
#include "correlator.h"

#include <QTimeZone>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTimer;

namespace Chainscope {

// Above the process tree: why the chain is suspicious, incomplete or approved, in the
// Correlator's words (Chain::summary, MissingStage, Evidence::approvedBy; nothing is
// judged here), and the analyst's triage of it. Everything shown is plain text: most
// of it comes from logs.
class ChainSummaryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChainSummaryPanel(QWidget *parent = nullptr);

    // Shows a chain and its triage. Emits nothing: only the analyst's edits do.
    void setChain(const Chain &chain, const ChainTriage &triage);
    // No chain: an empty-state text instead of the panel.
    void clear();
    // Emits a note still waiting for its debounce now: before the case it belongs to
    // is closed or replaced, or the window goes.
    void flush();
    // The zone the install time is shown in; applies from the next setChain().
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    qint64 seedEventId() const { return m_seedEventId; }
    TriageMark mark() const;
    QString note() const;

    // How long the note editor waits after the last keystroke before it saves.
    static constexpr int NoteDebounceMs = 800;

signals:
    // The analyst changed the mark, or the note (on losing focus, or once typing
    // paused for NoteDebounceMs). Main saves it: CaseStore::setChainTriage().
    void triageChanged(qint64 seedEventId, Chainscope::TriageMark mark, const QString &note);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void emitTriage();

    QWidget *m_empty = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_badgeIcon = nullptr;
    QLabel *m_badgeText = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_missingTitle = nullptr;
    QLabel *m_missing = nullptr;
    QLabel *m_approvalsTitle = nullptr;
    QLabel *m_approvals = nullptr;
    QComboBox *m_mark = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QTimer *m_noteTimer = nullptr;
    qint64 m_seedEventId = -1;
    QTimeZone m_zone = QTimeZone::utc();
    // What was last shown or emitted, so that focus changes alone emit nothing.
    TriageMark m_lastMark = TriageMark::None;
    QString m_lastNote;
    bool m_loading = false;
};

} // namespace Chainscope
