"""Evaluates the exported model end to end on audio, with the exact Diff-MST features.

Where train.py measures on band energies, this renders waveforms: the reference is mixed by the waveform
console (waveform_console.py: complex STFT, overlap-add, the engine's reverb impulse response, so stems'
phases and cross-terms are real) from held-out songs, the model runs its export front end (the ONNX graph's
arithmetic) on the stems' and the reference's audio, and the predicted parameters are rendered by the same
console. Features are the engine's definitions with the sample-peak crest factor (features.MixFeatures).

Usage: python3 -m training.evaluate_audio --checkpoint training/checkpoints/best.pt
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

from . import console_ranges, data, features
from .export import load_model
from .params import OUTPUT_NAMES, OUTPUTS
from .train import FEATURES, equal_loudness_params
from .waveform_console import Console as WaveformConsole


@torch.no_grad()
def evaluate(checkpoint: Path, data_dir: Path, batches: int, batch: int, crop_s: float, unrelated: float,
             seed: int) -> dict:
    cr = console_ranges.load()
    bank = data.SongBank(data_dir)
    songs = bank.val if bank.val else bank.train
    model = load_model(checkpoint)
    model.frontend.export_dft = True
    wc = WaveformConsole(cr)
    mf = features.MixFeatures()
    rng = np.random.default_rng(seed)
    errs = {"model": [], "baseline": [], "oracle": []}
    related, infer_s, tracks = [], 0.0, 0
    pairs = {o.name: ([], []) for o in OUTPUTS if o.per_track}      # (predicted, true) on same-song tracks
    for _ in range(batches):
        bt = data.make_batch(rng, bank, songs, batch, crop_s, unrelated, cr, keep_audio=True)
        ref_wave = wc(bt.ref_audio, bt.ref_mask, bt.ref_params)
        ref = mf(ref_wave)
        stems = bt.input_audio
        t0 = time.time()
        for i in range(stems.shape[0]):      # one song at a time, as the C# side runs it (batch 1, no padding)
            n = int(bt.input_mask[i].sum())
            out = model(stems[i:i + 1, :n, None].expand(1, n, 2, -1), bt.input_mask[i:i + 1, :n],
                        ref_wave[i:i + 1])
            tracks += n
            if i == 0:
                pred = {k: [] for k in OUTPUT_NAMES}
            for k, v in zip(OUTPUT_NAMES, out):
                pred[k].append(v)
        infer_s += time.time() - t0
        t = stems.shape[1]
        params = {}
        for o in OUTPUTS:
            vs = pred[o.name]
            if o.per_track:   # pad each song's tracks to the batch's track axis (padding is masked out)
                vs = [torch.cat([v, v[:, :1].expand(1, t - v.shape[1], *v.shape[2:])], 1) for v in vs]
            params[o.name] = torch.cat(vs, 0)
        sel = (bt.input_mask > 0) & (bt.related[:, None] > 0)
        for name, (pr, tr) in pairs.items():
            pr.append(params[name][sel].flatten())
            tr.append(bt.true_params[name][sel].flatten())
        f = mf(wc(stems, bt.input_mask, params))
        errs["model"].append(features.feature_errors(f, ref))
        fb = mf(wc(stems, bt.input_mask, equal_loudness_params(bt, cr)))
        fb["rms_db"] = ref["rms_db"].clone()
        errs["baseline"].append(features.feature_errors(fb, ref))
        fo = mf(wc(stems, bt.input_mask, bt.true_params))
        errs["oracle"].append(features.feature_errors(fo, ref))
        related.append(bt.related)
    rel = torch.cat(related) > 0
    result = {"examples": int(rel.numel()), "related": int(rel.sum()), "crop_s": crop_s,
              "model_seconds_per_song": infer_s / rel.numel(), "mean_tracks": tracks / rel.numel()}
    for name, lst in errs.items():
        cat = {k: torch.cat([e[k] for e in lst]) for k in FEATURES}
        sel = rel if name == "oracle" else torch.ones_like(rel)
        result[name] = {k: float(v[sel].mean()) for k, v in cat.items()}
    stats = {}
    for name, (pr, tr) in pairs.items():
        a, b = torch.cat(pr).double(), torch.cat(tr).double()
        corr = float(torch.corrcoef(torch.stack([a, b]))[0, 1]) if a.std() > 0 and b.std() > 0 else float("nan")
        stats[name] = {"pred_mean": float(a.mean()), "pred_std": float(a.std()), "true_mean": float(b.mean()),
                       "true_std": float(b.std()), "corr": corr}
    result["predictions_vs_true"] = stats
    return result


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checkpoint", type=Path, default=Path(__file__).parent / "checkpoints" / "best.pt")
    ap.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    ap.add_argument("--batches", type=int, default=6)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--crop-s", type=float, default=4.0)
    ap.add_argument("--unrelated", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    r = evaluate(a.checkpoint, a.data, a.batches, a.batch, a.crop_s, a.unrelated, a.seed)
    (a.checkpoint.parent / "audio_eval.json").write_text(json.dumps(r, indent=1))
    print(json.dumps(r, indent=1))


if __name__ == "__main__":
    main()
