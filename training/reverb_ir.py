"""Impulse response of the console's shared reverb, so the training console can add the send bus's reverb by
convolution.

The engine's reverb (Mixwright.Dsp.Processors.FdnReverb) is linear and time-invariant: a 16-line feedback delay
network with a normalised Hadamard feedback matrix, a one-pole damping low-pass and a loop gain per line, and
pre-delay. Simulating it once on a left and a right impulse gives its exact 2x2 impulse response (left/right
in, left/right out), which the differentiable console applies with an FFT convolution. The model only predicts
send levels; the reverb itself stays at its defaults (return, decay, pre-delay, damping from ConsoleRanges).

This is a re-statement of the C# design (delay lengths, sign patterns, damping design), not shared code: if the
engine's reverb changes, change this too (the model card names the version it follows).
"""
from __future__ import annotations

import numpy as np

LINE_COUNT = 16
SHORTEST_LINE_MS = 23.0
LONGEST_LINE_MS = 73.0
HIGH_DECAY_SHARE_AT_FULL_DAMPING = 0.9
DAMPING_REFERENCE_HZ = 8000.0     # where Damping's decay time is defined (or 0.4 fs if that is lower)


def _is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def delay_lengths(sample_rate: int) -> list[int]:
    """Distinct primes spaced geometrically between the shortest and longest line length."""
    lengths, previous = [], 1
    for i in range(LINE_COUNT):
        ms = SHORTEST_LINE_MS * (LONGEST_LINE_MS / SHORTEST_LINE_MS) ** (i / (LINE_COUNT - 1))
        candidate = max(previous + 1, int(round(ms / 1000 * sample_rate)))   # C# Math.Round: banker's; .5 never occurs
        while not _is_prime(candidate):
            candidate += 1
        lengths.append(candidate)
        previous = candidate
    return lengths


def one_pole_pole(gain: float, w: float) -> float:
    """Pole a of the unity-DC one-pole (1 - a)/(1 - a z^-1) whose gain at w (rad/sample) is `gain` (0 < gain <= 1):
    the smaller root of (1 - g^2) a^2 - 2 (1 - g^2 cos w) a + (1 - g^2) = 0, as FdnReverb.OnePolePole."""
    g2 = gain * gain
    if 1 - g2 < 1e-12:
        return 0.0
    b, c = 1 - g2 * np.cos(w), 1 - g2
    return float((b - np.sqrt(b * b - c * c)) / c)


def hadamard_row(row: int) -> np.ndarray:
    return np.array([1.0 if bin(row & i).count("1") % 2 == 0 else -1.0 for i in range(LINE_COUNT)])


def impulse_response(sample_rate: int, decay_s: float, pre_delay_ms: float, damping: float,
                     length_s: float) -> np.ndarray:
    """[2 inputs, 2 outputs, frames] wet response of the FDN to a unit impulse on each input."""
    delays = np.array(delay_lengths(sample_rate))
    seconds = delays / sample_rate
    loop_gain = 10 ** (-3 * seconds / decay_s)
    high_decay_s = decay_s * (1 - HIGH_DECAY_SHARE_AT_FULL_DAMPING * damping)
    w = 2 * np.pi * min(DAMPING_REFERENCE_HZ, 0.4 * sample_rate) / sample_rate
    reference_gain = 10 ** (-3 * seconds * (1 / high_decay_s - 1 / decay_s))
    damp_coef = np.array([1 - one_pole_pole(g, w) for g in reference_gain])
    pre = int(round(pre_delay_ms / 1000 * sample_rate))
    n = int(round(length_s * sample_rate))
    signs_in = [hadamard_row(1), hadamard_row(2)]
    out_l, out_r = hadamard_row(5) / 4, hadamard_row(6) / 4
    h = np.array([hadamard_row(r) for r in range(LINE_COUNT)]) / 4   # Sylvester rows, orthonormal after /4
    rows = np.arange(LINE_COUNT)
    ir = np.zeros((2, 2, n))
    for side in range(2):
        lines = np.zeros((LINE_COUNT, delays.max()))
        pos = np.zeros(LINE_COUNT, dtype=np.int64)
        state = np.zeros(LINE_COUNT)
        for t in range(n - pre):
            x = lines[rows, pos]
            state = (1 - damp_coef) * state + damp_coef * x
            x = loop_gain * state
            ir[side, 0, t + pre] = out_l @ x
            ir[side, 1, t + pre] = out_r @ x
            fb = h @ x
            if t == 0:
                fb = fb + signs_in[side] / 4
            lines[rows, pos] = fb
            pos = (pos + 1) % delays
    return ir


def reference_document(sample_rate: int = 44100, decay_s: float = 1.8, pre_delay_ms: float = 20.0,
                       damping: float = 0.5, length_s: float = 1.0, segment: int = 1024) -> dict:
    """The response's energy per `segment` samples for each input/output pair, for the engine's test that
    FdnReverb and this re-statement agree (models/reverb_ir_reference.json)."""
    ir = impulse_response(sample_rate, decay_s, pre_delay_ms, damping, length_s)
    n = ir.shape[-1] // segment
    energy = (ir[..., :n * segment].reshape(2, 2, n, segment) ** 2).sum(-1)
    return {"sample_rate": sample_rate, "decay_s": decay_s, "pre_delay_ms": pre_delay_ms, "damping": damping,
            "segment_frames": segment,
            "energy": {f"{a}_to_{b}": energy[i, o].tolist() for i, a in enumerate(("left", "right"))
                       for o, b in enumerate(("left", "right"))}}


if __name__ == "__main__":
    import argparse
    import json
    from pathlib import Path
    ap = argparse.ArgumentParser(description="Write the reverb's reference energies for the engine's test.")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "models" / "reverb_ir_reference.json")
    a = ap.parse_args()
    a.out.write_text(json.dumps(reference_document(), indent=1) + "\n")
    print(f"wrote {a.out}")
