#include "formatregistry.h"

#include "reader.h"

#include <QStringList>

#include <algorithm>

namespace Chainscope {

void FormatRegistry::addFormat(FormatEntry entry)
{
    // Kept in LogFormat order so that lists shown to analysts do not depend on the
    // order in which the platforms registered.
    const auto at = std::find_if(
        m_formats.begin(), m_formats.end(), [&](const FormatEntry &e) { return int(e.format) >= int(entry.format); });
    if (at != m_formats.end() && at->format == entry.format)
        *at = std::move(entry);
    else
        m_formats.insert(at, std::move(entry));
}

void FormatRegistry::addDetector(Detector detector)
{
    m_detectors.append(std::move(detector));
}

LogFormat FormatRegistry::detect(QByteArrayView head) const
{
    for (const Detector &detector : m_detectors) {
        const LogFormat format = detector(head);
        if (format != LogFormat::Unknown)
            return format;
    }
    return LogFormat::Unknown;
}

const FormatEntry *FormatRegistry::entry(LogFormat format) const
{
    for (const FormatEntry &e : m_formats) {
        if (e.format == format)
            return &e;
    }
    return nullptr;
}

std::unique_ptr<Reader> FormatRegistry::createReader(LogFormat format) const
{
    const FormatEntry *e = entry(format);
    return e && e->createReader ? e->createReader() : nullptr;
}

QString FormatRegistry::refusal(LogFormat format) const
{
    const FormatEntry *e = entry(format);
    return e ? e->refusal : QString();
}

std::optional<QString> FormatRegistry::renderRaw(QStringView formatName, const QByteArray &raw, qint64 recordPos) const
{
    for (const FormatEntry &e : m_formats) {
        if (e.renderRaw && Chainscope::formatName(e.format) == formatName)
            return e.renderRaw(raw, recordPos);
    }
    return std::nullopt;
}

QString FormatRegistry::readableFormatsText() const
{
    QStringList names;
    for (const FormatEntry &e : m_formats) {
        if (e.refusal.isEmpty())
            names << formatDescription(e.format);
    }
    if (names.size() < 2)
        return names.join(QString());
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

} // namespace Chainscope
