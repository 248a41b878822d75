#!/usr/bin/env bash
# The reader in one command: generate the labelled request corpus, add the training part of
# shared/requests/real-dev.jsonl (split by source: real_dev_split.json), compute every request's MiniLM token
# states with the product's own encoder (training/encoder-dump), train the heads and export them to models/.
# About 10 minutes on 2 cores. COUNT, EPOCHS and OUT override the defaults (the CI smoke test uses tiny ones).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
shared=${MIXWRIGHT_SHARED:-$root/../shared}
work=${READER_WORK:-$root/training/data/reader}
out=${OUT:-$root/models}
mkdir -p "$work"
python=/usr/bin/python3

$python make_requests.py "$work/corpus.jsonl" --count "${COUNT:-30000}"
if [ -f "$shared/requests/real-dev.jsonl" ]; then
  $python real_requests.py write "$shared/requests" "$work/real.jsonl"
else
  echo "note: $shared/requests/real-dev.jsonl not found; training on the generated corpus alone" >&2
  : > "$work/real.jsonl"
fi
for name in corpus real; do
  # One request a line; a line break inside a request becomes a space (same length, so spans stay put).
  $python -c 'import json,sys; [print(json.loads(l)["text"].replace("\n"," ").replace("\r"," ")) for l in open(sys.argv[1], encoding="utf-8")]' \
    "$work/$name.jsonl" > "$work/$name.txt"
done
dotnet build ../encoder-dump -c Release --nologo -v quiet -o "$work/encoder-dump"
for name in corpus real; do
  dotnet "$work/encoder-dump/encoder-dump.dll" "$work/$name.txt" "$work/$name.bin"
done
$python train_reader.py --corpus "$work/corpus.jsonl" --states "$work/corpus.bin" --real "$work/real.jsonl" \
  --real-states "$work/real.bin" --out "$out" --epochs "${EPOCHS:-3}" ${LIMIT:+--limit "$LIMIT"}
