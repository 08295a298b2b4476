#pragma once

#include "casestore.h"
#include "correlator.h"

#include <QString>

namespace Chainscope {

// Human words for the analysis's keys, computed once here so that every front end
// (tree, chain list, summary panel, reports) says the same thing. The keys themselves
// (snake_case flags and roles) stay the JSON contract; only views show these labels.

// A mismatch flag (Mismatch::*) as a short label: "host not approved".
QString mismatchLabel(const QString &flag);
// One sentence that says what the flag means, for tooltips.
QString mismatchDescription(const QString &flag);
// An evidence role (Evidence::role) as a short label: "first run".
QString roleLabel(const QString &role);
// A stage as a label: "First run".
QString stageLabel(Stage stage);
// A verdict as a label: "Suspicious".
QString verdictLabel(Verdict verdict);
// A gap or a delay for the analyst: "45 s", "12 min", "3 h 02 min", "12 days 4 h".
QString durationLabel(qint64 us);
// The analyst's triage mark: "Needs follow-up"; None is "Not triaged".
QString triageMarkLabel(TriageMark mark);
// An approving policy entry (Evidence::approvedBy, "ApprovedUpdateHosts example.com")
// in plain words: "approved by ApprovedUpdateHosts entry example.com".
QString approvalLabel(const QString &approvedBy);
// What an evidence item says in one cell: "approved by …" when a policy entry allowed
// it, the flag's label and the reason when it raised one, otherwise the reason.
QString evidenceReason(const Evidence &evidence);

} // namespace Chainscope
