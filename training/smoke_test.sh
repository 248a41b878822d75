#!/usr/bin/env bash
# CI smoke test of the training pipeline: unit checks, 4 tiny songs, a few training steps, ONNX export with
# onnx.checker and the export's equivalence checks, all into a temporary directory (nothing in models/ changes).
# Runs in well under 2 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-/usr/bin/python3}
scripts/install-deps.sh python3-torch python3-onnx python3-numpy python3-mido
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OMP_NUM_THREADS=2
start=$(date +%s)
$PY -m training.selftest
$PY -m training.make_data --out "$tmp/data" --songs 4 --min-s 3 --max-s 4 --workers 2 > "$tmp/data.log"
$PY -m training.train --data "$tmp/data" --out "$tmp/ckpt" --max-steps 4 --batch 2 --crop-s 1 \
    --val-batches 1 --val-every 1000 --d 64 --layers 2 > "$tmp/train.log"
$PY -m training.export --checkpoint "$tmp/ckpt/best.pt" --out "$tmp/models" > "$tmp/export.log"
test -s "$tmp/models/style_transfer.onnx"
test -s "$tmp/models/console_ranges.json"
test -s "$tmp/models/style_transfer_reference.json"
# The request reader: a small corpus, its token states from the product's own encoder, one epoch, an export.
$PY -m unittest training.reader.test_token_states > "$tmp/token_states.log" 2>&1
COUNT=300 EPOCHS=1 READER_WORK="$tmp/reader" OUT="$tmp/reader-model" training/reader/run.sh > "$tmp/reader.log" 2>&1
test -s "$tmp/reader-model/reader_heads.onnx"
test -s "$tmp/reader-model/reader_heads_reference.json"
echo "smoke test passed in $(( $(date +%s) - start )) s"
