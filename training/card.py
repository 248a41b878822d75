"""Writes models/MODEL_CARD.md and the committed summaries from what the pipeline measured.

Inputs: the data manifest (training/data/manifest.json), the training report (checkpoints/train_report.json),
the export report (checkpoints/export_report.json) and the step timings written by run_all.sh.
Outputs: models/MODEL_CARD.md, models/data_summary.json, models/training_report.json.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

from . import console_ranges, params
from .console import FRAME, SAMPLE_RATE, SB

REPO = Path(__file__).resolve().parent.parent
FEATURE_NAMES = {"rms_db": "RMS (dB)", "crest_db": "crest factor (dB)", "width": "stereo width",
                 "imbalance": "stereo imbalance", "bark_mid_db": "Bark mid (dB)", "bark_side_db": "Bark side (dB)"}


def _fmt(v: float) -> str:
    return f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}"


def metrics_table(val: dict) -> str:
    rows = ["| feature (mean absolute error) | equal-loudness baseline | model | model / baseline | oracle (true parameters) |",
            "| --- | ---: | ---: | ---: | ---: |"]
    for k, name in FEATURE_NAMES.items():
        b, m, o = val["baseline"][k], val["model"][k], val["oracle"][k]
        ratio = f"{m / b:.2f}" if b > 1e-9 else "n/a (0 by construction)"
        rows.append(f"| {name} | {_fmt(b)} | {_fmt(m)} | {ratio} | {_fmt(o)} |")
    return "\n".join(rows)


def audio_table(ev: dict) -> str:
    rows = ["| feature (mean absolute error) | equal-loudness baseline | model | model / baseline | oracle (true parameters) |",
            "| --- | ---: | ---: | ---: | ---: |"]
    for k, name in FEATURE_NAMES.items():
        name = "crest factor, sample peak (dB)" if k == "crest_db" else name
        b, m, o = ev["baseline"][k], ev["model"][k], ev["oracle"][k]
        ratio = f"{m / b:.2f}" if b > 1e-9 else "n/a (0 by construction)"
        rows.append(f"| {name} | {_fmt(b)} | {_fmt(m)} | {ratio} | {_fmt(o)} |")
    return "\n".join(rows)


def split_table(val: dict) -> str:
    rows = ["| feature | model, same-song references | model, unrelated references | baseline, same-song | baseline, unrelated |",
            "| --- | ---: | ---: | ---: | ---: |"]
    for k, name in FEATURE_NAMES.items():
        rows.append(f"| {name} | {_fmt(val['model_related'][k])} | {_fmt(val['model_unrelated'][k])} | "
                    f"{_fmt(val['baseline_related'][k])} | {_fmt(val['baseline_unrelated'][k])} |")
    return "\n".join(rows)


def outputs_table(cr) -> str:
    rows = ["| output | shape | range (ConsoleRanges) | scaling | meaning |", "| --- | --- | --- | --- | --- |"]
    for o in params.OUTPUTS:
        r = cr[o.field]
        shape = "[" + ", ".join(str(s) for s in params.onnx_shape(o)) + "]"
        unit = f" {r.unit}" if r.unit else ""
        rows.append(f"| `{o.name}` | {shape} | `{o.field}`: {r.min:g} .. {r.max:g}{unit} | {o.scale} | {o.meaning} |")
    return "\n".join(rows)


def audio_section(ev: dict | None) -> str:
    if ev is None:
        return "(No audio-domain evaluation was run.)"
    return f"""### On rendered audio, with the exact features

`training/evaluate_audio.py`: {ev['examples']} further held-out examples ({ev['related']} same-song), everything as waveforms: the
reference is rendered by the waveform console (`training/waveform_console.py`: complex STFT with overlap-add, so
phases and cross-terms between stems are real; the engine's reverb impulse response), the model reads the
stems' and the reference's audio through its exported front end, and its parameters are rendered by the same
console. Features as the engine defines them, crest factor from the sample peak. Model inference:
{ev['model_seconds_per_song']:.2f} s per song ({ev['mean_tracks']:.1f} tracks of {ev['crop_s']:g} s on average, PyTorch, 2 threads, shared machine).

{audio_table(ev)}

### What the parameters look like

Predicted per-track values against the parameters that made the reference, over the same-song examples above
(pooled over tracks; for gains "true" is the reference's gain minus the stem's re-levelling). Parameters are
not unique, so a low correlation is not by itself an error, but it shows what the model actually uses:

{prediction_table(ev)}

{observations(ev)}"""


def observations(ev: dict) -> str:
    """Plain reading of the table: what this run's model does and does not use."""
    st = ev.get("predictions_vs_true", {})
    notes = []
    if "pan" in st and st["pan"]["pred_std"] < 0.05:
        notes.append(f"Pans collapsed to the centre (spread {st['pan']['pred_std']:.3f}). Which track sits where "
                     "is not identifiable from mix-level features, and the model found centring safest.")
    if "pan" in st and st["pan"]["pred_std"] >= 0.05:
        notes.append(f"Pans spread (spread {st['pan']['pred_std']:.3f} vs {st['pan']['true_std']:.3f} in the references) and "
                     f"follow the references' (correlation {st['pan']['corr']:.2f}): the front end's per-band balance shows "
                     "which instrument a reference puts where.")
    if "reverb_send_db" in st and st["reverb_send_db"]["pred_mean"] > st["reverb_send_db"]["true_mean"] + 10:
        part = "part of " if st.get("pan", {}).get("pred_std", 0) >= 0.05 else ""
        notes.append(f"Reverb sends are far higher than the references' (mean {st['reverb_send_db']['pred_mean']:.1f} dB "
                     f"vs {st['reverb_send_db']['true_mean']:.1f} dB): the model makes {part}the reference's stereo width with "
                     "the (decorrelated) reverb instead of pans. Musically this is a lot of reverb; a caller may "
                     "prefer to cap sends or to spread pans itself.")
    if "comp_ratio" in st and st["comp_ratio"]["pred_std"] < 0.1:
        notes.append(f"Compressors stay near where they started (ratio {st['comp_ratio']['pred_mean']:.2f}, threshold "
                     f"{st['comp_threshold_db']['pred_mean']:.1f} dBFS, above most tracks' levels, so they rarely act): "
                     "dynamics are hardly matched, and the crest-factor error is close to the baseline's. Attack, "
                     "release, knee and makeup values carry no meaning in this run.")
    if "eq_gain_db" in st and st["eq_gain_db"]["pred_std"] < 0.5 * st["eq_gain_db"]["true_std"]:
        notes.append(f"Track EQ gains stay small (spread {st['eq_gain_db']['pred_std']:.1f} dB vs "
                     f"{st['eq_gain_db']['true_std']:.1f} dB in the references); tone is matched through the gains "
                     "(level balance between instruments) and the master EQ. The EQ frequencies' correlation comes "
                     "mostly from the band layout (band 1 is always low, band 6 high).")
    if "gain_db" in st:
        notes.append(f"The level balance is what the model learned best: track gains correlate {st['gain_db']['corr']:.2f} "
                     "with the gains that made the reference.")
    return "\n".join(f"- {n}" for n in notes)


def prediction_table(ev: dict) -> str:
    rows = ["| output | predicted mean | predicted spread | reference mean | reference spread | correlation |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for k, v in ev.get("predictions_vs_true", {}).items():
        rows.append(f"| `{k}` | {_fmt(v['pred_mean'])} | {_fmt(v['pred_std'])} | {_fmt(v['true_mean'])} | "
                    f"{_fmt(v['true_std'])} | {v['corr']:.2f} |")
    return "\n".join(rows)


def write(data_dir: Path, ckpt_dir: Path, out: Path, timings: dict,
          provenance: str = "Produced by `training/run_all.sh`.") -> None:
    manifest = json.loads((data_dir / "manifest.json").read_text())
    summary = manifest["summary"]
    train = json.loads((ckpt_dir / "train_report.json").read_text())
    export = json.loads((ckpt_dir / "export_report.json").read_text())
    audio_path = ckpt_dir / "audio_eval.json"
    audio = json.loads(audio_path.read_text()) if audio_path.exists() else None
    (out / "data_summary.json").write_text(json.dumps(summary, indent=1) + "\n")
    (out / "training_report.json").write_text(json.dumps({**train, "export": export, "audio_evaluation": audio,
                                                          "timings_s": timings},
                                                         indent=1) + "\n")
    cr = console_ranges.load()
    cfg = torch.load(ckpt_dir / "best.pt", map_location="cpu")["config"]
    val = train["validation"]
    top = ", ".join(f"{k} ({v})" for k, v in list(summary["instruments"].items())[:24])
    genres = ", ".join(f"{k} {v}" for k, v in summary["genres"].items())
    tracks = ", ".join(f"{k}: {v}" for k, v in summary["tracks_per_song"].items())
    total = sum(timings.values()) if timings else None
    timing_lines = "\n".join(f"| {k} | {v / 60:.1f} min |" for k, v in timings.items())
    eq_layout = ", ".join(f"{b.index + 1}: {b.type} {b.default_freq_hz:g} Hz" for b in cr.eq_bands)
    checks = export["checks"]
    text = f"""# Mixwright style-transfer model (`style_transfer.onnx`)

Predicts every console parameter that makes a multitrack mix match a reference mix's loudness balance,
spectrum, dynamics and stereo image, in the manner of Diff-MST (Vanka, Steinmetz et al., ISMIR 2024). Our own
model, code and data: trained only on multitracks generated by `training/` (MIDI written by our code, rendered
by fluidsynth with the General MIDI soundfont, plus our own synthesis). {provenance}

## Input/output contract

ONNX opset {export['opset']}, {export['onnx_bytes'] / 1e6:.1f} MB, {export['parameters']:,} parameters. All tensors float32.

| input | shape | meaning |
| --- | --- | --- |
| `tracks` | [1, T, 2, N] | the stems at **{SAMPLE_RATE} Hz**, samples in [-1, 1]; mono stems duplicated into both channels; T = 1..32 (any T works; trained with 2..16) |
| `track_mask` | [1, T] | 1 for a real track, 0 for padding (padding tracks do not influence the others; their outputs are meaningless) |
| `reference` | [1, 2, M] | the reference mix, stereo, {SAMPLE_RATE} Hz |

N and M are free; only whole {FRAME}-sample frames are analysed (N, M >= {FRAME}; the trailing partial frame
is ignored). Trained on 4 s sections; feed each stem's and the reference's loudest 4-10 s (same time span for
all stems). Other sample rates must be resampled to {SAMPLE_RATE} Hz first (the front end's band layout is in
bins of {SAMPLE_RATE} Hz). Silent stems should be left out (a silent stem is a valid input but wastes a token).

Outputs, one tensor per parameter group, each inside its `ConsoleRanges` range (sigmoid scaled linearly, or
logarithmically for frequencies, Q, ratio and times). EQ bands are in the engine's order ({eq_layout}).
`models/console_ranges.json` holds the same contract plus every range, parsed from
`src/Dsp/Parameters/ConsoleRanges.cs` and `ParametricEqSettings.cs` by `training/console_ranges.py`.

{outputs_table(cr)}

How to apply the outputs to the engine (the assumptions the model was trained under):
- Track compressor: enable it with `DetectorMode.Rms` (the training console models an RMS detector); a ratio
  near 1 means "no compression" (e.g. treat ratio < 1.1 as disabled). Same for the master compressor.
- The reverb stays at its defaults (return {cr['ReverbReturnDb'].default:g} dB, decay {cr['ReverbDecayS'].default:g} s, pre-delay {cr['ReverbPreDelayMs'].default:g} ms, damping {cr['ReverbDamping'].default:g}); only sends are predicted.
- Not predicted: high-pass, polarity, width, mute/solo, the limiter and loudness normalisation (leave them at
  their defaults; the training console has no limiter, so a reference much louder than the stems' mix headroom
  allows will be matched in RMS only up to the limiter).
- A send at the range minimum ({cr.off_db:g} dB) is off; predicted sends below about -45 dB are inaudible.

## Data

Generated by `training/make_data.py` (seeded, deterministic): {summary['songs']} songs
({summary['validation_songs']} held out for validation, by song), {summary['stems']} stems,
{summary['song_hours']:.2f} hours of songs, {summary['stem_hours']:.1f} hours of stems, {summary['sample_rate']} Hz, rendered in
{summary['render_seconds'] / 60:.1f} min. {summary['distinct_instruments']} distinct instruments/kits/synth voices
({summary['sources'].get('fluidsynth', 0)} fluidsynth stems, {summary['sources'].get('synth', 0)} stems from our own synthesis: noise drums, two-operator FM, pulse waves).

- Genres: {genres}.
- Tracks per song (2..16): {tracks}.
- Most frequent instruments: {top}, ... (full histogram in `models/data_summary.json`).
- Each song: tempo, metre (4/4, 3/4, 6/8, 7/8), key and mode (major/minor/church modes, pentatonic, hirajoshi,
  in, hijaz, bhairav, blues, whole tone) chosen per genre, a chord progression, 2-4 sections of different
  intensity with parts dropping in and out, humanised velocities, swing where the genre has it. Drums are
  split into 1-5 stems (kick, snare, cymbals, percussion, toms) like a real recording; FluidR3's eight drum
  kits are used, plus hand percussion stems.

## Training

`training/train.py`, self-supervised as Diff-MST: a reference is a mix of a song's stems (one 4 s section)
with random plausible console parameters (levels for a balance, pans with bass/kick/lead mostly centred, EQ
moves on ~45 % of bands, compression on ~40 % of tracks, reverb sends on half, master EQ/compression/gain).
The model sees the same song's stems at a different, time-disjoint 4 s section, each stem re-levelled by a
random -18..+6 dB (as stems arrive), and must predict parameters whose mix matches the reference.
{train['unrelated_share']:.0%} of references are mixes of an unrelated song. Loss: Diff-MST's audio-feature loss
(L1 on RMS, crest factor, stereo width, stereo imbalance, 24-band Bark spectra of mid and side, each divided by a
scale, `training/features.py`) between the mix of the predicted parameters and the reference, computed on a
differentiable console; plus an auxiliary L1 regression (weight {train['aux_weight']}) of the track gains, pans and reverb
sends on same-song examples, where the true values are known (the reference's gains minus the re-levelling, its
pans, its sends compared above -50 dB). Without it the feature loss lets pans collapse to the centre and makes the
reference's width with reverb instead (the previous model did exactly that).

Model: per-track and reference encoders (MLPs on front-end statistics), tokens for every track, {cfg['ref_tokens']} reference
tokens and a master token, a {cfg['layers']}-layer pre-norm transformer (width {cfg['d']}, {cfg['heads']} heads) **without positional encoding**
(permutation equivariant over tracks; checked at export), per-track and master heads.

Front end, inside the ONNX graph: non-overlapping {FRAME}-sample Hann frames, one-sided DFT of L+R and L-R,
powers of L, R, L+R, L-R in {SB} sub-bands, pooled into 48 Bark-spaced bands; per band the mean, spread and
maximum level over time; each band's left/right balance (which instruments a reference pans, and where); plus
frame-level loudness statistics, frame crest, width and imbalance. Training
computes the same statistics from the console's band energies (FFT); the export computes them with a DFT
written as two 32-point stages of matrix products (max relative output difference {checks['frontend_dft_vs_fft']:.1e}).

Differentiable console (`training/console.py`), a frame-level (band-energy) model of the engine, chosen so
training fits on 2 CPU cores. Approximations:
- mixing adds powers (stems assumed mutually uncorrelated);
- EQ: the exact RBJ cookbook magnitude responses, averaged per sub-band (phase ignored);
- compressor: the engine's soft-knee static curve on 23 ms frame RMS, smoothed with the attack/release
  one-pole at the frame rate (attacks shorter than a frame act as one frame; no peak detector);
- reverb: the exact impulse response of the engine's FDN reverb at its defaults (`training/reverb_ir.py`, a
  re-statement of `FdnReverb`'s design; `ReverbImpulseResponseTests` checks its energy segment by segment against
  the engine's, from `models/reverb_ir_reference.json`), applied as an energy convolution; wet L/R treated as
  uncorrelated;
- crest factor in the loss and the metrics below is the frame crest (max over 23 ms frames of the mean square
  over its mean), not the sample-peak crest: band energies carry no sample peaks.

Run: {train['steps']} steps of batch {train['batch']} ({train['examples_seen']:,} examples) in {train['train_seconds'] / 60:.1f} min on
{train['threads']} CPU threads (a shared 2-core machine, niced), AdamW lr {train['lr']} with warm-up and a cosine schedule on
wall time; the checkpoint with the best validation loss (step {train['best_step']}) is exported.

| step | time |
| --- | ---: |
{timing_lines}
| total | {(total or 0) / 60:.1f} min |

## Validation

{val['examples']} held-out examples from the {train['val_songs']} validation songs ({val['related']} with a same-song reference, the rest
unrelated), measured with the training console's features. Equal-loudness baseline: every track at the same
RMS, centred, no processing, its level then set to the reference's (so its RMS error is 0 by construction).
Oracle: the true parameters that made the reference, applied to the model's (time-disjoint) section: the error
left when the parameters are perfect, because the sections differ.

{metrics_table(val)}

By reference kind:

{split_table(val)}

{audio_section(audio)}

## Export checks

`training/export.py`: `onnx.checker` (full check); front end as matrix-product DFT vs FFT
{checks['frontend_dft_vs_fft']:.1e}; permutation of tracks {checks['permutation']:.1e}; a masked padding track {checks['masked_padding']:.1e};
TorchScript trace vs eager {checks['torchscript_trace']:.1e} (and {checks['torchscript_trace_other_sizes']:.1e} at other track counts and lengths)
(max relative differences). `models/style_transfer_reference.json` holds a small input and the PyTorch outputs
for a C# ONNX Runtime equality test (tolerance |a - b| <= 1e-4 max(1, |b|)).

## Limitations

- Trained only on synthetic multitracks (General MIDI rendering and simple synthesis, no vocals, no real
  recordings, no room sound); expect larger errors on real stems, vocals and commercial references.
- The training console is an approximation of the engine (above). Parameters are judged by features of that
  console; the engine's real compressor (peak/RMS detector, sample-accurate timing), limiter and loudness
  normalisation will change crest factor and level somewhat.
- Parameters are not unique: many settings give the same features (EQ gain vs track gain, compressor makeup
  vs gain, track EQ vs master EQ). The model picks one; gains, pans and sends are anchored by the auxiliary
  loss on same-song references; against an unrelated reference only the mix's overall width and imbalance
  constrain the pans, so which track goes left is then the model's choice (as in Diff-MST).
- Trained with mono stems only. Stereo stems are accepted, but their side-channel statistics were never seen
  in training, and for stereo stems the engine's pan is a balance control, not the constant-power pan the
  training console models.
- Stems in training peaked between about -24 and 0 dBFS (random re-levelling); much quieter or louder stems
  are outside what it has seen (the gains are corrections on an equal-loudness mix, which helps).
- Attack and release have little effect on the features at 23 ms resolution and are weakly learned.
- The reverb is fixed at its defaults; a reference with a very different room can only be approached by sends.
- Short budget: about an hour of CPU training; more data and steps would help (the one command scales both).
- In the product the network's answer is polished by a few renders of the real engine (the model method's
  refinement, `MeasuredRefinement` in `src/Embeddings`); the figures on this card are the network's alone.
"""
    (out / "MODEL_CARD.md").write_text(text)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    ap.add_argument("--checkpoints", type=Path, default=Path(__file__).parent / "checkpoints")
    ap.add_argument("--out", type=Path, default=REPO / "models")
    ap.add_argument("--timings", type=Path, default=None, help="JSON of step -> seconds")
    ap.add_argument("--provenance", default="Produced by `training/run_all.sh`.", help="how this model was made")
    a = ap.parse_args(argv)
    timings = json.loads(a.timings.read_text()) if a.timings and a.timings.exists() else {}
    write(a.data, a.checkpoints, a.out, timings, a.provenance)


if __name__ == "__main__":
    main()
