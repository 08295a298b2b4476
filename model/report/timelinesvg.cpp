#include "timelinesvg.h"

#include "caseindex.h"
#include "explanation.h"
#include "policy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace Chainscope {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Chainscope::HtmlReport)
};

constexpr double Width = 760;
constexpr double LabelWidth = 92; // stage names left of the lanes
constexpr double RightMargin = 16;
constexpr double Top = 30; // room for the window band's label
constexpr double LaneHeight = 26;
constexpr double AxisHeight = 40;
// The share of the plot a broken axis gives to what came after the window.
constexpr double LateShare = 0.24;

const char *const Flagged = "#c62828";
const char *const Approved = "#2e7d32";
const char *const InChain = "#1565c0";
const char *const Late = "#ef6c00";

QString num(double v)
{
    // Fixed notation, one decimal, no locale: the same bytes everywhere.
    return QString::number(v, 'f', 1);
}

QString clock(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString shortened(const QString &text, int max)
{
    return text.size() <= max ? text : text.left(max - 1) + QChar(0x2026);
}

// A marker whose shape tells the stage, so that colour is never the only cue.
QString marker(Stage stage, double x, double y, const char *colour, bool hollow)
{
    const QString fill = hollow ? QStringLiteral("#ffffff") : QString::fromLatin1(colour);
    const QString paint
        = QStringLiteral(" fill=\"%1\" stroke=\"%2\" stroke-width=\"1.5\"").arg(fill, QString::fromLatin1(colour));
    constexpr double r = 6;
    switch (stage) {
    case Stage::Install:
        return QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%3\"%4/>")
            .arg(num(x - r), num(y - r), num(2 * r), paint);
    case Stage::Write:
        return QStringLiteral("<polygon points=\"%1,%2 %3,%4 %1,%5 %6,%4\"%7/>")
            .arg(num(x), num(y - r - 1), num(x + r + 1), num(y), num(y + r + 1), num(x - r - 1), paint);
    case Stage::FirstRun:
        return QStringLiteral("<polygon points=\"%1,%2 %3,%4 %5,%4\"%6/>")
            .arg(num(x), num(y - r - 1), num(x + r + 1), num(y + r), num(x - r - 1), paint);
    case Stage::Egress:
        return QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"%3\"%4/>").arg(num(x), num(y), num(r), paint);
    }
    return QString();
}

struct Point
{
    Stage stage = Stage::Install;
    qint64 timeUs = 0;
    QString title; // hover text in a browser
    QString label; // beside the first marker of a lane
    const char *colour = InChain;
    bool flagged = false;
    bool late = false;
    QString note; // the gap of a nearest miss
};

} // namespace

QString svgEscape(const QString &text)
{
    QString out = showControlCharacters(text, false).toHtmlEscaped();
    out.replace(u'\'', QLatin1String("&#39;"));
    return out;
}

QString formatGap(qint64 us)
{
    const bool negative = us < 0;
    qint64 s = (negative ? -us : us) / 1000000;
    const QString sign = negative ? QStringLiteral("\u2212") : QStringLiteral("+");
    const qint64 days = s / 86400;
    const qint64 hours = (s % 86400) / 3600;
    const qint64 minutes = (s % 3600) / 60;
    const qint64 seconds = s % 60;
    const auto two = [](qint64 v) {
        return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0'));
    };
    if (days > 0)
        return Text::tr("%1%2 d %3 h").arg(sign, QString::number(days), two(hours));
    if (hours > 0)
        return Text::tr("%1%2 h %3 min").arg(sign, QString::number(hours), two(minutes));
    if (minutes > 0)
        return Text::tr("%1%2 min %3 s").arg(sign, QString::number(minutes), two(seconds));
    return Text::tr("%1%2 s").arg(sign, QString::number(seconds));
}

QString timelineSvg(const Chain &chain, const CaseIndex &index, const Policy &policy)
{
    const QList<IndexedEvent> &events = index.events();
    const qint64 t0 = chain.startUs;
    const qint64 window = std::max<qint64>(policy.timeWindowUs, 1);
    const qint64 windowEnd = t0 + window;

    QList<Point> points;
    for (const Evidence &x : chain.evidence) {
        if (x.eventIndex < 0 || x.eventIndex >= events.size())
            continue;
        Point p;
        p.stage = x.stage;
        p.timeUs = events.at(x.eventIndex).timeUs;
        p.flagged = !x.flag.isEmpty();
        p.colour = p.flagged ? Flagged : (x.approvedBy.isEmpty() ? InChain : Approved);
        p.title = QStringLiteral("%1 %2: %3").arg(stageLabel(x.stage), roleLabel(x.role), x.target);
        p.label = fileNameOf(x.target).isEmpty() ? x.target : fileNameOf(x.target);
        points.append(p);
    }
    for (const MissingStage &m : chain.missingStages) {
        if (m.nearestEvent < 0 || m.nearestEvent >= events.size())
            continue;
        Point p;
        p.stage = m.stage;
        p.timeUs = events.at(m.nearestEvent).timeUs;
        p.late = true;
        p.colour = Late;
        p.title = m.reason;
        p.note = Text::tr("%1 %2; window %3")
                     .arg(stageLabel(m.stage), formatGap(p.timeUs - t0), Policy::formatDuration(policy.timeWindowUs));
        points.append(p);
    }
    // Stable order whatever order the evidence came in: by time, stage, then text.
    std::stable_sort(points.begin(), points.end(), [](const Point &a, const Point &b) {
        if (a.timeUs != b.timeUs)
            return a.timeUs < b.timeUs;
        if (a.stage != b.stage)
            return a.stage < b.stage;
        return a.title < b.title;
    });

    // The linear part runs from the earliest point (or the install) to the end of the
    // window or the last point near it; what came much later sits after a break, so
    // that a 12-day chain does not squeeze its first hours into one column.
    qint64 tMin = t0;
    qint64 mainEnd = windowEnd;
    for (const Point &p : std::as_const(points))
        tMin = std::min(tMin, p.timeUs);
    const qint64 lateFrom = windowEnd + (windowEnd - tMin) / 4;
    qint64 lateMin = std::numeric_limits<qint64>::max();
    qint64 lateMax = std::numeric_limits<qint64>::min();
    for (const Point &p : std::as_const(points)) {
        if (p.timeUs > lateFrom) {
            lateMin = std::min(lateMin, p.timeUs);
            lateMax = std::max(lateMax, p.timeUs);
        } else {
            mainEnd = std::max(mainEnd, p.timeUs);
        }
    }
    const bool broken = lateMin != std::numeric_limits<qint64>::max();
    const double plotLeft = LabelWidth;
    const double plotRight = Width - RightMargin;
    const double plotWidth = plotRight - plotLeft;
    const double mainRight = broken ? plotRight - plotWidth * LateShare : plotRight;
    const double lateLeft = mainRight + 24;
    const auto xOf = [&](qint64 t) {
        if (broken && t > lateFrom) {
            if (lateMax == lateMin)
                return (lateLeft + plotRight) / 2;
            return lateLeft + (plotRight - 8 - lateLeft) * double(t - lateMin) / double(lateMax - lateMin);
        }
        const qint64 span = std::max<qint64>(mainEnd - tMin, 1);
        return plotLeft + 8 + (mainRight - plotLeft - 16) * double(t - tMin) / double(span);
    };
    const auto yOf = [](Stage s) {
        return Top + LaneHeight * (int(s) + 0.5);
    };
    const double height = Top + LaneHeight * StageCount + AxisHeight;
    const double axisY = Top + LaneHeight * StageCount + 4;

    QString svg;
    svg += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"11\">\n")
               .arg(num(Width), num(height));
    svg += QStringLiteral("<title>%1</title>\n").arg(svgEscape(Text::tr("Chain %1 on a time axis").arg(chain.id)));
    svg += QStringLiteral("<rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>\n")
               .arg(num(Width), num(height));
    // The window band, labelled in full.
    const double bandLeft = xOf(t0);
    const double bandRight = std::min(xOf(windowEnd), mainRight);
    svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#e3f2fd\" stroke=\"#90caf9\"/>\n")
               .arg(num(bandLeft), num(Top - 4), num(std::max(bandRight - bandLeft, 1.0)),
                   num(LaneHeight * StageCount + 8));
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"#0d47a1\">%3</text>\n")
               .arg(num(bandLeft + 2), num(Top - 10),
                   svgEscape(
                       Text::tr("time window %1 from the install").arg(Policy::formatDuration(policy.timeWindowUs))));
    // Lanes.
    for (int s = 0; s < StageCount; ++s) {
        const double y = yOf(Stage(s));
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#d0d0d0\"/>\n")
                   .arg(num(plotLeft), num(y), num(plotRight));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>\n")
                   .arg(num(LabelWidth - 8), num(y + 4), svgEscape(stageLabel(Stage(s))));
    }
    // The axis, and the break when there is one.
    svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#555555\"/>\n")
               .arg(num(plotLeft), num(axisY), num(mainRight));
    const auto tick = [&](double x, const QString &text, const char *anchor) {
        return QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#555555\"/>"
                              "<text x=\"%1\" y=\"%4\" text-anchor=\"%5\">%6</text>\n")
            .arg(num(x), num(axisY), num(axisY + 4), num(axisY + 16), QString::fromLatin1(anchor), svgEscape(text));
    };
    svg += tick(xOf(t0), clock(t0) + QStringLiteral(" UTC"), "start");
    // Centred, a label at the plot's right edge ran off the picture ("+1 h 30 mi").
    if (xOf(windowEnd) <= mainRight)
        svg += tick(xOf(windowEnd), formatGap(window), xOf(windowEnd) > mainRight - 40 ? "end" : "middle");
    if (broken) {
        svg += QStringLiteral("<path d=\"M%1 %2 l6 -8 M%3 %2 l6 -8\" stroke=\"#555555\"/>\n")
                   .arg(num(mainRight + 6), num(axisY + 4), num(mainRight + 12));
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#555555\"/>\n")
                   .arg(num(lateLeft), num(axisY), num(plotRight));
        svg += tick(xOf(lateMax), clock(lateMax) + QStringLiteral(" UTC"), "end");
    }
    // Markers, and a label beside the first marker of each lane.
    bool labelled[StageCount] = {false, false, false, false};
    for (const Point &p : std::as_const(points)) {
        const double x = xOf(p.timeUs);
        const double y = yOf(p.stage);
        svg += QStringLiteral("<g>%1<title>%2</title></g>\n")
                   .arg(marker(p.stage, x, y, p.colour, p.late), svgEscape(p.title));
        if (p.flagged)
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\" font-weight=\"bold\">!</text>\n")
                       .arg(num(x + 7), num(y - 5), QString::fromLatin1(Flagged));
        if (p.late) {
            svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" "
                                  "stroke-dasharray=\"4 3\"/>\n")
                       .arg(num(bandRight), num(y), num(x - 7), QString::fromLatin1(Late));
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\" text-anchor=\"end\">%4</text>\n")
                       .arg(num(x - 9), num(y - 7), QString::fromLatin1(Late), svgEscape(p.note));
        } else if (!labelled[int(p.stage)] && !p.label.isEmpty()) {
            labelled[int(p.stage)] = true;
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"#333333\">%3</text>\n")
                       .arg(num(x + 10), num(y + 4), svgEscape(shortened(p.label, 40)));
        }
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace Chainscope
