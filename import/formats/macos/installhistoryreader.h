#pragma once

#include "reader.h"

#include <QByteArrayView>

namespace Chainscope {

// /Library/Receipts/InstallHistory.plist: an XML property list, an array of one dict per
// install (date, displayName, displayVersion, packageIdentifiers, processName,
// contentType). Each dict is one raw record (its text, from "<dict>" to "</dict>") and
// one package_install at its date: targetPath = displayName (the first package
// identifier when it has no name), image = processName (the installing program:
// "Installer", "softwareupdated", "storedownloadd" …) [package, version,
// package_identifiers, process_name, content_type].
//
// The file is streamed: the scan holds one dict at a time (at most MaxRecordBytes; a
// larger one is reported and skipped) and parses it with QXmlStreamReader.
//
// A binary property list (bplist00, what a plist editor may leave behind) is recognised
// and refused with a message that says how to convert it (`plutil -convert xml1`): it is
// not read, because its object table is not a stream and the XML form is one command away.
class InstallHistoryReader final : public Reader
{
public:
    static constexpr qsizetype MaxRecordBytes = 1024 * 1024;
    static bool probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;
};

} // namespace Chainscope
