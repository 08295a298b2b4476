#include "policydialog.h"

#include <QAbstractTextDocumentLayout>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QStyle>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Chainscope {

namespace {
const QString TimeWindowKey = QStringLiteral("TimeWindow");
constexpr int MinimumLines = 2;

// How Policy compares the entries of a field, so that two spellings of one entry count
// as a duplicate: host names, signers, taps and Windows paths ignore case.
QString comparable(const QString &field, const QString &entry)
{
    if (field == u"BrewTapsAllowList")
        return canonicalBrewTap(entry).toCaseFolded();
    if (field == u"ApprovedUpdateHosts" || field == u"ApprovedSigners" || field == u"ProgramPaths"
        || field == u"WindowsInstallers")
        return entry.toCaseFolded();
    return entry;
}

// Policy's messages start with the field's key ("ApprovedUpdateHosts: …"); the dialog
// names the field by its label instead.
QString withoutKey(const QString &field, const QString &message)
{
    const QString prefix = field + QStringLiteral(": ");
    return message.startsWith(prefix) ? message.mid(prefix.size()) : message;
}
} // namespace

GrowingListEdit::GrowingListEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setTabChangesFocus(true);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
        &GrowingListEdit::fitContent);
    fitContent();
}

QStringList GrowingListEdit::entries() const
{
    QStringList out;
    for (const QString &line : toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

QSize GrowingListEdit::sizeHint() const
{
    return {QPlainTextEdit::sizeHint().width(), m_height};
}

QSize GrowingListEdit::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), m_height};
}

void GrowingListEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    // A narrower editor wraps more lines.
    fitContent();
}

void GrowingListEdit::fitContent()
{
    // QPlainTextDocumentLayout counts its height in lines, wrapped lines included.
    const int lines = qMax(MinimumLines, int(document()->documentLayout()->documentSize().height()));
    const QMargins margins = contentsMargins();
    const int height = lines * fontMetrics().lineSpacing() + 2 * int(document()->documentMargin()) + margins.top()
        + margins.bottom() + 2;
    if (height == m_height)
        return;
    m_height = height;
    setFixedHeight(height);
    updateGeometry();
}

QString PolicyDialog::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("TimeWindow"), QT_TR_NOOP("Time window")},
        {QStringLiteral("ApprovedUpdateHosts"), QT_TR_NOOP("Approved update hosts")},
        {QStringLiteral("ApprovedSigners"), QT_TR_NOOP("Approved signers")},
        {QStringLiteral("ProgramPaths"), QT_TR_NOOP("Program paths (Windows)")},
        {QStringLiteral("PathScope"), QT_TR_NOOP("Program paths (Linux)")},
        {QStringLiteral("ApprovedRepos"), QT_TR_NOOP("Approved repositories")},
        {QStringLiteral("AllowedTeamIDs"), QT_TR_NOOP("Allowed Team IDs (macOS)")},
        {QStringLiteral("BrewTapsAllowList"), QT_TR_NOOP("Trusted Homebrew taps")},
        {QStringLiteral("ProgramPathsMacOS"), QT_TR_NOOP("Program paths (macOS)")},
        {QStringLiteral("LinuxInstallers"), QT_TR_NOOP("Installers (Linux)")},
        {QStringLiteral("WindowsInstallers"), QT_TR_NOOP("Installers (Windows)")},
        {QStringLiteral("MacInstallers"), QT_TR_NOOP("Installers (macOS)")},
        {QStringLiteral("StagingPaths"), QT_TR_NOOP("Staging paths")},
    };
    const char *label = labels.value(field);
    // A field added to Policy later still shows, under its key.
    return label ? tr(label) : field;
}

QString PolicyDialog::fieldToolTip(const QString &field)
{
    static const QHash<QString, const char *> tips = {
        {QStringLiteral("TimeWindow"),
            QT_TR_NOOP("How long after the install the write, first run and egress must happen: 90m, 4h, 2d or 45s "
                       "(a bare number is minutes).")},
        {QStringLiteral("ApprovedUpdateHosts"),
            QT_TR_NOOP("Destinations that are not egress: an exact host, *.domain for its subdomains (not the bare "
                       "domain), an IP address or a CIDR range.")},
        {QStringLiteral("ApprovedSigners"),
            QT_TR_NOOP("Code-signing publishers allowed for loaded modules, compared exactly but ignoring case.")},
        {QStringLiteral("ProgramPaths"),
            QT_TR_NOOP("Windows install locations, where %LOCALAPPDATA% and similar variables stand for every user.")},
        {QStringLiteral("PathScope"),
            QT_TR_NOOP("Linux install locations, as folders or globs (/opt/*), where ~ stands for any home "
                       "directory.")},
        {QStringLiteral("ApprovedRepos"),
            QT_TR_NOOP("Repository URLs (a sources.list line or a bare URL) and GPG key fingerprints, whose hosts "
                       "also count as approved update hosts.")},
        {QStringLiteral("AllowedTeamIDs"),
            QT_TR_NOOP("Apple Developer Team IDs allowed for the code an install brings, exactly as Apple prints them "
                       "(EQHXZ8M8AV).")},
        {QStringLiteral("BrewTapsAllowList"),
            QT_TR_NOOP("Homebrew taps trusted as sources (user/repo, ignoring case); a bare formula comes from "
                       "homebrew/core.")},
        {QStringLiteral("ProgramPathsMacOS"), QT_TR_NOOP("macOS program locations.")},
        {QStringLiteral("LinuxInstallers"),
            QT_TR_NOOP("File-name globs of Linux installers and updaters; an entry NAME SUBCOMMAND (go install) "
                       "needs that first argument.")},
        {QStringLiteral("WindowsInstallers"),
            QT_TR_NOOP("File-name globs of Windows installers and updaters (*update*.exe); an entry NAME SUBCOMMAND "
                       "needs that first argument.")},
        {QStringLiteral("MacInstallers"),
            QT_TR_NOOP("File-name globs of macOS installers and updaters; an entry NAME SUBCOMMAND needs that first "
                       "argument.")},
        {QStringLiteral("StagingPaths"),
            QT_TR_NOOP("Where installers unpack the code they bring, so that a run from there counts even when no "
                       "write was logged (Windows and Unix paths in one list).")},
    };
    const char *tip = tips.value(field);
    return tip ? tr(tip) : QString();
}

PolicyDialog::PolicyDialog(const Policy &policy, QWidget *parent)
    : QDialog(parent)
    , m_policy(policy)
{
    setWindowTitle(tr("Case Policy"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_timeWindow = new QLineEdit(Policy::formatDuration(policy.timeWindowUs), this);
    m_timeWindow->setObjectName(QStringLiteral("policyTimeWindow"));
    m_timeWindow->setToolTip(fieldToolTip(TimeWindowKey));
    auto *timeLabel = new QLabel(fieldLabel(TimeWindowKey), this);
    timeLabel->setToolTip(m_timeWindow->toolTip());
    timeLabel->setBuddy(m_timeWindow);
    form->addRow(timeLabel, m_timeWindow);
    connect(m_timeWindow, &QLineEdit::textChanged, this, &PolicyDialog::revalidate);
    const QJsonObject json = policy.toJson();
    for (const QString &field : Policy::fieldNames()) {
        if (field == TimeWindowKey)
            continue;
        auto *edit = new GrowingListEdit(this);
        edit->setObjectName(QStringLiteral("policy") + field);
        QStringList lines;
        for (const QJsonValue &v : json.value(field).toArray())
            lines << v.toString();
        edit->setPlainText(lines.join(u'\n'));
        edit->setPlaceholderText(tr("one entry per line"));
        edit->setToolTip(fieldToolTip(field));
        auto *label = new QLabel(fieldLabel(field), this);
        label->setToolTip(edit->toolTip());
        label->setBuddy(edit);
        form->addRow(label, edit);
        m_lists.insert(field, edit);
        connect(edit, &QPlainTextEdit::textChanged, this, &PolicyDialog::revalidate);
    }
    auto *inner = new QWidget(this);
    inner->setLayout(form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("policyProblem"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Changes are stored as a new policy version and the chains are recomputed. Hover a field for what it "
           "means."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(720, 760);
    revalidate();
}

void PolicyDialog::markInvalid(QWidget *editor, bool invalid)
{
    // The frame marks the field; the message below names it, so colour is not the
    // only cue.
    editor->setStyleSheet(invalid ? QStringLiteral("border: 2px solid #b00020") : QString());
}

std::optional<Policy> PolicyDialog::validate()
{
    Policy edited = m_policy;
    QString error;
    markInvalid(m_timeWindow, false);
    for (GrowingListEdit *edit : std::as_const(m_lists))
        markInvalid(edit, false);
    if (!edited.set(TimeWindowKey, m_timeWindow->text(), false, &error)) {
        m_problem = tr("%1: \"%2\" is not a duration such as 90m, 4h or 2d.")
                        .arg(fieldLabel(TimeWindowKey), m_timeWindow->text().trimmed());
        markInvalid(m_timeWindow, true);
        return std::nullopt;
    }
    // In the order the form shows them, so the first problem named is the topmost.
    for (const QString &field : Policy::fieldNames()) {
        GrowingListEdit *edit = m_lists.value(field);
        if (!edit)
            continue;
        const QStringList entries = edit->entries();
        QHash<QString, int> seen;
        for (int i = 0; i < entries.size(); ++i) {
            const QString key = comparable(field, entries.at(i));
            if (seen.contains(key)) {
                m_problem = tr("%1: \"%2\" is listed twice (entries %3 and %4).")
                                .arg(fieldLabel(field), entries.at(i), QString::number(seen.value(key) + 1),
                                    QString::number(i + 1));
                markInvalid(edit, true);
                return std::nullopt;
            }
            seen.insert(key, i);
        }
        // Whole entries (no splitting at commas: signer names have them), checked by
        // Policy as the CLI's --set checks them.
        if (!edited.setList(field, entries, false, &error)) {
            m_problem = tr("%1: %2").arg(fieldLabel(field), withoutKey(field, error));
            markInvalid(edit, true);
            return std::nullopt;
        }
    }
    m_problem.clear();
    return edited;
}

void PolicyDialog::revalidate()
{
    const bool valid = validate().has_value();
    m_ok->setEnabled(valid);
    m_ok->setToolTip(valid ? QString() : m_problem);
    m_error->setText(m_problem);
}

bool PolicyDialog::apply()
{
    const std::optional<Policy> edited = validate();
    m_error->setText(m_problem);
    m_ok->setEnabled(edited.has_value());
    if (!edited)
        return false;
    m_policy = *edited;
    return true;
}

void PolicyDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace Chainscope
