"""Writes our own multitrack songs: MIDI parts composed here, rendered per instrument with fluidsynth, plus stems
synthesised here (noise drums, FM and pulse tones).

Each song gets a genre (from pop to raga-like, gagaku-like, celtic, steel band, orchestral ...), tempo, metre,
key and mode, a chord progression, 2 to 4 sections of different intensity (so two time-disjoint crops of a song
sound different) and 2 to 16 stems. All fluidsynth stems of one song are laid out one after another in a
single MIDI file (one fluidsynth call per song) with a silent gap between them, then cut apart. Rendering is
dry (-R 0 -C 0) at 44.1 kHz and stems are stored mono as int16 .npy files with a JSON manifest.

Usage: python3 -m training.make_data --out training/data --songs 400 [--seed 1] [--min-s 12 --max-s 20]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path

import mido
import numpy as np

from . import gm
from .gm import *  # noqa: F401,F403  percussion key names

SAMPLE_RATE = 44100
SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
GAP_S = 4.0            # silence between stems in the one-file render, long enough for release tails
TICKS_PER_S = 960      # tempo meta 500000 us/beat at 480 ticks per beat
STEM_PEAK = 0.5        # stems are stored peak-normalised; training re-levels them at random


# ----------------------------------------------------------------------------------------------- music model

SCALES = {
    "major": [0, 2, 4, 5, 7, 9, 11], "minor": [0, 2, 3, 5, 7, 8, 10], "dorian": [0, 2, 3, 5, 7, 9, 10],
    "mixolydian": [0, 2, 4, 5, 7, 9, 10], "phrygian": [0, 1, 3, 5, 7, 8, 10], "lydian": [0, 2, 4, 6, 7, 9, 11],
    "harmonic_minor": [0, 2, 3, 5, 7, 8, 11], "hijaz": [0, 1, 4, 5, 7, 8, 10], "bhairav": [0, 1, 4, 5, 7, 8, 11],
    "pentatonic_major": [0, 2, 4, 7, 9], "pentatonic_minor": [0, 3, 5, 7, 10], "hirajoshi": [0, 2, 3, 7, 8],
    "in": [0, 1, 5, 7, 8], "blues": [0, 3, 5, 6, 7, 10], "whole_tone": [0, 2, 4, 6, 8, 10],
}


@dataclass(frozen=True)
class Metre:
    name: str
    steps_per_bar: int     # grid of sixteenth notes
    steps_per_beat: int    # the tempo counts these steps as one beat
    beats: tuple           # steps where beats fall


METRES = {
    "4/4": Metre("4/4", 16, 4, (0, 4, 8, 12)), "3/4": Metre("3/4", 12, 4, (0, 4, 8)),
    "6/8": Metre("6/8", 12, 6, (0, 6)), "7/8": Metre("7/8", 14, 4, (0, 4, 8)),
}


@dataclass
class Genre:
    name: str
    tempo: tuple
    scales: list
    metres: list
    drums: list            # groove styles, "none" allowed
    kits: list             # GM drum kits
    parts: list            # (role, [programs]) in priority order; role names below
    swing: float = 0.0
    synth_share: float = 0.1   # chance that drums/lead come from our own synthesis


GENRES = [
    Genre("pop", (88, 128), ["major", "minor"], ["4/4"], ["rock", "four"], [0, 8],
          [("bass", [33, 34, 38]), ("chords", [0, 4, 24, 25]), ("melody", [53, 54, 73, 80, 65, 11]),
           ("pad", [48, 49, 89, 90]), ("counter", [5, 11, 9, 56]), ("arp", [4, 8, 10, 46])]),
    Genre("rock", (100, 150), ["minor", "mixolydian", "pentatonic_minor"], ["4/4"], ["rock"], [0, 16, 8],
          [("bass", [34, 33, 29]), ("power", [29, 30]), ("chords", [27, 25, 18]), ("melody", [30, 29, 81, 65]),
           ("pad", [18, 16, 48])]),
    Genre("metal", (140, 190), ["phrygian", "minor", "harmonic_minor"], ["4/4"], ["metal"], [16, 0],
          [("bass", [34, 33]), ("power", [30, 30]), ("power", [29, 30]), ("melody", [30, 81, 84]),
           ("pad", [48, 91, 19])]),
    Genre("jazz", (100, 190), ["dorian", "major", "mixolydian"], ["4/4", "3/4"], ["jazz"], [32, 40],
          [("walking", [32, 35]), ("comp", [0, 4, 26, 11]), ("melody", [65, 66, 56, 57, 71, 11, 73, 64]),
           ("counter", [66, 67, 57, 26])], swing=0.33),
    Genre("bossa", (118, 142), ["major", "dorian", "lydian"], ["4/4"], ["bossa"], [0, 40, 32],
          [("bass", [32, 33]), ("comp", [24, 0, 4]), ("melody", [73, 65, 22, 56, 53]), ("perc", [0]),
           ("pad", [48, 49, 52])]),
    Genre("salsa", (165, 200), ["minor", "major", "harmonic_minor"], ["4/4"], ["salsa"], [0],
          [("bass", [32, 33]), ("montuno", [0, 1, 3]), ("brass", [61, 56, 57, 65]), ("perc", [0]),
           ("melody", [56, 73, 65, 40])]),
    Genre("reggae", (66, 90), ["minor", "major", "dorian"], ["4/4"], ["reggae"], [0, 8],
          [("bass", [33, 38, 34]), ("skank", [27, 17, 16, 4]), ("melody", [65, 22, 62, 56, 80]),
           ("pad", [16, 18, 90])]),
    Genre("funk", (96, 124), ["dorian", "mixolydian", "minor"], ["4/4"], ["funk", "four"], [0, 24, 8],
          [("slap", [36, 37, 33]), ("skank", [28, 27, 7]), ("brass", [61, 62, 56, 66]), ("pad", [48, 50, 4]),
           ("melody", [80, 65, 56, 54])]),
    Genre("electronic", (118, 140), ["minor", "phrygian", "dorian"], ["4/4"], ["four", "techno"], [24, 25],
          [("synthbass", [38, 39, 87, 81]), ("pad", [88, 89, 90, 91, 94, 95, 50]),
           ("melody", [80, 81, 82, 84, 85, 86]), ("arp", [81, 80, 98, 99, 8, 62]), ("fx", [96, 99, 100, 101, 102, 103])],
          synth_share=0.55),
    Genre("hiphop", (72, 98), ["minor", "dorian", "harmonic_minor"], ["4/4"], ["halftime", "boombap"], [25, 24, 0],
          [("synthbass", [38, 39, 33, 35]), ("chords", [4, 5, 0, 11]), ("melody", [10, 8, 73, 52, 98, 53, 54]),
           ("pad", [48, 89, 91, 92]), ("stab", [55, 61, 62])], synth_share=0.5),
    Genre("raga", (70, 130), ["bhairav", "dorian", "lydian", "mixolydian"], ["4/4", "7/8"], ["tabla"], [0],
          [("drone", [104, 20, 21]), ("melody", [104, 111, 73, 75]), ("counter", [104, 40, 21, 77]),
           ("perc", [0]), ("bass", [32, 43])]),
    Genre("japanese", (60, 110), ["hirajoshi", "in", "pentatonic_minor"], ["4/4", "3/4"], ["taiko", "none"], [48],
          [("melody", [107, 77, 106, 75]), ("arp", [107, 106, 46]), ("counter", [77, 73, 110, 49]),
           ("taiko", [116, 117]), ("drone", [19, 52, 94]), ("perc", [0])]),
    Genre("chinese", (60, 112), ["pentatonic_major", "pentatonic_minor"], ["4/4"], ["none", "tabla"], [48],
          [("melody", [110, 40, 72, 73, 107]), ("arp", [107, 105, 15, 46]), ("counter", [110, 42, 79, 75]),
           ("pad", [48, 49, 52]), ("bass", [43, 32, 42]), ("perc", [0])]),
    Genre("celtic", (98, 132), ["mixolydian", "dorian", "major"], ["6/8", "4/4"], ["jig", "none"], [0, 48],
          [("drone", [109]), ("melody", [109, 110, 72, 78, 74]), ("arp", [46, 25, 15, 24]),
           ("counter", [110, 40, 71, 22]), ("bass", [32, 43, 42]), ("taiko", [116])]),
    Genre("steelband", (100, 126), ["major", "mixolydian"], ["4/4"], ["calypso"], [0],
          [("melody", [114, 12, 108]), ("chords", [114, 12, 13]), ("bass", [32, 33, 38]), ("perc", [0]),
           ("counter", [114, 56, 73])]),
    Genre("afro", (100, 132), ["pentatonic_major", "mixolydian", "major"], ["6/8", "4/4"], ["afro"], [0],
          [("arp", [108, 12, 13, 24]), ("melody", [52, 53, 73, 108, 56]), ("bass", [32, 33, 35]),
           ("perc", [0]), ("counter", [12, 108, 27]), ("chords", [24, 25, 4])]),
    Genre("orchestral", (60, 112), ["minor", "major", "harmonic_minor", "lydian"], ["4/4", "3/4"],
          ["orchestral", "none"], [48],
          [("strings", [48, 49, 44, 50]), ("bass", [43, 42, 58]), ("melody", [60, 68, 73, 40, 56, 69, 71]),
           ("counter", [42, 41, 70, 57, 60]), ("arp", [46, 45, 8, 9]), ("timpani", [47]), ("pad", [52, 53, 54]),
           ("brass", [61, 57, 60, 58, 59]), ("hit", [55, 14])]),
    Genre("gospel", (68, 110), ["major", "mixolydian"], ["4/4", "3/4"], ["rock", "shuffle"], [0, 8],
          [("organ", [16, 17, 19, 18]), ("choir", [52, 53, 54, 91]), ("chords", [0, 1, 2, 3]), ("bass", [33, 32, 35]),
           ("melody", [53, 65, 56, 22])], swing=0.2),
    Genre("country", (88, 132), ["major", "mixolydian", "pentatonic_major"], ["4/4", "3/4"], ["rock", "waltz"],
          [0, 40], [("arp", [105, 25, 24]), ("chords", [25, 24, 0]), ("melody", [110, 22, 105, 25, 40]),
                    ("bass", [32, 33]), ("counter", [27, 110, 21]), ("pad", [48, 16])]),
    Genre("ambient", (56, 90), ["lydian", "major", "whole_tone", "dorian"], ["4/4", "3/4"], ["none", "none", "four"],
          [24], [("pad", [88, 89, 91, 92, 94, 95, 50, 51]), ("arp", [14, 8, 10, 9, 11, 112, 98]),
                 ("drone", [92, 93, 96, 99, 100, 101, 102, 54]), ("melody", [0, 79, 75, 76, 11, 91]),
                 ("fx", [97, 101, 102, 103, 119])], synth_share=0.3),
    Genre("brassband", (96, 128), ["major", "mixolydian"], ["4/4", "3/4"], ["march", "waltz"], [48, 0],
          [("bass", [58, 58, 57]), ("brass", [56, 61, 59]), ("melody", [56, 71, 64, 60]),
           ("counter", [57, 60, 65, 70]), ("arp", [9, 13, 14])]),
    Genre("middleeast", (80, 124), ["hijaz", "phrygian", "harmonic_minor"], ["4/4", "7/8"], ["darbuka"], [0],
          [("melody", [75, 77, 68, 111, 105, 40]), ("arp", [15, 46, 105, 24]), ("drone", [48, 21, 20]),
           ("perc", [0]), ("bass", [32, 43]), ("counter", [40, 41, 110, 69])]),
    Genre("chiptune", (120, 170), ["major", "minor", "pentatonic_major"], ["4/4"], ["rock", "four"], [24, 25],
          [("synthbass", [38, 80, 81]), ("melody", [80, 81, 82, 83]), ("arp", [80, 81, 8, 13]), ("pad", [80, 90])],
          synth_share=0.8),
    Genre("blues", (68, 112), ["blues", "mixolydian", "pentatonic_minor"], ["4/4", "6/8"], ["shuffle"], [0, 32],
          [("walking", [33, 32, 34]), ("comp", [26, 27, 0, 16, 3]), ("melody", [22, 26, 29, 66, 65, 57]),
           ("organ", [16, 17, 18]), ("counter", [56, 59, 67])], swing=0.3),
    Genre("tango", (110, 130), ["harmonic_minor", "minor"], ["4/4"], ["none", "waltz"], [0],
          [("bass", [32, 43]), ("montuno", [23, 21, 0, 6]), ("melody", [40, 23, 41, 21]),
           ("counter", [42, 41, 71]), ("strings", [48, 44, 45])]),
    Genre("baroque", (70, 120), ["major", "minor", "harmonic_minor"], ["4/4", "3/4"], ["none"], [48],
          [("arp", [6, 46, 24, 15]), ("melody", [74, 68, 40, 73, 56, 69]), ("counter", [70, 42, 41, 71]),
           ("bass", [42, 43, 70, 19]), ("organ", [19, 20]), ("pad", [48, 49])]),
]

# Register (lowest MIDI note) by program where the role's default register would sound wrong.
LOW_REGISTER = {43: 28, 42: 36, 58: 28, 57: 40, 70: 34, 32: 28, 33: 28, 34: 28, 35: 28, 36: 28, 37: 28,
                38: 28, 39: 28, 47: 38, 116: 36, 117: 40, 67: 40, 41: 48}
HIGH_REGISTER = {72: 74, 8: 72, 9: 72, 10: 72, 112: 72, 13: 67, 114: 60, 108: 60, 78: 72, 79: 67, 74: 67}

ROLE_REGISTER = {"bass": 33, "walking": 31, "synthbass": 31, "slap": 31, "chords": 52, "comp": 50, "skank": 55,
                 "power": 40, "montuno": 55, "pad": 50, "strings": 50, "choir": 55, "organ": 48, "melody": 62,
                 "counter": 55, "arp": 57, "drone": 43, "brass": 55, "stab": 55, "taiko": 36, "timpani": 38,
                 "fx": 55, "hit": 55}


@dataclass
class Note:
    start: float
    dur: float
    pitch: int
    vel: int


@dataclass
class StemPlan:
    name: str
    role: str
    source: str              # "fluidsynth" or "synth"
    program: int | None = None
    kit: int | None = None
    synth: str | None = None
    notes: list = field(default_factory=list)


@dataclass
class Song:
    song_id: int
    genre: Genre
    tempo: float
    metre: Metre
    root: int
    scale: str
    bars: int
    bar_s: float
    step_s: float
    progression: list          # one scale degree per bar
    intensity: list            # per bar, 0.4..1
    active: dict               # role -> per-bar activity mask
    stems: list = field(default_factory=list)

    @property
    def duration(self) -> float:
        return self.bars * self.bar_s


# --------------------------------------------------------------------------------------------- part writers

def scale_pitch(song: Song, degree: int, low: int) -> int:
    """The pitch of a scale degree (any integer, wraps octaves) placed at or above `low`."""
    sc = SCALES[song.scale]
    octave, idx = divmod(degree, len(sc))
    pc = (song.root + sc[idx]) % 12
    base = low + ((pc - low) % 12)
    return base + 12 * octave


def chord_tones(song: Song, degree: int, low: int, n: int = 3, sevenths=False) -> list:
    step = 2 if len(SCALES[song.scale]) >= 6 else 1
    tones = [scale_pitch(song, degree + step * i, low) for i in range(n + (1 if sevenths else 0))]
    for i in range(1, len(tones)):            # keep voicing ascending
        while tones[i] <= tones[i - 1]:
            tones[i] += 12
    return tones


def time_of(song: Song, bar: int, step: float) -> float:
    """Seconds of a grid step, with swing on the off-beat eighths."""
    s = step
    if song.genre.swing > 0 and song.metre.steps_per_beat == 4 and abs((step % 4) - 2) < 1e-6:
        s = step + 2 * song.genre.swing
    return bar * song.bar_s + s * song.step_s


def vel(rng, song: Song, bar: int, base: float, spread=12) -> int:
    v = base * (0.55 + 0.45 * song.intensity[bar]) + rng.normal(0, spread * 0.4)
    return int(np.clip(v, 12, 127))


def bar_active(song, role, bar) -> bool:
    return song.active.get(role, [True] * song.bars)[bar]


def write_bass(rng, song: Song, role: str, low: int) -> list:
    notes, spb, steps = [], song.metre.steps_per_beat, song.metre.steps_per_bar
    style = rng.choice(["roots", "eighths", "syncop", "octaves"]) if role in ("bass", "synthbass") else role
    for bar in range(song.bars):
        if not bar_active(song, role, bar):
            continue
        deg = song.progression[bar]
        root = scale_pitch(song, deg, low)
        if style == "walking":
            for b in range(steps // spb):
                p = scale_pitch(song, deg + int(rng.choice([0, 1, 2, 3, 4, -1])), low) if b else root
                notes.append(Note(time_of(song, bar, b * spb), song.step_s * spb * 0.9, p, vel(rng, song, bar, 92)))
        elif style == "slap":
            for s in range(0, steps, 2):
                if s == 0 or rng.random() < 0.45:
                    p = root + (12 if rng.random() < 0.3 else 0)
                    notes.append(Note(time_of(song, bar, s), song.step_s * 1.6, p, vel(rng, song, bar, 105)))
        else:
            pattern = {"roots": [0, steps // 2], "eighths": list(range(0, steps, 2)),
                       "syncop": [0, 3, 6, 10, 12], "octaves": list(range(0, steps, 2))}[style]
            for i, s in enumerate(pattern):
                if s >= steps:
                    continue
                p = root + (12 if style == "octaves" and i % 2 else 0)
                if style == "syncop" and rng.random() < 0.25:
                    p = scale_pitch(song, deg + 4, low)
                length = (pattern[i + 1] if i + 1 < len(pattern) else steps) - s
                notes.append(Note(time_of(song, bar, s), song.step_s * length * 0.85, p, vel(rng, song, bar, 96)))
    return notes


def write_chords(rng, song: Song, role: str, low: int) -> list:
    notes, steps = [], song.metre.steps_per_bar
    sevenths = song.genre.name in ("jazz", "bossa", "funk", "gospel", "blues")
    if role in ("pad", "strings", "choir", "organ", "drone"):
        hits = [(0, steps)]
    elif role == "skank":
        hits = [(s, 1.5) for s in range(2, steps, 4)]
    elif role == "power":
        hits = [(s, 1.8) for s in range(0, steps, 2)]
    elif role == "stab" or role == "hit":
        hits = [(0, 2)] + ([(10, 2)] if rng.random() < 0.5 else [])
    elif role in ("comp", "montuno"):
        hits = sorted({int(s) for s in rng.choice(range(steps), size=rng.integers(2, 6), replace=False)})
        hits = [(s, 1.6) for s in hits]
    else:  # chords, brass
        pat = rng.choice(["block", "beats", "push"])
        hits = ([(0, steps)] if pat == "block" else [(b, song.metre.steps_per_beat) for b in song.metre.beats]
                if pat == "beats" else [(0, 6), (6, 4), (10, 6)])
    for bar in range(song.bars):
        if not bar_active(song, role, bar):
            continue
        deg = song.progression[bar]
        if role == "drone":
            tones = [scale_pitch(song, 0, low), scale_pitch(song, 4, low) if len(SCALES[song.scale]) > 5
                     else scale_pitch(song, 3, low)]
        elif role == "power":
            r = scale_pitch(song, deg, low)
            tones = [r, r + 7]
        else:
            tones = chord_tones(song, deg, low, 3 + (rng.random() < 0.3), sevenths)
        for s, length in hits:
            if s >= steps:
                continue
            start = time_of(song, bar, s)
            length = min(length, steps - s)
            strum = 0.012 if role in ("chords", "comp") and rng.random() < 0.5 else 0.0
            for i, p in enumerate(tones):
                notes.append(Note(start + i * strum, song.step_s * length * 0.95, p, vel(rng, song, bar, 80)))
    return notes


def write_arp(rng, song: Song, role: str, low: int) -> list:
    notes, steps = [], song.metre.steps_per_bar
    rate = int(rng.choice([1, 2, 2, 3])) if song.metre.steps_per_bar % 3 == 0 else int(rng.choice([1, 2, 2, 4]))
    shape = rng.choice(["up", "updown", "random"])
    for bar in range(song.bars):
        if not bar_active(song, role, bar):
            continue
        tones = chord_tones(song, song.progression[bar], low, 4)
        seq = tones + tones[-2:0:-1] if shape == "updown" else tones
        for i, s in enumerate(range(0, steps, rate)):
            p = seq[i % len(seq)] if shape != "random" else int(rng.choice(tones))
            notes.append(Note(time_of(song, bar, s), song.step_s * rate * 0.9, p, vel(rng, song, bar, 78)))
    return notes


def write_melody(rng, song: Song, role: str, low: int) -> list:
    """Motif-based line: a 1- or 2-bar rhythm/contour repeated with variation, following the chords."""
    notes, steps = [], song.metre.steps_per_bar
    density = 0.35 if role == "counter" else 0.55
    motif_bars = int(rng.choice([1, 2]))
    motif = []
    for b in range(motif_bars):
        s = 0
        while s < steps:
            length = int(rng.choice([1, 2, 2, 3, 4, 4, 6, 8] if role != "counter" else [4, 6, 8, 8, 12]))
            if rng.random() < density:
                motif.append((b, s, min(length, steps - s), int(rng.integers(-2, 5))))
            s += length
    if not motif:
        motif = [(0, 0, steps, 0)]
    n_deg = len(SCALES[song.scale])
    for bar in range(0, song.bars, motif_bars):
        vary = rng.random() < 0.4
        for b, s, length, d in motif:
            bb = bar + b
            if bb >= song.bars or not bar_active(song, role, bb):
                continue
            if vary and rng.random() < 0.4:
                d += int(rng.integers(-2, 3))
            deg = song.progression[bb] + d + (n_deg if role != "counter" else 0)
            p = scale_pitch(song, deg, low)
            notes.append(Note(time_of(song, bb, s), song.step_s * length * 0.92, p, vel(rng, song, bb, 90)))
    return notes


def write_hits(rng, song: Song, role: str, low: int) -> list:
    """Taiko, timpani, orchestra hits: pitched big drums on strong beats, rolls before section changes."""
    notes, steps = [], song.metre.steps_per_bar
    for bar in range(song.bars):
        if not bar_active(song, role, bar):
            continue
        root = scale_pitch(song, song.progression[bar] if role == "timpani" else 0, low)
        for s in song.metre.beats:
            if s == 0 or rng.random() < 0.5:
                notes.append(Note(time_of(song, bar, s), song.step_s * 3, root + int(rng.choice([0, 0, 7, -5])),
                                  vel(rng, song, bar, 100)))
        if bar + 1 < song.bars and song.intensity[bar + 1] != song.intensity[bar]:
            for s in range(steps - 4, steps):
                notes.append(Note(time_of(song, bar, s), song.step_s, root, vel(rng, song, bar, 70 + 8 * (s % 4))))
    return notes


WRITERS = {"bass": write_bass, "walking": write_bass, "synthbass": write_bass, "slap": write_bass,
           "chords": write_chords, "comp": write_chords, "skank": write_chords, "power": write_chords,
           "montuno": write_chords, "pad": write_chords, "strings": write_chords, "choir": write_chords,
           "organ": write_chords, "drone": write_chords, "brass": write_chords, "stab": write_chords,
           "hit": write_chords, "arp": write_arp, "melody": write_melody, "counter": write_melody,
           "taiko": write_hits, "timpani": write_hits, "fx": write_melody}


# ------------------------------------------------------------------------------------------------- grooves

def groove(rng, song: Song, style: str) -> list:
    """(time, key, velocity) drum hits for the whole song in one of the groove styles."""
    hits, steps = [], song.metre.steps_per_bar
    beats = song.metre.beats

    def add(bar, s, key, base, p=1.0):
        if rng.random() < p:
            hits.append((time_of(song, bar, s), key, vel(rng, song, bar, base, 16)))

    for bar in range(song.bars):
        if not bar_active(song, "drums", bar):
            continue
        loud = song.intensity[bar] > 0.7
        fill = bar + 1 < song.bars and song.intensity[bar + 1] != song.intensity[bar]
        if bar == 0 or (bar > 0 and song.intensity[bar] != song.intensity[bar - 1]):
            if style not in ("tabla", "darbuka", "afro", "jazz"):
                add(bar, 0, CRASH, 100, 0.8)
        if style in ("rock", "funk", "boombap", "shuffle", "calypso"):
            for s in (0, 8):
                add(bar, s, KICK, 110)
            add(bar, 10 if style != "shuffle" else 11, KICK, 90, 0.4)
            for s in (4, 12):
                add(bar, s, SNARE, 105)
            hat = RIDE if (loud and style == "rock" and rng.random() < 0.5) else CLOSED_HAT
            for s in range(0, steps, 2 if style != "funk" else 1):
                add(bar, s, hat, 80 if s % 4 else 95)
            if style == "funk":
                add(bar, 7, SNARE, 50, 0.6)
                add(bar, 14, OPEN_HAT, 85, 0.7)
            if style == "calypso":
                for s in (3, 6, 11, 14):
                    add(bar, s, HI_CONGA if s % 2 else LO_CONGA, 80)
        elif style in ("four", "techno"):
            for s in range(0, steps, 4):
                add(bar, s, KICK, 115)
            for s in (4, 12):
                add(bar, s, CLAP, 100, 0.9)
            for s in range(2, steps, 4):
                add(bar, s, OPEN_HAT, 85)
            for s in range(0, steps, 1 if style == "techno" else 2):
                add(bar, s, CLOSED_HAT, 60 + 20 * (s % 2 == 0), 0.8)
            if style == "techno":
                add(bar, 14, RIMSHOT, 70, 0.5)
        elif style == "halftime":
            add(bar, 0, KICK, 115)
            add(bar, 10, KICK, 100, 0.6)
            add(bar, 8, CLAP, 110)
            for s in range(0, steps, 2):
                add(bar, s, CLOSED_HAT, 75)
                if rng.random() < 0.2:          # trap rolls
                    hits.append((time_of(song, bar, s + 1), CLOSED_HAT, 60))
                    hits.append((time_of(song, bar, s + 1.5), CLOSED_HAT, 55))
        elif style == "metal":
            for s in range(0, steps, 1 if loud else 2):
                add(bar, s, KICK, 110)
            for s in (4, 12):
                add(bar, s, SNARE, 118)
            for s in range(0, steps, 4):
                add(bar, s, CHINA if loud and rng.random() < 0.3 else CRASH if loud else CLOSED_HAT, 95)
        elif style == "jazz":
            for s in beats:
                add(bar, s, RIDE, 85)
                add(bar, s + 2, RIDE, 70, 0.7 if s in (4, 12) else 0.2)
            for s in (4, 12):
                add(bar, s, PEDAL_HAT, 70)
            add(bar, int(rng.integers(0, steps)), SNARE, 55, 0.6)
            add(bar, 0, KICK, 55, 0.5)
        elif style == "bossa":
            for s in (0, 6, 8, 14):
                add(bar, s, KICK, 90)
            for s in (0, 6, 12, 20 - 16, 10):
                add(bar, s % steps, RIMSHOT, 75)
            for s in range(0, steps, 2):
                add(bar, s, SHAKER if rng.random() < 0.5 else CLOSED_HAT, 65)
        elif style == "salsa":
            for s in (0, 6, 10, 12) if bar % 2 == 0 else (4, 8):
                add(bar, s, CLAVES, 95)
            for s in range(0, steps, 2):
                add(bar, s, COWBELL, 80 if s % 4 == 0 else 65)
            for s, k in ((4, MUTE_CONGA), (6, HI_CONGA), (7, HI_CONGA), (14, LO_CONGA), (15, LO_CONGA)):
                add(bar, s, k, 85)
            add(bar, 12, HI_TIMBALE, 90, 0.5)
            add(bar, 15, LO_TIMBALE, 90, 0.3)
        elif style == "reggae":
            add(bar, 8, KICK, 110)
            add(bar, 8, RIMSHOT, 100)
            for s in range(0, steps, 2):
                add(bar, s, CLOSED_HAT, 70, 0.9)
            add(bar, 14, OPEN_HAT, 70, 0.4)
        elif style == "march":
            for s in beats:
                add(bar, s, KICK, 105)
            for s in range(0, steps, 1 if loud else 2):
                add(bar, s, SNARE, 95 if s % 4 == 0 else 65)
            add(bar, 0, CRASH, 90, 0.5)
        elif style == "waltz":
            add(bar, 0, KICK, 100)
            for s in beats[1:]:
                add(bar, s, SNARE, 70)
                add(bar, s, CLOSED_HAT, 65)
        elif style == "jig":
            for s in range(0, steps, 2):
                add(bar, s, LOW_TOM if s % 6 == 0 else FLOOR_TOM, 100 if s % 6 == 0 else 60)
            add(bar, 3, TAMBOURINE, 70, 0.5)
        elif style == "tabla":
            # bayan (low) and dayan (high) voices on hand drums, a theka-like cycle with fast fills
            for s in range(0, steps):
                if s in beats:
                    add(bar, s, LO_CONGA, 100)
                    add(bar, s, HI_BONGO, 85)
                elif rng.random() < (0.45 if loud else 0.25):
                    add(bar, s, int(rng.choice([HI_BONGO, LO_BONGO, MUTE_CONGA])), 75)
            if fill:
                for s in np.arange(steps - 4, steps, 0.5):
                    add(bar, s, int(rng.choice([HI_BONGO, LO_BONGO])), 70)
        elif style == "darbuka":
            for s, k in ((0, LO_CONGA), (4, HI_BONGO), (6, HI_BONGO), (8, LO_CONGA), (12, HI_BONGO)):
                if s < steps:
                    add(bar, s, k, 100 if k == LO_CONGA else 85)
            for s in range(1, steps, 2):
                add(bar, s, int(rng.choice([HI_BONGO, MUTE_CONGA])), 55, 0.5)
            add(bar, 0, TAMBOURINE, 70, 0.6)
        elif style == "afro":
            bell = [0, 2, 4, 5, 7, 9, 11] if steps == 12 else [0, 3, 6, 10, 12]
            for s in bell:
                if s < steps:
                    add(bar, s, HI_AGOGO, 85)
            for s in range(0, steps, 2):
                add(bar, s, SHAKER, 60)
                add(bar, s, int(rng.choice([HI_CONGA, LO_CONGA, MUTE_CONGA])), 80, 0.6)
            add(bar, 0, KICK, 90)
        elif style == "orchestral":
            add(bar, 0, KICK2, 100)
            if loud:
                add(bar, 0, CRASH, 85, 0.5)
                for s in beats[1:]:
                    add(bar, s, SNARE, 70, 0.6)
        elif style == "taiko":
            for s in beats:
                add(bar, s, KICK, 110, 0.8)
            add(bar, steps - 2, LOW_TOM, 90, 0.5)
            add(bar, 2, HI_WOODBLOCK, 70, 0.5)
        if fill and style in ("rock", "funk", "boombap", "shuffle", "metal", "four", "march", "calypso"):
            for s in range(steps - 4, steps):
                add(bar, s, int(rng.choice([HIGH_TOM, MID_TOM, LOW_TOM, FLOOR_TOM, SNARE])), 95)
    return hits


def hand_percussion(rng, song: Song) -> list:
    """A separate hand-percussion stem (shakers, congas, agogo, triangle, woodblocks) over the groove."""
    hits, steps = [], song.metre.steps_per_bar
    palette = [int(k) for k in rng.choice([SHAKER, CABASA, MARACAS, TAMBOURINE, HI_CONGA, LO_CONGA, MUTE_CONGA,
                                           HI_AGOGO, LO_AGOGO, OPEN_TRIANGLE, MUTE_TRIANGLE, HI_WOODBLOCK,
                                           LO_WOODBLOCK, CLAVES, COWBELL, HI_BONGO, LO_BONGO, MUTE_CUICA],
                                          size=int(rng.integers(1, 4)), replace=False)]
    patterns = {k: [s for s in range(steps) if rng.random() < rng.uniform(0.15, 0.6)] or [0] for k in palette}
    for bar in range(song.bars):
        if not bar_active(song, "perc", bar):
            continue
        for k, pat in patterns.items():
            for s in pat:
                hits.append((time_of(song, bar, s), k, vel(rng, song, bar, 80 if s % 4 else 95, 18)))
    return hits


DRUM_GROUPS = {
    "kick": {KICK, KICK2},
    "snare": {SNARE, SNARE2, RIMSHOT, CLAP},
    "cymbals": {CLOSED_HAT, PEDAL_HAT, OPEN_HAT, CRASH, RIDE, RIDE_BELL, SPLASH, CHINA, 57, 59},
    "toms": {LOW_TOM, MID_TOM, HIGH_TOM, FLOOR_TOM, 43, 48},
}


def split_drums(hits: list, parts: int) -> dict:
    """Groups hits into 1..5 stems: kit / kick+rest / kick, snare, rest / ... like a real drum recording."""
    def group(key):
        for g, keys in DRUM_GROUPS.items():
            if key in keys:
                return g
        return "perc"
    by = {}
    for h in hits:
        by.setdefault(group(h[1]), []).append(h)
    order = ["kick", "snare", "cymbals", "perc", "toms"]
    present = [g for g in order if g in by]
    parts = max(1, min(parts, len(present)))
    if parts == 1:
        return {"drums": hits}
    stems, rest = {}, []
    for g in present[:parts - 1]:
        stems[g] = by[g]
    for g in present[parts - 1:]:
        rest += by[g]
    stems["drums_rest" if parts < len(present) else present[-1]] = rest
    return stems


# --------------------------------------------------------------------------------------------- synthesis

def synth_drums(rng, hits: list, duration: float) -> np.ndarray:
    """Our own drum machine: pitch-swept sine kicks, noise snares/claps, high-passed noise hats, sine toms."""
    n = int(round(duration * SAMPLE_RATE))
    out = np.zeros(n + SAMPLE_RATE, dtype=np.float64)
    kick_decay, kick_top = rng.uniform(0.15, 0.5), rng.uniform(90, 180)
    hat_hp = int(rng.integers(2, 5))
    for t, key, v in hits:
        i = int(t * SAMPLE_RATE)
        a = (v / 127.0) ** 1.5
        if key in DRUM_GROUPS["kick"]:
            tt = np.arange(int(0.6 * SAMPLE_RATE)) / SAMPLE_RATE
            f = 42 + kick_top * np.exp(-tt / 0.035)
            x = np.sin(2 * np.pi * np.cumsum(f) / SAMPLE_RATE) * np.exp(-tt / kick_decay)
        elif key in DRUM_GROUPS["snare"]:
            tt = np.arange(int(0.35 * SAMPLE_RATE)) / SAMPLE_RATE
            noise = np.diff(rng.standard_normal(len(tt) + 1))
            x = 0.5 * noise * np.exp(-tt / 0.09) + 0.6 * np.sin(2 * np.pi * 185 * tt) * np.exp(-tt / 0.04)
            if key == CLAP:
                env = sum(np.exp(-np.clip(tt - d, 0, None) / 0.008) * (tt >= d) for d in (0, 0.011, 0.023))
                x = 0.6 * noise * (env + np.exp(-tt / 0.12) * 0.4)
        elif key in DRUM_GROUPS["cymbals"]:
            length = 0.6 if key in (OPEN_HAT, CRASH, CHINA, SPLASH) else 0.12
            tt = np.arange(int(length * SAMPLE_RATE)) / SAMPLE_RATE
            x = rng.standard_normal(len(tt) + hat_hp)
            for _ in range(hat_hp):
                x = np.diff(x)
            x = 0.25 * x * np.exp(-tt / (length / 4))
        else:
            tt = np.arange(int(0.4 * SAMPLE_RATE)) / SAMPLE_RATE
            f0 = 80 + 4 * (key % 24) * 10
            x = np.sin(2 * np.pi * np.cumsum(f0 * (1 + 0.5 * np.exp(-tt / 0.02))) / SAMPLE_RATE) * np.exp(-tt / 0.12)
        out[i:i + len(x)] += a * x[:len(out) - i]
    return out[:n]


def synth_tones(rng, notes: list, duration: float, kind: str) -> np.ndarray:
    """Two-operator FM voices (bass, bell, brass-like lead, e-piano) or band-limited-ish pulse waves (chip)."""
    n = int(round(duration * SAMPLE_RATE))
    out = np.zeros(n + 2 * SAMPLE_RATE, dtype=np.float64)
    ratio = {"fm_bass": 1.0, "fm_bell": rng.choice([1.4, 3.5, 2.76]), "fm_lead": rng.choice([1.0, 2.0]),
             "fm_epiano": 14.0, "pulse": 1.0}[kind]
    index = {"fm_bass": 2.5, "fm_bell": 5.0, "fm_lead": 3.0, "fm_epiano": 1.2, "pulse": 0}[kind]
    index_decay = {"fm_bass": 0.15, "fm_bell": 0.8, "fm_lead": 0.6, "fm_epiano": 0.3, "pulse": 1}[kind]
    release = {"fm_bass": 0.05, "fm_bell": 1.2, "fm_lead": 0.08, "fm_epiano": 0.5, "pulse": 0.02}[kind]
    duty = rng.uniform(0.12, 0.5)
    for note in notes:
        i = int(note.start * SAMPLE_RATE)
        f = 440.0 * 2 ** ((note.pitch - 69) / 12)
        length = note.dur + release
        tt = np.arange(int(length * SAMPLE_RATE)) / SAMPLE_RATE
        env = np.minimum(1, tt / 0.005) * np.where(tt < note.dur, 1.0, np.exp(-(tt - note.dur) / (release / 4)))
        if kind == "fm_bell":
            env = env * np.exp(-tt / 0.9)
        if kind == "pulse":
            phase = (f * tt) % 1.0
            x = np.where(phase < duty, 1.0, -1.0) - (2 * duty - 1)
            x = 0.3 * np.convolve(x, np.ones(3) / 3, mode="same")
        else:
            mod = index * np.exp(-tt / index_decay) * np.sin(2 * np.pi * f * ratio * tt)
            x = np.sin(2 * np.pi * f * tt + mod)
        out[i:i + len(x)] += (note.vel / 127.0) * env * x
    return out[:n]


# ------------------------------------------------------------------------------------------------- planning

def plan_song(song_id: int, seed: int, min_s: float, max_s: float) -> Song:
    rng = np.random.default_rng([seed, song_id])
    genre = GENRES[int(rng.integers(len(GENRES)))]
    metre = METRES[str(rng.choice(genre.metres))]
    tempo = float(rng.uniform(*genre.tempo))
    step_s = 60.0 / tempo / metre.steps_per_beat
    bar_s = step_s * metre.steps_per_bar
    bars = max(2, int(round(rng.uniform(min_s, max_s) / bar_s)))
    while bars * bar_s > max_s + 1e-6 and bars > 2:
        bars -= 1
    scale = str(rng.choice(genre.scales))
    n_deg = len(SCALES[scale])
    if genre.name == "blues":
        base = [0, 0, 0, 0, 3, 3, 0, 0, 4, 3, 0, 4]
    elif genre.name in ("raga", "celtic", "japanese", "middleeast", "ambient"):
        base = [0, 0, int(rng.choice([n_deg - 1, 3, 1])), 0]
    else:
        base = [int(d) % n_deg for d in rng.choice([[0, 4, 5, 3], [0, 5, 3, 4], [5, 3, 0, 4], [1, 4, 0, 0],
                                                    [0, 3, 0, 4], [0, 6, 5, 4], [0, 0, 3, 4]])]
    progression = [base[b % len(base)] for b in range(bars)]
    # Sections: 2-4 runs of bars with their own intensity.
    cuts = sorted(rng.choice(range(1, bars), size=min(bars - 1, int(rng.integers(1, 4))), replace=False))
    bounds = [0, *cuts, bars]
    intensity = []
    for a, b in zip(bounds, bounds[1:]):
        intensity += [float(rng.uniform(0.4, 1.0))] * (b - a)
    song = Song(song_id, genre, tempo, metre, int(rng.integers(12)), scale, bars, bar_s, step_s, progression,
                intensity, {})

    # Track count 2..16, mostly 4..10, reached with the genre's parts, split drums and doublings.
    target = int(np.clip(round(rng.gamma(2.6, 2.5)), 2, 16))
    drum_style = str(rng.choice(genre.drums))
    roles = [(r, progs) for r, progs in genre.parts]
    rng.shuffle(roles[2:]) if len(roles) > 2 else None
    chosen = []
    use_drums = drum_style != "none" and target >= 3
    drum_parts = 0
    if use_drums:
        drum_parts = 1 + int(rng.integers(0, max(1, min(5, target - 1))))
    budget = target - drum_parts
    i = 0
    while budget > 0 and i < 3 * len(roles):
        role, progs = roles[i % len(roles)]
        chosen.append((role, int(rng.choice(progs))))
        budget -= 1
        i += 1
    # Section activity per role: the first two parts play throughout, others drop out in some sections.
    for k, (role, _) in enumerate(chosen):
        mask = []
        for a, b in zip(bounds, bounds[1:]):
            on = k < 2 or rng.random() < 0.75
            mask += [on] * (b - a)
        if not any(mask):
            mask = [True] * bars
        song.active[role] = mask if role not in song.active else [x or y for x, y in zip(song.active[role], mask)]
    song.active["drums"] = [True] * bars

    synth_share = genre.synth_share
    names = Counter()
    for role, prog in chosen:
        if role == "perc":
            names[role] += 1
            song.stems.append(StemPlan("perc" if names[role] == 1 else f"perc{names[role]}", "perc", "fluidsynth",
                                       kit=int(rng.choice(genre.kits)), notes=hand_percussion(rng, song)))
            continue
        low = LOW_REGISTER.get(prog, HIGH_REGISTER.get(prog, ROLE_REGISTER.get(role, 52)))
        notes = WRITERS[role](rng, song, role, low)
        if not notes:
            continue
        base_name = role
        names[base_name] += 1
        name = base_name if names[base_name] == 1 else f"{base_name}{names[base_name]}"
        if rng.random() < synth_share * 0.5 and role in ("bass", "synthbass", "melody", "arp", "counter", "pad"):
            kind = {"bass": "fm_bass", "synthbass": "fm_bass", "pad": "fm_epiano"}.get(
                role, str(rng.choice(["fm_lead", "fm_bell", "pulse", "fm_epiano"])))
            song.stems.append(StemPlan(name, role, "synth", synth=kind, notes=notes))
        else:
            song.stems.append(StemPlan(name, role, "fluidsynth", program=prog, notes=notes))
    if use_drums:
        hits = groove(rng, song, drum_style)
        if hits:
            synth = rng.random() < synth_share
            kit = int(rng.choice(genre.kits))
            for name, part in split_drums(hits, drum_parts).items():
                if synth:
                    song.stems.append(StemPlan(name, "drums", "synth", synth="noise_drums", notes=part))
                else:
                    song.stems.append(StemPlan(name, "drums", "fluidsynth", kit=kit, notes=part))
    return song


# ---------------------------------------------------------------------------------------------- rendering

def write_midi(song: Song, stems: list, path: Path, segment_s: float) -> None:
    mid = mido.MidiFile(type=0, ticks_per_beat=480)
    track = mido.MidiTrack()
    mid.tracks.append(track)
    events = [(0, 0, mido.MetaMessage("set_tempo", tempo=500000))]
    melodic = [c for c in range(16) if c != 9]
    for k, stem in enumerate(stems):
        offset = k * segment_s
        ch = 9 if stem.kit is not None else melodic[k % len(melodic)]
        t0 = int(round(offset * TICKS_PER_S))
        events.append((t0, 1, mido.Message("control_change", channel=ch, control=121, value=0)))
        events.append((t0, 2, mido.Message("program_change", channel=ch,
                                           program=stem.kit if stem.kit is not None else stem.program)))
        events.append((t0, 3, mido.Message("control_change", channel=ch, control=7, value=110)))
        if stem.kit is not None:
            for t, key, v in stem.notes:
                on = int(round((offset + t) * TICKS_PER_S))
                events.append((on, 5, mido.Message("note_on", channel=ch, note=int(key), velocity=int(v))))
                events.append((on + 60, 4, mido.Message("note_off", channel=ch, note=int(key), velocity=0)))
        else:
            for n in stem.notes:
                p = int(np.clip(n.pitch, 0, 127))
                on = int(round((offset + n.start) * TICKS_PER_S))
                off = max(on + 1, int(round((offset + min(n.start + n.dur, song.duration)) * TICKS_PER_S)))
                events.append((on, 5, mido.Message("note_on", channel=ch, note=p, velocity=int(n.vel))))
                events.append((off, 4, mido.Message("note_off", channel=ch, note=p, velocity=0)))
        end = int(round((offset + song.duration + 0.05) * TICKS_PER_S))
        events.append((end, 6, mido.Message("control_change", channel=ch, control=123, value=0)))
    events.sort(key=lambda e: (e[0], e[1]))
    now = 0
    for t, _, msg in events:
        track.append(msg.copy(time=t - now))
        now = t
    track.append(mido.MetaMessage("end_of_track", time=int(GAP_S * TICKS_PER_S)))
    mid.save(str(path))


def read_float_wav(path: Path) -> np.ndarray:
    """Reads a RIFF WAVE of 32-bit floats into [channels, frames]."""
    data = path.read_bytes()
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError(f"{path}: not a RIFF WAVE file")
    pos, channels, fmt, body = 12, None, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        if cid == b"fmt ":
            fmt, channels = struct.unpack("<HH", data[pos + 8:pos + 12])
        elif cid == b"data":
            body = data[pos + 8:pos + 8 + size]
        pos += 8 + size + (size & 1)
    if fmt not in (3, 0xFFFE) or body is None:
        raise ValueError(f"{path}: expected 32-bit float PCM (format {fmt})")
    return np.frombuffer(body, dtype="<f4").reshape(-1, channels).T


def render_song(args) -> dict | None:
    song_id, seed, min_s, max_s, out_dir = args
    song = plan_song(song_id, seed, min_s, max_s)
    n = int(round(song.duration * SAMPLE_RATE))
    segment_s = math.ceil(song.duration + GAP_S)
    fluid = [s for s in song.stems if s.source == "fluidsynth"]
    audio = {}
    if fluid:
        with tempfile.TemporaryDirectory() as tmp:
            mid, wav = Path(tmp) / "song.mid", Path(tmp) / "song.wav"
            write_midi(song, fluid, mid, segment_s)
            cmd = ["fluidsynth", "-ni", "-q", "-R", "0", "-C", "0", "-r", str(SAMPLE_RATE), "-g", "0.4",
                   "-o", "synth.polyphony=256", "-O", "float", "-T", "wav", "-F", str(wav), SOUNDFONT, str(mid)]
            res = subprocess.run(cmd, capture_output=True, text=True)
            if res.returncode != 0 or not wav.exists():
                raise RuntimeError(f"fluidsynth failed on song {song_id}: {res.stderr.strip()[:400]}")
            stereo = read_float_wav(wav)
        mono = stereo.mean(axis=0)
        for k, stem in enumerate(fluid):
            a = k * segment_s * SAMPLE_RATE
            x = mono[a:a + n]
            audio[stem.name] = np.pad(x, (0, n - len(x)))
    rng = np.random.default_rng([seed, song_id, 7])
    for stem in song.stems:
        if stem.source == "synth":
            audio[stem.name] = (synth_drums(rng, stem.notes, song.duration) if stem.synth == "noise_drums"
                                else synth_tones(rng, stem.notes, song.duration, stem.synth))
    kept, arrays = [], []
    for stem in song.stems:
        x = audio[stem.name]
        rms = float(np.sqrt(np.mean(x ** 2))) if len(x) else 0.0
        if rms < 1e-4:           # silent (a part that never played): not a stem
            continue
        peak = float(np.max(np.abs(x)))
        arrays.append(np.round(x / peak * STEM_PEAK * 32767).astype(np.int16))
        kept.append({"name": stem.name, "role": stem.role, "source": stem.source,
                     "instrument": (gm.PROGRAMS[stem.program] if stem.program is not None
                                    else gm.DRUM_KITS.get(stem.kit, f"kit {stem.kit}") if stem.kit is not None
                                    else stem.synth),
                     "program": stem.program, "kit": stem.kit})
    if len(kept) < 2:
        return None
    np.save(out_dir / "songs" / f"{song_id:04d}.npy", np.stack(arrays))
    return {"id": song_id, "genre": song.genre.name, "tempo": round(song.tempo, 1), "metre": song.metre.name,
            "key": ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"][song.root], "scale": song.scale,
            "duration_s": round(song.duration, 3), "frames": n, "stems": kept}


def is_validation(song_id: int) -> bool:
    """Held out by song: every tenth song."""
    return song_id % 10 == 9


def summarise(songs: list, seconds: float) -> dict:
    stems = [s for song in songs for s in song["stems"]]
    instruments = Counter(s["instrument"] for s in stems)
    return {
        "songs": len(songs),
        "validation_songs": sum(is_validation(s["id"]) for s in songs),
        "stems": len(stems),
        "song_hours": round(sum(s["duration_s"] for s in songs) / 3600, 3),
        "stem_hours": round(sum(s["duration_s"] * len(s["stems"]) for s in songs) / 3600, 3),
        "sample_rate": SAMPLE_RATE,
        "tracks_per_song": dict(sorted(Counter(len(s["stems"]) for s in songs).items())),
        "genres": dict(sorted(Counter(s["genre"] for s in songs).items())),
        "sources": dict(Counter(s["source"] for s in stems)),
        "distinct_instruments": len(instruments),
        "instruments": dict(instruments.most_common()),
        "render_seconds": round(seconds, 1),
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    ap.add_argument("--songs", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-s", type=float, default=12.0)
    ap.add_argument("--max-s", type=float, default=20.0)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args(argv)
    (a.out / "songs").mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    jobs = [(i, a.seed, a.min_s, a.max_s, a.out) for i in range(a.songs)]
    songs = []
    with Pool(a.workers) as pool:
        for k, meta in enumerate(pool.imap(render_song, jobs)):
            if meta is not None:
                songs.append(meta)
            if (k + 1) % 20 == 0:
                print(f"{k + 1}/{a.songs} songs, {time.time() - t0:.0f} s", flush=True)
    summary = summarise(songs, time.time() - t0)
    (a.out / "manifest.json").write_text(json.dumps({"summary": summary, "songs": songs}, indent=1))
    print(json.dumps({k: v for k, v in summary.items() if k != "instruments"}, indent=1))


if __name__ == "__main__":
    main()
