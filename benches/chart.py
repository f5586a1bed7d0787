#!/usr/bin/env python3
"""Draws criterion's results as ratios to each group's baseline: benches/chart.svg.

Reads target/criterion/<group>/<row>/new/estimates.json (the latest run of each row), takes
each row's median time per iteration (or another estimate), and divides it by the baseline row of its group:
`plain_serde` (decode and encode groups), `types_1` (registry groups). Prints the table
(markdown) on standard output and writes an SVG bar chart, one panel per group.

    python3 benches/chart.py [--target DIR] [--out FILE] [--estimate median|mean|slope|fastest]
                             [--also LABEL=DIR ...]

`--also fast-payloads=target/fast` adds, under each framework row, the same row from another
run (a build with a cargo feature, say), as a ratio to that run's own baseline.

Standard library only.
"""

import argparse
import glob
import html
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Rows in the order the issue lists them; rows not named here follow, sorted.
ORDER = [
    "plain_serde",
    "plain_serde_bytes",
    "plain_serde_string",
    "plain_serde_prealloc",
    "typed",
    "typed_to_vec",
    "typed_to_json",
    "dynamic",
    "dispatch",
    "tagged_enum",
    "typetag",
    "value_first",
    "types_1",
    "types_50",
    "types_1000",
]
GROUP_ORDER = ["decode_type_first", "decode_type_last", "encode", "registry_decode", "registry_get"]
BASELINES = ["plain_serde", "types_1"]
FRAMEWORK = {"typed", "dynamic", "dispatch", "typed_to_vec", "typed_to_json", "types_1", "types_50", "types_1000"}
TARGETS = {  # the targets, shown beside the ratios
    ("decode_type_first", "typed"): 1.10,
    ("decode_type_first", "dynamic"): 1.15,
    ("decode_type_first", "dispatch"): 1.20,
    ("decode_type_last", "typed"): 1.10,
    ("decode_type_last", "dynamic"): 1.15,
    ("decode_type_last", "dispatch"): 1.20,
    ("encode", "typed_to_vec"): 1.05,
    ("registry_decode", "types_50"): 1.05,
    ("registry_decode", "types_1000"): 1.05,
}


def load(target, estimate):
    groups = {}
    pattern = os.path.join(target, "criterion", "*", "*", "new", "estimates.json")
    for path in glob.glob(pattern):
        parts = path.split(os.sep)
        group, row = parts[-4], parts[-3]
        if estimate == "fastest":
            # The fastest sample's time per iteration: other processes on the machine only
            # ever add time, so on a shared machine this is the least disturbed figure.
            with open(os.path.join(os.path.dirname(path), "sample.json")) as f:
                sample = json.load(f)
            ns = min(t / n for t, n in zip(sample["times"], sample["iters"]))
        else:
            with open(path) as f:
                ns = json.load(f)[estimate]["point_estimate"]
        nbytes = None
        bench = os.path.join(os.path.dirname(path), "benchmark.json")
        if os.path.exists(bench):
            with open(bench) as f:
                throughput = json.load(f).get("throughput") or {}
            nbytes = throughput.get("Bytes") or throughput.get("BytesDecimal")
        groups.setdefault(group, {})[row] = (ns, nbytes)
    return groups


def row_key(row):
    return (ORDER.index(row), row) if row in ORDER else (len(ORDER), row)


def group_key(group):
    return (GROUP_ORDER.index(group), group) if group in GROUP_ORDER else (len(GROUP_ORDER), group)


def table(groups):
    """[(group, baseline, [(row, ns, ratio, MB/s or None)])]"""
    out = []
    for group in sorted(groups, key=group_key):
        rows = groups[group]
        baseline = next((b for b in BASELINES if b in rows), sorted(rows, key=row_key)[0])
        base_ns = rows[baseline][0]
        entries = []
        for row in sorted(rows, key=row_key):
            ns, nbytes = rows[row]
            mbps = nbytes / ns * 1e9 / 1e6 if nbytes else None
            entries.append((row, ns, ns / base_ns, mbps))
        out.append((group, baseline, entries))
    return out


def merge(data, label, other):
    """Adds, after each framework row of `data`, the same row of `other` (another run's table),
    renamed `row [label]`: each ratio stays against its own run's baseline."""
    others = {group: {row: entry for row, *entry in entries} for group, _, entries in other}
    merged = []
    for group, baseline, entries in data:
        out = []
        for entry in entries:
            out.append(entry)
            row = entry[0]
            if (row in FRAMEWORK or row == "validate") and row in others.get(group, {}):
                out.append((f"{row} [{label}]", *others[group][row]))
        merged.append((group, baseline, out))
    return merged


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def print_table(data, estimate):
    print(f"| group | row | {estimate} time / iteration | throughput | ratio to baseline | target |")
    print("|---|---|---|---|---|---|")
    for group, baseline, entries in data:
        for row, ns, ratio, mbps in entries:
            target = TARGETS.get((group, row))
            verdict = ""
            if target is None and " [" in row:
                target = TARGETS.get((group, row.split(" [")[0]))
            if target is not None:
                verdict = f"≤ {target:.2f} ({'met' if ratio <= target else 'missed'})"
            tp = f"{mbps:.0f} MB/s" if mbps else ""
            name = f"{row} (baseline)" if row == baseline else row
            print(f"| {group} | {name} | {fmt_time(ns)} | {tp} | {ratio:.2f}× | {verdict} |")


def svg(data, estimate):
    width, left, right = 760, 190, 90
    bar_h, gap, head = 20, 6, 34
    plot_w = width - left - right
    top_ratio = max([r for _, _, e in data for _, _, r, _ in e] + [1.0])
    scale_max = max(1.5, (int(top_ratio * 2) + 1) / 2)  # round up to the next 0.5
    height = 50 + sum(head + len(e) * (bar_h + gap) + 14 for _, _, e in data) + 30

    def x(ratio):
        return left + plot_w * ratio / scale_max

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">'
        f"Time relative to each group's baseline (lower is faster; {estimate} of criterion's samples)</text>",
    ]
    y = 50
    for group, baseline, entries in data:
        parts.append(
            f'<text x="10" y="{y + 18}" font-weight="bold">{html.escape(group)}'
            f'<tspan dx="8" font-weight="normal" fill="#555">(ratio to {html.escape(baseline)})</tspan></text>'
        )
        y += head
        y0 = y
        # Grid first, under the bars: every 0.5, the 1.0 line dashed and dark.
        y1 = y0 + len(entries) * (bar_h + gap)
        for i in range(int(scale_max * 2) + 1):
            r = i / 2
            colour, dash = ("#333", ' stroke-dasharray="4 3"') if r == 1.0 else ("#ddd", "")
            parts.append(
                f'<line x1="{x(r):.1f}" y1="{y0 - 4}" x2="{x(r):.1f}" y2="{y1}" stroke="{colour}"{dash}/>'
            )
            parts.append(
                f'<text x="{x(r):.1f}" y="{y1 + 11}" text-anchor="middle" font-size="10" fill="#555">{r:g}×</text>'
            )
        for row, ns, ratio, _ in entries:
            if row == baseline:
                colour = "#9e9e9e"
            elif row.startswith("plain_serde"):
                colour = "#c8c8c8"
            else:
                base_row = row.split(" [")[0]
                if base_row != row:
                    colour = "#2ca02c"
                elif row in FRAMEWORK or row == "validate":
                    colour = "#1f77b4"
                else:
                    colour = "#ff7f0e"
            w = max(1.0, x(min(ratio, scale_max)) - left)
            parts.append(
                f'<text x="{left - 8}" y="{y + bar_h * 0.72}" text-anchor="end">{html.escape(row)}</text>'
            )
            parts.append(
                f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
                f"<title>{html.escape(group)}/{html.escape(row)}: {fmt_time(ns)}, {ratio:.3f}×</title></rect>"
            )
            label = f"{ratio:.2f}×" + (" ▸" if ratio > scale_max else "")
            parts.append(f'<text x="{left + w + 5:.1f}" y="{y + bar_h * 0.72}">{label}</text>')
            y += bar_h + gap
        y += 14
    legend_y = height - 14
    for i, (colour, text) in enumerate(
        (
            ("#9e9e9e", "baseline"),
            ("#c8c8c8", "plain serde variants"),
            ("#1f77b4", "events framework"),
            ("#2ca02c", "framework, [another run]"),
            ("#ff7f0e", "alternatives"),
        )
    ):
        lx = 12 + i * 150
        parts.append(f'<rect x="{lx}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 18}" y="{legend_y}">{text}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    parser.add_argument("--target", default=default_target, help="cargo's target directory")
    parser.add_argument("--out", default=os.path.join(HERE, "chart.svg"), help="the SVG to write")
    parser.add_argument(
        "--estimate",
        default="median",
        choices=["median", "mean", "slope", "fastest"],
        help="criterion's median (default), mean or slope estimate, or the fastest sample",
    )
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="LABEL=DIR",
        help="add the framework rows of the run in target directory DIR, labelled LABEL",
    )
    args = parser.parse_args()

    groups = load(args.target, args.estimate)
    if not groups:
        sys.exit(f"chart.py: no criterion results under {args.target}/criterion; run the benches first")
    data = table(groups)
    for also in args.also:
        label, sep, target = also.partition("=")
        other = load(target, args.estimate) if sep else {}
        if not other:
            sys.exit(f"chart.py: --also {also}: expected LABEL=DIR with criterion results under DIR/criterion")
        data = merge(data, label, table(other))
    print_table(data, args.estimate)
    with open(args.out, "w") as f:
        f.write(svg(data, args.estimate))
    if args.out != os.devnull:
        print(f"\nwrote {os.path.relpath(args.out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
