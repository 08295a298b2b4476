#!/usr/bin/env bash
# Open benchmark (issue 15): builds a big mixed case once (kept in DIR/case; delete DIR
# to rebuild it, or change the sizes), then times each phase of opening it in separate
# processes so each phase's peak RSS is its own, RUNS times, and prints a table of
# medians with the spread (min–max).
#
#   bench_open.sh CLI BENCH DIR AUDIT_EVENTS SYSMON_EVENTS INSTALLS RUNS
#
# PHASES=update: only the whole stored index written (the reference) and the update
# section, for a change of how imports update the stored index.
set -euo pipefail
phases=${PHASES:-all}
cli=$1 bench=$2 dir=$3 audit=$4 sysmon=$5 installs=$6 runs=$7
case_dir=$dir/case
db=$case_dir/bench.chainscope
stamp="audit=$audit sysmon=$sysmon installs=$installs"

if [ ! -f "$db" ] || [ "$(cat "$case_dir/stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$case_dir"
    mkdir -p "$case_dir/evidence"
    echo "building the case ($stamp) ..."
    start=$(date +%s)
    # The demo lists the files it wrote: audit.log, dpkg.log, history.log, the .evtx
    # files (and the macOS files when this build reads them).
    "$cli" demo "$case_dir/evidence" --noise "$audit" --windows-noise "$sysmon" --installs "$installs" \
        >"$case_dir/files" 2>/dev/null
    generated=$(date +%s)
    "$cli" new "$db" >/dev/null
    mapfile -t files <"$case_dir/files"
    "$cli" import "$db" "${files[@]}" >"$case_dir/import.txt"
    "$cli" policy "$db" --load "$case_dir/evidence/site-policy.json" >/dev/null
    imported=$(date +%s)
    du -sb "$case_dir/evidence" | cut -f1 >"$case_dir/evidence-bytes"
    rm -rf "$case_dir/evidence"
    echo "generate_s=$((generated - start)) import_s=$((imported - generated))" >"$case_dir/build.txt"
    echo "$stamp" >"$case_dir/stamp"
fi
echo "case: $db ($stamp), $(stat -c %s "$db") bytes"
echo "evidence: $(cat "$case_dir/evidence-bytes") bytes; $(cat "$case_dir/build.txt")"
"$cli" summary "$db" | head -20

out=$dir/results
rm -rf "$out"
mkdir -p "$out"
# KEY VALUE per line, appended per run.
record() { sed -n 's/^\([a-z_]*\)=\([0-9.]*\)\( .*\)\{0,1\}$/\1 \2/p' >>"$out/values"; }
for i in $(seq "$runs"); do
    [ "$phases" = update ] && break
    # The whole-index open, which also keeps the chains in the case (as the first open
    # after an import or a policy change does); then the open that reads them.
    "$bench" "$db" --phase open | tee -a "$out/open.txt" | sed 's/^peak_rss_mib/open_peak_rss_mib/' | record
    "$bench" "$db" --phase kept | tee -a "$out/kept.txt" | sed 's/^peak_rss_mib/kept_peak_rss_mib/' | record
    "$bench" "$db" --phase workbench | tee -a "$out/workbench.txt" | sed 's/^peak_rss_mib/workbench_peak_rss_mib/' | record
    "$bench" "$db" --phase page | tee -a "$out/page.txt" | sed 's/^peak_rss_mib/page_peak_rss_mib/' | record
    /usr/bin/time -v "$cli" chains "$db" >/dev/null 2>"$out/time.txt" || true
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print "cli_chains_wall_s " s }
        /Maximum resident set size/ { printf "cli_chains_max_rss_mib %.1f\n", $2 / 1024 }' "$out/time.txt" >>"$out/values"
done
# The stored correlation index: written once from a whole index, then read by policy
# changes (each from nothing, as the workbench's next session would).
"$bench" "$db" --phase store | tee "$out/store.txt" | sed 's/^peak_rss_mib/store_peak_rss_mib/' | record
if [ "$phases" != update ]; then
    "$bench" "$db" --phase stored --runs "$runs" | tee "$out/stored.txt" | sed 's/^peak_rss_mib/stored_peak_rss_mib/' | record
    # The same from the workbench: its open of kept chains, then policy changes applied
    # as the policy editor applies them (the window's own memory, GUI and all).
    "$bench" "$db" --phase workbench-policy --runs "$runs" | tee "$out/workbench-policy.txt" |
        sed 's/^peak_rss_mib/workbench_policy_peak_rss_mib/' | record
    "$bench" "$db" --phase recompute --runs "$runs" | tee "$out/recompute.txt" |
        sed 's/^peak_rss_mib/recompute_peak_rss_mib/' | record
    "$bench" "$db" --phase timeline --runs "$runs" | tee "$out/timeline.txt" |
        sed 's/^peak_rss_mib/timeline_peak_rss_mib/' | record
fi
# An import into an indexed case writes again only the stored-index parts of the hosts
# its events are on (one part per host): a 43-line dpkg.log imported for a host the case
# does not have, for the demo's Sysmon host (1M events) and for its audit host (4M), each
# timed with the indexing that ends the import; then the file is dropped and `index`
# writes that part back. Compare with store_index_s, the whole index written. The same
# file dated a year later (later_*: a later collection of the host) is after the host's
# last event: its part is continued, not written again.
small=$dir/small
if [ ! -f "$small/dpkg.log" ]; then
    rm -rf "$small"
    "$cli" demo "$small" --only linux >/dev/null 2>&1
fi
mkdir -p "$small/later"
perl -pe 's/^(\d{4})/$1 + 1/e' "$small/dpkg.log" >"$small/later/dpkg.log"
hosts=$("$cli" summary "$db" | sed -n 's/^  hosts //p')
timed() { # KEY COMMAND...: wall seconds and peak RSS of one whole process
    local key=$1
    shift
    /usr/bin/time -f "%e %M" -o "$out/update-time.txt" "$@" >>"$out/update.txt" 2>&1
    awk -v k="$key" '{ printf "%s_s %s\n%s_max_rss_mib %.1f\n", k, $1, k, $2 / 1024 }' "$out/update-time.txt" >>"$out/values"
}
for pair in new:bench-new-01 sysmon:FIN-WS-07.corp.example audit:build-07 \
    later_sysmon:FIN-WS-07.corp.example later_audit:build-07; do
    name=${pair%%:*} host=${pair#*:}
    log=$small/dpkg.log
    [[ $name == later_* ]] && log=$small/later/dpkg.log
    if [ "$name" != new ] && [[ ", $hosts, " != *", $host, "* ]]; then
        echo "the case has no host $host (hosts: $hosts): the demo's host names changed" >&2
        exit 1
    fi
    for i in $(seq "$runs"); do
        timed "update_${name}_import" "$cli" import "$db" --again --host "$host" "$log"
        if [[ $name == later_* ]] && ! tail -1 "$out/update.txt" | grep -q 'continued after its last event'; then
            echo "the later file was not continued after the host's last event:" >&2
            tail -3 "$out/update.txt" >&2
            exit 1
        fi
        id=$("$cli" sources "$db" --json | python3 -c 'import json, sys; print(max(s["id"] for s in json.load(sys.stdin)))')
        "$cli" drop "$db" "$id" >/dev/null
        timed "update_${name}_drop_index" "$cli" index "$db"
    done
done
[ "$phases" = update ] || grep -h '^events=\|^rows=\|chains=' "$out/open.txt" "$out/kept.txt" "$out/page.txt" | sort -u | head -4

echo
echo "| measure | median | min – max | runs |"
echo "|---|---:|---:|---:|"
for key in kept_open_to_chains_s kept_peak_rss_mib kept_rss_after_open_mib keep_s \
    workbench_open_to_chains_s workbench_opencase_s workbench_longest_block_s workbench_peak_rss_mib \
    open_to_chains_s open_store_s index_load_s correlate_s open_peak_rss_mib rss_after_open_mib \
    recompute_window_s recompute_allowlist_s recompute_rewalk_s recompute_peak_rss_mib \
    store_index_s store_peak_rss_mib \
    update_new_import_s update_new_import_max_rss_mib update_new_drop_index_s update_new_drop_index_max_rss_mib \
    update_sysmon_import_s update_sysmon_import_max_rss_mib update_sysmon_drop_index_s update_sysmon_drop_index_max_rss_mib \
    update_audit_import_s update_audit_import_max_rss_mib update_audit_drop_index_s update_audit_drop_index_max_rss_mib \
    update_later_sysmon_import_s update_later_sysmon_import_max_rss_mib \
    update_later_audit_import_s update_later_audit_import_max_rss_mib \
    stored_policy_s stored_window_s stored_allowlist_s stored_rewalk_s stored_peak_rss_mib \
    workbench_policy_window_s workbench_policy_allowlist_s workbench_policy_rewalk_s \
    workbench_policy_window_longest_block_s workbench_policy_allowlist_longest_block_s \
    workbench_policy_rewalk_longest_block_s workbench_policy_rss_idle_mib workbench_policy_peak_rss_mib \
    page_count_s first_page_s middle_page_s page_peak_rss_mib density_refresh_replot_s timeline_showchain_replot_s timeline_peak_rss_mib \
    cli_chains_wall_s cli_chains_max_rss_mib; do
    awk -v k="$key" '$1 == k { print $2 }' "$out/values" | sort -g | awk -v k="$key" '{ v[++n] = $1 }
        END { if (n == 0) exit; m = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2;
              printf "| %s | %.3f | %.3f – %.3f | %d |\n", k, m, v[1], v[n], n }'
done
