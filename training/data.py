"""Training examples in Diff-MST's self-supervised scheme.

A reference is a mix of a song's stems (one 5 s section) made with random but plausible console parameters.
The model sees the same song's stems at another, time-disjoint section, each stem re-levelled at random as
delivered stems are, and must predict parameters whose mix matches the reference. A share of examples use an
unrelated song's mix as the reference (no true parameters exist then).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from . import console, console_ranges
from .make_data import is_validation
from .params import EQ_BANDS

CENTRED_ROLES = {"bass", "walking", "synthbass", "slap", "kick", "drums", "melody", "drone", "timpani"}


class SongBank:
    def __init__(self, data_dir: Path):
        manifest = json.loads((data_dir / "manifest.json").read_text())
        self.songs = manifest["songs"]
        self.summary = manifest["summary"]
        self.audio = {s["id"]: np.load(data_dir / "songs" / f"{s['id']:04d}.npy", mmap_mode="r") for s in self.songs}
        cache = data_dir / "stem_rms.json"
        if cache.exists():
            rms = {int(k): v for k, v in json.loads(cache.read_text()).items()}
        else:
            rms = {}
            for s in self.songs:
                a = np.asarray(self.audio[s["id"]], dtype=np.float32) / 32767
                rms[s["id"]] = (10 * np.log10((a ** 2).mean(-1) + 1e-12)).tolist()
            cache.write_text(json.dumps(rms))
        self.rms_db = rms
        self.train = [s for s in self.songs if not is_validation(s["id"])]
        self.val = [s for s in self.songs if is_validation(s["id"])]

    def crop(self, song: dict, start: int, length: int) -> np.ndarray:
        a = self.audio[song["id"]][:, start:start + length]
        out = np.zeros((a.shape[0], length), dtype=np.float32)
        out[:, :a.shape[1]] = a
        return out / 32767


def _log_uniform(rng, lo, hi, size=None):
    return np.exp(rng.uniform(math.log(lo), math.log(hi), size))


def random_params(rng, roles: list, rms_db: np.ndarray, cr: console_ranges.ConsoleRanges) -> dict:
    """A plausible mix of one song: levels for a balance, pans, EQ moves, some compression, sends, master."""
    t = len(roles)
    clamp = lambda v, f: np.clip(v, cr[f].min, cr[f].max)
    target = rng.uniform(-30, -20) + rng.normal(0, 4, t)                 # each track's RMS in the mix
    gain = clamp(target - rms_db, "GainDb")
    pan = np.where([r in CENTRED_ROLES and rng.random() < 0.7 for r in roles], 0.0,
                   np.where(rng.random(t) < 0.3, 0.0, rng.uniform(-1, 1, t) * rng.uniform(0.3, 1.0)))
    defaults_f = np.array([b.default_freq_hz for b in cr.eq_bands])
    shelf = np.array([b.type != "Peaking" for b in cr.eq_bands])
    eq_on = rng.random((t, EQ_BANDS)) < 0.45
    eq_gain = clamp(np.where(eq_on, rng.normal(0, 5, (t, EQ_BANDS)), 0.0), "EqGainDb")
    eq_freq = clamp(defaults_f * 2 ** rng.uniform(-1, 1, (t, EQ_BANDS)), "EqFrequencyHz")
    eq_q = np.where(shelf, _log_uniform(rng, 0.5, 1.0, (t, EQ_BANDS)), _log_uniform(rng, 0.4, 4.0, (t, EQ_BANDS)))
    comp_on = rng.random(t) < 0.4
    level_after_gain = rms_db + gain
    comp = {
        "comp_threshold_db": np.where(comp_on, clamp(level_after_gain + rng.uniform(-4, 8, t), "ThresholdDb"),
                                      cr["ThresholdDb"].default),
        "comp_ratio": np.where(comp_on, _log_uniform(rng, 1.5, 10, t), 1.0),
        "comp_attack_ms": np.where(comp_on, _log_uniform(rng, 1, 80, t), cr["AttackMs"].default),
        "comp_release_ms": np.where(comp_on, _log_uniform(rng, 30, 800, t), cr["ReleaseMs"].default),
        "comp_knee_db": np.where(comp_on, rng.uniform(0, 12, t), cr["KneeDb"].default),
        "comp_makeup_db": np.where(comp_on, rng.uniform(0, 6, t), 0.0),
    }
    send = np.where(rng.random(t) < 0.5, cr.off_db, rng.uniform(-30, -6, t))
    mix_level = 10 * np.log10(np.sum(10 ** (target / 10)))
    m_eq_on = rng.random(EQ_BANDS) < 0.4
    m_comp_on = rng.random() < 0.35
    p = {
        "gain_db": gain, "pan": pan, "eq_gain_db": eq_gain, "eq_freq_hz": eq_freq, "eq_q": eq_q, **comp,
        "reverb_send_db": send,
        "master_eq_gain_db": clamp(np.where(m_eq_on, rng.normal(0, 3, EQ_BANDS), 0.0), "EqGainDb"),
        "master_eq_freq_hz": clamp(defaults_f * 2 ** rng.uniform(-0.7, 0.7, EQ_BANDS), "EqFrequencyHz"),
        "master_eq_q": np.where(shelf, _log_uniform(rng, 0.5, 1.0, EQ_BANDS), _log_uniform(rng, 0.5, 2.0, EQ_BANDS)),
        "master_comp_threshold_db": clamp(mix_level + rng.uniform(-8, 2), "ThresholdDb") if m_comp_on
        else cr["ThresholdDb"].default,
        "master_comp_ratio": _log_uniform(rng, 1.5, 4) if m_comp_on else 1.0,
        "master_comp_attack_ms": _log_uniform(rng, 5, 50) if m_comp_on else cr["AttackMs"].default,
        "master_comp_release_ms": _log_uniform(rng, 50, 500) if m_comp_on else cr["ReleaseMs"].default,
        "master_comp_knee_db": 6.0 if m_comp_on else cr["KneeDb"].default,
        "master_comp_makeup_db": rng.uniform(0, 4) if m_comp_on else 0.0,
        "master_gain_db": clamp(rng.uniform(-4, 6), "OutputGainDb"),
    }
    return {k: np.asarray(v, dtype=np.float32) for k, v in p.items()}


@dataclass
class Batch:
    input_power: torch.Tensor       # [B, T, BINS, K] the stems the model sees (re-levelled)
    input_mask: torch.Tensor        # [B, T]
    ref_power: torch.Tensor         # [B, T', BINS, K'] the stems the reference is mixed from
    ref_mask: torch.Tensor
    ref_params: dict                # per example's reference tracks, padded
    true_params: dict               # parameters for the input stems that make the reference's mix
    related: torch.Tensor           # [B] 1 where the reference is the same song
    input_offset_db: torch.Tensor   # [B, T] re-levelling applied to the input stems
    input_rms_db: torch.Tensor      # [B, T] the input crops' RMS (for the equal-loudness baseline)
    input_audio: torch.Tensor | None = None     # [B, T, N] when asked for (audio-domain evaluation)
    ref_audio: torch.Tensor | None = None       # [B, T, N]


def _pad_stack(arrays: list, t: int, value=0.0) -> np.ndarray:
    out = np.full((len(arrays), t, *arrays[0].shape[1:]), value, dtype=np.float32)
    for i, a in enumerate(arrays):
        out[i, :a.shape[0]] = a
    return out


def _crops(rng, frames: int, length: int):
    """Two time-disjoint crop starts when the song is long enough, else as far apart as it allows."""
    if frames >= 2 * length:
        a = int(rng.integers(0, frames - 2 * length + 1))
        b = int(rng.integers(a + length, frames - length + 1))
        return (a, b) if rng.random() < 0.5 else (b, a)
    return 0, max(0, frames - length)


def make_batch(rng, bank: SongBank, songs: list, batch: int, crop_s: float, unrelated_p: float,
               cr: console_ranges.ConsoleRanges, keep_audio: bool = False) -> Batch:
    length = int(crop_s * console.SAMPLE_RATE) // console.FRAME * console.FRAME
    ins, refs, params, offsets, rel, in_rms = [], [], [], [], [], []
    for _ in range(batch):
        song = songs[int(rng.integers(len(songs)))]
        a, b = _crops(rng, song["frames"], length)
        related = rng.random() >= unrelated_p
        ref_song = song
        if not related:
            while ref_song is song:
                ref_song = songs[int(rng.integers(len(songs)))]
            b = int(rng.integers(0, max(1, ref_song["frames"] - length)))
        x = bank.crop(song, a, length)
        offset = rng.uniform(-18, 6, x.shape[0]).astype(np.float32)
        x = x * (10 ** (offset / 20))[:, None]
        roles = [s["role"] if s["name"] not in ("kick", "snare") else s["name"] for s in ref_song["stems"]]
        p = random_params(rng, roles, np.asarray(bank.rms_db[ref_song["id"]], dtype=np.float32), cr)
        ins.append(x)
        refs.append(bank.crop(ref_song, b, length))
        params.append(p)
        offsets.append(offset)
        rel.append(related)
        in_rms.append(10 * np.log10((x ** 2).mean(-1) + 1e-12))
    t = max(max(len(a) for a in ins), max(len(a) for a in refs))   # one track axis for inputs and references
    pad_values = {"comp_ratio": 1.0, "eq_q": 1.0, "eq_freq_hz": 1000.0, "comp_attack_ms": 10.0,
                  "comp_release_ms": 100.0, "reverb_send_db": cr.off_db}
    with torch.no_grad():
        x = torch.from_numpy(_pad_stack(ins, t))
        r = torch.from_numpy(_pad_stack(refs, t))
        mask_in = torch.from_numpy(_pad_stack([np.ones(len(a), np.float32) for a in ins], t))
        mask_ref = torch.from_numpy(_pad_stack([np.ones(len(a), np.float32) for a in refs], t))
        ref_params = {}
        for k in params[0]:
            if k.startswith("master"):
                ref_params[k] = torch.from_numpy(np.stack([p[k] for p in params]))
            else:   # padding tracks get harmless values; they are masked out of the mix
                ref_params[k] = torch.from_numpy(_pad_stack([p[k] for p in params], t, pad_values.get(k, 0.0)))
        off = torch.from_numpy(_pad_stack(offsets, t))
        # For related examples these parameters, applied to the re-levelled input stems, make the reference's mix.
        true = dict(ref_params)
        true["gain_db"] = (ref_params["gain_db"] - off) * mask_in
        return Batch(console.frame_power(x), mask_in, console.frame_power(r), mask_ref, ref_params, true,
                     torch.tensor(rel, dtype=torch.float32), off, torch.from_numpy(_pad_stack(in_rms, t, -120.0)),
                     x if keep_audio else None, r if keep_audio else None)
