#!/usr/bin/env bash
# `renda serve` benchmark: the time from saving a file to the changed page being served, on a
# copy of a corpus (default /dev/shm/c10k, 10,000 pages from ../shared/bench/gen_corpus.py), for
# a news item body edit and for a template edit (which makes every page due; the page asked for
# is rendered first). Prints the median of EDITS saves each, and the server's own rebuild times.
#
# Usage: scripts/bench/serve.sh [CORPUS]
# Environment: RENDA (default .build/release/renda), EDITS (default 7), PORT (default 13130),
# WORK (default /dev/shm/renda-serve-bench; replaced).
set -euo pipefail
cd "$(dirname "$0")/../.."

CORPUS=${1:-/dev/shm/c10k}
RENDA=${RENDA:-.build/release/renda}
EDITS=${EDITS:-7}
PORT=${PORT:-13130}
WORK=${WORK:-/dev/shm/renda-serve-bench}

if [ ! -d "$CORPUS/content" ]; then
    echo "generating a 10,000-page corpus in $CORPUS" >&2
    python3 ../shared/bench/gen_corpus.py --pages 10000 --out "$CORPUS"
fi
# A private copy: the benchmark edits files. Themes come from this checkout.
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$CORPUS/content" "$WORK/content"
cp -r themes "$WORK/themes"

ITEM=$(cd "$WORK" && ls content/news/*.md | sort | sed -n '500p')
SLUG=$(basename "$ITEM" .md | sed -E 's/^[0-9]{4}-[0-9]{2}-[0-9]{2}-//')
BASE=$(sed -nE 's/^base_url: *"?https?:\/\/[^/]+(\/[^"]*)"?$/\1/p' "$WORK/content/site.yml")
PAGE="${BASE:-/}news/$SLUG/"

"$RENDA" serve --root "$WORK" --port "$PORT" --timings > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
started=$(date +%s.%N)
until grep -q '预览地址' "$WORK/serve.log"; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
    sleep 0.1
done
ready=$(date +%s.%N)

echo "renda serve benchmark — $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus: $(find "$WORK/content" -name '*.md' | wc -l) Markdown files; page under test: $PAGE ($ITEM)"
printf 'start until listening (load, Markdown, plan; pages are written after): %.1f s\n' "$(echo "$ready - $started" | bc)"
python3 scripts/bench/serve_latency.py --port "$PORT" --root "$WORK" --item "$ITEM" --page "$PAGE" \
    --template themes/default/templates/single.mustache --edits "$EDITS"
echo "server-side rebuild times (from its log):"
grep -A1 -E '重新生成 [0-9]+ 个页面' "$WORK/serve.log" | grep -v '^--' | sed -E 's/^\[[0-9:]+\] //; s/^/  /'
