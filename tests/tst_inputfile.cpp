#include <QTest>

class Tst_inputfile : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(Tst_inputfile)
#include "tst_inputfile.moc"
