#!/usr/bin/env bash
# One command from nothing to models/style_transfer.onnx: generate the multitracks, train, export, write the
# model card. On 2 CPU cores: ~5 min of data, TRAIN_MINUTES (default 70) of training, ~3 min of evaluation and
# export, well inside 2 hours. Deterministic data (seeded); training is budgeted by wall time.
#   training/run_all.sh                      # everything, defaults as used for the committed model
#   SONGS=40 TRAIN_MINUTES=5 training/run_all.sh   # a quicker, weaker model
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-/usr/bin/python3}
SONGS=${SONGS:-400}
TRAIN_MINUTES=${TRAIN_MINUTES:-70}
DATA=training/data
CKPT=training/checkpoints

scripts/install-deps.sh python3-torch python3-onnx python3-numpy python3-mido
mkdir -p "$CKPT" models
declare -A took
run() {
  local name=$1; shift
  local t0; t0=$(date +%s)
  echo "== $name: $*" >&2
  "$@"
  took[$name]=$(( $(date +%s) - t0 ))
}
run data   "$PY" -m training.make_data --out "$DATA" --songs "$SONGS"
run train  "$PY" -m training.train --data "$DATA" --out "$CKPT" --minutes "$TRAIN_MINUTES"
run evaluate "$PY" -m training.evaluate_audio --checkpoint "$CKPT/best.pt" --data "$DATA"
run export "$PY" -m training.export --checkpoint "$CKPT/best.pt" --out models
printf '{"data": %d, "train": %d, "evaluate": %d, "export": %d}\n' \
  "${took[data]}" "${took[train]}" "${took[evaluate]}" "${took[export]}" > "$CKPT/timings.json"
"$PY" -m training.card --data "$DATA" --checkpoints "$CKPT" --out models --timings "$CKPT/timings.json"
echo "models/style_transfer.onnx written; see models/MODEL_CARD.md" >&2
