"""Reads the console's parameter ranges from the C# engine, so the model and the engine share one source.

The C# declarations in src/Dsp/Parameters/ConsoleRanges.cs and the flat EQ layout in
ParametricEqSettings.cs are parsed with two small regular expressions; nothing here repeats a number.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, asdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PARAMETERS_DIR = REPO / "src" / "Dsp" / "Parameters"

_NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_RANGE = re.compile(
    r"public\s+static\s+readonly\s+ParameterRange\s+(\w+)\s*=\s*new\(\s*"
    rf"\"([^\"]*)\"\s*,\s*({_NUMBER})\s*,\s*({_NUMBER})\s*,\s*({_NUMBER})\s*,\s*\"([^\"]*)\"\s*,\s*\"([^\"]*)\"\s*\)")
_OFF_DB = re.compile(rf"public\s+const\s+double\s+OffDb\s*=\s*({_NUMBER})\s*;")
_BAND = re.compile(rf"new\s+EqBand\(\s*EqBandType\.(\w+)\s*,\s*({_NUMBER})\s*,\s*({_NUMBER})\s*,\s*({_NUMBER})\s*\)")
_BAND_COUNT = re.compile(r"public\s+const\s+int\s+BandCount\s*=\s*(\d+)\s*;")


@dataclass(frozen=True)
class ParameterRange:
    field: str      # the C# field name in ConsoleRanges, e.g. "GainDb"
    name: str
    min: float
    max: float
    default: float
    unit: str
    meaning: str

    def clamp(self, value: float) -> float:
        return min(max(value, self.min), self.max)


@dataclass(frozen=True)
class EqBandLayout:
    index: int
    type: str
    default_freq_hz: float
    default_gain_db: float
    default_q: float


@dataclass(frozen=True)
class ConsoleRanges:
    ranges: dict[str, ParameterRange]
    off_db: float
    eq_bands: list[EqBandLayout]

    def __getitem__(self, field: str) -> ParameterRange:
        return self.ranges[field]


def load(parameters_dir: Path = PARAMETERS_DIR) -> ConsoleRanges:
    ranges_file = parameters_dir / "ConsoleRanges.cs"
    eq_file = parameters_dir / "ParametricEqSettings.cs"
    text = ranges_file.read_text(encoding="utf-8")
    ranges = {}
    for m in _RANGE.finditer(text):
        field, name, lo, hi, default, unit, meaning = m.groups()
        ranges[field] = ParameterRange(field, name, float(lo), float(hi), float(default), unit, meaning)
    if not ranges:
        raise ValueError(f"{ranges_file}: no ParameterRange declarations found; has the declaration syntax changed?")
    declared = len(re.findall(r"static\s+readonly\s+ParameterRange\s+\w+", text))
    if declared != len(ranges):
        raise ValueError(f"{ranges_file}: {declared} ParameterRange fields declared but only {len(ranges)} parsed.")
    off = _OFF_DB.search(text)
    if off is None:
        raise ValueError(f"{ranges_file}: OffDb constant not found.")

    eq_text = eq_file.read_text(encoding="utf-8")
    count = _BAND_COUNT.search(eq_text)
    flat = eq_text[eq_text.index("Flat"):] if "Flat" in eq_text else ""
    bands = [EqBandLayout(i, t, float(f), float(g), float(q)) for i, (t, f, g, q) in enumerate(_BAND.findall(flat))]
    if count is None or len(bands) != int(count.group(1)):
        raise ValueError(f"{eq_file}: expected BandCount flat bands in ParametricEqSettings.Flat, parsed {len(bands)}.")
    return ConsoleRanges(ranges, float(off.group(1)), bands)


def to_json_dict(cr: ConsoleRanges, model_outputs: dict[str, str] | None = None) -> dict:
    d = {
        "source": ["src/Dsp/Parameters/ConsoleRanges.cs", "src/Dsp/Parameters/ParametricEqSettings.cs"],
        "off_db": cr.off_db,
        "ranges": {k: {kk: vv for kk, vv in asdict(v).items() if kk != "field"} for k, v in cr.ranges.items()},
        "eq_bands": [asdict(b) for b in cr.eq_bands],
    }
    if model_outputs is not None:
        d["model_outputs"] = model_outputs
    return d


def write_json(path: Path, model_outputs: dict[str, str] | None = None) -> None:
    path.write_text(json.dumps(to_json_dict(load(), model_outputs), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    print(json.dumps(to_json_dict(load()), indent=2))
