#!/usr/bin/env bash
# Lays out the seed corpus of both fuzz targets under fuzz/corpus/<target>/ (not committed):
#   - the example fixtures, events-device/fixtures/*.json, whole;
#   - the command line's samples, events-cli/samples/*.ndjson, one file per line (and, for the
#     stream target, each whole file too);
#   - the JSONTestSuite copy, tests/data/JSONTestSuite/test_parsing/*, whole.
# Run it from anywhere; it is idempotent (files are named by their content's hash).
set -euo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$fuzz_dir")"

seed() { # seed TARGET FILE: copy FILE into the target's corpus, named by its hash
    local target="$1" file="$2" name
    name="$(sha1sum "$file" | cut -c1-40)"
    cp "$file" "$fuzz_dir/corpus/$target/$name"
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for target in decode validate_stream; do
    mkdir -p "$fuzz_dir/corpus/$target"
    for file in "$root"/events-device/fixtures/*.json "$root"/tests/data/JSONTestSuite/test_parsing/*; do
        seed "$target" "$file"
    done
    for file in "$root"/events-cli/samples/*.ndjson; do
        [ "$target" = validate_stream ] && seed "$target" "$file"
        # One seed per line, without its line feed (the last line may lack one).
        i=0
        while IFS= read -r line || [ -n "$line" ]; do
            i=$((i + 1))
            printf '%s' "$line" > "$tmp/line"
            seed "$target" "$tmp/line"
        done < "$file"
    done
    echo "corpus/$target: $(find "$fuzz_dir/corpus/$target" -type f | wc -l) files"
done
