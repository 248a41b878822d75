"""The training console: Mixwright's console as a differentiable model on band energies (a "frame-level console").

Signals are represented by one-sided STFT powers of non-overlapping Hann frames (1024 samples, 23 ms at
44.1 kHz), summed into 96 sub-bands (single bins up to 1 kHz, then 1/16-octave bands):
P[..., channel, sub-band, frame] with channels (L, R, M = L+R, S = L-R). Mixing sums powers, i.e. assumes
the stems are mutually uncorrelated (different instruments), which is what makes it cheap enough to train on
2 CPU cores. Per track (mono stems): gain -> 6-band EQ -> compressor -> constant-power pan -> bus, and a
post-fader send to the shared reverb. Master: reverb return, EQ, compressor, output gain.

Approximations (repeated in the model card):
- EQ: the RBJ biquads' exact power responses |H|^2 at the bin centres, averaged over each sub-band (exact for
  a sub-band whose spectrum is flat; phase ignored).
- Compressor: the engine's soft-knee static curve on the frame RMS, smoothed across frames with the engine's
  attack/release one-pole at the frame rate; equivalent to DetectorMode.Rms at 23 ms resolution.
- Reverb: the exact impulse response of the engine's FDN at its defaults (reverb_ir.py), applied as an energy
  convolution along frames per bin (energy of 1024-sample IR segments); wet L and R are treated as
  uncorrelated (their measured correlation is -0.04).
- Not modelled: high-pass, polarity, width (mono stems), the master limiter and loudness normalisation.
"""
from __future__ import annotations

import math

import numpy as np
import torch

from . import console_ranges, reverb_ir
from .params import EQ_BANDS

SAMPLE_RATE = 44100
FRAME = 1024                   # n_fft = hop: non-overlapping Hann frames
FRAME_RADIX = 32               # FRAME = 32 x 32, for the front end's two-stage DFT
BINS = FRAME // 2 + 1
REVERB_IR_S = 2.2
L, R, M, S = 0, 1, 2, 3


def hann(n: int = FRAME) -> torch.Tensor:
    return torch.hann_window(n, periodic=True)


# One-sided bins to a frame's mean square (Parseval over the windowed frame; DC and Nyquist counted twice, a
# negligible bias that is the same in training and inference because both use this constant).
POWER_SCALE = 2.0 / (FRAME * float((hann() ** 2).sum()))
# One-sided magnitude scaled so a sine's peak bin reads its amplitude.
MAGNITUDE_SCALE = 2.0 / float(hann().sum())


def subband_matrix() -> torch.Tensor:
    """[SUBBANDS, BINS] 0/1 membership: one bin per sub-band up to 1 kHz, then geometric (1/16 octave) bands."""
    edges = list(range(0, 25))                       # bins 0..24 alone (0 .. 1034 Hz)
    e = 25.0
    while e < BINS:
        e *= 2 ** (1 / 16)
        edges.append(min(BINS, max(edges[-1] + 1, int(round(e)))))
    edges = sorted(set(edges))
    if edges[-1] != BINS:
        edges.append(BINS)
    m = torch.zeros(len(edges) - 1, BINS)
    for i, (a, b) in enumerate(zip(edges, edges[1:])):
        m[i, a:b] = 1
    return m


SUBBANDS = subband_matrix()
SB = SUBBANDS.shape[0]
SUBBAND_OF_BIN = SUBBANDS.argmax(0)


def frame_power(x: torch.Tensor) -> torch.Tensor:
    """[..., N] -> [..., SB, K] sub-band power of non-overlapping Hann frames (trailing samples dropped)."""
    k = x.shape[-1] // FRAME
    frames = x[..., :k * FRAME].reshape(*x.shape[:-1], k, FRAME) * hann().to(x)
    spec = torch.fft.rfft(frames, dim=-1)
    power = spec.real ** 2 + spec.imag ** 2                                              # [..., K, BINS]
    pooled = torch.zeros(*power.shape[:-1], SB, dtype=power.dtype)
    pooled.index_add_(power.dim() - 1, SUBBAND_OF_BIN, power)     # a sum per sub-band, without a (slow) GEMM
    return pooled.transpose(-1, -2)


def stereo_powers(x: torch.Tensor) -> torch.Tensor:
    """Stereo audio [B, 2, N] -> powers [B, 4, SB, K] of L, R, M = L+R, S = L-R."""
    left, right = x[:, 0], x[:, 1]
    return torch.stack([frame_power(left), frame_power(right), frame_power(left + right),
                        frame_power(left - right)], 1)


def db_to_gain(db):
    return torch.pow(10.0, db / 20.0)


def eq_power(freq_hz, gain_db, q, omega, band_types, sample_rate=SAMPLE_RATE) -> torch.Tensor:
    """|H|^2 of the EQ at the bins `omega` averaged per sub-band: [..., bands] -> [..., SB]."""
    h2 = eq_power_at(freq_hz, gain_db, q, omega, band_types, sample_rate)
    return torch.matmul(h2, (SUBBANDS / SUBBANDS.sum(1, keepdim=True)).t().double()).float()


def eq_power_at(freq_hz, gain_db, q, omega, band_types, sample_rate=SAMPLE_RATE) -> torch.Tensor:
    """|H|^2 (float64) of a cascade of RBJ cookbook biquads at `omega` (radians/sample): [..., bands] -> [..., len].

    Float64: at 20 Hz and Q 10 the poles sit within 1e-3 of the unit circle.
    """
    f, g, qq = freq_hz.double(), gain_db.double(), q.double()
    a = torch.pow(10.0, g / 40.0)
    w0 = 2 * math.pi * f / sample_rate
    cos, alpha = torch.cos(w0), torch.sin(w0) / (2 * qq)
    k = 2 * torch.sqrt(a) * alpha
    w = omega.double()
    c1, c2 = torch.cos(w), torch.cos(2 * w)
    total = None
    for i, t in enumerate(band_types):
        ai, ci, al, ki = a[..., i], cos[..., i], alpha[..., i], k[..., i]
        if t == "Peaking":
            b = (1 + al * ai, -2 * ci, 1 - al * ai)
            d = (1 + al / ai, -2 * ci, 1 - al / ai)
        elif t == "LowShelf":
            b = (ai * ((ai + 1) - (ai - 1) * ci + ki), 2 * ai * ((ai - 1) - (ai + 1) * ci),
                 ai * ((ai + 1) - (ai - 1) * ci - ki))
            d = ((ai + 1) + (ai - 1) * ci + ki, -2 * ((ai - 1) + (ai + 1) * ci), (ai + 1) + (ai - 1) * ci - ki)
        elif t == "HighShelf":
            b = (ai * ((ai + 1) + (ai - 1) * ci + ki), -2 * ai * ((ai - 1) + (ai + 1) * ci),
                 ai * ((ai + 1) + (ai - 1) * ci - ki))
            d = ((ai + 1) - (ai - 1) * ci + ki, 2 * ((ai - 1) - (ai + 1) * ci), (ai + 1) - (ai - 1) * ci - ki)
        else:
            raise ValueError(f"unknown EQ band type {t}")

        def power(p):
            p0, p1, p2 = (x[..., None] / d[0][..., None] for x in p)
            return p0 ** 2 + p1 ** 2 + p2 ** 2 + 2 * (p0 * p1 + p1 * p2) * c1 + 2 * p0 * p2 * c2
        h2 = power(b) / power(d).clamp(min=1e-300)
        total = h2 if total is None else total * h2
    return total.clamp(min=0)


def gain_computer(level_db, threshold_db, ratio, knee_db):
    """Gain reduction in dB (>= 0) of the engine's soft-knee static curve (Giannoulis, Massberg, Reiss)."""
    over = level_db - threshold_db
    slope = 1 - 1 / ratio
    knee = knee_db.clamp(min=1e-3)
    soft = slope * (over + knee / 2) ** 2 / (2 * knee)
    red = torch.where(2 * over < -knee, torch.zeros_like(over), torch.where(2 * over > knee, slope * over, soft))
    return red.clamp(min=0)


def smooth_reduction(red, attack_ms, release_ms, frame_rate):
    """Branching one-pole across frames (last dim): attack while the reduction rises, release while it falls."""
    a_att = torch.exp(-1000.0 / (attack_ms * frame_rate))
    a_rel = torch.exp(-1000.0 / (release_ms * frame_rate))
    out, state = [], torch.zeros_like(red[..., 0])
    for k in range(red.shape[-1]):
        target = red[..., k]
        coef = torch.where(target > state, a_att, a_rel)
        state = coef * state + (1 - coef) * target
        out.append(state)
    return torch.stack(out, -1)


class Console(torch.nn.Module):
    def __init__(self, ranges: console_ranges.ConsoleRanges | None = None, sample_rate: int = SAMPLE_RATE):
        super().__init__()
        ranges = ranges or console_ranges.load()
        self.sample_rate = sample_rate
        self.frame_rate = sample_rate / FRAME
        self.band_types = [b.type for b in ranges.eq_bands]
        assert len(self.band_types) == EQ_BANDS
        self.off_db = ranges.off_db
        self.return_power = 10 ** (ranges["ReverbReturnDb"].default / 10)
        self.register_buffer("omega", torch.arange(BINS) * (2 * math.pi / FRAME), persistent=False)
        ir = reverb_ir.impulse_response(sample_rate, ranges["ReverbDecayS"].default,
                                        ranges["ReverbPreDelayMs"].default, ranges["ReverbDamping"].default,
                                        REVERB_IR_S)
        j = ir.shape[-1] // FRAME
        seg = torch.from_numpy(ir[..., :j * FRAME].reshape(2, 2, j, FRAME).astype(np.float32))
        energy = torch.fft.rfft(seg, dim=-1).abs() ** 2                                   # [in, out, J, BINS]
        energy = torch.matmul(energy, (SUBBANDS / SUBBANDS.sum(1, keepdim=True)).t())      # sub-band mean
        self.register_buffer("reverb_energy", energy.permute(0, 1, 3, 2).contiguous(), persistent=False)

    def compress(self, power, threshold_db, ratio, attack_ms, release_ms, knee_db, makeup_db, detector):
        """power [..., C, SB, K]; detector [..., K] frame mean square; parameters [...]."""
        level = 10 * torch.log10(detector + 1e-12)
        red = gain_computer(level, threshold_db[..., None], ratio[..., None], knee_db[..., None])
        red = smooth_reduction(red, attack_ms, release_ms, self.frame_rate)
        gain = torch.pow(10.0, (makeup_db[..., None] - red) / 10)                       # power gain [..., K]
        return power * gain[..., None, None, :]

    def reverb(self, send: torch.Tensor) -> torch.Tensor:
        """send powers [B, 2, SB, K] -> wet powers [B, 2, SB, K] (energy convolution along frames)."""
        k, j = send.shape[-1], self.reverb_energy.shape[-1]
        size = k + j
        s = torch.fft.rfft(send, size, dim=-1)
        h = torch.fft.rfft(self.reverb_energy, size, dim=-1)
        wet = torch.fft.irfft(torch.einsum("bifk,iofk->bofk", s, h), size, dim=-1)[..., :k]
        return wet.clamp(min=0) * self.return_power

    def forward(self, track_power: torch.Tensor, mask: torch.Tensor, p: dict) -> torch.Tensor:
        """track_power [B, T, SB, K] (mono stems, frame_power), mask [B, T] -> mix powers [B, 4, SB, K]."""
        eq = eq_power(p["eq_freq_hz"], p["eq_gain_db"], p["eq_q"], self.omega, self.band_types, self.sample_rate)
        gain = db_to_gain(p["gain_db"]) ** 2 * mask
        x = track_power * (eq * gain[..., None])[..., None]                               # [B, T, SB, K]
        detector = x.sum(-2) * POWER_SCALE
        x = self.compress(x[:, :, None], p["comp_threshold_db"], p["comp_ratio"], p["comp_attack_ms"],
                          p["comp_release_ms"], p["comp_knee_db"], p["comp_makeup_db"], detector)[:, :, 0]
        theta = (p["pan"] + 1) * math.pi / 4
        gl, gr = math.sqrt(2) * torch.cos(theta), math.sqrt(2) * torch.sin(theta)
        pan2 = torch.stack([gl ** 2, gr ** 2, (gl + gr) ** 2, (gl - gr) ** 2], 1)          # [B, 4, T]
        bus = torch.einsum("bct,btfk->bcfk", pan2, x)
        send_db = p["reverb_send_db"]
        send2 = torch.where(send_db <= self.off_db, torch.zeros_like(send_db), torch.pow(10.0, send_db / 10))
        send = torch.einsum("bct,btfk->bcfk", pan2[:, :2] * send2[:, None], x)
        wet = self.reverb(send)
        wet_sum = wet[:, 0] + wet[:, 1]                    # uncorrelated wet L and R: both M and S get the sum
        mix = bus + torch.stack([wet[:, 0], wet[:, 1], wet_sum, wet_sum], 1)
        return self.master(mix, p)

    def master(self, mix: torch.Tensor, p: dict) -> torch.Tensor:
        eq = eq_power(p["master_eq_freq_hz"], p["master_eq_gain_db"], p["master_eq_q"], self.omega,
                      self.band_types, self.sample_rate)                                   # [B, SB]
        mix = mix * eq[:, None, :, None]
        detector = (mix[:, L] + mix[:, R]).sum(-2) * (POWER_SCALE / 2)                     # channels' mean power
        mix = self.compress(mix, p["master_comp_threshold_db"], p["master_comp_ratio"], p["master_comp_attack_ms"],
                            p["master_comp_release_ms"], p["master_comp_knee_db"], p["master_comp_makeup_db"],
                            detector)
        return mix * (db_to_gain(p["master_gain_db"]) ** 2)[:, None, None, None]


def neutral_params(b: int, t: int, ranges: console_ranges.ConsoleRanges | None = None) -> dict:
    """Unity gain, centred, flat EQ, no compression, no send, flat master: the console passes stems through."""
    ranges = ranges or console_ranges.load()
    fr = torch.tensor([x.default_freq_hz for x in ranges.eq_bands])
    q = torch.tensor([x.default_q for x in ranges.eq_bands])
    z = torch.zeros
    return {
        "gain_db": z(b, t), "pan": z(b, t), "eq_gain_db": z(b, t, EQ_BANDS), "eq_freq_hz": fr.expand(b, t, -1).clone(),
        "eq_q": q.expand(b, t, -1).clone(), "comp_threshold_db": z(b, t), "comp_ratio": torch.ones(b, t),
        "comp_attack_ms": torch.full((b, t), 10.0), "comp_release_ms": torch.full((b, t), 100.0),
        "comp_knee_db": torch.full((b, t), 6.0), "comp_makeup_db": z(b, t),
        "reverb_send_db": torch.full((b, t), ranges.off_db),
        "master_eq_gain_db": z(b, EQ_BANDS), "master_eq_freq_hz": fr.expand(b, -1).clone(),
        "master_eq_q": q.expand(b, -1).clone(), "master_comp_threshold_db": z(b), "master_comp_ratio": torch.ones(b),
        "master_comp_attack_ms": torch.full((b,), 10.0), "master_comp_release_ms": torch.full((b,), 100.0),
        "master_comp_knee_db": torch.full((b,), 6.0), "master_comp_makeup_db": z(b), "master_gain_db": z(b),
    }
