#include <QTest>

class Tst_linuxscenario : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(Tst_linuxscenario)
#include "tst_linuxscenario.moc"
