#include "explanation.h"

#include <QCoreApplication>

namespace Chainscope {

namespace {

// One translation context for the labels, declared where lupdate sees it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::Explanation)
};

} // namespace

QString mismatchLabel(const QString &flag)
{
    if (flag == Mismatch::HostNotApproved)
        return Text::tr("host not approved");
    if (flag == Mismatch::RepoNotApproved)
        return Text::tr("package source not approved");
    if (flag == Mismatch::UnexpectedChild)
        return Text::tr("unexpected child process");
    if (flag == Mismatch::UnsignedModule)
        return Text::tr("unsigned module");
    if (flag == Mismatch::SignerNotApproved)
        return Text::tr("signer not approved");
    if (flag == Mismatch::SignerDrift)
        return Text::tr("signer changed");
    if (flag == Mismatch::HashDrift)
        return Text::tr("new hash, same signer");
    if (flag == Mismatch::TeamIdNotAllowed)
        return Text::tr("Team ID not allowed");
    if (flag == Mismatch::TapNotApproved)
        return Text::tr("Homebrew tap not approved");
    // A flag newer than this list still reads as words, not as a key.
    QString words = flag;
    return words.replace(u'_', u' ');
}

QString mismatchDescription(const QString &flag)
{
    if (flag == Mismatch::HostNotApproved)
        return Text::tr("The chain connected to a host that no ApprovedUpdateHosts or ApprovedRepos entry names.");
    if (flag == Mismatch::RepoNotApproved)
        return Text::tr("The install came from a package source that no ApprovedRepos entry names.");
    if (flag == Mismatch::UnexpectedChild)
        return Text::tr("Code the install brought started a shell, script host or system binary.");
    if (flag == Mismatch::UnsignedModule)
        return Text::tr("Code was unsigned, ad-hoc signed, or its signature did not verify.");
    if (flag == Mismatch::SignerNotApproved)
        return Text::tr("Code was validly signed, but by a signer that no ApprovedSigners entry names.");
    if (flag == Mismatch::SignerDrift)
        return Text::tr("A file the host knew is now signed by a different signer than before the install.");
    if (flag == Mismatch::HashDrift)
        return Text::tr("A file the host knew has a new hash under the same signer; every genuine update does "
                        "this too, so it is a note, not a flag.");
    if (flag == Mismatch::TeamIdNotAllowed)
        return Text::tr("Code was signed by an Apple Team ID that AllowedTeamIDs does not list (or, with an empty "
                        "list, not by the updater's team).");
    if (flag == Mismatch::TapNotApproved)
        return Text::tr("Homebrew installed from a tap that no BrewTapsAllowList entry names.");
    return mismatchLabel(flag);
}

QString roleLabel(const QString &role)
{
    if (role == u"installer")
        return Text::tr("installer");
    if (role == u"package")
        return Text::tr("package");
    if (role == u"package_source")
        return Text::tr("package source");
    if (role == u"write")
        return Text::tr("write");
    if (role == u"first_run")
        return Text::tr("first run");
    if (role == u"child")
        return Text::tr("child process");
    if (role == u"module")
        return Text::tr("module load");
    if (role == u"egress")
        return Text::tr("egress");
    if (role == u"persistence")
        return Text::tr("persistence");
    QString words = role;
    return words.replace(u'_', u' ');
}

QString stageLabel(Stage stage)
{
    switch (stage) {
    case Stage::Install:
        return Text::tr("Install");
    case Stage::Write:
        return Text::tr("Write");
    case Stage::FirstRun:
        return Text::tr("First run");
    case Stage::Egress:
        return Text::tr("Egress");
    }
    return stageName(stage);
}

QString verdictLabel(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Suspicious:
        return Text::tr("Suspicious");
    case Verdict::Incomplete:
        return Text::tr("Incomplete");
    case Verdict::Approved:
        return Text::tr("Approved");
    }
    return verdictName(verdict);
}

QString durationLabel(qint64 us)
{
    if (us < 0)
        return Text::tr("before");
    const qint64 seconds = us / 1000000;
    if (seconds < 60)
        return Text::tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return Text::tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return Text::tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return Text::tr("%1 days %2 h").arg(hours / 24).arg(hours % 24);
}

QString triageMarkLabel(TriageMark mark)
{
    switch (mark) {
    case TriageMark::None:
        return Text::tr("Not triaged");
    case TriageMark::Confirmed:
        return Text::tr("Confirmed");
    case TriageMark::Benign:
        return Text::tr("Benign");
    case TriageMark::FollowUp:
        return Text::tr("Needs follow-up");
    }
    return triageMarkName(mark);
}

QString approvalLabel(const QString &approvedBy)
{
    // Policy::approving*() name the list, then the entry: "ApprovedSigners Acme Corp".
    const qsizetype space = approvedBy.indexOf(u' ');
    if (space <= 0)
        return Text::tr("approved by %1").arg(approvedBy);
    return Text::tr("approved by %1 entry %2").arg(approvedBy.left(space), approvedBy.mid(space + 1));
}

QString evidenceReason(const Evidence &x)
{
    if (!x.flag.isEmpty())
        return Text::tr("%1: %2").arg(mismatchLabel(x.flag), x.reason);
    if (!x.note.isEmpty() && !x.approvedBy.isEmpty())
        return Text::tr("%1 (%2): %3").arg(mismatchLabel(x.note), approvalLabel(x.approvedBy), x.reason);
    if (!x.note.isEmpty())
        return Text::tr("%1: %2").arg(mismatchLabel(x.note), x.reason);
    if (!x.approvedBy.isEmpty())
        return Text::tr("%1: %2").arg(approvalLabel(x.approvedBy), x.reason);
    return x.reason;
}

} // namespace Chainscope
