#include "eventspanel.h"

#include "casestore.h"
#include "eventsmodel.h"
#include "eventstableview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDataStream>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace Chainscope {

namespace {

// Long enough to let a word be typed, short enough to feel live.
constexpr int SearchDebounceMs = 250;
// saveState()'s own header, so that a state from another widget is refused.
constexpr quint32 StateMagic = 0x43534556; // "CSEV"
constexpr quint32 StateVersion = 1;

const char *const DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

QComboBox *makeCombo(const QString &toolTip, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setToolTip(toolTip);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMaximumWidth(260);
    return combo;
}

} // namespace

EventsPanel::EventsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventsModel(this))
    , m_view(new EventsTableView(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_host(makeCombo(tr("Show the events of one host"), this))
    , m_source(makeCombo(tr("Show the events of one source file"), this))
    , m_kind(makeCombo(tr("Show one kind of event"), this))
    , m_provider(makeCombo(tr("Show the events of one Windows event provider"), this))
    , m_eventCode(new QLineEdit(this))
    , m_fromOn(new QCheckBox(tr("From"), this))
    , m_from(new QDateTimeEdit(this))
    , m_toOn(new QCheckBox(tr("To"), this))
    , m_to(new QDateTimeEdit(this))
    , m_chainOnly(new QCheckBox(tr("This chain only"), this))
    , m_bookmarkedOnly(new QCheckBox(tr("Bookmarked only"), this))
    , m_debounce(new QTimer(this))
{
    m_search->setPlaceholderText(tr("Search image, command line, target, destination, user, provider, message "
                                    "(Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_eventCode->setPlaceholderText(tr("Event ID"));
    m_eventCode->setToolTip(tr("Show one Windows event id (4688, Sysmon 1, …)"));
    m_eventCode->setValidator(new QIntValidator(0, 999999, m_eventCode));
    m_eventCode->setFixedWidth(std::max(m_eventCode->fontMetrics().horizontalAdvance(m_eventCode->placeholderText()),
                                   m_eventCode->fontMetrics().horizontalAdvance(QStringLiteral("0000000")))
        + 24);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        // The edit holds the wall-clock time of the display zone; it is turned into an
        // instant with that zone, never the machine's.
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QString::fromLatin1(DateTimeFormat));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    m_fromOn->setToolTip(tr("Only events at or after this time (display time zone)"));
    m_toOn->setToolTip(tr("Only events at or before this time, the whole second included (display time zone)"));
    m_chainOnly->setToolTip(tr("Only the events of the chain selected in the Chains tab"));
    m_chainOnly->setEnabled(false);
    m_bookmarkedOnly->setToolTip(tr("Only events bookmarked with Ctrl+B"));
    auto *clear = new QPushButton(tr("Clear filters"), this);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setToolTip(tr("Write every matching event, in this order and these columns, to a CSV file"));

    m_search->setObjectName(QStringLiteral("search"));
    m_count->setObjectName(QStringLiteral("matchCount"));
    m_host->setObjectName(QStringLiteral("hostFilter"));
    m_source->setObjectName(QStringLiteral("sourceFilter"));
    m_kind->setObjectName(QStringLiteral("kindFilter"));
    m_provider->setObjectName(QStringLiteral("providerFilter"));
    m_eventCode->setObjectName(QStringLiteral("eventCodeFilter"));
    m_fromOn->setObjectName(QStringLiteral("fromEnabled"));
    m_from->setObjectName(QStringLiteral("from"));
    m_toOn->setObjectName(QStringLiteral("toEnabled"));
    m_to->setObjectName(QStringLiteral("to"));
    m_chainOnly->setObjectName(QStringLiteral("chainOnly"));
    m_bookmarkedOnly->setObjectName(QStringLiteral("bookmarkedOnly"));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(SearchDebounceMs);

    m_view->setCaseModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // One fixed height for every row: with millions of rows the view must never measure
    // them (that would read every row's page); it computes where row N is.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setSortIndicator(EventsModel::Time, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    // Widths for what the columns hold: a time with microseconds and offset, short
    // numbers, paths and command lines.
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 24;
    };
    header->resizeSection(EventsModel::Mark, width(QStringLiteral("\u2605")));
    header->resizeSection(EventsModel::Time, width(QStringLiteral("2000-01-01T00:00:00.000000+00:00")));
    header->resizeSection(EventsModel::Host, width(QStringLiteral("DESKTOP-0HIJB49")));
    header->resizeSection(EventsModel::Source, width(QStringLiteral("sysmon_benign_updaters.evtx")));
    header->resizeSection(EventsModel::Kind, width(QStringLiteral("package_install")));
    header->resizeSection(EventsModel::Provider, width(QStringLiteral("Microsoft-Windows-Sysmon")));
    header->resizeSection(EventsModel::EventCode, width(QStringLiteral("Event ID")));
    header->resizeSection(EventsModel::Pid, width(QStringLiteral("4294967")));
    header->resizeSection(EventsModel::Image, width(QStringLiteral("C:\\Windows\\System32\\cmd.exe")));
    header->resizeSection(EventsModel::Object, width(QStringLiteral("raw.codehost.example:443")));
    header->resizeSection(EventsModel::CommandLine, width(QStringLiteral("C:\\Windows\\System32\\cmd.exe /c whoami")));

    auto *search = new QHBoxLayout;
    search->addWidget(m_search, 1);
    search->addWidget(m_count);
    search->addWidget(exportButton);
    // Two rows of filters, which scroll sideways rather than hold the window wider
    // than a laptop screen at 2x scaling (the panel shares it with the chains list).
    for (QComboBox *combo : {m_host, m_source, m_kind, m_provider}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(14);
    }
    auto *filterBox = new QWidget(this);
    auto *filterRows = new QVBoxLayout(filterBox);
    filterRows->setContentsMargins(0, 0, 0, 0);
    auto *what = new QHBoxLayout;
    what->addWidget(m_host);
    what->addWidget(m_source);
    what->addWidget(m_kind);
    what->addWidget(m_provider);
    what->addWidget(m_eventCode);
    what->addStretch(1);
    auto *when = new QHBoxLayout;
    when->addWidget(m_fromOn);
    when->addWidget(m_from);
    when->addWidget(m_toOn);
    when->addWidget(m_to);
    when->addWidget(m_chainOnly);
    when->addWidget(m_bookmarkedOnly);
    when->addStretch(1);
    when->addWidget(clear);
    filterRows->addLayout(what);
    filterRows->addLayout(when);
    auto *filterScroll = new QScrollArea(this);
    filterScroll->setWidget(filterBox);
    filterScroll->setWidgetResizable(true);
    filterScroll->setFrameShape(QFrame::NoFrame);
    filterScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    filterScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    filterScroll->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    filterScroll->setFixedHeight(
        filterBox->sizeHint().height() + filterScroll->horizontalScrollBar()->sizeHint().height());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(search);
    layout->addWidget(filterScroll);
    layout->addWidget(m_view, 1);

    auto *copy = new QAction(tr("Copy rows"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &EventsPanel::copySelection);
    m_view->addAction(copy);
    m_bookmarkAction = new QAction(tr("Toggle bookmark…"), this);
    m_bookmarkAction->setObjectName(QStringLiteral("actionToggleBookmark"));
    m_bookmarkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_bookmarkAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_bookmarkAction, &QAction::triggered, this, &EventsPanel::toggleBookmark);
    m_view->addAction(m_bookmarkAction);
    // No Ctrl+F of its own: the window's Edit → Find calls focusSearch(), and two
    // actions on one key would leave Qt firing neither.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &EventsPanel::applyFilters);
    for (QComboBox *combo : {m_host, m_source, m_kind, m_provider})
        connect(combo, &QComboBox::currentIndexChanged, this, &EventsPanel::applyFilters);
    connect(m_eventCode, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    for (QCheckBox *box : {m_fromOn, m_toOn, m_chainOnly, m_bookmarkedOnly})
        connect(box, &QCheckBox::toggled, this, &EventsPanel::applyFilters);
    connect(m_fromOn, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toOn, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this] {
            if (m_fromOn->isChecked() || m_toOn->isChecked())
                m_debounce->start();
        });
    }
    connect(clear, &QPushButton::clicked, this, &EventsPanel::clearFilters);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString error = exportCsvDialog();
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export CSV"), error);
    });
    connect(header, &QHeaderView::customContextMenuRequested, this, &EventsPanel::showHeaderMenu);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventsPanel::updateCount);
    connect(m_view, &EventsTableView::currentCaseRowChanged, this, [this](int row) {
        if (!m_selecting && row >= 0)
            emit eventSelected(currentEventId());
    });
    setStore(nullptr);
    m_defaultState = saveState();
}

EventsPanel::~EventsPanel() = default;

void EventsPanel::resetColumns()
{
    restoreState(m_defaultState);
}

void EventsPanel::setStore(CaseStore *store)
{
    m_store = store;
    m_chainEvents.clear();
    m_updating = true;
    m_search->clear();
    m_eventCode->clear();
    m_fromOn->setChecked(false);
    m_toOn->setChecked(false);
    m_chainOnly->setChecked(false);
    m_chainOnly->setEnabled(false);
    m_bookmarkedOnly->setChecked(false);
    m_updating = false;
    m_debounce->stop();
    fillChoices();
    m_model->reset(store, currentQuery());
    setEnabled(store != nullptr);
}

void EventsPanel::reload()
{
    fillChoices();
    m_model->reset(m_store, currentQuery());
}

void EventsPanel::fillChoices()
{
    m_updating = true;
    const auto refill = [](QComboBox *combo, const QString &all, const QList<QPair<QString, QVariant>> &items) {
        const QVariant was = combo->currentData();
        combo->clear();
        combo->addItem(all);
        for (const auto &item : items)
            combo->addItem(item.first, item.second);
        const int keep = was.isValid() ? combo->findData(was) : -1;
        combo->setCurrentIndex(std::max(keep, 0));
    };
    QList<QPair<QString, QVariant>> hosts, sources, kinds, providers;
    m_total = 0;
    if (m_store) {
        m_total = m_store->eventCount();
        for (const QString &h : m_store->hosts())
            hosts.append({h, h});
        for (const SourceInfo &s : m_store->sources())
            sources.append({fileNameOf(s.memberPath.isEmpty() ? s.path : s.memberPath), s.id});
        for (const auto &k : m_store->eventCountsByKind())
            kinds.append({QStringLiteral("%1 (%2)").arg(k.first, QLocale().toString(k.second)), k.first});
        for (const QString &p : m_store->eventProviders())
            providers.append({p, p});
    }
    // The range edits start at the case's first and last event, where a range is
    // usually narrowed from.
    if (m_store && !m_fromOn->isChecked() && !m_toOn->isChecked()) {
        EventQuery first;
        first.limit = 1;
        EventQuery last = first;
        last.descending = true;
        const auto setEdit = [this](QDateTimeEdit *edit, const EventQuery &q) {
            m_store->queryEvents(q, [&](const Event &e) {
                const QDateTime shown = QDateTime::fromMSecsSinceEpoch(e.timeUs / 1000, m_zone);
                edit->setDateTime(QDateTime(shown.date(), shown.time(), Qt::UTC));
                return false;
            });
        };
        setEdit(m_from, first);
        setEdit(m_to, last);
    }
    refill(m_host, tr("All hosts"), hosts);
    refill(m_source, tr("All sources"), sources);
    refill(m_kind, tr("All kinds"), kinds);
    refill(m_provider, tr("All providers"), providers);
    m_provider->setVisible(!providers.isEmpty());
    m_updating = false;
}

EventQuery EventsPanel::currentQuery() const
{
    EventQuery q = m_model->query();
    q.text = m_search->text().trimmed();
    q.hosts.clear();
    if (m_host->currentIndex() > 0)
        q.hosts = {m_host->currentData().toString()};
    q.sourceIds.clear();
    if (m_source->currentIndex() > 0)
        q.sourceIds = {m_source->currentData().toLongLong()};
    q.kinds.clear();
    if (m_kind->currentIndex() > 0) {
        if (const auto kind = kindFromName(m_kind->currentData().toString()))
            q.kinds = {*kind};
    }
    q.provider = m_provider->currentIndex() > 0 ? m_provider->currentData().toString() : QString();
    bool ok = false;
    const qint64 code = m_eventCode->text().toLongLong(&ok);
    q.eventCode = ok ? std::optional<qint64>(code) : std::nullopt;
    const auto instant = [this](const QDateTimeEdit *edit) {
        return QDateTime(edit->date(), edit->time(), m_zone).toMSecsSinceEpoch() * 1000;
    };
    q.fromUs = m_fromOn->isChecked() ? std::optional<qint64>(instant(m_from)) : std::nullopt;
    // The edit shows whole seconds: "to 12:00:05" keeps everything within that second.
    q.toUs = m_toOn->isChecked() ? std::optional<qint64>(instant(m_to) + 999999) : std::nullopt;
    q.eventIds = m_chainOnly->isChecked() ? std::optional<QList<qint64>>(m_chainEvents) : std::nullopt;
    q.bookmarkedOnly = m_bookmarkedOnly->isChecked();
    return q;
}

void EventsPanel::applyFilters()
{
    if (m_updating)
        return;
    m_debounce->stop();
    const qint64 current = currentEventId();
    m_model->setQuery(currentQuery());
    // The event the analyst was on stays selected when it still matches.
    if (current >= 0) {
        const int row = m_model->rowOfEvent(current);
        if (row >= 0)
            selectRow(row);
    }
}

qint64 EventsPanel::currentEventId() const
{
    const int row = m_view->currentCaseRow();
    return row >= 0 ? m_model->eventAt(row).id : -1;
}

void EventsPanel::updateCount()
{
    m_count->setText(matchCountText());
}

QString EventsPanel::matchCountText() const
{
    const QLocale locale;
    return tr("%1 of %2 events").arg(locale.toString(m_model->matchCount()), locale.toString(m_total));
}

void EventsPanel::setTimeZone(const QTimeZone &zone)
{
    const QTimeZone next = zone.isValid() ? zone : QTimeZone::utc();
    // The range keeps its instants; the edits show them in the new zone.
    m_updating = true;
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        const QDateTime instant(edit->date(), edit->time(), m_zone);
        const QDateTime shown = instant.toTimeZone(next);
        edit->setDateTime(QDateTime(shown.date(), shown.time(), Qt::UTC));
    }
    m_zone = next;
    m_updating = false;
    m_model->setTimeZone(next);
}

void EventsPanel::setChainEvents(const QList<qint64> &eventIds)
{
    m_chainEvents = eventIds;
    m_chainOnly->setEnabled(!eventIds.isEmpty() || m_chainOnly->isChecked());
    if (m_chainOnly->isChecked())
        applyFilters();
}

bool EventsPanel::selectEventIfShown(qint64 eventId)
{
    if (!m_store)
        return false;
    if (m_debounce->isActive())
        applyFilters();
    const int row = eventId >= 0 ? m_model->rowOfEvent(eventId) : -1;
    if (row < 0) {
        m_selecting = true;
        m_view->selectionModel()->clear();
        m_selecting = false;
    } else {
        selectRow(row);
    }
    return row >= 0;
}

void EventsPanel::selectRow(int row)
{
    m_selecting = true;
    m_view->selectCaseRow(row, EventsModel::Time);
    m_selecting = false;
}

void EventsPanel::setTimeRange(qint64 fromUs, qint64 toUs)
{
    if (fromUs > toUs)
        std::swap(fromUs, toUs);
    m_updating = true;
    // The edits hold whole seconds: from is floored to its second, and "to" takes in
    // its whole second (currentQuery()), so the range never loses an event it covers.
    const auto show = [this](QDateTimeEdit *edit, qint64 us) {
        const qint64 ms = us >= 0 ? us / 1000 : -((-us + 999) / 1000);
        const QDateTime shown = QDateTime::fromMSecsSinceEpoch(ms - ((ms % 1000) + 1000) % 1000, m_zone);
        edit->setDateTime(QDateTime(shown.date(), shown.time(), Qt::UTC));
    };
    show(m_from, fromUs);
    show(m_to, toUs);
    m_fromOn->setChecked(true);
    m_toOn->setChecked(true);
    m_updating = false;
    applyFilters();
}

void EventsPanel::clearTimeRange()
{
    if (!m_fromOn->isChecked() && !m_toOn->isChecked())
        return;
    m_updating = true;
    m_fromOn->setChecked(false);
    m_toOn->setChecked(false);
    m_updating = false;
    applyFilters();
}

void EventsPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void EventsPanel::clearFilters()
{
    m_updating = true;
    m_search->clear();
    m_eventCode->clear();
    for (QComboBox *combo : {m_host, m_source, m_kind, m_provider})
        combo->setCurrentIndex(0);
    for (QCheckBox *box : {m_fromOn, m_toOn, m_chainOnly, m_bookmarkedOnly})
        box->setChecked(false);
    m_chainOnly->setEnabled(!m_chainEvents.isEmpty());
    m_updating = false;
    applyFilters();
}

void EventsPanel::selectEvent(qint64 eventId)
{
    if (!m_store)
        return;
    if (m_debounce->isActive())
        applyFilters();
    int row = m_model->rowOfEvent(eventId);
    if (row < 0) {
        clearFilters();
        row = m_model->rowOfEvent(eventId);
    }
    if (row >= 0)
        selectRow(row);
}

QList<int> EventsPanel::visibleColumns() const
{
    QList<int> columns;
    const QHeaderView *header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

QString EventsPanel::tsvField(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString EventsPanel::csvField(const QString &value)
{
    QString v = value;
    // A spreadsheet runs a cell that starts like a formula (OWASP "CSV injection").
    if (!v.isEmpty()
        && (v.front() == u'=' || v.front() == u'+' || v.front() == u'-' || v.front() == u'@' || v.front() == u'\t'
            || v.front() == u'\r'))
        v.prepend(u'\'');
    if (v.contains(u'"') || v.contains(u',') || v.contains(u'\n') || v.contains(u'\r')) {
        v.replace(QLatin1String("\""), QLatin1String("\"\""));
        v = u'"' + v + u'"';
    }
    return v;
}

QString EventsPanel::selectionAsTsv() const
{
    // The selection as intervals of case rows, sorted (the view keeps them so, whether
    // or not its window holds them): Ctrl+A on millions of rows is one range, not
    // millions of indexes.
    EventsTableView::Ranges merged = m_view->selectedCaseRows();
    if (merged.isEmpty() && m_view->currentCaseRow() >= 0)
        merged.append({m_view->currentCaseRow(), m_view->currentCaseRow()});
    const QList<int> columns = visibleColumns();
    QString text;
    QStringList cells;
    for (int column : columns)
        cells.append(tsvField(m_model->headerData(column, Qt::Horizontal).toString()));
    text += cells.join(u'\t') + u'\n';
    if (!m_store)
        return text;
    // The rows from the store, in the table's order, not from the model's page cache:
    // a selection may be larger than the cache holds.
    for (const auto &[top, bottom] : std::as_const(merged)) {
        EventQuery rows = m_model->query();
        rows.offset = top;
        rows.limit = qint64(bottom) - top + 1;
        m_store->queryEvents(rows, [&](const Event &e) {
            cells.clear();
            for (int column : columns)
                cells.append(tsvField(m_model->cellText(e, column)));
            text += cells.join(u'\t') + u'\n';
            return true;
        });
    }
    return text;
}

void EventsPanel::copySelection()
{
    if (m_model->rowCount() == 0)
        return;
    try {
        QApplication::clipboard()->setText(selectionAsTsv());
    } catch (const CaseError &e) {
        QMessageBox::warning(this, tr("Copy rows"), e.message());
    }
}

namespace {

// The reason a QSaveFile failed; where it names none, errno still holds it.
QString writeFailure(const QSaveFile &file, int savedErrno)
{
    const QString reason = file.errorString();
    if (!reason.isEmpty() && reason != u"Unknown error")
        return reason;
    return savedErrno ? QString::fromLocal8Bit(std::strerror(savedErrno)) : reason;
}

// Writes all of `bytes` (unbuffered: a failing write(2) is seen here, not lost in a
// flush that commit() ignores). Returns the reason it failed, empty on success.
QString writeAll(QSaveFile &file, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        // A short write sets no error; the next call meets the cause and reports it.
        errno = 0;
        const qint64 written = file.write(data, left);
        if (written <= 0)
            return writeFailure(file, errno);
        data += written;
        left -= written;
    }
    return QString();
}

// Rows are written out in chunks of about this many characters: memory stays bounded
// whatever the number of matching events.
constexpr qsizetype CsvChunkChars = 1 << 20;

} // namespace

QString EventsPanel::exportCsv(const QString &path)
{
    if (!m_store)
        return tr("No case is open.");
    const QList<int> columns = visibleColumns();
    QString text;
    QStringList cells;
    for (int column : columns) {
        // The marker column is named in words in a file.
        cells.append(csvField(
            column == EventsModel::Mark ? tr("Bookmarked") : m_model->headerData(column, Qt::Horizontal).toString()));
    }
    text += cells.join(u',') + QLatin1String("\r\n");
    // Streamed into a temporary file that replaces `path` only when whole (QSaveFile, as
    // writeOutputFile): a case of millions of events is never held as one text. No
    // fallback to writing `path` in place when its folder refuses a temporary file.
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return tr("Could not write %1: %2").arg(path, writeFailure(file, errno));
    // A byte order mark: spreadsheets otherwise read UTF-8 as the local code page.
    QString error = writeAll(file, QByteArray("\xEF\xBB\xBF"));
    // Every matching row from the store, in the table's order, not only the pages the
    // view has read.
    EventQuery all = m_model->query();
    all.limit = -1;
    all.offset = 0;
    try {
        m_store->queryEvents(all, [&](const Event &e) {
            cells.clear();
            for (int column : columns) {
                if (column == EventsModel::Mark)
                    cells.append(m_model->cellText(e, column).isEmpty() ? QString() : tr("yes"));
                else
                    cells.append(csvField(m_model->cellText(e, column)));
            }
            text += cells.join(u',') + QLatin1String("\r\n");
            if (text.size() >= CsvChunkChars && error.isEmpty()) {
                error = writeAll(file, text.toUtf8());
                text.clear();
            }
            return error.isEmpty();
        });
    } catch (const CaseError &e) {
        file.cancelWriting();
        return e.message();
    }
    if (error.isEmpty())
        error = writeAll(file, text.toUtf8());
    if (!error.isEmpty()) {
        file.cancelWriting();
        return tr("Could not write %1: %2").arg(path, error);
    }
    // commit() syncs and renames; the file at `path` changes only now.
    errno = 0;
    if (!file.commit())
        return tr("Could not write %1: %2").arg(path, writeFailure(file, errno));
    return QString();
}

QString EventsPanel::exportCsvDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export events as CSV"), QStringLiteral("events.csv"), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return QString();
    return exportCsv(path);
}

void EventsPanel::setBookmarked(qint64 eventId, bool bookmarked, const QString &note)
{
    if (!m_store)
        return;
    if (bookmarked)
        m_store->setBookmark(eventId, note);
    else
        m_store->removeBookmark(eventId);
    if (m_bookmarkedOnly->isChecked()) {
        applyFilters();
    } else {
        m_model->reloadBookmarks();
    }
    emit bookmarksChanged();
}

void EventsPanel::toggleBookmark()
{
    // Through the model, not the view's index: the current row may have scrolled out of
    // the table's window.
    const int row = m_view->currentCaseRow();
    if (!m_store || row < 0)
        return;
    const QModelIndex current = m_model->index(row, EventsModel::Mark);
    const qint64 id = current.data(EventsModel::EventIdRole).toLongLong();
    try {
        if (current.data(EventsModel::BookmarkRole).toBool()) {
            setBookmarked(id, false);
            return;
        }
        bool ok = false;
        const QString note = QInputDialog::getText(
            this, tr("Bookmark event"), tr("Note (optional):"), QLineEdit::Normal, QString(), &ok);
        if (ok)
            setBookmarked(id, true, note);
    } catch (const CaseError &e) {
        QMessageBox::warning(this, tr("Bookmark"), e.message());
    }
}

void EventsPanel::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_view->horizontalHeader();
    QMenu menu(this);
    menu.addSection(tr("Columns"));
    for (int column = 0; column < EventsModel::ColumnCount; ++column) {
        QString name = m_model->headerData(column, Qt::Horizontal).toString();
        if (column == EventsModel::Mark)
            name = tr("Bookmark");
        QAction *action = menu.addAction(name);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column stays: a table without columns cannot get them back.
        action->setEnabled(header->isSectionHidden(column) || visibleColumns().size() > 1);
        connect(
            action, &QAction::toggled, header, [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    menu.exec(header->mapToGlobal(pos));
}

QByteArray EventsPanel::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << StateMagic << StateVersion << m_view->horizontalHeader()->saveState();
    return state;
}

bool EventsPanel::restoreState(const QByteArray &state)
{
    QDataStream in(state);
    quint32 magic = 0;
    quint32 version = 0;
    QByteArray header;
    in >> magic >> version >> header;
    if (in.status() != QDataStream::Ok || magic != StateMagic || version != StateVersion)
        return false;
    QHeaderView *h = m_view->horizontalHeader();
    if (!h->restoreState(header))
        return false;
    // A state that hid every column would leave nothing to click on.
    if (visibleColumns().isEmpty())
        h->setSectionHidden(EventsModel::Time, false);
    m_model->sort(h->sortIndicatorSection(), h->sortIndicatorOrder());
    return true;
}

} // namespace Chainscope
