"""Exports the trained model to ONNX (opset 17) and writes what the C# side checks against.

Writes into --out (default models/):
- style_transfer.onnx: inputs tracks [1, T, 2, N], track_mask [1, T], reference [1, 2, M] (float32, 44.1 kHz);
  one output per parameter group (params.py). T, N and M are dynamic.
- console_ranges.json: every ConsoleRanges range (parsed from the C# source), the EQ band layout and the
  outputs' contract (range, shape, scaling).
- style_transfer_reference.json: a small deterministic input and the PyTorch outputs for it, so a C# test can
  check ONNX Runtime == PyTorch.

Checks before writing: onnx.checker; the exported front end (DFT as two stages of matrix products) equals the
training front end (FFT); a TorchScript trace of the export graph reproduces the eager outputs; outputs are permutation
equivariant over tracks and unaffected by a masked padding track.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import torch

from . import console_ranges
from .model import StyleTransferModel
from .params import OUTPUT_NAMES, OUTPUTS, json_contract

REPO = Path(__file__).resolve().parent.parent
OPSET = 17


class Exported(torch.nn.Module):
    """The model with the export front end; returns the outputs as a tuple in OUTPUT_NAMES order."""

    def __init__(self, model: StyleTransferModel):
        super().__init__()
        self.model = model
        self.model.frontend.export_dft = True

    def forward(self, tracks, track_mask, reference):
        return self.model(tracks, track_mask, reference)


def reference_input(seed: int = 7, tracks: int = 3, n: int = 4096, m: int = 8192):
    """Deterministic test signals: decaying tones, noise bursts and a quiet pad; the last track is padding."""
    rng = np.random.default_rng(seed)
    t = np.arange(n) / 44100.0
    x = np.zeros((1, tracks, 2, n), np.float32)
    x[0, 0] = 0.4 * np.sin(2 * np.pi * 110 * t) * np.exp(-t * 8)                     # a bass note
    x[0, 1] = 0.2 * rng.standard_normal(n) * (np.arange(n) % 2048 < 400)             # hat-like bursts
    x[0, 2, 0] = 0.05 * np.sin(2 * np.pi * 660 * t)                                  # padding (masked)
    x[0, 2, 1] = x[0, 2, 0]
    mask = np.array([[1, 1, 0]], np.float32)[:, :tracks]
    tr = np.arange(m) / 44100.0
    ref = np.stack([0.3 * np.sin(2 * np.pi * 220 * tr) + 0.05 * rng.standard_normal(m),
                    0.25 * np.sin(2 * np.pi * 220 * tr + 0.3) + 0.08 * rng.standard_normal(m)])[None]
    return x, mask, ref.astype(np.float32)


def load_model(checkpoint: Path) -> StyleTransferModel:
    ckpt = torch.load(checkpoint, map_location="cpu")
    cfg = ckpt["config"]
    model = StyleTransferModel(console_ranges.load(), d=cfg["d"], layers=cfg["layers"], heads=cfg["heads"],
                               ref_tokens=cfg["ref_tokens"])
    # Front-end constants are rebuilt by the constructor (older checkpoints stored them as buffers).
    state = {k: v for k, v in ckpt["model"].items() if not k.startswith("frontend.")}
    model.load_state_dict(state)
    model.eval()
    return model


def _max_rel(a, b) -> float:
    return max(float(((x - y).abs() / y.abs().clamp(min=1.0)).max()) for x, y in zip(a, b))


def check_model(model: StyleTransferModel) -> dict:
    """Equivalences the export relies on; raises if one fails. Returns the measured differences."""
    x, mask, ref = (torch.from_numpy(v) for v in reference_input())
    model.frontend.export_dft = False
    fft_out = model(x, mask, ref)
    model.frontend.export_dft = True
    conv_out = model(x, mask, ref)
    diff_frontend = _max_rel(conv_out, fft_out)
    # Permutation: swap the two real tracks.
    perm = torch.tensor([1, 0, 2])
    p_out = model(x[:, perm], mask[:, perm], ref)
    diff_perm = 0.0
    for o, a, b in zip(OUTPUTS, conv_out, p_out):
        if o.per_track:
            diff_perm = max(diff_perm, _max_rel([a[:, perm]], [b]))
    # A masked padding track does not change the real tracks' outputs.
    s_out = model(x[:, :2], mask[:, :2], ref)
    diff_pad = 0.0
    for o, a, b in zip(OUTPUTS, conv_out, s_out):
        diff_pad = max(diff_pad, _max_rel([a[:, :2] if o.per_track else a], [b]))
    result = {"frontend_dft_vs_fft": diff_frontend, "permutation": diff_perm, "masked_padding": diff_pad}
    for k, v in result.items():
        if not v < 1e-3:
            raise AssertionError(f"export check {k} failed: max relative difference {v}")
    return result


def export(checkpoint: Path, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    model = load_model(checkpoint)
    checks = check_model(model)
    wrapped = Exported(model)
    x, mask, ref = (torch.from_numpy(v) for v in reference_input())
    onnx_path = out / "style_transfer.onnx"
    # Grad stays enabled during export: under no_grad some modules take fused inference paths with no ONNX op.
    torch.onnx.export(
        wrapped, (x, mask, ref), str(onnx_path), opset_version=OPSET, do_constant_folding=True,
        input_names=["tracks", "track_mask", "reference"], output_names=OUTPUT_NAMES,
        dynamic_axes={"tracks": {1: "tracks", 3: "samples"}, "track_mask": {1: "tracks"},
                      "reference": {2: "reference_samples"},
                      **{o.name: {1: "tracks"} for o in OUTPUTS if o.per_track}})
    proto = onnx.load(str(onnx_path))
    onnx.checker.check_model(proto, full_check=True)
    proto.doc_string = "Mixwright reference-mix style transfer: stems + reference -> console parameters. See MODEL_CARD.md."
    onnx.save(proto, str(onnx_path))

    # A TorchScript trace of the same graph must reproduce the eager outputs (on another input size too).
    with torch.no_grad():
        eager = wrapped(x, mask, ref)
        traced = torch.jit.trace(wrapped, (x, mask, ref), check_trace=False)
        diff_trace = _max_rel(traced(x, mask, ref), eager)
        x2 = torch.randn(1, 4, 2, 6000) * 0.1
        m2 = torch.ones(1, 4)
        r2 = torch.randn(1, 2, 10000) * 0.1
        diff_trace_resized = _max_rel(traced(x2, m2, r2), wrapped(x2, m2, r2))
    if not (diff_trace < 1e-5 and diff_trace_resized < 1e-5):
        raise AssertionError(f"traced graph differs from eager: {diff_trace}, {diff_trace_resized}")
    checks.update({"torchscript_trace": diff_trace, "torchscript_trace_other_sizes": diff_trace_resized})

    cr = console_ranges.load()
    (out / "console_ranges.json").write_text(json.dumps(console_ranges.to_json_dict(cr, json_contract()),
                                                        indent=2) + "\n")
    g = lambda a: [float(f"{v:.9g}") for v in np.asarray(a, dtype=np.float32).ravel()]
    refdoc = {
        "about": "Input and PyTorch output of style_transfer.onnx for a C# equality test (compare with a relative "
                 "tolerance: |a - b| <= 1e-4 * max(1, |b|); frequencies are in Hz).",
        "inputs": {"tracks": {"shape": list(x.shape), "data": g(x)},
                   "track_mask": {"shape": list(mask.shape), "data": g(mask)},
                   "reference": {"shape": list(ref.shape), "data": g(ref)}},
        "outputs": {name: {"shape": list(v.shape), "data": g(v.detach())} for name, v in zip(OUTPUT_NAMES, eager)},
    }
    (out / "style_transfer_reference.json").write_text(json.dumps(refdoc) + "\n")
    size = onnx_path.stat().st_size
    info = {"onnx_bytes": size, "opset": OPSET, "checks": checks,
            "parameters": sum(p.numel() for p in model.parameters())}
    print(json.dumps(info, indent=1))
    return info


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checkpoint", type=Path, default=Path(__file__).parent / "checkpoints" / "best.pt")
    ap.add_argument("--out", type=Path, default=REPO / "models")
    a = ap.parse_args(argv)
    info = export(a.checkpoint, a.out)
    (a.checkpoint.parent / "export_report.json").write_text(json.dumps(info, indent=1))


if __name__ == "__main__":
    main()
