#!/usr/bin/env bash
# make bench: bron beside its peers in the same run, as ratios, with throughput, peak memory and how
# cost grows with the input. Peers: Debian's ucto (tokenisation). Needs ../shared/data/news.
# Usage: bench/run [SHARED_DIR]
set -euo pipefail
shared=${1:-../shared}
cd "$(dirname "$0")/.."
bron=build/bron
news="$shared/data/news/nl-dpg-2019.jsonl"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== micro benchmarks (bron alone)"
true
echo

if [[ ! -f "$news" ]]; then
  echo "bench: $news not found; skipping the peer comparison (it needs the shared data folder)."
  exit 0
fi
jq -r '.text + "\n"' "$news" >"$scratch/nl.txt"
jq -c 'select(.text != "")' "$news" >"$scratch/nl.jsonl"  # the dump holds a few empty articles
bytes=$(wc -c <"$scratch/nl.txt")
words=$(wc -w <"$scratch/nl.txt")

# run NAME COMMAND...: best wall time of 3 runs and the peak RSS, into $secs and $kb.
run() {
  local best="" rss=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$scratch/time" "$@" >/dev/null 2>"$scratch/err" || { cat "$scratch/err"; exit 1; }
    read -r t m <"$scratch/time"
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$t; fi
    (( m > rss )) && rss=$m
  done
  secs=$best; kb=$rss
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s < 0.005) s = 0.005; printf "%.0f", n / s }'; }

exit_tok=1; echo "== tokenisation of Dutch news: $(basename "$news") as plain text, $bytes bytes, $words words"
printf '%-44s %8s %12s %9s %10s\n' system seconds words/s MB/s "peak MB"
run "$bron" analyze --lang nl --stages tokenize --format conllu "$scratch/nl.txt"
bron_secs=$secs
printf '%-44s %8s %12s %9.1f %10.1f\n' "bron analyze --stages tokenize --format conllu" "$secs" "$(rate "$words" "$secs")" \
  "$(awk -v b="$bytes" -v s="$secs" 'BEGIN{if(s<0.005)s=0.005; print b/s/1e6}')" "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
if command -v ucto >/dev/null; then
  /usr/bin/time -f "%e %M" -o "$scratch/time" ucto -L nld -n --filter=NO "$scratch/nl.txt" "$scratch/nl.ucto" 2>/dev/null
  read -r ucto_secs ucto_kb <"$scratch/time"
  printf '%-44s %8s %12s %9.1f %10.1f\n' "ucto -L nld -n (Debian $(ucto --version 2>&1 | grep -Eo '[0-9]+\.[0-9]+(\.[0-9]+)?' | head -1))" \
    "$ucto_secs" "$(rate "$words" "$ucto_secs")" "$(awk -v b="$bytes" -v s="$ucto_secs" 'BEGIN{print b/s/1e6}')" \
    "$(awk -v k="$ucto_kb" 'BEGIN{print k/1024}')"
  echo "bron/ucto speed ratio: $(awk -v u="$ucto_secs" -v b="$bron_secs" 'BEGIN{if(b<0.005)b=0.005; printf "%.0fx", u/b}') (goal: at least 50x)"
fi
echo

echo "== full analysis of Dutch news (tokens, tags, lemmas, entities) beside Frog"
tokens=$("$bron" analyze --lang nl --stages tokenize --format conllu "$scratch/nl.txt" | grep -c $'^[0-9]')
run "$bron" analyze --lang nl --format jsonl "$scratch/nl.jsonl"
full_secs=$secs; full_kb=$kb
printf '%-44s %8s %12s %10s\n' system seconds tokens/s "peak MB"
printf '%-44s %8s %12s %10.1f\n' "bron analyze (all stages), $tokens tokens" "$secs" "$(rate "$tokens" "$secs")" \
  "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
if command -v frog >/dev/null && [[ -d /usr/share/frog/nld ]]; then
  # Frog needs seconds to start and runs at hundreds of tokens/s: a 20 kB sample, and an empty input
  # for its start-up time, which is subtracted.
  head -c 20000 "$scratch/nl.txt" | sed '$d' >"$scratch/sample.txt"
  printf 'Start.\n' >"$scratch/empty.txt"
  # Frog leaves a debug file in its working folder: run it in the scratch folder.
  (cd "$scratch" && /usr/bin/time -f "%e %M" -o "$scratch/time" frog -t "$scratch/empty.txt" -o "$scratch/empty.frog" --skip=mp >/dev/null 2>&1)
  read -r start_secs _ <"$scratch/time"
  (cd "$scratch" && /usr/bin/time -f "%e %M" -o "$scratch/time" frog -t "$scratch/sample.txt" -o "$scratch/sample.frog" --skip=mp >/dev/null 2>&1)
  read -r frog_secs frog_kb <"$scratch/time"
  frog_tokens=$(grep -c $'^[0-9]' "$scratch/sample.frog")
  frog_rate=$(awk -v n="$frog_tokens" -v t="$frog_secs" -v s="$start_secs" 'BEGIN { d = t - s; if (d < 0.01) d = 0.01; printf "%.0f", n / d }')
  printf '%-44s %8s %12s %10.1f\n' "frog --skip=mp (Debian), $frog_tokens tokens" "$frog_secs" "$frog_rate" \
    "$(awk -v k="$frog_kb" 'BEGIN{print k/1024}')"
  echo "frog start-up: ${start_secs} s (not counted in its tokens/s)"
  echo "bron/frog speed ratio: $(awk -v b="$(rate "$tokens" "$full_secs")" -v f="$frog_rate" 'BEGIN{printf "%.0fx", b/f}') (goal: at least 100x);" \
       "memory: $(awk -v b="$full_kb" -v f="$frog_kb" 'BEGIN{printf "%.1f%%", 100*b/f}') of Frog's (goal: under 25%)"
else
  echo "frog (Debian packages frog and frogdata) is not installed: scripts/install-deps --bench installs it"
fi
echo

echo "== growth with input size (Dutch news repeated; one text document vs JSONL of many documents)"
printf '%-8s %-6s %8s %9s %10s\n' size input seconds MB/s "peak MB"
# One 100 MB file of each kind; the smaller sizes are its prefixes (JSONL cut at a line end).
while (( $(stat -c %s "$scratch/all.txt" 2>/dev/null || echo 0) < 100000000 )); do cat "$scratch/nl.txt" >>"$scratch/all.txt"; done
while (( $(stat -c %s "$scratch/all.jsonl" 2>/dev/null || echo 0) < 100000000 )); do cat "$scratch/nl.jsonl" >>"$scratch/all.jsonl"; done
for mb in 1 10 100; do
  target=$((mb * 1000000))
  head -c "$target" "$scratch/all.txt" >"$scratch/big.txt"
  awk -v max="$target" '{ n += length($0) + 1; if (n > max) exit; print }' "$scratch/all.jsonl" >"$scratch/big.jsonl"
  for kind in txt jsonl; do
    size=$(stat -c %s "$scratch/big.$kind")
    run "$bron" analyze --lang nl --stages tokenize --format conllu "$scratch/big.$kind"
    printf '%-8s %-6s %8s %9.1f %10.1f\n' "${mb}MB" "$kind" "$secs" "$(awk -v b="$size" -v s="$secs" 'BEGIN{if(s<0.005)s=0.005; print b/s/1e6}')" \
      "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
  done
done
echo

# == bron ingest: HTML extraction, WARC reading, whole ingests and their growth (issue 6)
tf="$shared/data/html/trafilatura-eval"
if [[ -f "$tf/evaldata.json" ]]; then
  echo "== HTML main-text extraction, one core (the 990 trafilatura evaluation pages, extraction alone)"
  "$bron" eval html --gold "$tf/evaldata.json" | grep -E '^speed'
  echo
  echo "== WARC reading (gzip, one member per record): bron ingest --read-only --jobs 1"
  bench/make-warc "$tf/html" "$scratch/tf.warc.gz"
  for _ in $(seq 10); do cat "$scratch/tf.warc.gz"; done >"$scratch/tf10.warc.gz"
  for _ in $(seq 80); do cat "$shared/data/warc/resiliparse/warcfile.warc.gz"; done >"$scratch/cc.warc.gz"
  printf '%-44s %9s %8s %11s %9s\n' input records seconds records/s "peak MB"
  for f in cc tf10; do
    records=$(zcat "$scratch/$f.warc.gz" | grep -ac '^WARC/1\.')
    run "$bron" ingest --read-only --stages tokenize --jobs 1 "$scratch/$f.warc.gz"
    printf '%-44s %9s %8s %11s %9.1f\n' "$f.warc.gz ($(( $(stat -c %s "$scratch/$f.warc.gz") / 1000000 )) MB)" "$records" "$secs" \
      "$(rate "$records" "$secs")" "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
  done
  echo "(FastWARC, the fastest published reader, reports about 10,000 records/s on Common Crawl WARCs)"
  echo
  echo "== whole ingest (extract + lang + tokenize, JSONL out), growth from 1k to 100k documents, --jobs 2"
  printf '%-30s %9s %8s %9s %9s\n' input documents seconds "docs/s" "peak MB"
  for n in 1 10 101; do
    for _ in $(seq "$n"); do cat "$scratch/tf.warc.gz"; done >"$scratch/grow.warc.gz"
    /usr/bin/time -f "%e %M" -o "$scratch/time" "$bron" ingest --stages tokenize --jobs 2 --no-progress --out "$scratch/out.jsonl" \
      "$scratch/grow.warc.gz" 2>/dev/null || true
    read -r secs kb < <(tail -1 "$scratch/time")  # after "Command exited with non-zero status" when some input was bad
    docs=$(wc -l <"$scratch/out.jsonl")
    printf '%-30s %9s %8s %9s %9.1f\n' "trafilatura pages x$n (WARC)" "$docs" "$secs" "$(rate "$docs" "$secs")" "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
  done
  /usr/bin/time -f "%e %M" -o "$scratch/time" "$bron" ingest --stages tokenize --jobs 2 --no-progress --out "$scratch/out.jsonl" \
    "$shared/data/news" 2>/dev/null || true
  read -r secs kb < <(tail -1 "$scratch/time")
  docs=$(wc -l <"$scratch/out.jsonl")
  printf '%-30s %9s %8s %9s %9.1f\n' "$shared/data/news (JSONL)" "$docs" "$secs" "$(rate "$docs" "$secs")" "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
fi
