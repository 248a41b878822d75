#!/usr/bin/env bash
# Builds the held-out human-made multitrack set for `bench match DIR`: tracker modules shipped in Debian game
# packages (Pachi el marciano's S3M songs, 5-12 channels; TecnoballZ's 4-channel MODs), rendered by xmp channel by
# channel (solo) and whole (the author's own mix: the tracker's sum of its channels, panning included). None of these
# packages is used for training, and none is in the evaluators' list (LMMS, MuseScore, Hydrogen, Frets on Fire,
# OpenMSX, Freedoom). Nothing rendered is committed; this script makes it.
#
#   bench/heldout/make_heldout.sh [OUT_DIR] [SECONDS]      (default /tmp/mixwright-heldout, 30 s per song)
#
# Needs apt-get (to download the .debs; nothing is installed) and sox. xmp is used from PATH, or from the downloaded
# xmp/libxmp4 packages when it is not installed.
set -euo pipefail
OUT="${1:-/tmp/mixwright-heldout}"
SECONDS_PER_SONG="${2:-30}"
PACKAGES=(pachi-data tecnoballz-data)
TECNOBALLZ_SONGS=7   # of 15, in name order: the set stays small enough for 2 cores
DEBS="$OUT/.debs"
ROOT="$DEBS/root"
mkdir -p "$DEBS" "$ROOT"

fetch() {
  (cd "$DEBS" && for p in "$@"; do ls "$p"_*.deb >/dev/null 2>&1 || apt-get download "$p" >/dev/null; done)
  for d in "$DEBS"/*.deb; do dpkg -x "$d" "$ROOT"; done
}

fetch "${PACKAGES[@]}"
if command -v xmp >/dev/null 2>&1; then
  XMP=(xmp)
else
  fetch xmp libxmp4
  export LD_LIBRARY_PATH="$ROOT/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  XMP=("$ROOT/usr/bin/xmp")
fi
command -v sox >/dev/null || { echo "make_heldout.sh: sox is needed (apt-get install sox)" >&2; exit 1; }

render() {  # render MODULE NAME
  local module="$1" dir="$OUT/$2"
  mkdir -p "$(dirname "$dir")"
  local channels
  channels=$("${XMP[@]}" --norc --load-only -v "$module" 2>&1 | sed -n 's/^Channels *: *\([0-9]*\).*/\1/p')
  [ -n "$channels" ] || { echo "skip $module: xmp cannot read it" >&2; return; }
  rm -rf "$dir"; mkdir -p "$dir/stems"
  "${XMP[@]}" -q --norc -a 0 -t "$SECONDS_PER_SONG" --driver wav -o "$dir/mix.wav" "$module"
  local kept=0
  for ((c = 0; c < channels; c++)); do
    local stem; stem="$dir/stems/ch$(printf %02d "$c").wav"
    "${XMP[@]}" -q --norc -a 0 -t "$SECONDS_PER_SONG" --driver wav -o "$stem" -S "$c" "$module"
    # A channel the song never uses in this stretch is no stem.
    local rms; rms=$(sox "$stem" -n stat 2>&1 | sed -n 's/^RMS *amplitude: *//p')
    if awk -v r="$rms" 'BEGIN { exit !(r < 0.0005) }'; then rm "$stem"; else kept=$((kept + 1)); fi
  done
  if [ "$kept" -lt 2 ]; then rm -rf "$dir"; echo "skip $2: fewer than 2 audible channels" >&2; return; fi
  echo "$2: $kept stems"
}

for m in "$ROOT"/usr/share/pachi/music/*.s3m; do render "$m" "pachi-$(basename "$m" .s3m)"; done
for m in $(ls "$ROOT"/usr/share/games/tecnoballz/musics/*.mod | sort | head -n "$TECNOBALLZ_SONGS"); do render "$m" "tecnoballz-$(basename "$m" .mod)"; done
# One 3-minute, 8-channel song for the speed figure (kept out of the song list by its dotted folder).
SECONDS_PER_SONG=180 render "$ROOT/usr/share/pachi/music/stage3.s3m" ".long/pachi-stage3"
echo "held-out set in $OUT"
