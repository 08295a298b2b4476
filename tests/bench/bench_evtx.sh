#!/usr/bin/env bash
# EVTX benchmark: one generated Sysmon log of >= 1 GB, read by evtxexport and by
# Chainscope in the same run; python-evtx (evtx_dump.py) on a smaller log of the same
# generator, because at its speed the large one would take hours.
# Usage: bench_evtx.sh CHAINSCOPE_CLI CHAINSCOPE_BENCH DIR NOISE SMALL_NOISE
set -euo pipefail
cli=$1 bench=$2 dir=$3 noise=$4 small=$5
rm -rf "$dir"
mkdir -p "$dir"
timed() { # label, command...: wall seconds and peak RSS of one command
    local label=$1
    shift
    /usr/bin/time -f "$label wall_s=%e user_s=%U sys_s=%S peak_rss_mib=%M" "$@" 2>&1 >/dev/null | tail -n 1 |
        awk '{ for (i = 1; i <= NF; ++i) if ($i ~ /^peak_rss_mib=/) { split($i, kv, "="); $i = sprintf("peak_rss_mib=%.1f", kv[2] / 1024) } print }'
}
# Our runs take seconds, evtxexport's minutes; on a shared machine a few seconds can
# land in a slow patch. Each of our modes runs three times; the median is reported
# (all three are printed).
median3() { # chainscope-bench arguments...
    local runs=()
    for i in 1 2 3; do
        runs+=("$("$bench" "$@")")
        echo "  run $i: ${runs[-1]}"
    done
    printf '%s\n' "${runs[@]}" | awk '{ for (i = 1; i <= NF; ++i) if ($i ~ /^seconds=/) { split($i, kv, "="); print kv[2], $0 } }' |
        sort -n | sed -n 2p | cut -d' ' -f2- | sed 's/^/median: /'
}
"$cli" demo "$dir/large" --only windows --windows-noise "$noise" >/dev/null 2>&1
file="$dir/large/fin-ws-07-sysmon.evtx"
records=$(("$noise" + 35))
echo "file=$file bytes=$(stat -c %s "$file") records~=$records nproc=$(nproc)"
timed "evtxexport -f xml" evtxexport -f xml "$file"
median3 "$file" --decode-only --threads 1
median3 "$file" --decode-only --threads 2
median3 "$file" --parse-only --threads 1
median3 "$file" --parse-only --threads 2
median3 "$file" --threads 1 --case "$dir/t1.chainscope"
median3 "$file" --threads 2 --case "$dir/t2.chainscope"
ls -l "$dir/t2.chainscope" | awk '{ print "case file bytes=" $5 }'
"$cli" demo "$dir/small" --only windows --windows-noise "$small" >/dev/null 2>&1
sfile="$dir/small/fin-ws-07-sysmon.evtx"
echo "small file=$sfile bytes=$(stat -c %s "$sfile") records~=$(("$small" + 35))"
timed "evtx_dump.py" evtx_dump.py "$sfile"
timed "evtxexport -f xml" evtxexport -f xml "$sfile"
median3 "$sfile" --decode-only --threads 1
rm -rf "$dir"
