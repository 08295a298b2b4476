#!/usr/bin/env bash
# Triage-collection benchmark (issue 13): the same logs imported as one zip (read in
# place: a first pass hashes every member, a second imports) and as the files one by
# one in a single import. Two sets: the shared corpus's Linux and Windows logs, and a
# generated demo (audit, dpkg, apt, EVTX) with NOISE extra events, large enough that the
# archive's second pass shows.
# Usage: bench_collection.sh CHAINSCOPE_CLI CORPUS_DIR DIR [NOISE [RUNS]]
#        bench_collection.sh CHAINSCOPE_CLI CORPUS_DIR DIR --run SET zip|files
# The first form prepares DIR and times each way RUNS times (default 5) with /usr/bin/time,
# printing every run and the median; the second runs one import once (for an outside timer).
set -euo pipefail
cli=$1 corpus=$2 dir=$3
shift 3

files_of() { # set: its logs, sorted
    find "$dir/$1/files" -type f | LC_ALL=C sort
}

import_once() { # set, zip|files
    local set=$1 way=$2 case="$dir/$1-$2.chainscope"
    rm -f "$case" "$case-wal" "$case-shm"
    "$cli" new "$case" >/dev/null
    if [ "$way" = zip ]; then
        "$cli" import "$case" "$dir/$set/collection.zip" >/dev/null 2>&1 || [ $? -eq 2 ]
    else
        # shellcheck disable=SC2046
        "$cli" import "$case" $(files_of "$set") >/dev/null 2>&1 || [ $? -eq 2 ]
    fi
}

if [ "${1:-}" = --run ]; then
    import_once "$2" "$3"
    exit 0
fi
noise=${1:-300000} runs=${2:-5}

rm -rf "$dir"
mkdir -p "$dir/corpus/files" "$dir/demo/files"
cp -r "$corpus/linux" "$corpus/windows" "$dir/corpus/files/"
"$cli" demo "$dir/demo/files" --noise "$noise" --windows-noise "$((noise / 10))" >/dev/null 2>&1
rm -f "$dir/demo/files/site-policy.json"
for set in corpus demo; do
    # python3's zipfile (deflate), an independent writer; paths relative to the set.
    python3 - "$dir/$set/files" "$dir/$set/collection.zip" <<'PY'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
names = sorted(os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for n in names:
        z.write(os.path.join(src, n), n)
PY
    echo "$set: $(files_of "$set" | wc -l) files, $(cat $(files_of "$set") | wc -c) bytes;" \
        "zip $(stat -c %s "$dir/$set/collection.zip") bytes"
done
for set in corpus demo; do
    for way in files zip; do
        walls=()
        for i in $(seq "$runs"); do
            line=$(/usr/bin/time -f "wall_s=%e user_s=%U sys_s=%S peak_rss_kib=%M" \
                "$0" "$cli" "$corpus" "$dir" --run "$set" "$way" 2>&1 >/dev/null | tail -n 1)
            echo "  $set $way run $i: $line"
            walls+=("${line%% *}")
        done
        printf '%s\n' "${walls[@]}" | sed 's/wall_s=//' | sort -n | awk -v s="$set" -v w="$way" \
            '{ v[NR] = $1 } END { print s " " w " median wall_s=" v[int((NR + 1) / 2)] }'
    done
done
