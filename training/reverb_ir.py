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


def hadamard_row(row: int) -> np.ndarray:
    return np.array([1.0 if bin(row & i).count("1") % 2 == 0 else -1.0 for i in range(LINE_COUNT)])


def impulse_response(sample_rate: int, decay_s: float, pre_delay_ms: float, damping: float,
                     length_s: float) -> np.ndarray:
    """[2 inputs, 2 outputs, frames] wet response of the FDN to a unit impulse on each input."""
    delays = np.array(delay_lengths(sample_rate))
    seconds = delays / sample_rate
    loop_gain = 10 ** (-3 * seconds / decay_s)
    high_decay_s = decay_s * (1 - HIGH_DECAY_SHARE_AT_FULL_DAMPING * damping)
    nyquist_gain = 10 ** (-3 * seconds * (1 / high_decay_s - 1 / decay_s))
    damp_coef = 2 * nyquist_gain / (1 + nyquist_gain)
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
