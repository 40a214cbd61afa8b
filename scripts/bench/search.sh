#!/usr/bin/env bash
# Search benchmark: renda's search index against Pagefind (PyPI pagefind[extended]) on the same
# built corpus, in the same run:
#   - index build time: renda builds the corpus with and without `search: false` in turns (the
#     median of each round's difference is what search adds, Markdown plain text included, beside
#     the `search index` stage of --timings);
#     Pagefind indexes the built HTML;
#   - index size: files and bytes of each index;
#   - download per query: bytes headless Chromium fetches to show the first results of a two- and
#     a four-character query (search_download.py).
#
# Usage: scripts/bench/search.sh [CORPUS]   (default /dev/shm/c10k, holding content/ and themes/)
# Environment: RENDA (default .build/release/renda), RUNS (default 9), PAGEFIND_RUNS (default 3,
# Pagefind takes a minute a run), WORK (default
# /dev/shm/renda-search-bench), VENV for Pagefind (default .build-bench/pagefind-venv),
# QUERIES (default 预算,民生实事). Prints a Markdown table for the README at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

CORPUS=$(cd "${1:-/dev/shm/c10k}" && pwd)
RENDA=${RENDA:-.build/release/renda}
RUNS=${RUNS:-9}
PAGEFIND_RUNS=${PAGEFIND_RUNS:-3}
WORK=${WORK:-/dev/shm/renda-search-bench}
VENV=${VENV:-.build-bench/pagefind-venv}
QUERIES=${QUERIES:-预算,民生实事}

command -v chromium >/dev/null || { echo "chromium is needed (apt-get install chromium)" >&2; exit 1; }
if ! "$VENV/bin/python" -c 'import pagefind' 2>/dev/null; then
    echo "Installing pagefind[extended] into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q 'pagefind[extended]'
fi
mkdir -p "$WORK"

# The same corpus with search turned off, for the build without an index.
PLAIN="$WORK/corpus-no-search"
if [ ! -f "$PLAIN/content/site.yml" ] || ! cmp -s <(cat "$CORPUS/content/site.yml"; echo "search: false") "$PLAIN/content/site.yml"; then
    rm -rf "$PLAIN"
    mkdir -p "$PLAIN"
    cp -r "$CORPUS/content" "$PLAIN/content"
    ln -s "$(readlink -f "$CORPUS/themes")" "$PLAIN/themes"
    echo "search: false" >> "$PLAIN/content/site.yml"
fi

now() { date +%s.%N; }
seconds() { awk -v end="$(now)" -v start="$1" 'BEGIN { printf "%.3f\n", end - start }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
tree_size() { find "$@" -type f -printf '%s\n' | awk '{ n++; b += $1 } END { print n + 0, b + 0 }'; }

echo "renda build with and without search, $RUNS runs each, in turns" >&2
: > "$WORK/with.txt"
: > "$WORK/without.txt"
: > "$WORK/stage.txt"
for _ in $(seq "$RUNS"); do
    start=$(now)
    "$RENDA" build --root "$CORPUS" --output "$WORK/site" --timings > "$WORK/renda.log" 2>/dev/null
    seconds "$start" >> "$WORK/with.txt"
    awk '/^  search index +[0-9.]+ s/ { print $3 }' "$WORK/renda.log" >> "$WORK/stage.txt"
    start=$(now)
    "$RENDA" build --root "$PLAIN" --output "$WORK/site-no-search" > /dev/null 2>&1
    seconds "$start" >> "$WORK/without.txt"
done
WITH=$(median < "$WORK/with.txt")
WITHOUT=$(median < "$WORK/without.txt")
# Each round's two builds ran one after the other, so their difference is what search added at
# that moment's machine speed; the median of those differences is what a shared host drifting
# faster or slower during the run does not move.
ADDED=$(paste "$WORK/with.txt" "$WORK/without.txt" | awk '{ print $1 - $2 }' | median)
STAGE=$(median < "$WORK/stage.txt")
read -r R_FILES R_BYTES < <(tree_size "$WORK/site/search" ! -path "$WORK/site/search/index.html")

echo "pagefind --site, $PAGEFIND_RUNS runs" >&2
: > "$WORK/pagefind.txt"
for _ in $(seq "$PAGEFIND_RUNS"); do
    rm -rf "$WORK/pagefind"
    start=$(now)
    "$VENV/bin/python" -m pagefind --site "$WORK/site" --output-path "$WORK/pagefind" > "$WORK/pagefind.log" 2>&1
    seconds "$start" >> "$WORK/pagefind.txt"
done
P_TIME=$(median < "$WORK/pagefind.txt")
read -r P_FILES P_BYTES < <(tree_size "$WORK/pagefind")
P_VERSION=$("$VENV/bin/python" -m pip show pagefind 2>/dev/null | awk '/^Version/ { print $2 }')

echo "downloads per query (headless Chromium)" >&2
python3 scripts/bench/search_download.py --site "$WORK/site" --pagefind "$WORK/pagefind" --queries "$QUERIES" \
    > "$WORK/downloads.tsv"

CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
PAGES=$(find "$WORK/site" -name index.html | wc -l)
echo
echo "Measured $(date +%F) on $(nproc) × $CPU, $(uname -sr); median of $RUNS renda and $PAGEFIND_RUNS Pagefind runs;"
echo "corpus $CORPUS ($PAGES HTML pages), corpus and output in $(dirname "$WORK")."
echo
echo "| | renda | Pagefind $P_VERSION |"
echo "|---|---:|---:|"
awk -v added="$ADDED" -v without="$WITHOUT" -v stage="$STAGE" -v p="$P_TIME" 'BEGIN {
    printf "| index build | +%.2f s on a %.2f s site build (+%.1f%%; its --timings stage %.2f s) | %.1f s after the build |\n",
        added, without, 100 * added / without, stage, p }'
awk -v rf="$R_FILES" -v rb="$R_BYTES" -v pf="$P_FILES" -v pb="$P_BYTES" 'BEGIN {
    printf "| index size | %.1f MB in %d files | %.1f MB in %d files |\n", rb / 1e6, rf, pb / 1e6, pf }'
awk -F'\t' '{ split($4, r, " "); split($5, raw, " "); split($6, gz, " "); split($7, found, " ")
    row[$1, $2] = sprintf("%.0f KB, %.0f KB with gzip (%d requests; %s pages found)", raw[1] / 1000, gz[1] / 1000, r[1], found[1])
    if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
    END { for (k = 1; k <= n; k++) printf "| first results for “%s” | %s | %s |\n", order[k], row[order[k], "renda"], row[order[k], "pagefind"] }' \
    "$WORK/downloads.tsv"
