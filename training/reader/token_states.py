"""Read the sentence encoder's token-states dump written by training/encoder-dump (TokenStatesWriter.cs).

Make one with:  dotnet run -c Release --project training/encoder-dump -- sentences.txt states.bin
(one sentence a line, UTF-8). Layout, little-endian:
    header:   b"MWTS", int32 version (1), int32 dimension (384), int32 count
    sentence: int32 n; int32[n] token ids; int32[n] char start; int32[n] char end; float16[n * dimension] states
Offsets are [start, end) in code points of the input line (so line[start:end] is the token's text in Python),
-1 for [CLS] (first) and [SEP] (last).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"MWTS"
VERSION = 1


@dataclass(frozen=True)
class TokenStates:
    ids: np.ndarray     # int32 [n]
    starts: np.ndarray  # int32 [n], -1 for special tokens
    ends: np.ndarray    # int32 [n], -1 for special tokens
    states: np.ndarray  # float16 [n, dimension]; a view into the file's buffer

    @property
    def special(self) -> np.ndarray:
        """True for [CLS] and [SEP]."""
        return self.starts < 0


def read_token_states(path: str | Path) -> list[TokenStates]:
    """Every sentence of the dump, in input order. The states are views of one buffer read once (no copies)."""
    data = Path(path).read_bytes()
    if len(data) < 16 or data[:4] != MAGIC:
        raise ValueError(f"{path}: not a token-states dump (no MWTS header)")
    version, dimension, count = np.frombuffer(data, dtype="<i4", count=3, offset=4)
    if version != VERSION:
        raise ValueError(f"{path}: token-states version {version}, this reader knows {VERSION}")
    sentences: list[TokenStates] = []
    offset = 16
    for index in range(count):
        if offset + 4 > len(data):
            raise ValueError(f"{path}: truncated at sentence {index} of {count}")
        (n,) = np.frombuffer(data, dtype="<i4", count=1, offset=offset)
        offset += 4
        size = 12 * n + 2 * n * dimension
        if n < 2 or offset + size > len(data):
            raise ValueError(f"{path}: sentence {index} of {count} is truncated or corrupt ({n} tokens)")
        ints = np.frombuffer(data, dtype="<i4", count=3 * n, offset=offset)
        offset += 12 * n
        states = np.frombuffer(data, dtype="<f2", count=n * dimension, offset=offset).reshape(n, dimension)
        offset += 2 * n * dimension
        sentences.append(TokenStates(ids=ints[:n], starts=ints[n:2 * n], ends=ints[2 * n:], states=states))
    if offset != len(data):
        raise ValueError(f"{path}: {len(data) - offset} bytes after the last of {count} sentences")
    return sentences
