// The committed translations (issue 14): every message of every language is finished,
// keeps its placeholders, tags and accelerator, has the numerus forms its language
// needs, and every tr() string of the sources is in the file. The last check runs
// lupdate over the sources, so a new string that nobody translated fails here rather
// than showing up in English in a German or Japanese window.

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment; // the disambiguation, part of the key
    bool numerus = false;
    QString type; // "unfinished", "vanished", "obsolete" or empty
    QStringList forms; // the translation, or its numerus forms
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

QString keyOf(const TsMessage &m)
{
    return m.context + u'\x1f' + m.source + u'\x1f' + m.comment;
}

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == u"TS") {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage {};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        message.forms << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.forms << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1 (line %2)").arg(xml.errorString()).arg(xml.lineNumber());
    return ts;
}

// QString::arg() placeholders (%1…%99, %L1) and tr()'s count (%n, %Ln), as a sorted
// list: a translation may reorder them but not drop, add or renumber one.
QStringList placeholdersOf(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    std::sort(found.begin(), found.end());
    return found;
}

// Tag names, opening and closing, sorted: "<h3>…</h3><p>" keeps its markup and a
// literal "<Event>" in a reader's message is still there.
QStringList tagsOf(const QString &text)
{
    static const QRegularExpression tag(QStringLiteral("<(/?[A-Za-z][A-Za-z0-9]*)\\b[^<>]*>"));
    QStringList found;
    for (auto it = tag.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    std::sort(found.begin(), found.end());
    return found;
}

// Mnemonics: an '&' before a character, "&&" being a literal ampersand. Japanese puts
// it in a "(&F)" suffix, German on a letter of its own word; either way there is one.
int acceleratorsIn(QString text)
{
    text.remove(QStringLiteral("&&"));
    static const QRegularExpression accelerator(QStringLiteral("&[^\\s&]"));
    int count = 0;
    for (auto it = accelerator.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

QString describe(const TsMessage &m)
{
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
}

// The same inputs as qt_add_translations in app/gui/CMakeLists.txt: every .cpp and .h
// of the four layers.
QStringList translatableSources()
{
    QStringList files;
    const QString root = QStringLiteral(CHAINSCOPE_SOURCE_DIR);
    for (const char *layer : {"model", "import", "views", "app"}) {
        QDirIterator it(root + u'/' + QLatin1String(layer), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

QString findLupdate()
{
    QStringList candidates {QStringLiteral(CHAINSCOPE_LUPDATE)};
    for (const auto location : {QLibraryInfo::BinariesPath, QLibraryInfo::LibraryExecutablesPath})
        candidates << QLibraryInfo::path(location) + QStringLiteral("/lupdate");
    for (const QString &candidate : std::as_const(candidates)) {
        if (!candidate.isEmpty() && QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return QString();
}

} // namespace

class Tst_translations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void everySourceStringIsInTheFile_data();
    void everySourceStringIsInTheFile();

private:
    void addLanguages();
    // What lupdate extracts from the sources now, or why it could not run.
    QList<TsMessage> m_extracted;
    QString m_lupdateProblem;
    bool m_lupdateMissing = false;
};

void Tst_translations::initTestCase()
{
    const QString lupdate = findLupdate();
    if (lupdate.isEmpty()) {
        m_lupdateMissing = true;
        return;
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A list file keeps the command line short; lupdate reads "@file" as one path a line.
    const QStringList sources = translatableSources();
    QVERIFY2(sources.size() > 50, qPrintable(QStringLiteral("only %1 source files found").arg(sources.size())));
    QFile list(dir.filePath(QStringLiteral("sources.lst")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(sources.join(u'\n').toUtf8() + '\n');
    list.close();
    const QString ts = dir.filePath(QStringLiteral("extracted.ts"));
    QProcess process;
    process.setWorkingDirectory(QStringLiteral(CHAINSCOPE_SOURCE_DIR));
    process.start(lupdate,
        {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
            QStringLiteral("-silent"), u'@' + list.fileName(), QStringLiteral("-ts"), ts});
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_lupdateProblem
            = QStringLiteral("%1 failed (%2): %3")
                  .arg(lupdate, process.errorString(), QString::fromLocal8Bit(process.readAllStandardError()));
        return;
    }
    const TsFile extracted = readTs(ts);
    if (!extracted.error.isEmpty())
        m_lupdateProblem = QStringLiteral("cannot read lupdate's output: %1").arg(extracted.error);
    m_extracted = extracted.messages;
    if (m_extracted.isEmpty())
        m_lupdateProblem = QStringLiteral("lupdate found no tr() string in %1 files").arg(sources.size());
}

void Tst_translations::addLanguages()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("numerusForms");
    const QString dir = QStringLiteral(CHAINSCOPE_TRANSLATIONS_DIR "/");
    // German has a singular and a plural; Japanese one form for every count.
    QTest::newRow("de") << dir + QStringLiteral("chainscope_de.ts") << QStringLiteral("de_DE") << 2;
    QTest::newRow("ja") << dir + QStringLiteral("chainscope_ja.ts") << QStringLiteral("ja_JP") << 1;
}

void Tst_translations::everyMessageIsTranslated_data()
{
    addLanguages();
}

void Tst_translations::everyMessageIsTranslated()
{
    QFETCH(QString, path);
    QFETCH(QString, language);
    QFETCH(int, numerusForms);
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(path + QStringLiteral(": ") + ts.error));
    // lrelease picks the plural rules by this attribute.
    QCOMPARE(ts.language, language);
    QVERIFY(!ts.messages.isEmpty());

    QStringList problems;
    for (const TsMessage &m : ts.messages) {
        if (!m.type.isEmpty())
            problems << describe(m) + QStringLiteral(": marked ") + m.type;
        const int wanted = m.numerus ? numerusForms : 1;
        if (m.forms.size() != wanted)
            problems << describe(m) + QStringLiteral(": %1 forms, %2 wanted").arg(m.forms.size()).arg(wanted);
        for (const QString &form : m.forms) {
            if (form.trimmed().isEmpty()) {
                problems << describe(m) + QStringLiteral(": empty");
                continue;
            }
            if (placeholdersOf(form) != placeholdersOf(m.source))
                problems << describe(m) + QStringLiteral(": placeholders differ in \"%1\"").arg(form);
            if (tagsOf(form) != tagsOf(m.source))
                problems << describe(m) + QStringLiteral(": tags differ in \"%1\"").arg(form);
            if (acceleratorsIn(form) != acceleratorsIn(m.source))
                problems << describe(m) + QStringLiteral(": accelerator lost or added in \"%1\"").arg(form);
        }
    }
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 problem(s) in %2:\n").arg(problems.size()).arg(path) + problems.join(u'\n')));
}

void Tst_translations::everySourceStringIsInTheFile_data()
{
    addLanguages();
}

void Tst_translations::everySourceStringIsInTheFile()
{
    QFETCH(QString, path);
    if (m_lupdateMissing)
        QSKIP("lupdate is not installed (Debian: qt6-l10n-tools), so the sources cannot be compared with the file");
    QVERIFY2(m_lupdateProblem.isEmpty(), qPrintable(m_lupdateProblem));
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(path + QStringLiteral(": ") + ts.error));
    QSet<QString> committed;
    for (const TsMessage &m : ts.messages)
        committed.insert(keyOf(m));
    QStringList missing;
    for (const TsMessage &m : std::as_const(m_extracted)) {
        if (!committed.contains(keyOf(m)))
            missing << describe(m);
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("%1 string(s) of the sources are not in %2; run `cmake --build <build dir> --target "
                                  "update_translations` and translate them:\n")
                       .arg(missing.size())
                       .arg(path)
            + missing.join(u'\n')));
}

QTEST_GUILESS_MAIN(Tst_translations)
#include "tst_translations.moc"
