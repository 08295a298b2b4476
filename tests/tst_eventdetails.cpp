#include "event.h"
#include "eventdetails.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Chainscope;

// EventDetails writes JSON by hand, eight plain characters at a time where it can:
// whatever a log holds, the text must parse, and every character must come back as
// QString has it (invalid UTF-8 and lone surrogates as U+FFFD).
class Tst_EventDetails : public QObject
{
    Q_OBJECT
private slots:
    void displayZone_data();
    void displayZone();
    void everyCharacterComesBack_data();
    void everyCharacterComesBack();
    void exactText_data();
    void exactText();
    void firstValueOfAKeyWins();
};

namespace {

struct Special
{
    const char *name;
    QByteArray utf8; // for string(); empty: only for text()
    QString utf16; // for text()
    QString expected; // what parsing gives back
};

QList<Special> specials()
{
    const QString replacement(QChar(0xfffd));
    return {
        {"quote", "\"", QStringLiteral("\""), QStringLiteral("\"")},
        {"backslash", "\\", QStringLiteral("\\"), QStringLiteral("\\")},
        {"newline", "\n", QStringLiteral("\n"), QStringLiteral("\n")},
        {"tab", "\t", QStringLiteral("\t"), QStringLiteral("\t")},
        {"carriage return", "\r", QStringLiteral("\r"), QStringLiteral("\r")},
        {"control", "\x01", QString(QChar(0x01)), QString(QChar(0x01))},
        {"escape", "\x1b", QString(QChar(0x1b)), QString(QChar(0x1b))},
        {"nul", QByteArray(1, '\0'), QString(QChar(0)), QString(QChar(0))},
        {"delete", "\x7f", QString(QChar(0x7f)), QString(QChar(0x7f))},
        {"latin1", "\xc3\xa9", QStringLiteral("\u00e9"), QStringLiteral("\u00e9")},
        {"cjk", "\xe4\xb8\xad", QStringLiteral("\u4e2d"), QStringLiteral("\u4e2d")},
        {"bidi override", "\xe2\x80\xae", QStringLiteral("\u202e"), QStringLiteral("\u202e")},
        {"non-BMP", "\xf0\x9f\x98\x80", QString::fromUcs4(U"\U0001F600"), QString::fromUcs4(U"\U0001F600")},
        {"lone high surrogate", QByteArray(), QString(QChar(0xd83d)), replacement},
        {"lone low surrogate", QByteArray(), QString(QChar(0xde00)), replacement},
        {"swapped surrogates", QByteArray(), QString(QChar(0xde00)) + QChar(0xd83d), replacement + replacement},
        // Bytes that are no UTF-8: decoded hex arguments of audit are arbitrary.
        {"invalid byte", "\xff", QString(), replacement},
        {"cut sequence", "\xe4\xb8", QString(), QString::fromUtf8("\xe4\xb8")},
        {"encoded surrogate", "\xed\xa0\xbd", QString(), QString::fromUtf8("\xed\xa0\xbd")},
    };
}

} // namespace

void Tst_EventDetails::everyCharacterComesBack_data()
{
    QTest::addColumn<bool>("utf16");
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    for (const Special &s : specials()) {
        // Every position relative to the eight-character blocks.
        for (int before : {0, 1, 7, 8, 9, 15, 16, 17}) {
            for (int after : {0, 1, 8}) {
                const QByteArray a(before, 'a');
                const QByteArray z(after, 'z');
                const QString expected = QString::fromLatin1(a) + s.expected + QString::fromLatin1(z);
                if (!s.utf16.isNull() || s.utf8.isEmpty()) {
                    QTest::addRow("text %s after %d, %d after", s.name, before, after)
                        << true << QByteArray() << QString::fromLatin1(a) + s.utf16 + QString::fromLatin1(z)
                        << expected;
                }
                if (!s.utf8.isEmpty()) {
                    QTest::addRow("utf-8 %s after %d, %d after", s.name, before, after)
                        << false << a + s.utf8 + z << QString() << expected;
                }
            }
        }
    }
    QTest::newRow("text empty") << true << QByteArray() << QString() << QString();
    QTest::newRow("utf-8 empty") << false << QByteArray() << QString() << QString();
}

void Tst_EventDetails::everyCharacterComesBack()
{
    QFETCH(bool, utf16);
    QFETCH(QByteArray, utf8);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    EventDetails d;
    d.begin();
    d.number("n", 1);
    if (utf16)
        d.text("v", text);
    else
        d.string("v", utf8);
    d.strings("list", {QByteArrayView(utf8), QByteArrayView("x")});
    const QByteArray json = d.finish();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString() + QLatin1Char(' ') + QString::fromLatin1(json.toHex())));
    QCOMPARE(doc.object().value(QLatin1String("v")).toString(), expected);
    QCOMPARE(doc.object().value(QLatin1String("n")).toInteger(), 1);
    // Valid UTF-8 throughout: what SQLite's json functions and other tools read.
    QCOMPARE(QString::fromUtf8(json).toUtf8(), json);
    if (!utf16)
        QCOMPARE(doc.object().value(QLatin1String("list")).toArray().at(0).toString(), expected);
}

// The escapes themselves: short forms where JSON has them, \u00XX for other controls.
void Tst_EventDetails::exactText_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("plain") << QStringLiteral("C:\\x") << QByteArray("{\"k\":\"C:\\\\x\"}");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("{\"k\":\"say \\\"hi\\\"\"}");
    QTest::newRow("short escapes") << QStringLiteral("a\nb\tc\rd") << QByteArray("{\"k\":\"a\\nb\\tc\\rd\"}");
    QTest::newRow("other controls") << QString(QChar(0)) + QChar(0x1f) << QByteArray("{\"k\":\"\\u0000\\u001f\"}");
    QTest::newRow("delete as is") << QString(QChar(0x7f)) << QByteArray("{\"k\":\"\x7f\"}");
    QTest::newRow("non-BMP as UTF-8") << QString::fromUcs4(U"\U0001F600") << QByteArray("{\"k\":\"\xf0\x9f\x98\x80\"}");
}

void Tst_EventDetails::exactText()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, json);
    EventDetails d;
    d.begin();
    d.text("k", value);
    QCOMPARE(d.finish(), json);
    d.begin();
    d.string("k", value.toUtf8());
    QCOMPARE(d.finish(), json);
}

void Tst_EventDetails::firstValueOfAKeyWins()
{
    EventDetails d;
    // The buffer is reused: a second object starts afresh.
    for (int round = 0; round < 2; ++round) {
        d.begin();
        QVERIFY(!d.has("syscall"));
        d.string("syscall", "execve");
        QVERIFY(d.has("syscall"));
        d.string("syscall", "clone");
        d.number("exit", 0);
        d.number("exit", -1);
        d.boolean("ok", true);
        d.boolean("ok", false);
        QCOMPARE(d.finish(), QByteArray("{\"syscall\":\"execve\",\"exit\":0,\"ok\":true}"));
    }
    d.begin();
    QCOMPARE(d.finish(), QByteArray("{}"));
}

// The display time zone (issue 14): the same instant, written with the zone's offset at
// that instant (summer and winter time differ); UTC keeps the 'Z' of formatTimeUs.
void Tst_EventDetails::displayZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("timeUs");
    QTest::addColumn<QString>("expected");
    const qint64 winter = 1704067200LL * 1000000 + 5; // 2024-01-01T00:00:00.000005Z
    const qint64 summer = 1719792000LL * 1000000; // 2024-07-01T00:00:00Z
    QTest::newRow("utc") << QByteArray("UTC") << winter << QStringLiteral("2024-01-01T00:00:00.000005Z");
    QTest::newRow("berlin winter") << QByteArray("Europe/Berlin") << winter
                                   << QStringLiteral("2024-01-01T01:00:00.000005+01:00");
    QTest::newRow("berlin summer") << QByteArray("Europe/Berlin") << summer
                                   << QStringLiteral("2024-07-01T02:00:00.000000+02:00");
    QTest::newRow("new york") << QByteArray("America/New_York") << winter
                              << QStringLiteral("2023-12-31T19:00:00.000005-05:00");
    QTest::newRow("kolkata half hour") << QByteArray("Asia/Kolkata") << summer
                                       << QStringLiteral("2024-07-01T05:30:00.000000+05:30");
    QTest::newRow("before 1970") << QByteArray("Europe/Berlin") << qint64(-1)
                                 << QStringLiteral("1970-01-01T00:59:59.999999+01:00");
}

void Tst_EventDetails::displayZone()
{
    QFETCH(QByteArray, zone);
    QFETCH(qint64, timeUs);
    QFETCH(QString, expected);
    QCOMPARE(formatTimeUs(timeUs, QTimeZone(zone)), expected);
}

QTEST_GUILESS_MAIN(Tst_EventDetails)
#include "tst_eventdetails.moc"
