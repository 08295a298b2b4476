#include <QTest>

class Tst_cli : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(Tst_cli)
#include "tst_cli.moc"
