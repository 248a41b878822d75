"""Diff-MST's audio features of a stereo mix and the loss between two mixes' features.

Features follow the engine's analysis (Mixwright.Dsp.Analysis), which defines them as Diff-MST does:
- rms_db: RMS over both channels, dBFS; crest_db: sample peak over RMS, dB;
- width: mean((L-R)^2) / mean((L+R)^2); imbalance: (E_R - E_L) / (E_R + E_L), denominators floored at 1e-8;
- bark_mid_db / bark_side_db: time-averaged magnitude spectrum of L+R and L-R through 24 triangular Bark bands
  (Traunmueller's Bark, 20 Hz .. 20 kHz), 20 log10(v + 1e-8), magnitudes scaled so a sine's peak bin reads its
  amplitude. Frames here are Hann 4096 / hop 2048 (the engine uses 8192 / 4096; the scaling makes the two
  agree on stationary material).
"""
from __future__ import annotations

import math

import torch

SAMPLE_RATE = 44100
BARK_BANDS = 24
BARK_MIN_HZ, BARK_MAX_HZ = 20.0, 20000.0
FEATURE_FFT, FEATURE_HOP = 4096, 2048
FLOOR = 1e-8
DB_FLOOR = -100.0      # the loss compares Bark levels above this; silence reads -160 dB in the engine


def hz_to_bark(hz: float) -> float:
    z = 26.81 * hz / (1960 + hz) - 0.53
    if z < 2:
        return z + 0.15 * (2 - z)
    if z > 20.1:
        return z + 0.22 * (z - 20.1)
    return z


def bark_to_hz(bark: float) -> float:
    z = bark
    if bark < 2:
        z = (bark - 0.3) / 0.85
    elif bark > 20.1:
        z = (bark + 4.422) / 1.22
    return 1960 * (z + 0.53) / (26.28 - z)


def bark_filterbank(sample_rate: int, fft_size: int, bands: int = BARK_BANDS) -> torch.Tensor:
    """[bands, fft_size/2+1] unit-height triangles equally spaced in Bark, as the engine's BarkFilterbank."""
    z_lo, z_hi = hz_to_bark(BARK_MIN_HZ), hz_to_bark(BARK_MAX_HZ)
    pts = [bark_to_hz(z_lo + (z_hi - z_lo) * i / (bands + 1)) for i in range(bands + 2)]
    freqs = torch.arange(fft_size // 2 + 1, dtype=torch.float64) * sample_rate / fft_size
    w = torch.zeros(bands, fft_size // 2 + 1, dtype=torch.float64)
    for b in range(bands):
        lo, c, hi = pts[b], pts[b + 1], pts[b + 2]
        tri = torch.minimum((freqs - lo) / (c - lo), (hi - freqs) / (hi - c)).clamp(min=0)
        tri[(freqs <= lo) | (freqs >= hi)] = 0
        w[b] = tri
    return w.float()


class MixFeatures(torch.nn.Module):
    """Stereo waveform [B, 2, N] -> dict of Diff-MST features."""

    def __init__(self, sample_rate: int = SAMPLE_RATE):
        super().__init__()
        self.register_buffer("window", torch.hann_window(FEATURE_FFT), persistent=False)
        self.register_buffer("bark", bark_filterbank(sample_rate, FEATURE_FFT), persistent=False)

    def forward(self, x: torch.Tensor) -> dict:
        left, right = x[:, 0], x[:, 1]
        ms = (x ** 2).mean(dim=(1, 2))
        rms = ms.clamp(min=1e-20).sqrt()
        peak = x.abs().amax(dim=(1, 2))
        rms_db = 20 * torch.log10(rms + FLOOR)
        crest_db = 20 * torch.log10(peak + FLOOR) - rms_db
        e_l, e_r = (left ** 2).mean(-1), (right ** 2).mean(-1)
        width = ((left - right) ** 2).mean(-1) / ((left + right) ** 2).mean(-1).clamp(min=FLOOR)
        imbalance = (e_r - e_l) / (e_r + e_l).clamp(min=FLOOR)
        ms_sig = torch.stack([left + right, left - right], 1)                      # [B, 2, N]
        b = ms_sig.shape[0]
        spec = torch.stft(ms_sig.reshape(2 * b, -1), FEATURE_FFT, FEATURE_HOP, window=self.window, center=False,
                          return_complex=True)
        mag = (spec.real ** 2 + spec.imag ** 2 + 1e-20).sqrt() * (2.0 / self.window.sum())
        avg = mag.mean(-1).reshape(b, 2, -1)                                        # time-averaged magnitude
        bark_db = 20 * torch.log10(torch.einsum("bcf,kf->bck", avg, self.bark) + FLOOR)
        return {"rms_db": rms_db, "crest_db": crest_db, "width": width, "imbalance": imbalance,
                "bark_mid_db": bark_db[:, 0], "bark_side_db": bark_db[:, 1]}


# Loss scales: each term is an L1 distance divided by roughly the error an untrained guess makes, so no single
# feature dominates. Bark levels are compared above DB_FLOOR (a silent side channel is -160 dB in dB terms).
LOSS_SCALE = {"rms_db": 3.0, "crest_db": 3.0, "width": 0.1, "imbalance": 0.1, "bark_mid_db": 3.0,
              "bark_side_db": 6.0}


def feature_errors(a: dict, b: dict) -> dict:
    """Per-example absolute errors [B] per feature (Bark: mean over bands, floored)."""
    out = {}
    for k in LOSS_SCALE:
        if k.startswith("bark"):
            out[k] = (a[k].clamp(min=DB_FLOOR) - b[k].clamp(min=DB_FLOOR)).abs().mean(-1)
        else:
            out[k] = (a[k] - b[k]).abs()
    return out


def feature_loss(a: dict, b: dict) -> torch.Tensor:
    errs = feature_errors(a, b)
    return sum(errs[k] / LOSS_SCALE[k] for k in LOSS_SCALE).mean() / len(LOSS_SCALE)


def _self_check() -> None:
    """A full-scale sine reads 3.01 dB crest, -3.01 dBFS RMS and its amplitude in the Bark mid band."""
    t = torch.arange(SAMPLE_RATE) / SAMPLE_RATE
    s = torch.sin(2 * math.pi * 1000 * t)
    f = MixFeatures()(torch.stack([s, s])[None])
    assert abs(f["rms_db"].item() + 3.0103) < 1e-3 and abs(f["crest_db"].item() - 3.0103) < 1e-2, f
    assert f["width"].item() < 1e-6 and abs(f["imbalance"].item()) < 1e-6


if __name__ == "__main__":
    _self_check()
    print("features ok")


class PowerFeatures(torch.nn.Module):
    """The same features from band energies (console.py's representation [B, 4 = L, R, L+R, L-R, SB, K]).

    What a frame-level console can measure differs in one place: there is no sample peak, so crest_db here is
    the frame crest, 10 log10(max frame mean square / mean frame mean square) over 23 ms frames. Everything
    else is the definition above with 1024-sample Hann frames, magnitudes read per sub-band (console.py).
    """

    def __init__(self, sample_rate: int = SAMPLE_RATE):
        super().__init__()
        from . import console
        self.power_scale = console.POWER_SCALE
        self.magnitude_scale = console.MAGNITUDE_SCALE
        # Bark weights summed per sub-band; a sub-band's per-bin magnitude is sqrt(power / bins in it).
        self.register_buffer("bark", bark_filterbank(sample_rate, console.FRAME) @ console.SUBBANDS.t(),
                             persistent=False)
        self.register_buffer("bins_per_band", console.SUBBANDS.sum(1)[:, None], persistent=False)

    def forward(self, p: torch.Tensor) -> dict:
        e = p.sum(-2) * self.power_scale                     # [B, 4, K] frame mean squares per channel
        frame_ms = (e[:, 0] + e[:, 1]) / 2
        ms = frame_ms.mean(-1)
        rms_db = 10 * torch.log10(ms + 1e-16)
        crest_db = 10 * torch.log10(frame_ms.amax(-1) + 1e-16) - 10 * torch.log10(ms + 1e-16)
        tot = e.mean(-1)
        width = tot[:, 3] / tot[:, 2].clamp(min=FLOOR)
        imbalance = (tot[:, 1] - tot[:, 0]) / (tot[:, 1] + tot[:, 0]).clamp(min=FLOOR)
        mag = (p[:, 2:] / self.bins_per_band + 1e-20).sqrt().mean(-1) * self.magnitude_scale      # [B, 2, SB]
        bark_db = 20 * torch.log10(torch.einsum("bcf,kf->bck", mag, self.bark) + FLOOR)
        return {"rms_db": rms_db, "crest_db": crest_db, "width": width, "imbalance": imbalance,
                "bark_mid_db": bark_db[:, 0], "bark_side_db": bark_db[:, 1]}
