"""The reader against a dump written here by hand in the documented layout, and (when given one, e.g.
TOKEN_STATES_DUMP=states.bin TOKEN_STATES_TEXT=sentences.txt) against a real dump and its input lines.

Run: /usr/bin/python3 -m unittest training.reader.test_token_states
"""
from __future__ import annotations

import os
import struct
import tempfile
import unittest
from pathlib import Path

import numpy as np

from .token_states import read_token_states


def _write(path: Path, sentences: list[tuple[list[int], list[int], list[int], np.ndarray]], dimension: int) -> None:
    with open(path, "wb") as f:
        f.write(b"MWTS" + struct.pack("<iii", 1, dimension, len(sentences)))
        for ids, starts, ends, states in sentences:
            f.write(struct.pack("<i", len(ids)))
            f.write(np.array(ids + starts + ends, dtype="<i4").tobytes())
            f.write(states.astype("<f2").tobytes())


class ReadTokenStatesTest(unittest.TestCase):
    def test_reads_what_the_layout_describes(self) -> None:
        rng = np.random.default_rng(0)
        a = rng.standard_normal((3, 4)).astype(np.float16)
        b = rng.standard_normal((4, 4)).astype(np.float16)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "states.bin"
            _write(path, [([101, 5, 102], [-1, 0, -1], [-1, 4, -1], a),
                          ([101, 7, 8, 102], [-1, 0, 3, -1], [-1, 2, 5, -1], b)], dimension=4)
            first, second = read_token_states(path)
        np.testing.assert_array_equal(first.ids, [101, 5, 102])
        np.testing.assert_array_equal(second.starts, [-1, 0, 3, -1])
        np.testing.assert_array_equal(second.ends, [-1, 2, 5, -1])
        np.testing.assert_array_equal(first.states, a)
        np.testing.assert_array_equal(second.states, b)
        np.testing.assert_array_equal(second.special, [True, False, False, True])

    def test_rejects_a_truncated_file(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "states.bin"
            _write(path, [([101, 102], [-1, -1], [-1, -1], np.zeros((2, 4)))], dimension=4)
            path.write_bytes(path.read_bytes()[:-3])
            with self.assertRaisesRegex(ValueError, "truncated"):
                read_token_states(path)

    @unittest.skipUnless(os.environ.get("TOKEN_STATES_DUMP"), "set TOKEN_STATES_DUMP and TOKEN_STATES_TEXT to check a real dump")
    def test_a_real_dump_maps_tokens_back_to_their_lines(self) -> None:
        sentences = read_token_states(os.environ["TOKEN_STATES_DUMP"])
        lines = Path(os.environ["TOKEN_STATES_TEXT"]).read_text(encoding="utf-8").splitlines()
        self.assertEqual(len(lines), len(sentences))
        for line, s in zip(lines, sentences):
            self.assertEqual((s.ids[0], s.ids[-1]), (101, 102))
            self.assertEqual(s.states.shape, (len(s.ids), 384))
            self.assertTrue(np.isfinite(s.states).all())
            for start, end in zip(s.starts[1:-1], s.ends[1:-1]):
                self.assertTrue(0 <= start < end <= len(line), (line, start, end))


if __name__ == "__main__":
    unittest.main()
