#!/usr/bin/env python3
"""Where the engine's predictions miss the annotations, by kind of error.

usage: analyze_misses.py GOLD.jsonl PRED.jsonl [--kind indirect] [--top 40]

Pairs gold and predicted attributions the way ../shared/eval/score.py does
(contents trimmed, one-to-one, greedily by Jaccard similarity, a pair needs
0.5) and prints, for the gold attributions of one kind that found no pair:

  * how many have no predicted content overlapping them at all, and of
    those how many lie in a sentence where the engine predicted nothing, or
    have a cue word the engine takes for a cue elsewhere (so the rules failed
    in context, not the lexicon);
  * for those overlapped by a prediction with Jaccard below 0.5, whether
    the prediction is too long or too short, at which end, and by which rule;
  * the most frequent cue words of the missed ones;
  * per rule: predictions paired and not paired (precision by rule).

Counts and single cue words only; it copies no text of the corpus anywhere.
"""
import argparse
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..",
                                "shared", "eval"))
from score import region  # noqa: E402  (the reference scorer's trimming)

WORD = re.compile(rb"[A-Za-z]+")


def load(path):
    docs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs[d["doc_id"]] = d
    return docs


def pair(gold_regions, pred_regions):
    """score.py's greedy one-to-one pairing: {gold index: pred index}."""
    candidates = []
    for i, g in enumerate(gold_regions):
        for j, p in enumerate(pred_regions):
            if g and p:
                inter = len(g & p)
                if inter and inter / len(g | p) >= 0.5:
                    candidates.append((inter / len(g | p), i, j))
    candidates.sort(reverse=True)
    paired, used = {}, set()
    for _, i, j in candidates:
        if i not in paired and j not in used:
            paired[i] = j
            used.add(j)
    return paired


def cue_words(text, spans):
    return [m.group().lower().decode() for s in spans
            for m in WORD.finditer(text[s["begin"]:s["end"]])]


def sentence_around(text, lo, hi):
    start = max(text.rfind(b". ", 0, lo), text.rfind(b"\n", 0, lo))
    ends = [x for x in (text.find(b". ", hi), text.find(b"\n", hi)) if x >= 0]
    return set(range(start, min(ends + [len(text)])))


def main():
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("gold")
    parser.add_argument("pred")
    parser.add_argument("--kind", default="indirect")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    gold, pred = load(args.gold), load(args.pred)

    engine_cues = collections.Counter()
    for doc_id, d in pred.items():
        text = gold[doc_id]["text"].encode() if doc_id in gold else b""
        for a in d["attributions"]:
            engine_cues.update(cue_words(text, a["cue"]))

    missed = collections.Counter()
    missed_cues = collections.Counter()
    boundary = collections.Counter()
    rule_paired, rule_unpaired = collections.Counter(), collections.Counter()
    for doc_id, g_doc in gold.items():
        text = g_doc["text"].encode()
        golds = g_doc["attributions"]
        preds = pred.get(doc_id, {"attributions": []})["attributions"]
        g_regions = [region(text, g["content"]) for g in golds]
        p_regions = [region(text, p["content"]) for p in preds]
        p_bytes = [set().union(*[range(s["begin"], s["end"])
                                 for s in p["source"] + p["cue"] + p["content"]])
                   for p in preds]
        paired = pair(g_regions, p_regions)
        used = set(paired.values())
        for j, p in enumerate(preds):
            (rule_paired if j in used else rule_unpaired)[p.get("rule", "?")] += 1
        for i, g in enumerate(golds):
            gr = g_regions[i]
            if i in paired or g["kind"] != args.kind or not gr:
                continue
            overlapping = [(len(gr & p) / len(gr | p), j)
                           for j, p in enumerate(p_regions) if p and gr & p]
            if not overlapping:
                words = cue_words(text, g["cue"])
                missed_cues[" ".join(words) or "(none)"] += 1
                cue_bytes = set().union(*[range(s["begin"], s["end"]) for s in g["cue"]])
                sentence = sentence_around(text, min(gr | cue_bytes), max(gr | cue_bytes))
                where = ("cue inside a prediction" if any(cue_bytes & b for b in p_bytes)
                         else "other prediction in sentence" if any(sentence & b for b in p_bytes)
                         else "nothing predicted in sentence")
                known = any(engine_cues[w] >= 3 for w in words if len(w) > 2)
                missed[("no overlap", where,
                        "cue word known to the engine" if known else "cue word unknown")] += 1
                continue
            jaccard, j = max(overlapping)
            p = p_regions[j]
            if jaccard >= 0.5:
                shape, side = "prediction paired with another gold", ""
            elif gr <= p:
                shape = "prediction too long"
                side = ("start" if min(p) < min(gr) else "") + ("end" if max(p) > max(gr) else "")
            elif p <= gr:
                shape = "prediction too short"
                side = ("start" if min(p) > min(gr) else "") + ("end" if max(p) < max(gr) else "")
            else:
                shape, side = "prediction shifted", ""
            boundary[(shape, side, preds[j].get("rule", "?"))] += 1

    print(f"gold {args.kind} attributions without a pair:")
    for key, n in missed.most_common():
        print(f"  {n:6d}  {' / '.join(key)}")
    print(f"  {sum(boundary.values()):6d}  overlapped with Jaccard < 0.5, by shape and rule:")
    for (shape, side, rule), n in boundary.most_common(args.top):
        print(f"      {n:6d}  {shape} {side:8s} {rule}")
    print(f"cue words of the {args.kind} attributions with no overlap at all:")
    print("  " + ", ".join(f"{w} {n}" for w, n in missed_cues.most_common(args.top)))
    print("predictions by rule: paired / not paired / precision")
    for rule in sorted(set(rule_paired) | set(rule_unpaired),
                       key=lambda r: -(rule_paired[r] + rule_unpaired[r])):
        tp, fp = rule_paired[rule], rule_unpaired[rule]
        print(f"  {rule:50s} {tp:6d} {fp:6d} {tp / (tp + fp):.2f}")


if __name__ == "__main__":
    main()
