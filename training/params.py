"""The model's outputs: one tensor per console parameter group, each tied to a range of ConsoleRanges.cs.

`scale` says how the head's sigmoid spans the range: "linear" is min + s (max - min), "log" is
min (max/min)^s (frequencies, Q, ratio and times, where a linear spread would waste the range).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import console_ranges

EQ_BANDS = 6


@dataclass(frozen=True)
class OutputSpec:
    name: str          # ONNX output name
    field: str         # ConsoleRanges field
    per_track: bool
    width: int         # values per track (or for the master); 0 means a scalar per track / the master
    scale: str         # "linear" or "log"
    meaning: str


OUTPUTS = [
    OutputSpec("gain_db", "GainDb", True, 0, "linear", "track input gain"),
    OutputSpec("pan", "Pan", True, 0, "linear", "pan (constant power, unity centre)"),
    OutputSpec("eq_gain_db", "EqGainDb", True, EQ_BANDS, "linear", "EQ band gains, bands in ParametricEqSettings order"),
    OutputSpec("eq_freq_hz", "EqFrequencyHz", True, EQ_BANDS, "log", "EQ band frequencies"),
    OutputSpec("eq_q", "EqQ", True, EQ_BANDS, "log", "EQ band Q (shelves: slope)"),
    OutputSpec("comp_threshold_db", "ThresholdDb", True, 0, "linear", "compressor threshold"),
    OutputSpec("comp_ratio", "Ratio", True, 0, "log", "compressor ratio (1 = no compression)"),
    OutputSpec("comp_attack_ms", "AttackMs", True, 0, "log", "compressor attack"),
    OutputSpec("comp_release_ms", "ReleaseMs", True, 0, "log", "compressor release"),
    OutputSpec("comp_knee_db", "KneeDb", True, 0, "linear", "compressor knee"),
    OutputSpec("comp_makeup_db", "MakeupDb", True, 0, "linear", "compressor makeup gain"),
    OutputSpec("reverb_send_db", "ReverbSendDb", True, 0, "linear", "post-fader send to the shared reverb"),
    OutputSpec("master_eq_gain_db", "EqGainDb", False, EQ_BANDS, "linear", "master EQ band gains"),
    OutputSpec("master_eq_freq_hz", "EqFrequencyHz", False, EQ_BANDS, "log", "master EQ band frequencies"),
    OutputSpec("master_eq_q", "EqQ", False, EQ_BANDS, "log", "master EQ band Q"),
    OutputSpec("master_comp_threshold_db", "ThresholdDb", False, 0, "linear", "master compressor threshold"),
    OutputSpec("master_comp_ratio", "Ratio", False, 0, "log", "master compressor ratio"),
    OutputSpec("master_comp_attack_ms", "AttackMs", False, 0, "log", "master compressor attack"),
    OutputSpec("master_comp_release_ms", "ReleaseMs", False, 0, "log", "master compressor release"),
    OutputSpec("master_comp_knee_db", "KneeDb", False, 0, "linear", "master compressor knee"),
    OutputSpec("master_comp_makeup_db", "MakeupDb", False, 0, "linear", "master compressor makeup gain"),
    OutputSpec("master_gain_db", "OutputGainDb", False, 0, "linear", "master output gain"),
]
OUTPUT_NAMES = [o.name for o in OUTPUTS]
TRACK_OUTPUTS = [o for o in OUTPUTS if o.per_track]
MASTER_OUTPUTS = [o for o in OUTPUTS if not o.per_track]


def values_per(o: OutputSpec) -> int:
    return max(1, o.width)


def onnx_shape(o: OutputSpec) -> list:
    if o.per_track:
        return [1, "tracks"] + ([o.width] if o.width else [])
    return [1] + ([o.width] if o.width else [])


def json_contract() -> dict:
    """The model_outputs block of models/console_ranges.json."""
    return {o.name: {"range": o.field, "per_track": o.per_track, "shape": onnx_shape(o), "scale": o.scale,
                     "meaning": o.meaning} for o in OUTPUTS}


def default_value(o: OutputSpec, ranges: console_ranges.ConsoleRanges, band: int | None = None) -> float:
    """Where a head starts before training: the engine's defaults (the EQ at its flat layout)."""
    if o.field == "EqFrequencyHz" and band is not None:
        return ranges.eq_bands[band].default_freq_hz
    if o.field == "EqQ" and band is not None:
        return ranges.eq_bands[band].default_q
    if o.field == "ReverbSendDb":
        return -40.0        # the default (-80, off) is the sigmoid's limit; start near it with a live gradient
    if o.field == "Ratio":
        return 2.0          # a gentle compressor, so training can move it either way
    return ranges[o.field].default
