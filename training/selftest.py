"""Fast checks of the training code's building blocks (run by smoke_test.sh).

Each check compares against an independent expectation: cookbook EQ values, Parseval, the C# panner law, the
engine's feature definitions on a sine, and the parsed ranges against the C# source text.
"""
from __future__ import annotations

import math

import numpy as np
import torch

from . import console, console_ranges, features, reverb_ir
from .model import StyleTransferModel


def check_ranges() -> None:
    cr = console_ranges.load()
    text = (console_ranges.PARAMETERS_DIR / "ConsoleRanges.cs").read_text()
    assert text.count("new(\"") == len(cr.ranges), "every ParameterRange declaration parsed"
    g = cr["GainDb"]
    assert f'new("{g.name}", {g.min:g}, {g.max:g}, {g.default:g}' in text
    assert [b.type for b in cr.eq_bands] == ["LowShelf", "Peaking", "Peaking", "Peaking", "Peaking", "HighShelf"]


def check_eq() -> None:
    """A peaking band reads its gain at its centre, a low shelf its full gain at DC, a high shelf at Nyquist."""
    assert abs(10 * math.log10(_raw_eq(1000.0, 6.0, 1.0, "Peaking", 1000.0)) - 6.0) < 1e-6
    assert abs(10 * math.log10(_raw_eq(100.0, -9.0, 0.707, "LowShelf", 1.0)) + 9.0) < 1e-3
    assert abs(10 * math.log10(_raw_eq(8000.0, 4.0, 0.707, "HighShelf", 22049.0)) - 4.0) < 1e-2
    # Half the shelf's gain at its corner frequency (the cookbook's definition).
    assert abs(10 * math.log10(_raw_eq(200.0, 8.0, 0.707, "LowShelf", 200.0)) - 4.0) < 1e-6
    flat = console.eq_power(torch.tensor([80.0, 1000.0]), torch.zeros(2), torch.ones(2),
                            torch.arange(console.BINS) * (2 * math.pi / console.FRAME), ["LowShelf", "Peaking"])
    assert flat.shape == (console.SB,) and torch.allclose(flat, torch.ones(console.SB))


def _raw_eq(f, g, q, kind, at_hz) -> float:
    return float(console.eq_power_at(torch.tensor([f]), torch.tensor([g]), torch.tensor([q]),
                                     torch.tensor([2 * math.pi * at_hz / 44100]), [kind])[0])


def check_console() -> None:
    """Neutral settings pass a stem through; a hard-left pan puts +3 dB on the left and nothing on the right."""
    cr = console_ranges.load()
    c = console.Console(cr)
    x = torch.randn(1, 2, 44100) * 0.1
    p = console.neutral_params(1, 2, cr)
    mix = c(console.frame_power(x), torch.ones(1, 2), p)
    direct = console.frame_power(x).sum(1)
    assert torch.allclose(mix[0, console.L], direct[0], rtol=1e-4, atol=1e-9)
    p["pan"] = torch.tensor([[-1.0, -1.0]])
    mix = c(console.frame_power(x), torch.ones(1, 2), p)
    assert torch.allclose(mix[0, console.L], 2 * direct[0], rtol=1e-4, atol=1e-9)
    assert float(mix[0, console.R].sum()) < 1e-9 * float(direct.sum())
    # Parseval: frame powers carry the signal's mean square.
    ms = float((x[0, 0, :43 * 1024] ** 2).mean())
    est = float(console.frame_power(x[0, 0]).sum(0).mean() * console.POWER_SCALE)
    assert abs(est / ms - 1) < 0.05, (est, ms)


def check_features() -> None:
    features._self_check()
    t = torch.arange(44100) / 44100
    s = 0.5 * torch.sin(2 * math.pi * 1000 * t)
    f = features.PowerFeatures()(console.stereo_powers(torch.stack([s, 0 * s])[None]))
    assert abs(f["imbalance"].item() + 1) < 1e-6 and abs(f["width"].item() - 1) < 1e-6
    assert abs(f["rms_db"].item() - 20 * math.log10(0.5 / math.sqrt(2) / math.sqrt(2))) < 0.1


def check_reverb() -> None:
    ir = reverb_ir.impulse_response(44100, 1.8, 20, 0.5, 1.0)
    first = np.flatnonzero(np.abs(ir[0, 0]) > 0)[0]
    assert first >= round(0.020 * 44100) + min(reverb_ir.delay_lengths(44100)) - 1, first


def check_model() -> None:
    torch.manual_seed(0)
    model = StyleTransferModel(d=32, layers=1)
    x = torch.randn(1, 3, 2, 4096) * 0.1
    ref = torch.randn(1, 2, 8192) * 0.1
    out = model(x, torch.ones(1, 3), ref)
    perm = torch.tensor([2, 0, 1])
    out_p = model(x[:, perm], torch.ones(1, 3), ref)
    assert torch.allclose(out[0][:, perm], out_p[0], rtol=1e-5, atol=1e-4), "track order must not matter"
    cr = console_ranges.load()
    assert float(out[0].min()) >= cr["GainDb"].min and float(out[0].max()) <= cr["GainDb"].max


def main() -> None:
    for check in (check_ranges, check_eq, check_console, check_features, check_reverb, check_model):
        check()
        print(f"ok {check.__name__}")


if __name__ == "__main__":
    main()
