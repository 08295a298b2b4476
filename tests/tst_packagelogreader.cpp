#include <QTest>

class Tst_packagelogreader : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(Tst_packagelogreader)
#include "tst_packagelogreader.moc"
