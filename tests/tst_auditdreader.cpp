#include <QTest>

class Tst_auditdreader : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_GUILESS_MAIN(Tst_auditdreader)
#include "tst_auditdreader.moc"
