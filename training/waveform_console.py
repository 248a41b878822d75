"""A differentiable model of Mixwright's console, working on STFT frames (Hann 2048, hop 1024, 44.1 kHz).

Per track (mono stems): gain -> 6-band EQ -> compressor -> constant-power pan -> bus, plus a post-fader send
to the shared reverb. Master: reverb return added, then EQ -> compressor -> output gain. The result is a
stereo waveform (inverse STFT), so its features are measured exactly as the reference's.

Approximations (chosen so training runs on 2 CPU cores; the model card repeats them):
- EQ: each RBJ biquad acts as its magnitude response evaluated at the STFT bin centres (zero phase). Exact
  magnitudes; phase and the filter's time response are ignored.
- Compressor: the engine's soft-knee static curve applied to the frame RMS (a 46 ms Hann frame every 23 ms), the
  gain reduction smoothed across frames with the attack/release one-pole of the engine at the frame rate,
  then applied per frame. This models the engine's RMS detector (DetectorMode.Rms) at frame resolution:
  attacks shorter than a frame act as one frame, and no peak detector is modelled.
- Reverb: the engine's FDN at its default settings is linear and time-invariant; its exact impulse response
  (reverb_ir.py) is applied by FFT convolution. The model predicts only the sends.
- Not modelled: high-pass, polarity, width (mono stems), the master limiter and loudness normalisation.
"""
from __future__ import annotations

import math

import numpy as np
import torch

from . import console_ranges, reverb_ir
from .console import eq_power_at, gain_computer, smooth_reduction
from .params import EQ_BANDS

SAMPLE_RATE = 44100
N_FFT, HOP = 2048, 1024
REVERB_IR_S = 2.2


def db_to_gain(db: torch.Tensor) -> torch.Tensor:
    return torch.pow(10.0, db / 20.0)


def eq_magnitude(freq_hz: torch.Tensor, gain_db: torch.Tensor, q: torch.Tensor, omega: torch.Tensor,
                 band_types: list, sample_rate: int = SAMPLE_RATE) -> torch.Tensor:
    """|H| of a cascade of RBJ cookbook biquads on the grid `omega` (radians/sample): the band-energy console's
    own design, so the two consoles can never disagree on an EQ. [..., bands] -> [..., len(omega)]."""
    return eq_power_at(freq_hz, gain_db, q, omega, band_types, sample_rate).sqrt().float()


class Console(torch.nn.Module):
    def __init__(self, ranges: console_ranges.ConsoleRanges | None = None, sample_rate: int = SAMPLE_RATE):
        super().__init__()
        ranges = ranges or console_ranges.load()
        self.sample_rate = sample_rate
        self.band_types = [b.type for b in ranges.eq_bands]
        assert len(self.band_types) == EQ_BANDS
        self.off_db = ranges.off_db
        self.return_gain = 10 ** (ranges["ReverbReturnDb"].default / 20)
        self.register_buffer("window", torch.hann_window(N_FFT), persistent=False)
        self.register_buffer("omega", torch.linspace(0, math.pi, N_FFT // 2 + 1), persistent=False)
        ir = reverb_ir.impulse_response(sample_rate, ranges["ReverbDecayS"].default,
                                        ranges["ReverbPreDelayMs"].default, ranges["ReverbDamping"].default,
                                        REVERB_IR_S)
        self.register_buffer("reverb_ir", torch.from_numpy(ir.astype(np.float32)), persistent=False)
        # Frame mean square from one-sided bins (Parseval over a Hann-windowed frame).
        self.power_scale = 2.0 / (N_FFT * float((torch.hann_window(N_FFT) ** 2).sum()))
        self.frame_rate = sample_rate / HOP
        self._ir_cache = {}

    # -- helpers
    def stft(self, x: torch.Tensor) -> torch.Tensor:
        return torch.stft(x, N_FFT, HOP, window=self.window, center=True, return_complex=True)

    def istft(self, s: torch.Tensor, length: int) -> torch.Tensor:
        return torch.istft(s, N_FFT, HOP, window=self.window, center=True, length=length)

    def compress(self, spec, power, threshold_db, ratio, attack_ms, release_ms, knee_db, makeup_db):
        """spec [..., F, K]; power [..., K] frame mean square; parameters [...]."""
        level = 10 * torch.log10(power + 1e-12)
        red = gain_computer(level, threshold_db[..., None], ratio[..., None], knee_db[..., None])
        red = smooth_reduction(red, attack_ms, release_ms, self.frame_rate)
        return spec * db_to_gain(makeup_db[..., None] - red)[..., None, :]

    def reverb(self, send: torch.Tensor) -> torch.Tensor:
        """send [B, 2, N] -> wet [B, 2, N], the tail past the crop dropped."""
        n = send.shape[-1]
        size = 1 << (n + self.reverb_ir.shape[-1] - 1).bit_length()
        if size not in self._ir_cache:
            self._ir_cache = {size: torch.fft.rfft(self.reverb_ir, size)}        # [in, out, F]
        h = self._ir_cache[size]
        s = torch.fft.rfft(send, size)                                          # [B, in, F]
        wet = torch.einsum("bif,iof->bof", s, h)
        return torch.fft.irfft(wet, size)[..., :n] * self.return_gain

    # -- the console
    def forward(self, stems: torch.Tensor, mask: torch.Tensor, p: dict) -> torch.Tensor:
        """stems [B, T, N] mono, mask [B, T] (1 real, 0 padding), p: parameter tensors as the model outputs.

        Returns the stereo mix [B, 2, N].
        """
        b, t, n = stems.shape
        spec = self.stft(stems.reshape(b * t, n)).reshape(b, t, N_FFT // 2 + 1, -1)     # [B, T, F, K]
        eq = eq_magnitude(p["eq_freq_hz"], p["eq_gain_db"], p["eq_q"], self.omega, self.band_types,
                          self.sample_rate)                                               # [B, T, F]
        gain = db_to_gain(p["gain_db"]) * mask
        spec = spec * (eq * gain[..., None])[..., None]
        power = (spec.real ** 2 + spec.imag ** 2).sum(-2) * self.power_scale              # [B, T, K]
        spec = self.compress(spec, power, p["comp_threshold_db"], p["comp_ratio"], p["comp_attack_ms"],
                             p["comp_release_ms"], p["comp_knee_db"], p["comp_makeup_db"])
        theta = (p["pan"] + 1) * math.pi / 4
        pan = torch.stack([math.sqrt(2) * torch.cos(theta), math.sqrt(2) * torch.sin(theta)], 1)  # [B, 2, T]
        spec_ri = torch.view_as_real(spec)
        bus = torch.view_as_complex(torch.einsum("bct,btfkr->bcfkr", pan, spec_ri).contiguous())
        send_gain = torch.where(p["reverb_send_db"] <= self.off_db, torch.zeros_like(p["reverb_send_db"]),
                                db_to_gain(p["reverb_send_db"]))
        send = torch.view_as_complex(
            torch.einsum("bct,btfkr->bcfkr", pan * send_gain[:, None, :], spec_ri).contiguous())
        mix = self.istft(bus.reshape(b * 2, *bus.shape[2:]), n).reshape(b, 2, n)
        wet = self.reverb(self.istft(send.reshape(b * 2, *send.shape[2:]), n).reshape(b, 2, n))
        return self.master(mix + wet, p)

    def master(self, mix: torch.Tensor, p: dict) -> torch.Tensor:
        b, _, n = mix.shape
        spec = self.stft(mix.reshape(b * 2, n)).reshape(b, 2, N_FFT // 2 + 1, -1)
        eq = eq_magnitude(p["master_eq_freq_hz"], p["master_eq_gain_db"], p["master_eq_q"], self.omega,
                          self.band_types, self.sample_rate)                              # [B, F]
        spec = spec * eq[:, None, :, None]
        power = (spec.real ** 2 + spec.imag ** 2).sum(-2).mean(1) * self.power_scale       # [B, K], channels' mean
        spec = self.compress(spec.permute(1, 0, 2, 3), power, p["master_comp_threshold_db"],
                             p["master_comp_ratio"], p["master_comp_attack_ms"], p["master_comp_release_ms"],
                             p["master_comp_knee_db"], p["master_comp_makeup_db"]).permute(1, 0, 2, 3)
        spec = spec * db_to_gain(p["master_gain_db"])[:, None, None, None]
        return self.istft(spec.reshape(b * 2, *spec.shape[2:]), n).reshape(b, 2, n)


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
        "comp_knee_db": torch.full((b, t), 6.0), "comp_makeup_db": z(b, t), "reverb_send_db": torch.full((b, t), -80.0),
        "master_eq_gain_db": z(b, EQ_BANDS), "master_eq_freq_hz": fr.expand(b, -1).clone(),
        "master_eq_q": q.expand(b, -1).clone(), "master_comp_threshold_db": z(b), "master_comp_ratio": torch.ones(b),
        "master_comp_attack_ms": torch.full((b,), 10.0), "master_comp_release_ms": torch.full((b,), 100.0),
        "master_comp_knee_db": torch.full((b,), 6.0), "master_comp_makeup_db": z(b), "master_gain_db": z(b),
    }
