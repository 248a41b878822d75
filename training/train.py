"""Trains the style-transfer model on our multitracks (self-supervised, as Diff-MST).

Loss: Diff-MST's audio-feature loss (features.py) between the mix the predicted parameters make on the
differentiable console and the reference mix, plus a small auxiliary regression of the track gains, pans and
sends for examples whose reference was mixed from the same song (there the true values are known: for gains the
reference's minus the random re-levelling of the input stems). The learning-rate schedule runs on wall time, so
a fixed time budget gives a complete cosine schedule on a fast or a slow machine.

Usage: python3 -m training.train --data training/data --out training/checkpoints --minutes 70
"""
from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch

from . import console as console_mod
from . import console_ranges, data, features
from .model import StyleTransferModel

FEATURES = list(features.LOSS_SCALE)


def equal_loudness_params(batch: data.Batch, cr) -> dict:
    """The baseline: every track at the same RMS, centred, no processing (its level matched afterwards)."""
    b, t = batch.input_mask.shape
    p = console_mod.neutral_params(b, t, cr)
    p["gain_db"] = ((-20.0 - batch.input_rms_db) * batch.input_mask).clamp(cr["GainDb"].min, cr["GainDb"].max)
    return p


# The auxiliary regression's scales: what counts as a unit error for each parameter the feature loss alone leaves
# ambiguous. Sends are compared above SEND_FLOOR_DB (quieter sends are inaudible; "off" is -80 dB).
AUX_SCALE = {"gain_db": 12.0, "pan": 0.5, "reverb_send_db": 20.0}
SEND_FLOOR_DB = -50.0


def auxiliary_loss(out: dict, bt: data.Batch) -> torch.Tensor:
    """L1 regression of gains, pans and sends towards the parameters that made the reference, on same-song
    examples (where they are known). Without it the feature loss lets pans collapse to the centre and makes the
    reference's width with reverb instead: both give the same mix-level width, only the true pans place the
    instruments where the reference has them (the front end's per-band balance shows where that is)."""
    w = bt.input_mask * bt.related[:, None]
    total = 0.0
    for k, scale in AUX_SCALE.items():
        pred, true = out[k], bt.true_params[k]
        if k == "reverb_send_db":
            pred, true = pred.clamp(min=SEND_FLOOR_DB), true.clamp(min=SEND_FLOOR_DB)
        total = total + ((pred - true).abs() / scale * w).sum() / w.sum().clamp(min=1)
    return total / len(AUX_SCALE)


class Evaluator:
    def __init__(self, batches: list, console, pf, cr):
        self.batches, self.console, self.pf, self.cr = batches, console, pf, cr
        with torch.no_grad():
            self.refs = [pf(console(bt.ref_power, bt.ref_mask, bt.ref_params)) for bt in batches]
            self.ref_powers = [console(bt.ref_power, bt.ref_mask, bt.ref_params) for bt in batches]

    @torch.no_grad()
    def run(self, model, full: bool = False) -> dict:
        model.eval()
        errs = {"model": [], "baseline": [], "oracle": []}
        related, losses = [], []
        for bt, ref, ref_p in zip(self.batches, self.refs, self.ref_powers):
            out = model.core(model.track_stats_from_mono_powers(bt.input_power), bt.input_mask,
                             model.frontend.features(ref_p))
            f = self.pf(self.console(bt.input_power, bt.input_mask, out))
            losses.append(features.feature_loss(f, ref).item())
            errs["model"].append(features.feature_errors(f, ref))
            related.append(bt.related)
            if full:
                fb = self.pf(self.console(bt.input_power, bt.input_mask, equal_loudness_params(bt, self.cr)))
                fb["rms_db"] = ref["rms_db"].clone()          # the baseline's level is set to the reference's
                errs["baseline"].append(features.feature_errors(fb, ref))
                fo = self.pf(self.console(bt.input_power, bt.input_mask, bt.true_params))
                errs["oracle"].append(features.feature_errors(fo, ref))
        model.train()
        rel = torch.cat(related) > 0
        result = {"loss": float(np.mean(losses)), "examples": int(rel.numel()), "related": int(rel.sum())}
        for name, lst in errs.items():
            if not lst:
                continue
            cat = {k: torch.cat([e[k] for e in lst]) for k in FEATURES}
            if name == "oracle":
                result[name] = {k: float(v[rel].mean()) for k, v in cat.items()}
            else:
                result[name] = {k: float(v.mean()) for k, v in cat.items()}
                result[name + "_related"] = {k: float(v[rel].mean()) for k, v in cat.items()}
                result[name + "_unrelated"] = {k: float(v[~rel].mean()) for k, v in cat.items()}
        return result


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).parent / "data")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "checkpoints")
    ap.add_argument("--minutes", type=float, default=60.0, help="wall-time budget of the training loop")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: time budget only)")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--crop-s", type=float, default=4.0)
    ap.add_argument("--unrelated", type=float, default=0.25, help="share of references from another song")
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--aux", type=float, default=0.3, help="weight of the gain/pan/send regression (related examples)")
    ap.add_argument("--val-batches", type=int, default=8)
    ap.add_argument("--val-every", type=int, default=200)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--d", type=int, default=160)
    ap.add_argument("--layers", type=int, default=4)
    a = ap.parse_args(argv)

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    a.out.mkdir(parents=True, exist_ok=True)
    cr = console_ranges.load()
    bank = data.SongBank(a.data)
    console = console_mod.Console(cr)
    pf = features.PowerFeatures()
    model = StyleTransferModel(cr, d=a.d, layers=a.layers)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"{len(bank.train)} training songs, {len(bank.val)} validation songs, {n_params} parameters", flush=True)

    val_rng = np.random.default_rng(12345)
    val_songs = bank.val if bank.val else bank.train
    evaluator = Evaluator([data.make_batch(val_rng, bank, val_songs, a.batch, a.crop_s, a.unrelated, cr)
                           for _ in range(a.val_batches)], console, pf, cr)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.01)
    rng = np.random.default_rng(a.seed)
    budget = a.minutes * 60
    t0 = time.time()
    step, best, history = 0, math.inf, []
    warmup = 100
    run_loss = run_aux = 0.0
    while True:
        elapsed = time.time() - t0
        if elapsed >= budget or (a.max_steps and step >= a.max_steps):
            break
        frac = min(1.0, elapsed / budget) if not a.max_steps else step / a.max_steps
        lr = a.lr * min(1.0, (step + 1) / warmup) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
        for g in opt.param_groups:
            g["lr"] = lr
        bt = data.make_batch(rng, bank, bank.train, a.batch, a.crop_s, a.unrelated, cr)
        with torch.no_grad():
            ref_power = console(bt.ref_power, bt.ref_mask, bt.ref_params)
            ref_feat = pf(ref_power)
            ref_stats = model.frontend.features(ref_power)
        out = model.core(model.track_stats_from_mono_powers(bt.input_power), bt.input_mask, ref_stats)
        mix = console(bt.input_power, bt.input_mask, out)
        loss_f = features.feature_loss(pf(mix), ref_feat)
        aux = auxiliary_loss(out, bt)
        loss = loss_f + a.aux * aux
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        run_loss += loss_f.item()
        run_aux += aux.item()
        if step % 25 == 0:
            print(f"step {step} {time.time() - t0:.0f}s lr {lr:.2e} feature_loss {run_loss / 25:.4f} "
                  f"aux {run_aux / 25:.4f}", flush=True)
            run_loss = run_aux = 0.0
        if step % a.val_every == 0:
            r = evaluator.run(model)
            history.append({"step": step, "seconds": round(time.time() - t0), "val_loss": r["loss"]})
            print(f"  val step {step}: loss {r['loss']:.4f} " +
                  " ".join(f"{k} {v:.3f}" for k, v in r["model"].items()), flush=True)
            if r["loss"] < best:
                best = r["loss"]
                torch.save({"model": model.state_dict(), "config": model.config, "step": step}, a.out / "best.pt")
    seconds = time.time() - t0
    torch.save({"model": model.state_dict(), "config": model.config, "step": step}, a.out / "last.pt")
    r = evaluator.run(model)
    history.append({"step": step, "seconds": round(seconds), "val_loss": r["loss"]})
    if r["loss"] <= best or not (a.out / "best.pt").exists():
        torch.save({"model": model.state_dict(), "config": model.config, "step": step}, a.out / "best.pt")
    ckpt = torch.load(a.out / "best.pt")
    model.load_state_dict(ckpt["model"])
    final = evaluator.run(model, full=True)
    report = {
        "steps": step, "train_seconds": round(seconds, 1), "examples_seen": step * a.batch,
        "best_step": ckpt["step"], "parameters": n_params, "batch": a.batch, "crop_s": a.crop_s,
        "unrelated_share": a.unrelated, "aux_weight": a.aux, "lr": a.lr, "threads": a.threads,
        "train_songs": len(bank.train), "val_songs": len(bank.val), "validation": final, "history": history,
    }
    (a.out / "train_report.json").write_text(json.dumps(report, indent=1))
    print(json.dumps({k: v for k, v in final.items() if k in ("loss", "model", "baseline", "oracle")}, indent=1))


if __name__ == "__main__":
    main()
