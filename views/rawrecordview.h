#pragma once

#include <QPlainTextEdit>

#include <memory>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Chainscope {

// Shows the original bytes of a record as the log wrote them, highlighted. The
// record is evidence: it is shown read-only and never normalized; bytes that are not
// valid UTF-8 are shown as escapes so nothing is silently dropped.
class RawRecordView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit RawRecordView(QWidget *parent = nullptr);
    ~RawRecordView() override;

    // Records longer than this are cut (with a note saying how much): a hostile log
    // can hold a "record" of hundreds of megabytes, which a text edit would take
    // minutes and gigabytes to lay out. Bytes for raw records, characters for rendered.
    static constexpr qsizetype MaxShown = 1024 * 1024;

    // `syntax` is a KSyntaxHighlighting definition name ("Chainscope Log", "XML").
    void showRecord(const QByteArray &raw, const QString &syntax = QStringLiteral("Chainscope Log"));
    // A record rendered from a binary original (EVTX: the event's XML).
    void showRendered(const QString &text, const QString &syntax = QStringLiteral("XML"));
    QString definitionName() const;

    // Makes undecodable and control bytes visible (\xNN) while keeping tabs, line
    // breaks and the audit enrichment separator readable.
    static QString displayText(const QByteArray &raw);
    // What showRecord() shows: displayText() of at most MaxShown bytes, then a note.
    static QString shownRecord(const QByteArray &raw);
    // What showRendered() shows: at most MaxShown characters, then a note.
    static QString shownRendered(const QString &text);

private:
    std::unique_ptr<KSyntaxHighlighting::Repository> m_repository;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
};

} // namespace Chainscope
