#pragma once

#include "event.h"
#include "reader.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>

namespace Chainscope {

// Elastic Common Schema documents of all three platforms: Elastic Endpoint (Elastic
// Defend), Auditbeat (auditd and system modules) and Winlogbeat, as Elasticsearch hands
// them out (hits with "_index" and "_source") or as plain documents.
//
// Layout: one document per line (NDJSON), pretty-printed documents one after another,
// or a top-level JSON array of documents. Documents are cut out of the stream by a
// scanner that knows strings and brackets, so memory is bounded by the largest
// document, never by the file; a document longer than the cap is an error and skipped.
// An Elasticsearch search response ({"hits":{"hits":[…]}}) is one top-level object: it
// is read whole, within the same cap, and each hit is a document (stored as compact
// JSON, at the response's position).
//
// Damage: a document cut off (a line end inside a string, or a '{' where JSON allows
// none, such as the start of the next NDJSON line) is one error and reading goes on
// with what follows; so is text between documents and a document that does not parse.
//
// Mapping (details keys in brackets): @timestamp is the time (event.created when it is
// missing); host.hostname or host.name the host; event.category / type / action pick the
// kind: process start (event.action "fork": forked) and end [exit_code], file creation / change /
// rename / deletion (the old name of a rename from file.Ext.original.path or
// file.original.path [original_path]), library loads (dll.*, else file.*), network
// connections (only outgoing ones are egress; inbound ones stay log messages
// [direction, source_ip, source_port, transport]), DNS lookups (dns.question.name,
// dns.resolved_ip and the address answers [dns_type, response_code]), packages (Auditbeat's system/package
// [package_action, version]); everything else a log message [message]. Process
// identity from process.* (entity_id is the process key, parent.entity_id the
// parent's); signatures from process / dll / file .code_signature (signer, team id,
// status: "Valid" when trusted or valid, "Unsigned" when none exists, else the status
// text [signing_id]); hashes from *.hash as Sysmon writes them ("SHA1=…,MD5=…,SHA256=…",
// upper-case hex). Every event keeps [dataset, module, action, category, type] and the
// Elasticsearch index of a hit [index].
// Auditd documents add [syscall], any document its [outcome]; Elastic Endpoint's process ancestry is kept
// [ancestry].
//
// Winlogbeat documents (winlog.channel, winlog.event_id, winlog.event_data) are handed
// to the Windows normalizer as the record they were made from, so a Sysmon, Security
// or MsiInstaller event means the same whether it came from an EVTX file or from
// Elasticsearch. Where Winlogbeat's Sysmon or Security module moved EventData fields
// into ECS fields (process.entity_id, hash.*, network.direction, …), they are put back
// under their Sysmon names first.
class EcsReader final : public Reader
{
public:
    // Far above any real document (a few KiB; Winlogbeat with the event XML some tens).
    static constexpr qsizetype DefaultMaxDocumentBytes = 16 * 1024 * 1024;
    // Brackets a document may nest, its own '{' included: QJsonDocument refuses deeper
    // ones, and the scanner keeps no more than this (a deeper document is one error).
    static constexpr int MaxNestingDepth = 1024;

    explicit EcsReader(qsizetype maxDocumentBytes = DefaultMaxDocumentBytes);
    // The head of the file holds an ECS document: a JSON object with "@timestamp" and
    // one of ECS's own fields ("ecs", "event" with "category" / "dataset" / "module",
    // "agent", "_source", "winlog"); never an eslogger line ("event_type" with
    // "audit_token").
    static bool probe(QByteArrayView head);
    void read(InputFile &input, const ReaderContext &context, ImportSink &sink) override;

    // The events of one parsed document ("_source" already unwrapped or not), without
    // record position. False, with `error` set, when it is not one the reader can use.
    static bool normalize(const QJsonObject &document, const ReaderContext &context, QList<Event> &out, QString &error);

private:
    qsizetype m_maxDocumentBytes;
};

} // namespace Chainscope
