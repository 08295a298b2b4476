#include "rawrecordview.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QFontDatabase>
#include <QLocale>

static void initChainscopeResources()
{
    // Resources of a static library must be registered by hand.
    Q_INIT_RESOURCE(resources);
}

namespace Chainscope {

RawRecordView::RawRecordView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_repository(std::make_unique<KSyntaxHighlighting::Repository>())
{
    initChainscopeResources();
    // Our own definitions (audit and package-log records) live in the resources.
    m_repository->addCustomSearchPath(QStringLiteral(":/chainscope"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document());
    m_highlighter->setTheme(m_repository->defaultTheme(KSyntaxHighlighting::Repository::LightTheme));
}

RawRecordView::~RawRecordView() = default;

QString RawRecordView::displayText(const QByteArray &raw)
{
    const auto escape = [](uchar c) {
        return QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    };
    QString text;
    text.reserve(raw.size());
    qsizetype i = 0;
    while (i < raw.size()) {
        const uchar c = uchar(raw[i]);
        if (c < 0x80) {
            if (c == 0x1d)
                text += QChar(0x241d); // the enrichment separator, shown as the symbol for GS
            else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
                text += escape(c);
            else
                text += QLatin1Char(char(c));
            ++i;
            continue;
        }
        // One multi-byte UTF-8 sequence; anything malformed is escaped byte by byte.
        const int length = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
        if (length > 0 && i + length <= raw.size()) {
            const QByteArray sequence = raw.mid(i, length);
            const QString decoded = QString::fromUtf8(sequence);
            if (!decoded.contains(QChar::ReplacementCharacter) && decoded.toUtf8() == sequence) {
                text += decoded;
                i += length;
                continue;
            }
        }
        text += escape(c);
        ++i;
    }
    return text;
}

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace

QString RawRecordView::shownRecord(const QByteArray &raw)
{
    if (raw.size() <= MaxShown)
        return displayText(raw);
    // Cut before a multi-byte UTF-8 sequence, not inside it, so that its first bytes
    // are not shown as escapes of bytes that were never malformed.
    qsizetype cut = MaxShown;
    while (cut > MaxShown - 4 && (uchar(raw[cut]) & 0xc0) == 0x80)
        --cut;
    return displayText(raw.left(cut))
        + tr("\n\n[… %1 bytes (%2) not shown: the record has %3 bytes, only the first %4 are shown]")
              .arg(QLocale().toString(raw.size() - cut), sizeText(raw.size() - cut), QLocale().toString(raw.size()),
                  QLocale().toString(cut));
}

QString RawRecordView::shownRendered(const QString &text)
{
    if (text.size() <= MaxShown)
        return text;
    qsizetype cut = MaxShown;
    if (text.at(cut - 1).isHighSurrogate())
        --cut; // keep a surrogate pair whole
    return text.left(cut)
        + tr("\n\n[… %1 characters not shown: the record has %2 characters, only the first %3 are shown]")
              .arg(QLocale().toString(text.size() - cut), QLocale().toString(text.size()), QLocale().toString(cut));
}

void RawRecordView::showRecord(const QByteArray &raw, const QString &syntax)
{
    m_highlighter->setDefinition(m_repository->definitionForName(syntax));
    setPlainText(shownRecord(raw));
}

void RawRecordView::showRendered(const QString &text, const QString &syntax)
{
    m_highlighter->setDefinition(m_repository->definitionForName(syntax));
    setPlainText(shownRendered(text));
}

QString RawRecordView::definitionName() const
{
    return m_highlighter->definition().name();
}

} // namespace Chainscope
