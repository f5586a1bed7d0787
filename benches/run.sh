#!/usr/bin/env bash
# Runs the benchmark suite and the command-line comparison, and prints the ratios.
#
#   benches/run.sh                                   # criterion's defaults, 1,000,000 events
#   benches/run.sh --warm-up-time 1 --measurement-time 3    # arguments go to criterion
#   EVENTS=200000 RUNS=5 benches/run.sh              # a smaller file, more runs of each program
#   SKIP_SUITE=1 benches/run.sh                      # only the command line
#   SKIP_CLI=1 benches/run.sh                        # only the suite and the chart
#   NO_BUILD=1 SKIP_SUITE=1 benches/run.sh           # the command line, binaries as built
#   FEATURES=events-core/fast-payloads CARGO_TARGET_DIR=target/fast benches/run.sh
#                                                    # everything built with a cargo feature
#
# 1. `cargo bench -p events-bench` (groups decode_type_first, decode_type_last, encode,
#    registry_decode, registry_get), then benches/chart.py: the ratio tables (criterion's median,
#    and the fastest sample) and benches/chart.svg (fastest sample).
# 2. The command line at scale: gen_ndjson writes EVENTS realistic events (every 10th with
#    `type` after `payload`) to target/bench/, never to the source tree; then `events validate`
#    (release) and plain_lines (the plain serde line decoder) each read it RUNS times, timed
#    with hyperfine if installed, else /usr/bin/time -v (fastest run, peak memory).
#
# Numbers are only comparable within one run of this script on one machine; on a shared or
# small machine (2 cores, others compiling) expect several percent of noise: criterion runs the
# rows one after another, so a burst of load during one row skews its ratio. The fastest-sample
# table is the steadier one there; compare two runs before trusting a difference under 5 %.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
# Absolute: cargo reads a relative CARGO_TARGET_DIR from here, criterion from benches/.
target=$(realpath -m "${CARGO_TARGET_DIR:-$root/target}")
export CARGO_TARGET_DIR=$target
events=${EVENTS:-1000000}
runs=${RUNS:-3}
features=()
if [[ -n "${FEATURES:-}" ]]; then
    features=(--features "$FEATURES")
fi

if [[ -z "${SKIP_SUITE:-}" ]]; then
    echo "== criterion suite" >&2
    cargo bench -p events-bench "${features[@]}" -- "$@"
    echo >&2
    echo "== ratios, criterion's median" >&2
    python3 benches/chart.py --target "$target" --estimate median --out /dev/null
    echo >&2
    echo "== ratios, fastest sample (least disturbed by other processes; drawn in benches/chart.svg)" >&2
    python3 benches/chart.py --target "$target" --estimate fastest
fi

[[ -n "${SKIP_CLI:-}" ]] && exit 0

echo >&2
echo "== command line: events validate vs plain_lines, $events events, best of $runs" >&2
if [[ -z "${NO_BUILD:-}" ]]; then
    cargo build --release -q -p events-cli -p events-bench --bins "${features[@]}"
fi
mkdir -p "$target/bench"
file="$target/bench/events-$events.ndjson"
if [[ ! -s "$file" ]]; then
    "$target/release/gen_ndjson" --count "$events" "$file"
fi
size=$(stat -c %s "$file")
events_bin="$target/release/events"
plain_bin="$target/release/plain_lines"

# The programs compared: plain_lines, then `events validate` on one thread and, where the
# command has `--jobs`, with its default (the machine's cores).
names=("plain_lines")
cmds=("$plain_bin $file")
if "$events_bin" validate --help 2>/dev/null | grep -q -- '--jobs'; then
    names+=("events validate --jobs 1" "events validate (default jobs)")
    cmds+=("$events_bin validate --jobs 1 $file" "$events_bin validate $file")
else
    names+=("events validate")
    cmds+=("$events_bin validate $file")
fi

# Prints "SECONDS MAX_RSS_KB" for the fastest of $runs runs of the command (the exit status
# is ignored: 1 only means some events are invalid).
time_best() {
    local best="" rss=0 log wall kb
    log=$(mktemp)
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086 # the command is words without spaces in them
        /usr/bin/time -v $1 >/dev/null 2>"$log" || true
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, p, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + p[i]
            print s }' "$log")
        kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
        if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$wall
        fi
        if ((kb > rss)); then rss=$kb; fi
    done
    # The program's own last word (its summary); /usr/bin/time's lines start with a tab.
    grep -v $'^\t' "$log" | tail -1 | sed "s|^|  $2: |" >&2 || true
    rm -f "$log"
    echo "$best $rss"
}

times=()
rss=()
if command -v hyperfine >/dev/null; then
    json=$(mktemp)
    args=()
    for i in "${!names[@]}"; do
        args+=(-n "${names[$i]}" "${cmds[$i]}")
    done
    hyperfine --warmup 1 --runs "$runs" -i --export-json "$json" "${args[@]}" >&2
    mapfile -t times < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(min(r["times"]))' "$json")
    rm -f "$json"
    for cmd in "${cmds[@]}"; do
        # shellcheck disable=SC2086
        rss+=("$(/usr/bin/time -f %M $cmd 2>&1 >/dev/null | tail -1)")
    done
else
    for i in "${!names[@]}"; do
        read -r t r < <(time_best "${cmds[$i]}" "${names[$i]}")
        times+=("$t")
        rss+=("$r")
    done
fi

{
    printf '\n| program | time (best of %s) | throughput | events/s | peak RSS | throughput vs plain_lines |\n' "$runs"
    printf '|---|---|---|---|---|---|\n'
    for i in "${!names[@]}"; do
        awk -v name="${names[$i]}" -v t="${times[$i]}" -v t0="${times[0]}" -v kb="${rss[$i]}" \
            -v size="$size" -v n="$events" 'BEGIN {
            printf "| %s | %.2f s | %.0f MB/s | %.0f | %.1f MiB | %.2f× |\n",
                name, t, size / t / 1e6, n / t, kb / 1024, t0 / t }'
    done
    echo
    echo "Targets (issue 5): events validate on one thread >= 0.90x plain_lines;"
    echo "with --jobs on 2 cores >= 1.6x its one-thread throughput; peak RSS < 64 MiB."
    if ((${#names[@]} == 3)); then
        awk -v t1="${times[1]}" -v tn="${times[2]}" 'BEGIN {
            printf "events validate, default jobs vs --jobs 1: %.2fx\n", t1 / tn }'
    fi
}
