"""Turns shared/requests/real-dev.jsonl into the reader's label format, split by source.

The real sentences are labelled per track ("Snare: presence up"); the reader is labelled per mention. A track's
label goes to the words in the sentence that name it (found with the product's role vocabulary and the track
names of the ten-stem session the set is spoken to); tracks named only as a point of comparison get no moves;
"master" changes become whole-mix labels. The validation sources (real_dev_split.json) are never returned for
training.
"""
import json
import os
import re
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# The session of shared/requests/README.md and the words that name each of its tracks.
SESSION_WORDS = {
    "Lead Vocal": ["lead vocals", "lead vocal", "vocals", "vocal", "voice", "vox", "singers", "singer", "vocalist", "singing", "talk", "dialogue", "what's being said", "clean vocals"],
    "Backing Vox": ["backing vocals", "backing vox", "backup singers", "backup vocals", "background vocals", "harmonies", "choir", "bvs"],
    "Kick": ["kick drum", "bass drum", "bassdrum", "kick"],
    "Snare": ["snare drum", "snare"],
    "Overheads": ["overheads", "cymbals", "cymbal", "hi-hat", "hihat", "hi hat", "hats", "ride", "crash", "percussion"],
    "Bass DI": ["bass guitar", "bassline", "bass"],
    "Gtr Rhythm": ["rhythm guitar"],
    "Gtr Lead": ["lead guitar", "guitar solo"],
    "Piano": ["upright piano", "piano", "keys"],
    "Synth Pad": ["synth pad", "synth", "pad", "strings", "orchestra", "fiddle", "flute"],
}
FAMILY_WORDS = {"drums": ["Kick", "Snare", "Overheads"], "drum": ["Kick", "Snare", "Overheads"], "kit": ["Kick", "Snare", "Overheads"],
                "guitars": ["Gtr Rhythm", "Gtr Lead"], "guitar": ["Gtr Rhythm", "Gtr Lead"], "guitar players": ["Gtr Rhythm", "Gtr Lead"], "music": [], "instruments": [], "band": []}

ASPECT_OF = {"gain": "gain", "pan": "pan", "width": "width", "low": "low", "lowmid": "lowmid", "mid": "mid", "presence": "presence", "high": "high",
             "compression": "compression", "reverb": "reverb"}


def source_key(source):
    u = urlparse(source)
    if u.netloc == "github.com":
        return "github.com/" + "/".join(u.path.strip("/").split("/")[:2])
    return u.netloc or source.split(" ")[0]


def find_mentions(text):
    """(start, end, tracks) for each instrument word, longest words first, no overlaps."""
    lower = text.lower()
    taken = [False] * len(text)
    found = []
    entries = [(w, [t]) for t, ws in SESSION_WORDS.items() for w in ws] + [(w, ts) for w, ts in FAMILY_WORDS.items()]
    entries.sort(key=lambda e: -len(e[0]))
    for word, tracks in entries:
        for m in re.finditer(r"(?<![a-z])" + re.escape(word) + r"(?![a-z])", lower):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append((m.start(), m.end(), tracks))
    found.sort()
    return found


def direction(what, dir_):
    if what == "pan":
        return dir_
    return 1 if dir_ in ("up", "more") else -1


def convert(row):
    kind = row["expect"]["kind"]
    act = {"change": "change", "question": "question", "explain": "explain", "undo": "undo"}[kind]
    by_track = {}
    for ch in row["expect"].get("changes", []):
        alt = ch["any_of"][0] if "any_of" in ch else ch
        by_track.setdefault(ch["track"], {})[ASPECT_OF[alt["what"]]] = direction(alt["what"], alt["dir"])
    master = by_track.pop("master", {})
    mentions = []
    covered = set()
    for start, end, tracks in find_mentions(row["text"]):
        aspects = {}
        for t in tracks:
            if t in by_track:
                aspects = by_track[t]
                covered.add(t)
        role = "target" if aspects else "comparison"
        mentions.append({"start": start, "end": end, "role": role, "aspects": dict(aspects)})
    complete = covered == set(by_track)
    return {"text": row["text"], "act": act, "intensity": 0.6, "mentions": mentions, "master": master, "complete": complete}


def load(shared_requests, part):
    """part: 'train' or 'validation'."""
    with open(os.path.join(HERE, "real_dev_split.json"), encoding="utf-8") as f:
        validation = set(json.load(f)["validation_sources"])
    out = []
    with open(os.path.join(shared_requests, "real-dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            held = source_key(row.get("source", "")) in validation
            if (part == "validation") == held:
                out.append(convert(row))
    return out


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 4 and sys.argv[1] == "write":
        # write SHARED_REQUESTS OUT.jsonl: the training part in the reader's label format
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            for r in load(sys.argv[2], "train"):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        sys.exit(0)
    rows = load(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "train")
    incomplete = [r for r in rows if not r["complete"]]
    print(len(rows), "rows,", len(incomplete), "with a target track not found in the words")
    for r in incomplete[:20]:
        print("  ", r["text"][:100])
