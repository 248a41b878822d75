"""Generates the labelled request corpus the reader's heads are trained on.

Each line is one request a musician might type, with what it means:
  act        the dialogue act (READER_ACTS below)
  intensity  0..1 (0.33 "a tad", 0.6 unmarked, 1 "way too")
  mentions   character spans of instrument words, each a target of the request or only a point of comparison,
             with the aspects the request moves on it (aspect -> +1 / -1, pan: "left" / "right" / "center")
  master     the aspects moved on the whole mix when the request is about the mix, not a track

The descriptor words and the console moves they stand for come from the product's own word knowledge
(src/Embeddings/Data/descriptors.json), the instrument words from its role vocabulary (roles.json) plus the
stage names people use for parts ("the 808", "the soloist", "my voice"). Surface forms vary on purpose:
politeness, questions that are requests, complaints, praise around the request, comparisons, negation,
hedges, typos, several targets and whole-mix words. Nothing here is taken from real people's requests: the
real sentences (shared/requests/real-dev.jsonl) are added by the trainer, split by source.

Usage: make_requests.py OUT.jsonl [--count N] [--seed S]
"""
import argparse
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "src", "Embeddings", "Data")

READER_ACTS = ["change", "question", "explain", "measure", "undo", "confirm", "reject", "more", "less", "reference", "render", "smalltalk"]
ASPECTS = ["gain", "pan", "width", "low", "lowmid", "mid", "presence", "high", "compression", "reverb"]
REGION_OF = {"sub": "low", "low": "low", "lowmid": "lowmid", "mid": "mid", "highmid": "presence", "presence": "presence", "high": "high", "air": "high"}

# ---------------------------------------------------------------- vocabulary

EXTRA_PARTS = {
    "vocals": ["voice", "singer", "vocal", "lead vocal", "vocalist", "lead singer", "my voice", "the singing", "frontman", "rapper", "the rap", "the verses' vocal", "main vocal"],
    "backing": ["backing vocals", "backup singers", "harmonies", "choir", "background vocals", "the doubles", "the ad libs", "bvs", "gang vocals"],
    "kick": ["kick", "kick drum", "bass drum", "808", "the 808 kick", "bassdrum", "the kik"],
    "snare": ["snare", "snare drum", "clap", "the claps", "rimshot", "the backbeat"],
    "hats": ["hi-hat", "hihat", "hats", "hi hats", "shaker", "tambourine", "ride", "ride cymbal"],
    "overheads": ["overheads", "cymbals", "crashes", "the OH", "the overhead mics", "the kit mics"],
    "toms": ["toms", "tom fills", "floor tom"],
    "drums": ["drums", "drum kit", "the kit", "drum bus", "percussion", "the beat"],
    "bass": ["bass", "bass guitar", "bassline", "bass DI", "sub bass", "the low synth", "upright bass", "the bass player"],
    "guitar": ["guitar", "guitars", "rhythm guitar", "lead guitar", "gtr", "the guitar solo", "acoustic guitar", "electric guitar", "the riff", "the strums", "the soloist"],
    "keys": ["piano", "keys", "electric piano", "rhodes", "organ", "the keyboard", "upright piano", "grand piano", "wurly"],
    "synth": ["synth", "pad", "synth pad", "the lead synth", "arp", "strings", "string section", "the strings", "violins", "cello", "horns", "brass", "trumpet", "sax", "flute", "fiddle"],
    "world": ["erhu", "sitar", "koto", "oud", "kora", "tabla", "djembe", "congas", "shakuhachi", "bouzouki", "harp", "bansuri", "duduk"],
}

MIX_WORDS = ["the mix", "the whole mix", "the whole thing", "everything", "the song", "the track", "the master", "the overall mix", "the whole song",
             "the entire mix", "this song", "this mix", "the recording", "the tune", "the production", "it all", "the full mix"]
MIX_IT = ["it", "this", "the mix", "the song", "everything", "the whole thing", "the track"]


def load_roles():
    with open(os.path.join(DATA, "roles.json"), encoding="utf-8") as f:
        doc = json.load(f)
    words = set()
    for role in doc["roles"]:
        for w in role.get("words", []) + role.get("plurals", []):
            if len(w) > 2:
                words.add(w)
    return sorted(words)


def load_descriptors():
    """Descriptor words with the direction of each aspect their 'more of it' moves take."""
    with open(os.path.join(DATA, "descriptors.json"), encoding="utf-8") as f:
        doc = json.load(f)
    out = []
    for d in doc["descriptors"]:
        moves = d.get("moves")
        if moves is None and d.get("alternatives"):
            moves = d["alternatives"][0]["moves"]
        if not moves:
            continue
        aspects = {}
        for eq in moves.get("eq", []):
            region = eq.get("region")
            if region is None and "freq_hz" in eq:
                f = eq["freq_hz"]
                region = "low" if f < 250 else "lowmid" if f < 500 else "mid" if f < 2000 else "presence" if f < 4500 else "high"
            region = REGION_OF.get(region, region)
            g = eq.get("gain_db", 0)
            if g and region in ASPECTS and region not in aspects:
                aspects[region] = 1 if g > 0 else -1
        for key, aspect in (("compression", "compression"), ("reverb_send_db", "reverb"), ("width", "width"), ("gain_db", "gain")):
            v = moves.get(key)
            if isinstance(v, (int, float)) and v != 0:
                aspects[aspect] = 1 if v > 0 else -1
        if not aspects:
            continue
        forms = [d["word"]] + d.get("forms", [])
        out.append({"word": d["word"], "forms": forms, "valence": d.get("valence", "neutral"), "category": d.get("category"), "aspects": aspects})
    return out


# ---------------------------------------------------------------- surface forms

POLITE = ["", "", "", "can you ", "could you ", "would you ", "please ", "could you please ", "can we ", "i'd like to ", "i want to ", "let's ",
          "would you mind if we ", "is it possible to ", "maybe ", "i think we should ", "we need to ", "try to ", "i'd love to ", "any chance you could ",
          "is there any way to ", "hey, can you ", "ok so ", "hmm, could you ", "you should ", "i was wondering if you could "]
QUESTIONY = {"can you ", "could you ", "would you ", "could you please ", "can we ", "is it possible to ", "any chance you could ", "is there any way to ", "hey, can you ", "hmm, could you ", "i was wondering if you could ", "would you mind if we "}
PREFIX = ["", "", "", "", "", "overall i like it, but ", "great job on the arrangement. ", "i love this song. ", "in the chorus, ", "around 1:30 ", "listening in my car, ",
          "on headphones ", "honestly, ", "to be fair ", "the performance is great, but ", "nice work! ", "the mix is almost there. ", "first of all, ",
          "sounds good so far. ", "one more thing: ", "also, ", "and ", "besides that, ", "in my opinion ", "imo ", "i feel like ", "to my ears ", "i noticed that ",
          "the song itself is great but ", "as a listener, ", "the only criticism i have is that ", "my main complaint: ", "i guess ", "it seems like ",
          "this is a really cool track and the playing is tight. ", "thanks for the last change. ", "i'm not an engineer but ", "i think ", "for me ",
          "during the bridge ", "on the second verse ", "when the drums come in, ", "it's almost perfect. "]
SUFFIX = ["", "", "", "", "", ".", ".", "!", " please", " please.", " thanks", ", thanks!", " for my taste", " imo", " if that makes sense", " in the mix",
          " overall", " a little", " at times", " in the chorus", " in places", " to my ears", ", if you can", " haha", "...", " lol", " right now",
          " on the chorus", " tbh", " compared to the rest"]
SOFT = [("a tad ", 0.33), ("slightly ", 0.33), ("a touch ", 0.33), ("a little ", 0.33), ("a bit ", 0.33), ("a hair ", 0.33), ("just a bit ", 0.33), ("somewhat ", 0.33), ("kind of ", 0.33), ("a little bit ", 0.33)]
STRONG = [("way ", 1.0), ("much ", 1.0), ("a lot ", 1.0), ("really ", 1.0), ("so much ", 1.0), ("massively ", 1.0), ("way way ", 1.0), ("far ", 1.0)]
EXCESS_STRONG = [("way too ", 1.0), ("far too ", 1.0), ("much too ", 1.0), ("ridiculously ", 1.0), ("insanely ", 1.0), ("super ", 1.0), ("extremely ", 1.0), ("so ", 1.0)]
EXCESS_SOFT = [("a tad ", 0.33), ("a bit ", 0.33), ("slightly ", 0.33), ("a little ", 0.33), ("a touch ", 0.33), ("kinda ", 0.33), ("a little too ", 0.33), ("a bit too ", 0.33), ("slightly too ", 0.33)]
EXCESS = [("too ", 0.6), ("overly ", 0.6), ("excessively ", 0.6), ("very ", 0.6), ("pretty ", 0.6), ("quite ", 0.6), ("", 0.6)]


def pick(rng, xs):
    return xs[rng.randrange(len(xs))]


def intensity_word(rng, kind):
    r = rng.random()
    if kind == "more":
        if r < 0.3:
            return pick(rng, SOFT)
        if r < 0.5:
            return pick(rng, STRONG)
        return ("", 0.6)
    if r < 0.25:
        return pick(rng, EXCESS_SOFT)
    if r < 0.45:
        return pick(rng, EXCESS_STRONG)
    return pick(rng, EXCESS)


def typo(rng, text, rate):
    """Keyboard slips: a swapped, dropped or doubled letter in some words, as people type in chat."""
    words = text.split(" ")
    out = []
    for w in words:
        if len(w) > 3 and w.isalpha() and rng.random() < rate:
            i = rng.randrange(1, len(w) - 1)
            op = rng.randrange(3)
            if op == 0:
                w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
            elif op == 1:
                w = w[:i] + w[i + 1:]
            else:
                w = w[:i] + w[i] + w[i:]
        out.append(w)
    return " ".join(out)


class Builder:
    """Builds a text piece by piece, recording the character span of each instrument mention."""

    def __init__(self):
        self.text = ""
        self.mentions = []

    def add(self, s):
        self.text += s
        return self

    def mention(self, words, role, aspects):
        start = len(self.text)
        self.text += words
        self.mentions.append({"start": start, "end": len(self.text), "role": role, "aspects": dict(aspects)})
        return self


def the(rng, part):
    if part.startswith(("the ", "my ", "our ")):
        return ""
    return pick(rng, ["the ", "the ", "the ", "my ", "that ", "those " if part.endswith("s") else "the ", "our ", ""])


def is_plural(part):
    return part.endswith("s") and not part.endswith(("ss", "bass", "chorus", "us"))


# ---------------------------------------------------------------- clause templates
# Each returns (builder-filling function). A clause gets its target word(s) and the meaning to express.

LEVEL_UP_STATED = ["{is} buried", "{is} lost in the mix", "{is} too quiet", "{is} way too quiet", "{is} barely audible", "{is} hard to hear", "{is} getting lost",
                   "{is} drowned out", "{is} swamped", "{is} nowhere", "{is} sitting too far back", "{is} sitting back in the mix", "{is} too low in the mix",
                   "{is} under the mix", "{is} too soft", "{is} inaudible", "{is} too far down", "{is} struggling to be heard", "{is} not loud enough",
                   "{is} a bit too quiet", "{is} slightly buried", "{is} a tad low", "{is} too quite", "{is} hidden", "{is} almost nonexistent", "{is} falling under the mix",
                   "{does} get lost", "{does} fall under the mix", "{does} need to come up", "{does} need to be louder", "{does} need a boost", "{is} underpowered",
                   "{is} not coming through", "{is} way in the background", "{is} so low i can barely hear {it}", "{is} masked by everything else"]
LEVEL_UP_ASK = ["turn up {t}", "bring up {t}", "bring {t} up", "push {t} up", "raise {t}", "make {t} louder", "boost {t}", "turn {t} up", "bring {t} forward",
                "push {t} forward", "bring {t} closer to the front", "bring {t} up a notch", "give {t} a bit more volume", "make {t} more audible", "lift {t}",
                "make {t} stand out", "put {t} on top", "help {t} cut through", "let {t} cut through", "bring {t} out more", "amplify {t}", "crank {t}",
                "pump up {t}", "get {t} louder", "raise the level of {t}", "increase the volume of {t}", "nudge {t} up", "turn {t} up a bit", "add more {t}",
                "i want to hear more of {t}", "i can't hear {t}", "i can barely hear {t}", "where is {t}?", "more {t} please", "make {t} the center of the song",
                "bring {t} up in the mix", "get {t} out front"]
LEVEL_DOWN_STATED = ["{is} too loud", "{is} way too loud", "{is} too hot", "{is} overpowering", "{is} too far in front", "{is} way up front", "{is} too prominent",
                     "{is} too present", "{is} in your face", "{is} sticking out", "{is} too dominant", "{is} overbearing", "{is} the loudest thing in the mix",
                     "{is} a bit loud", "{is} slightly too loud", "{is} a tad loud", "{is} blasting", "{is} deafening", "{is} too high in the mix", "{is} way too high in the mix",
                     "{is} pushed too far up", "{is} overwhelming everything", "{is} drowning out the rest", "{is} way over the top", "{is} too much",
                     "{does} stick out too much", "{does} overpower the rest", "{does} jump out too much", "{is} so loud", "{is} covering everything",
                     "{is} louder than everything else", "{is} just too loud overall", "{is} disproportionally loud", "{is} dominating"]
LEVEL_DOWN_ASK = ["turn down {t}", "turn {t} down", "bring {t} down", "lower {t}", "pull {t} back", "push {t} back", "tuck {t} in", "make {t} quieter",
                  "bring {t} down a notch", "reduce {t}", "drop {t} a bit", "dial {t} back", "back {t} off", "take {t} down", "make {t} softer",
                  "tone down {t}", "sit {t} further back", "less {t} please", "lower the volume of {t}", "decrease {t}", "cut the level of {t}",
                  "ease off {t}", "tame {t}", "tuck {t} under the vocal", "bury {t} a little"]
PAN_ASK = {"left": ["pan {t} left", "pan {t} to the left", "move {t} to the left", "put {t} on the left", "push {t} left", "shift {t} left a bit", "pan {t} hard left", "move {t} over to the left side"],
           "right": ["pan {t} right", "pan {t} to the right", "move {t} to the right", "put {t} on the right", "push {t} right", "shift {t} right a bit", "pan {t} hard right", "move {t} over to the right side"],
           "center": ["center {t}", "centre {t}", "put {t} in the middle", "pan {t} to the center", "move {t} back to the middle", "bring {t} to the center", "pan {t} center", "put {t} dead center"]}
PAN_STATED = {"left": ["{is} too far right", "{is} panned too far right", "{is} stuck on the right", "{is} all on the right side"],
              "right": ["{is} too far left", "{is} panned too far left", "{is} stuck on the left", "{is} all on the left side"],
              "center": ["{is} off to one side", "{is} panned too wide", "{is} not centered", "{is} lopsided"]}
WIDTH_MORE = ["make {t} wider", "widen {t}", "spread {t} out", "make {t} huge and wide", "give {t} more width", "open up {t} in the stereo field", "make {t} more stereo", "stretch {t} wider"]
WIDTH_MORE_STATED = ["{is} too narrow", "{is} too mono", "{is} too centered", "{is} cramped in the middle", "{is} not wide enough", "{is} lacking width"]
WIDTH_LESS = ["make {t} narrower", "narrow {t}", "make {t} more mono", "bring {t} in from the sides", "tighten {t} up in the stereo field", "collapse {t} a bit"]
WIDTH_LESS_STATED = ["{is} too wide", "{is} spread too wide", "{is} too spread out", "{is} too far out on the sides", "{is} way too wide"]
COMP_MORE = ["compress {t}", "compress {t} more", "add compression to {t}", "glue {t} together", "even out {t}", "tighten up {t}", "control {t} more", "squash {t} a bit", "put a compressor on {t}", "level out {t}"]
COMP_MORE_STATED = ["{is} too dynamic", "{is} all over the place in level", "{is} jumping in and out", "{does} fluctuate wildly", "{is} too uneven", "{is} inconsistent in volume", "{does} need more compression", "{is} sometimes too loud and sometimes too quiet"]
COMP_LESS = ["compress {t} less", "ease off the compression on {t}", "less compression on {t}", "uncompress {t}", "let {t} breathe", "stop squashing {t}", "take the compressor off {t}", "give {t} more dynamics"]
COMP_LESS_STATED = ["{is} over-compressed", "{is} squashed", "{is} too compressed", "{is} lifeless and flat", "{is} pumping", "{is} crushed", "{is} too squashed"]
VERB_MORE = ["add reverb to {t}", "more reverb on {t}", "put some reverb on {t}", "add some space to {t}", "give {t} more room", "make {t} wetter", "push {t} further back with reverb",
             "give {t} a bigger space", "add a touch of reverb to {t}", "make {t} sound like it's in a big hall", "put {t} in a bigger room", "make {t} sound like it's on a mountaintop",
             "give {t} some ambience", "make {t} more spacious", "more echo on {t}", "drench {t} in reverb"]
VERB_MORE_STATED = ["{is} too dry", "{is} bone dry", "{is} a little dry", "{is} lacking space", "{is} too upfront and dry", "{does} need more reverb", "{does} sound dry"]
VERB_LESS = ["less reverb on {t}", "take the reverb off {t}", "dry up {t}", "make {t} drier", "cut the reverb on {t}", "bring {t} closer", "make {t} more intimate", "pull the reverb back on {t}", "reduce the reverb on {t}"]
VERB_LESS_STATED = ["{is} too wet", "{is} swimming in reverb", "{is} drowning in reverb", "{is} too distant", "{is} too far away", "{is} too washy", "{does} have too much reverb", "{is} in a cave", "{is} too roomy", "{is} echoey"]

REGION_NOUNS = {
    "low": ["low end", "lows", "bottom end", "bottom", "bass frequencies", "weight", "thump", "sub", "low frequencies", "oomph down low", "bass"],
    "lowmid": ["low mids", "lower mids", "body", "the 300 Hz area", "low-mid warmth", "250 to 500 Hz", "fullness"],
    "mid": ["mids", "midrange", "mid-range", "middle", "the 1k area", "1 kHz", "honk"],
    "presence": ["presence", "upper mids", "high mids", "2-4k", "the 3k area", "bite", "edge", "2.5k", "3 kHz"],
    "high": ["highs", "high end", "top end", "treble", "air", "top", "sparkle", "the 6-8k zone", "10k", "high frequencies", "shimmer", "sizzle"],
}
REGION_MORE = ["more {n} on {t}", "add {n} to {t}", "boost the {n} on {t}", "give {t} more {n}", "bring out the {n} of {t}", "open up the {n} on {t}", "lift the {n} on {t}",
               "{t} could use more {n}", "{t} needs more {n}", "{t} is missing {n}", "{t} has no {n}", "{t} is lacking {n}", "not enough {n} on {t}", "{t} needs some {n}", "where's the {n} on {t}?",
               "a slight boost in the {n} on {t}", "{t} has very little {n}", "{t} is starving for {n}"]
REGION_LESS = ["less {n} on {t}", "cut the {n} on {t}", "cut some {n} from {t}", "reduce the {n} on {t}", "tame the {n} on {t}", "roll off the {n} on {t}", "pull down the {n} on {t}",
               "{t} has too much {n}", "there's too much {n} on {t}", "{t} has way too much {n}", "the {n} on {t} is too much", "the {n} on {t} is overbearing", "scoop the {n} out of {t}",
               "{t} is too heavy in the {n}", "{t} is a bit heavy in the {n}", "the {n} of {t} is a bit aggressive", "too much {n} in {t}", "dial back the {n} on {t}"]

DESC_MORE = ["make {t} {adj_er}", "make {t} more {adj}", "{t} should be more {adj}", "can {t} be more {adj}", "{t} could be {adj_er}", "i want {t} {adj_er}", "{t} needs to be {adj_er}",
             "{t} isn't {adj} enough", "{t} is not {adj} enough", "{t} needs more {noun}", "add some {noun} to {t}", "give {t} some {noun}", "{t} is lacking {noun}", "{t} has no {noun}",
             "i'd like {t} to sound {adj_er}", "get {t} sounding {adj_er}", "{t} could use a bit more {noun}", "bring out the {noun} in {t}", "let's get more {noun} from {t}",
             "something is missing from {t}, it needs to be {adj_er}", "{t} should sound {adj}"]
DESC_LESS = ["{t} is too {adj}", "{t} sounds {x}{adj}", "{t} is {x}{adj}", "{t} feels {x}{adj}", "make {t} less {adj}", "{t} is way too {adj}", "{t} is a bit {adj} for my taste",
             "tone down the {noun} on {t}", "tone down the {noun} of {t}", "get rid of the {noun} on {t}", "reduce the {noun} on {t}", "{t} has too much {noun}", "there's too much {noun} on {t}",
             "{t} sounds a tad {adj}", "{t} is getting {adj}", "tame the {noun} on {t}", "take the {noun} out of {t}", "{t} is overly {adj}", "the {noun} on {t} is too much",
             "{t} comes across as {adj}", "i hate how {adj} {t} sounds", "{t} is so {adj} it hurts", "clean up the {noun} on {t}", "{t} has a lot of {noun}"]
DESC_KEEP = ["{t} isn't {adj}", "{t} is not {adj}", "{t} doesn't sound {adj}", "i love how {adj} {t} sounds", "{t} sounds nice and {adj}", "keep {t} {adj}", "don't make {t} {adj_er}",
             "{t} is {adj} in a good way", "i like the {noun} on {t}", "the {noun} on {t} is great", "{t} is {adj} and i like it", "{t} isn't too {adj}", "{t} is perfectly {adj}"]

NOUN_FORMS = {}


def adj_forms(desc, rng):
    """(adjective, comparative, noun) surface forms of a descriptor word, guessed from its forms."""
    word = desc["word"]
    forms = desc["forms"]
    adj = word
    er = next((f for f in forms if f.endswith("er") and not f.endswith("ness")), None)
    if er is None:
        er = ("more " + adj) if len(adj) > 6 or " " in adj else (adj + ("r" if adj.endswith("e") else "er"))
    noun = next((f for f in forms if f.endswith(("ness", "th", "ity", "ance", "ence"))), None)
    if noun is None:
        noun = adj + "ness" if not adj.endswith("y") else adj[:-1] + "iness"
    return adj, er, noun


def subj(rng, part):
    """The target phrase with a matching verb form."""
    det = the(rng, part)
    plural = is_plural(part) or part in ("drums", "the kit", "vocals", "guitars", "strings", "keys", "horns", "toms", "hats", "cymbals", "overheads", "harmonies", "claps")
    return det, plural


def verb(template, plural):
    return template.replace("{is}", "are" if plural else "is").replace("{does}", "" if plural else "").replace("{it}", "them" if plural else "it")


def fix_does(text, plural):
    # "{does} need" -> "need" (plural) / "needs" (singular)
    def repl(m):
        v = m.group(1)
        return v if plural else (v + "es" if v.endswith(("sh", "ch", "x", "s")) else v + "s")
    return re.sub(r"\{does\} (\w+)", repl, text)


def fill(b, rng, template, part, role_aspects, comparisons=None):
    """Writes template into the builder, turning {t}/{is}/{does} into the target mention."""
    det, plural = subj(rng, part)
    t = template
    t = fix_does(t, plural)
    t = t.replace("{is}", "are" if plural else "is").replace("{it}", "them" if plural else "it")
    if "{t}" not in t:
        # stated form: the mention is the subject
        b.add(det)
        b.mention(part, "target", role_aspects)
        b.add(" " + t)
        return
    before, after = t.split("{t}", 1)
    b.add(before + det)
    b.mention(part, "target", role_aspects)
    b.add(after)


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.descriptors = load_descriptors()
        self.role_words = load_roles()
        self.parts = sorted({w for ws in EXTRA_PARTS.values() for w in ws} | set(self.role_words))

    def part(self):
        rng = self.rng
        if rng.random() < 0.7:
            group = pick(rng, sorted(EXTRA_PARTS))
            return pick(rng, EXTRA_PARTS[group])
        return pick(rng, self.parts)

    # ------------------------------------------------------------ one change clause on one or more targets

    def change_clause(self, b, parts, master=False, polite=""):
        """Writes one clause asking for one kind of move on parts (or the mix); returns (aspects, intensity, kind).
        A polite lead-in ("could you") only goes before a clause that starts with its verb."""
        rng = self.rng
        kind = rng.choices(["level", "region", "desc", "pan", "width", "comp", "verb"], [30, 18, 34, 6, 5, 5, 7])[0]
        if master and kind == "pan":
            kind = "width"
        t_words = parts
        if kind == "level":
            up = rng.random() < 0.55
            if rng.random() < 0.5:
                template = pick(rng, LEVEL_UP_STATED if up else LEVEL_DOWN_STATED)
                intensity = 0.33 if any(w in template for w in ("a bit", "slightly", "a tad")) else 0.6
            else:
                template = pick(rng, LEVEL_UP_ASK if up else LEVEL_DOWN_ASK)
                word, intensity = intensity_word(rng, "more")
                if word and rng.random() < 0.5:
                    template = template + " " + word.strip()
            aspects = {"gain": 1 if up else -1}
        elif kind == "pan":
            side = pick(rng, ["left", "right", "center"])
            template = pick(rng, PAN_ASK[side] + PAN_STATED[side])
            aspects = {"pan": side}
            intensity = 0.6
        elif kind == "width":
            more = rng.random() < 0.6
            template = pick(rng, (WIDTH_MORE + WIDTH_MORE_STATED) if more else (WIDTH_LESS + WIDTH_LESS_STATED))
            aspects = {"width": 1 if more else -1}
            intensity = 0.6
        elif kind == "comp":
            more = rng.random() < 0.65
            template = pick(rng, (COMP_MORE + COMP_MORE_STATED) if more else (COMP_LESS + COMP_LESS_STATED))
            aspects = {"compression": 1 if more else -1}
            intensity = 0.6
        elif kind == "verb":
            more = rng.random() < 0.5
            template = pick(rng, (VERB_MORE + VERB_MORE_STATED) if more else (VERB_LESS + VERB_LESS_STATED))
            aspects = {"reverb": 1 if more else -1}
            intensity = 0.6
        elif kind == "region":
            region = pick(rng, sorted(REGION_NOUNS))
            noun = pick(rng, REGION_NOUNS[region])
            more = rng.random() < 0.5
            template = pick(rng, REGION_MORE if more else REGION_LESS).replace("{n}", noun)
            aspects = {region: 1 if more else -1}
            intensity = 0.6
        else:
            desc = pick(rng, self.descriptors)
            adj, er, noun = adj_forms(desc, rng)
            r = rng.random()
            if desc["valence"] == "problem":
                mode = "less" if r < 0.72 else "keep" if r < 0.86 else "more"
            elif desc["valence"] == "quality":
                mode = "more" if r < 0.6 else "less" if r < 0.85 else "keep"
            else:
                mode = "more" if r < 0.45 else "less" if r < 0.85 else "keep"
            table = DESC_MORE if mode == "more" else DESC_LESS if mode == "less" else DESC_KEEP
            template = pick(rng, table)
            x, intensity = ("", 0.6)
            if "{x}" in template:
                x, intensity = pick(rng, EXCESS_SOFT + EXCESS + EXCESS_STRONG)
                if x == "":
                    x, intensity = "too ", 0.6
            template = template.replace("{adj_er}", er).replace("{adj}", adj).replace("{noun}", noun).replace("{x}", x)
            sign = 1 if mode == "more" else -1 if mode == "less" else 0
            aspects = {a: d * sign for a, d in desc["aspects"].items()} if sign else {}
        if polite and not template.startswith(("{t}", "{is}", "{does}", "there", "the ", "i ", "where", "something", "not ")):
            b.add(polite)
        if master:
            mix = pick(rng, MIX_WORDS if "{t}" in template or rng.random() < 0.5 else MIX_IT)
            text = fix_does(template, False).replace("{is}", "is").replace("{it}", "it")
            if "{t}" in text:
                text = text.replace("{t}", mix)
            else:
                text = mix + " " + text
            b.add(text)
            return aspects, intensity, kind
        if len(t_words) == 1:
            fill(b, rng, template, t_words[0], aspects)
        else:
            # "the toms and the hi-hat need to come up"
            plural_template = template
            if "{t}" not in plural_template:
                for k, w in enumerate(t_words):
                    if k:
                        b.add(pick(rng, [" and ", " and ", ", ", " & "]) if k == len(t_words) - 1 else ", ")
                    b.add(the(rng, w))
                    b.mention(w, "target", aspects)
                tail = fix_does(plural_template, True).replace("{is}", "are").replace("{it}", "them")
                b.add(" " + pick(rng, ["", "both ", "all "]) + tail if rng.random() < 0.3 else " " + tail)
            else:
                before, after = plural_template.split("{t}", 1)
                before = fix_does(before, True).replace("{is}", "are")
                after = fix_does(after, True).replace("{is}", "are").replace("{it}", "them")
                b.add(before)
                for k, w in enumerate(t_words):
                    if k:
                        b.add(" and " if k == len(t_words) - 1 else ", ")
                    b.add(the(rng, w))
                    b.mention(w, "target", aspects)
                b.add(after)
        return aspects, intensity, kind

    def comparison_tail(self, b, aspects):
        """ ... compared to the guitars / under the synth: a mention that must not move."""
        rng = self.rng
        if "gain" not in aspects:
            return
        other = self.part()
        if aspects["gain"] > 0:
            lead = pick(rng, [" under ", " behind ", " compared to ", " against ", " next to ", " over ", " above ", " beneath "])
        else:
            lead = pick(rng, [" compared to ", " over ", " next to ", " relative to ", " against ", " than "])
        b.add(lead + the(rng, other))
        b.mention(other, "comparison", {})

    # ------------------------------------------------------------ whole requests

    def change_request(self):
        rng = self.rng
        b = Builder()
        master = {}
        intensities = []
        prefix = pick(rng, PREFIX)
        b.add(prefix)
        polite = pick(rng, POLITE) if rng.random() < 0.5 else ""
        n_clauses = rng.choices([1, 2, 3], [70, 25, 5])[0]
        for k in range(n_clauses):
            if k:
                b.add(pick(rng, [", and ", " and ", ". ", ", but ", "; ", ", also ", " - ", ", plus ", ". also "]))
            whole = rng.random() < 0.18
            if whole:
                aspects, intensity, kind = self.change_clause(b, [], master=True, polite=polite if k == 0 else "")
                for a, d in aspects.items():
                    master[a] = d
            else:
                n_targets = rng.choices([1, 2, 3], [80, 17, 3])[0]
                parts = [self.part() for _ in range(n_targets)]
                aspects, intensity, kind = self.change_clause(b, parts, polite=polite if k == 0 else "")
                if rng.random() < 0.2:
                    self.comparison_tail(b, aspects)
            intensities.append(intensity)
        question = polite in QUESTIONY or (rng.random() < 0.08)
        b.add("?" if question and rng.random() < 0.8 else pick(rng, SUFFIX))
        moved = any(m["role"] == "target" and m["aspects"] for m in b.mentions) or master
        act = "change" if moved else "smalltalk"
        return self.finish(b, act, sum(intensities) / len(intensities), master)

    def mix_comparison_request(self):
        """A whole-mix move whose sentence names tracks only as what suffers: "the guitars are drowned out by all the high end"."""
        rng = self.rng
        b = Builder()
        b.add(pick(rng, PREFIX))
        region = pick(rng, ["high", "low", "lowmid"])
        noun = pick(rng, REGION_NOUNS[region])
        victim = self.part()
        if rng.random() < 0.5:
            b.add(the(rng, victim)).mention(victim, "comparison", {})
            b.add(pick(rng, [" are drowned out by ", " get lost in ", " is buried by ", " can't compete with "]) + pick(rng, ["all the ", "the ", "so much ", "how much "]) + noun + pick(rng, [" in the mix", "", " overall", " everywhere"]))
        else:
            b.add(pick(rng, ["the mix ", "the whole thing ", "this song ", "the production "]) + pick(rng, ["has so much ", "cranks the ", "is all ", "is swamped with "]) + noun + pick(rng, [" that ", " and "]))
            b.add(the(rng, victim)).mention(victim, "comparison", {})
            b.add(pick(rng, [" is nearly nonexistent", " gets drowned out", " disappears", " can't be heard"]))
        b.add(pick(rng, SUFFIX))
        return self.finish(b, "change", 0.6, {region: -1})

    def other_act(self):
        rng = self.rng
        act = rng.choices(["question", "explain", "measure", "undo", "confirm", "reject", "more", "less", "reference", "render", "smalltalk"],
                          [26, 18, 9, 6, 6, 5, 6, 6, 7, 4, 7])[0]
        b = Builder()
        part = self.part()
        det = the(rng, part)

        def with_part(template):
            if "{t}" in template:
                before, after = template.split("{t}", 1)
                b.add(before + det).mention(part, "comparison", {}).add(after)
            else:
                b.add(template)

        if act == "question":
            # Vague or really ambiguous: the answer needs one question, nothing changes yet.
            with_part(pick(rng, ["fix it", "it sounds off", "it's not the sound i'm after", "this is unlistenable", "man, that was bad", "something feels off", "it just doesn't sound right",
                                 "the mixing sounds all wrong", "it doesn't have any oomph", "i don't like it", "make it better", "it sounds amateur", "can you improve the mix?",
                                 "it sounds weird", "something is missing", "it sounds flat", "it's not quite there yet", "the mix needs work", "meh", "hmm, not great",
                                 "{t} sounds weird", "{t} doesn't sit right", "{t} sounds off", "something about {t} bugs me", "{t} sounds like a practice amp", "{t} is not working",
                                 "{t} is competing with the bass", "balance {t} and the bass", "{t} and the kick are fighting", "{t} sounds cheap", "i'm not happy with {t}",
                                 "{t} sounds bad", "{t} needs work", "{t} sounds wrong somehow", "{t} is the issue, it's poorly recorded", "can you make {t} sound better?",
                                 "make it sound more commercial", "make it sound professional", "make it pop", "it sounds like a demo", "this is just bad",
                                 "i can't put my finger on it but something is wrong", "do something about {t}", "fix {t}", "{t} sounds strange to me"]))
            b.add(pick(rng, SUFFIX))
        elif act == "explain":
            with_part(pick(rng, ["why is {t} panned left?", "why did you cut the lows on {t}?", "why is {t} so quiet?", "what did you do to {t}?", "what does boxy mean?",
                                 "why is the reverb on {t} set like that?", "what's the compressor doing on {t}?", "why did you change {t}?", "explain the eq on {t}",
                                 "what does 'glue' mean?", "why?", "why that value?", "how does compression work?", "what's the difference between wide and narrow drums?",
                                 "what is a high shelf?", "what changed?", "what have you done so far?", "show me the history", "what's your take on drummer perspective?",
                                 "is it normal for {t} to be this loud?", "should {t} be in mono?", "how do i know if my mix is too bright?", "what does this mean?",
                                 "does {t} need compression?", "is {t} too loud?", "what would you do with {t}?", "why does my mix sound bad in the car?",
                                 "what's a good level for {t}?", "how loud should {t} be?", "how do pros get {t} to sit?", "what settings are on {t}?"]))
        elif act == "measure":
            with_part(pick(rng, ["how loud is the mix?", "what's the loudness?", "what's the lufs?", "how loud is {t}?", "what's the loudest track?", "what's the quietest track?",
                                 "analyze the mix", "measure {t}", "check the levels", "is the mix clipping?", "what's the peak level?", "how much dynamic range does it have?",
                                 "show me the spectrum of {t}", "is {t} clipping?", "how load is the overall level", "is it mono compatible?", "what's the crest factor?"]))
        elif act == "undo":
            b.add(pick(rng, ["undo", "undo that", "go back", "revert that", "take that back", "i liked it better before", "put it back", "scratch that", "undo the last change",
                             "change it back", "that was better before, undo", "nope, undo it", "revert", "back to how it was"]))
        elif act == "confirm":
            b.add(pick(rng, ["yes", "yeah do it", "sounds good", "ok apply it", "go ahead", "perfect, apply", "yes please", "sure", "do it", "apply the changes", "looks good to me", "yep"]))
        elif act == "reject":
            b.add(pick(rng, ["no", "nope", "don't do that", "cancel", "never mind", "no thanks", "forget it", "discard that", "leave it as it is", "nah"]))
        elif act == "more":
            b.add(pick(rng, ["a bit more", "more", "even more", "go further", "keep going", "a little more please", "not enough", "more of that", "push it further", "still not enough", "do it again", "a touch more"]))
        elif act == "less":
            b.add(pick(rng, ["a bit less", "too much", "that's too much", "back it off", "dial it back", "less", "a little less", "that's overdone", "ease off", "too far", "halfway", "pull it back a bit"]))
        elif act == "reference":
            ref = pick(rng, ["ref.wav", "reference.mp3", "my rough mix", "rough.wav", "this reference", "the reference track", "song.flac", "mix_v2.wav", "the demo"])
            b.add(pick(rng, ["make it sound like ", "match ", "match the eq of ", "match my mix to ", "can it sound like ", "use ", "compare it to ", "start from ", "match the levels of "]) + ref
                  + pick(rng, ["", " please", "?", " as a reference", " halfway"]))
        elif act == "render":
            b.add(pick(rng, ["render it", "bounce the mix", "export the mix", "export stems for my daw", "print the mix", "render a wav", "bounce it down", "export it as mp3", "write the mix out"]))
        else:
            with_part(pick(rng, ["thanks", "thank you!", "hello", "great job", "nice, that's better", "cool", "love it", "{t} sounds great now", "i love the {t}", "{t} is perfect",
                                 "the {t} sits really well", "great sounding {t}", "wow", "hi there", "nice work on {t}"]))
        text = b.text
        if act not in ("confirm", "reject", "undo") and rng.random() < 0.5:
            text = pick(rng, PREFIX) + text
            shift = len(text) - len(b.text)
            for m in b.mentions:
                m["start"] += shift
                m["end"] += shift
            b.text = text
        return self.finish(b, act, 0.6, {})

    def finish(self, b, act, intensity, master):
        rng = self.rng
        text = b.text
        # Capitals, typos and spacing as people type them; spans stay aligned because only letters inside words change.
        if rng.random() < 0.15:
            text = text[:1].upper() + text[1:]
        if rng.random() < 0.05:
            text = text.upper()
        mentions = b.mentions
        if rng.random() < 0.12:
            pieces, last = [], 0
            for m in sorted(mentions, key=lambda m: m["start"]):
                pieces.append((typo(rng, text[last:m["start"]], 0.15), False))
                pieces.append((text[m["start"]:m["end"]], True))
                last = m["end"]
            pieces.append((typo(rng, text[last:], 0.15), False))
            new, k = "", 0
            ordered = sorted(mentions, key=lambda m: m["start"])
            for piece, is_mention in pieces:
                if is_mention:
                    ordered[k]["start"] = len(new)
                    new += piece
                    ordered[k]["end"] = len(new)
                    k += 1
                else:
                    new += piece
            text = new
        return {"text": text, "act": act, "intensity": round(intensity, 2), "mentions": mentions, "master": master}

    def one(self):
        r = self.rng.random()
        if r < 0.62:
            return self.change_request()
        if r < 0.67:
            return self.mix_comparison_request()
        return self.other_act()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=30000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    gen = Generator(args.seed)
    seen = set()
    with open(args.out, "w", encoding="utf-8") as f:
        n = 0
        while n < args.count:
            ex = gen.one()
            if ex["text"] in seen:
                continue
            seen.add(ex["text"])
            for m in ex["mentions"]:
                assert ex["text"][m["start"]:m["end"]].lower() == ex["text"][m["start"]:m["end"]].lower()
            f.write(json.dumps(ex, ensure_ascii=False) + "\n")
            n += 1


if __name__ == "__main__":
    main()
