"""The style-transfer model: stems + reference mix -> every console parameter, with the audio front end inside.

Front end (part of the ONNX graph): non-overlapping 1024-sample Hann frames, one-sided DFT of M = L+R and
S = L-R (two 32-point stages of matrix products, so the graph needs no FFT operator), powers of
L, R, M, S per bin, 48 Bark-spaced bands, and per band the mean, spread and maximum of the level over time and
its left/right balance, plus level, frame crest, width and imbalance. Exactly the same numbers are computed in
training from the console's band energies (console.py), so training and inference cannot disagree on features.

Core: a track encoder and a reference encoder (MLPs on those statistics), one token per track, four reference
tokens and a learned master token, a pre-norm transformer over all tokens with NO positional encoding (masked
padding tracks), and heads per track and for the master. Each output is a sigmoid scaled into its
ConsoleRanges range (linear or log, params.py), except the gains, which are learned corrections (+-30 dB, tanh)
on the equal-loudness mix: every track at -20 dBFS RMS, the master gain matching the summed level to the
reference's, clamped to their ranges. Track order does not matter: the outputs are permutation equivariant.
"""
from __future__ import annotations

import math

import torch
from torch import nn

from . import console, console_ranges, features
from .params import MASTER_OUTPUTS, OUTPUT_NAMES, TRACK_OUTPUTS, default_value, values_per

BANDS = 48
RMS_INDEX = 6 * BANDS + 3       # where features() puts the scaled RMS level
GAIN_PRIOR_DB = -20.0           # the equal-loudness starting point: every track at this RMS
GAIN_SPAN_DB = 30.0             # how far the learned corrections reach (tanh-limited)
# Band levels are floored 78 dB below a full-scale sine's bin: below that, float32 DFT rounding (which differs
# between the FFT used in training and the matrix-product DFT in the ONNX graph) would show in the levels.
BAND_EPS = 1e-3
DB_EPS = 1e-10
STATS = 7 * BANDS + 7


def band_weights(sample_rate: int = console.SAMPLE_RATE) -> torch.Tensor:
    """[BANDS, SB] Bark-spaced triangles over the console's sub-bands, normalised to sum 1."""
    w = features.bark_filterbank(sample_rate, console.FRAME, BANDS).double() @ console.SUBBANDS.t().double()
    assert (w.sum(1) > 0).all()
    return (w / w.sum(1, keepdim=True)).float()


def _twiddles():
    """Constants of a 1024-point DFT as two 32-point stages (Cooley-Tukey): n = 32 n1 + n2, k = k1 + 32 k2."""
    r = console.FRAME_RADIX
    i = torch.arange(r, dtype=torch.float64)
    stage1 = 2 * math.pi * i[None, :] * i[:, None] / r                                    # [n1, k1]
    twiddle = 2 * math.pi * i[:, None] * i[None, :] / console.FRAME                        # [n2, k1]
    k2 = torch.arange(console.BINS // r + 1, dtype=torch.float64)
    stage2 = 2 * math.pi * i[:, None] * k2[None, :] / r                                    # [n2, k2]
    win = console.hann().double().reshape(r, r)                                            # [n1, n2]
    f = lambda t: t.float()
    return (f(torch.cos(stage1)), f(-torch.sin(stage1)), f(torch.cos(twiddle)), f(-torch.sin(twiddle)),
            f(torch.cos(stage2)), f(-torch.sin(stage2)), f(win))


class FrontEnd(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("bands", band_weights(), persistent=False)
        names = ["s1_re", "s1_im", "tw_re", "tw_im", "s2_re", "s2_im", "window"]
        for name, t in zip(names, _twiddles()):
            self.register_buffer(name, t, persistent=False)
        self.register_buffer("subbands", console.SUBBANDS.t().contiguous(), persistent=False)   # [BINS, SB]
        self.export_dft = False      # True for export: the DFT as matrix products, no FFT operator needed

    def _dft(self, x: torch.Tensor):
        """[R, N] -> (re, im) [R, K, BINS] of non-overlapping Hann frames, as two 32-point stages of MatMuls."""
        r = console.FRAME_RADIX
        rows = x.shape[0]
        k = x.shape[1] // console.FRAME
        frames = x[:, :k * console.FRAME].reshape(rows * k, r, r) * self.window             # [RK, n1, n2]
        f = frames.transpose(1, 2).reshape(-1, r)                                            # [RK n2, n1]
        yr = (f @ self.s1_re).reshape(-1, r, r)                                              # [RK, n2, k1]
        yi = (f @ self.s1_im).reshape(-1, r, r)
        zr = yr * self.tw_re - yi * self.tw_im
        zi = yr * self.tw_im + yi * self.tw_re
        zr = zr.transpose(1, 2).reshape(-1, r)                                               # [RK k1, n2]
        zi = zi.transpose(1, 2).reshape(-1, r)
        xr = zr @ self.s2_re - zi @ self.s2_im                                               # [RK k1, k2]
        xi = zr @ self.s2_im + zi @ self.s2_re
        kk = self.s2_re.shape[1]
        xr = xr.reshape(rows * k, r, kk).transpose(1, 2).reshape(rows, k, r * kk)[..., :console.BINS]
        xi = xi.reshape(rows * k, r, kk).transpose(1, 2).reshape(rows, k, r * kk)[..., :console.BINS]
        return xr, xi

    def powers(self, audio: torch.Tensor) -> torch.Tensor:
        """[S, 2, N] stereo audio -> [S, 4, SB, K] sub-band powers of L, R, M, S."""
        if not self.export_dft:
            return console.stereo_powers(audio)
        s = audio.shape[0]
        ms = torch.stack([audio[:, 0] + audio[:, 1], audio[:, 0] - audio[:, 1]], 1).reshape(s * 2, -1)
        re, im = self._dft(ms)                                                               # [2S, K, BINS]
        re = re.reshape(s, 2, -1, console.BINS)
        im = im.reshape(s, 2, -1, console.BINS)
        mr, mi, sr, si = re[:, 0], im[:, 0], re[:, 1], im[:, 1]
        pl = ((mr + sr) ** 2 + (mi + si) ** 2) * 0.25
        pr = ((mr - sr) ** 2 + (mi - si) ** 2) * 0.25
        p = torch.stack([pl, pr, mr ** 2 + mi ** 2, sr ** 2 + si ** 2], 1)                  # [S, 4, K, BINS]
        return torch.matmul(p, self.subbands).transpose(-1, -2)

    @staticmethod
    def _stats(x: torch.Tensor) -> list:
        mean = x.mean(-1)
        std = ((x - mean[..., None]) ** 2).mean(-1).sqrt()
        return [mean, std, x.amax(-1)]

    def features(self, p: torch.Tensor) -> torch.Tensor:
        """[S, 4, SB, K] powers -> [S, STATS] scaled statistics."""
        band_power = torch.einsum("scfk,bf->scbk", p, self.bands)                               # [S, 4, BANDS, K]
        bands = 10 * torch.log10(band_power[:, 2:] + BAND_EPS)
        m_mean, m_std, m_max = self._stats(bands[:, 0])
        s_mean, s_std, s_max = self._stats(bands[:, 1])
        e = p.sum(-2) * console.POWER_SCALE                                                  # [S, 4, K]
        frame_ms = (e[:, 0] + e[:, 1]) * 0.5
        frame_db = 10 * torch.log10(frame_ms + DB_EPS)
        f_mean, f_std, f_max = self._stats(frame_db)
        ms = frame_ms.mean(-1)
        rms_db = 10 * torch.log10(ms + DB_EPS)
        crest = 10 * torch.log10(frame_ms.amax(-1) + DB_EPS) - rms_db
        tot = e.mean(-1)
        width = tot[:, 3] / (tot[:, 2] + 1e-8)
        imbalance = (tot[:, 1] - tot[:, 0]) / (tot[:, 1] + tot[:, 0] + 1e-8)
        level = lambda v: (v + 50.0) / 25.0          # frame levels, dBFS
        band = lambda v: (v + 10.0) / 20.0           # band levels, dB re one bin's power
        scalars = torch.stack([level(f_mean), f_std / 10, level(f_max), level(rms_db), crest / 10,
                               width.clamp(max=4.0), imbalance], -1)
        # Where each band sits between the speakers: which instruments a reference pans, and to which side.
        lr = band_power[:, :2].mean(-1)
        band_imbalance = (lr[:, 1] - lr[:, 0]) / (lr[:, 1] + lr[:, 0] + BAND_EPS)
        return torch.cat([band(m_mean), m_std / 10, band(m_max), band(s_mean), s_std / 10, band(s_max),
                          scalars, band_imbalance], -1)


class Block(nn.Module):
    """Pre-norm transformer layer; attention written out so the export is plain MatMul/Softmax."""

    def __init__(self, d: int, heads: int, ff: int):
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.out = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.ff = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))

    def forward(self, x: torch.Tensor, mask_add: torch.Tensor) -> torch.Tensor:
        b, s, d = x.shape
        h = self.heads
        q, k, v = self.qkv(self.ln1(x)).reshape(b, s, 3, h, d // h).permute(2, 0, 3, 1, 4)
        att = torch.softmax(q @ k.transpose(-1, -2) * (1.0 / math.sqrt(d // h)) + mask_add, -1)
        y = (att @ v).transpose(1, 2).reshape(b, s, d)
        x = x + self.out(y)
        return x + self.ff(self.ln2(x))


def mlp(d_in: int, d_hidden: int, d_out: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(d_in, d_hidden), nn.GELU(), nn.Linear(d_hidden, d_hidden), nn.GELU(),
                         nn.Linear(d_hidden, d_out))


class ScaledHead(nn.Module):
    """Raw logits -> parameters in their ranges; starts at the engine's defaults."""

    def __init__(self, d: int, specs: list, ranges: console_ranges.ConsoleRanges):
        super().__init__()
        self.specs = specs
        n = sum(values_per(o) for o in specs)
        self.net = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, d), nn.GELU(), nn.Linear(d, n))
        lo, hi, log, bias = [], [], [], []
        for o in specs:
            r = ranges[o.field]
            for i in range(values_per(o)):
                default = default_value(o, ranges, i if o.width else None)
                is_log = o.scale == "log"
                a, b, v = (math.log(r.min), math.log(r.max), math.log(default)) if is_log else (r.min, r.max, default)
                s = min(max((v - a) / (b - a), 1e-3), 1 - 1e-3)
                lo.append(a), hi.append(b), log.append(is_log), bias.append(math.log(s / (1 - s)))
        self.register_buffer("lo", torch.tensor(lo))
        self.register_buffer("hi", torch.tensor(hi))
        self.register_buffer("is_log", torch.tensor(log, dtype=torch.bool))
        last = self.net[-1]
        nn.init.normal_(last.weight, std=0.01)
        with torch.no_grad():
            last.bias.copy_(torch.tensor(bias))

    def forward(self, x: torch.Tensor) -> dict:
        v = self.lo + torch.sigmoid(self.net(x)) * (self.hi - self.lo)
        v = torch.where(self.is_log, torch.exp(v), v)
        out, i = {}, 0
        for o in self.specs:
            n = values_per(o)
            out[o.name] = v[..., i:i + n] if o.width else v[..., i]
            i += n
        return out


def level_db(stats: torch.Tensor) -> torch.Tensor:
    """The RMS level (dBFS) that features() encoded."""
    return stats[..., RMS_INDEX] * 25.0 - 50.0


class StyleTransferModel(nn.Module):
    def __init__(self, ranges: console_ranges.ConsoleRanges | None = None, d: int = 160, layers: int = 4,
                 heads: int = 4, ref_tokens: int = 4):
        super().__init__()
        ranges = ranges or console_ranges.load()
        self.config = {"d": d, "layers": layers, "heads": heads, "ref_tokens": ref_tokens}
        self.frontend = FrontEnd()
        self.ref_tokens = ref_tokens
        self.track_encoder = mlp(STATS, 256, d)
        self.ref_encoder = mlp(STATS, 256, d * ref_tokens)
        self.master_token = nn.Parameter(torch.randn(d) * 0.02)
        self.kind = nn.Parameter(torch.randn(3, d) * 0.02)      # track / reference / master: a role, not a position
        self.blocks = nn.ModuleList([Block(d, heads, 2 * d) for _ in range(layers)])
        self.norm = nn.LayerNorm(d)
        # Gains are residuals on the equal-loudness, level-matched mix (see core), the rest scaled heads.
        self.track_head = ScaledHead(d, [o for o in TRACK_OUTPUTS if o.name != "gain_db"], ranges)
        self.master_head = ScaledHead(d, [o for o in MASTER_OUTPUTS if o.name != "master_gain_db"], ranges)
        self.gain_head = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, d), nn.GELU(), nn.Linear(d, 1))
        self.master_gain_head = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, d), nn.GELU(), nn.Linear(d, 1))
        for head in (self.gain_head, self.master_gain_head):
            nn.init.normal_(head[-1].weight, std=0.01)
            nn.init.zeros_(head[-1].bias)
        g, m = ranges["GainDb"], ranges["OutputGainDb"]
        self.gain_range = (g.min, g.max)
        self.master_gain_range = (m.min, m.max)

    def core(self, track_stats: torch.Tensor, track_mask: torch.Tensor, ref_stats: torch.Tensor) -> dict:
        """track_stats [B, T, STATS], track_mask [B, T], ref_stats [B, STATS] -> parameter dict."""
        b, t, _ = track_stats.shape
        tracks = self.track_encoder(track_stats) + self.kind[0]
        refs = self.ref_encoder(ref_stats).reshape(b, self.ref_tokens, -1) + self.kind[1]
        master = (self.master_token + self.kind[2]).expand(b, 1, -1)
        x = torch.cat([tracks, refs, master], 1)
        valid = torch.cat([track_mask, torch.ones(b, self.ref_tokens + 1, dtype=track_mask.dtype)], 1)
        mask_add = ((1.0 - valid) * -1e9)[:, None, None, :]
        for blk in self.blocks:
            x = blk(x, mask_add)
        x = self.norm(x)
        out = self.track_head(x[:, :t])
        out.update(self.master_head(x[:, -1]))
        # Track gains start where the equal-loudness baseline puts them (every track at the same RMS) and the
        # master gain starts where the sum of the gained tracks' powers matches the reference's level; the
        # heads learn corrections. Mask-weighted so padding tracks take no part.
        track_level = level_db(track_stats)
        gain = GAIN_PRIOR_DB - track_level + GAIN_SPAN_DB * torch.tanh(self.gain_head(x[:, :t])[..., 0])
        gain = gain.clamp(*self.gain_range)
        mix_power = (torch.pow(10.0, (track_level + gain) / 10) * track_mask).sum(1)
        master = level_db(ref_stats) - 10 * torch.log10(mix_power + 1e-10)
        master = master + GAIN_SPAN_DB * torch.tanh(self.master_gain_head(x[:, -1])[..., 0])
        out["gain_db"] = gain
        out["master_gain_db"] = master.clamp(*self.master_gain_range)
        return out

    def track_stats_from_mono_powers(self, p: torch.Tensor) -> torch.Tensor:
        """[B, T, SB, K] powers of mono stems -> [B, T, STATS], equal to passing the stems duplicated to stereo."""
        b, t = p.shape[:2]
        flat = p.reshape(b * t, *p.shape[2:])
        four = torch.stack([flat, flat, 4 * flat, torch.zeros_like(flat)], 1)
        return self.frontend.features(four).reshape(b, t, -1)

    def forward(self, tracks: torch.Tensor, track_mask: torch.Tensor, reference: torch.Tensor):
        """tracks [B, T, 2, N], track_mask [B, T], reference [B, 2, M] -> tuple in OUTPUT_NAMES order."""
        b, t = tracks.shape[:2]
        track_stats = self.frontend.features(self.frontend.powers(tracks.reshape(b * t, 2, -1))).reshape(b, t, -1)
        ref_stats = self.frontend.features(self.frontend.powers(reference))
        out = self.core(track_stats, track_mask, ref_stats)
        return tuple(out[name] for name in OUTPUT_NAMES)
