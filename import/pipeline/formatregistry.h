#pragma once

#include "logformat.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Chainscope {

class Reader;

// What the pipeline and the front ends know of a format: how to recognise it, how to
// read it, and how to show one of its stored records to an analyst. Each platform's
// room under import/formats/ registers its formats; the pipeline, the CLI and the
// workbench use only this interface and never include a reader.
struct FormatEntry
{
    LogFormat format = LogFormat::Unknown;
    std::function<std::unique_ptr<Reader>()> createReader;
    // For formats whose stored records are not text (an EVTX record is kept as its
    // whole binary chunk): the record as text, `recordPos` naming it within `raw`.
    // Returns nothing when `raw` is not such a record; it is then shown as stored.
    std::function<std::optional<QString>(const QByteArray &raw, qint64 recordPos)> renderRaw;
    // For a format that is recognised but not read (a raw .tracev3 needs Apple's own
    // tools and its companion files): why not, and what the analyst should do instead.
    // The import fails with this message rather than with "unknown format", and the
    // format is not offered among the readable ones.
    QString refusal;
};

class FormatRegistry
{
public:
    // Which format the head of a file is, or LogFormat::Unknown. Detectors are asked
    // in the order they were added; the first that knows the content wins.
    using Detector = std::function<LogFormat(QByteArrayView head)>;

    void addFormat(FormatEntry entry);
    void addDetector(Detector detector);

    // Decides from content, never from the file name: evidence gets renamed on the way
    // to the analyst (audit.log.1, host42-audit.txt, …). `head` is the start of the
    // decoded content (gzip already undone).
    LogFormat detect(QByteArrayView head) const;
    // nullptr for a format nobody registered.
    std::unique_ptr<Reader> createReader(LogFormat format) const;
    // FormatEntry::refusal of `format`: empty for every format that is read.
    QString refusal(LogFormat format) const;
    // The stored record of a source of format `formatName` (formatName()) as an analyst
    // reads it; nothing when the bytes are to be shown as stored (text logs).
    std::optional<QString> renderRaw(QStringView formatName, const QByteArray &raw, qint64 recordPos) const;
    // Every registered format, as "a, b, … or z", for the message that rejects a file
    // (issue 11, finding 4): made from the registry, so it stays true when one is added.
    QString readableFormatsText() const;

private:
    const FormatEntry *entry(LogFormat format) const;

    QList<FormatEntry> m_formats; // in LogFormat order
    QList<Detector> m_detectors;
};

} // namespace Chainscope
