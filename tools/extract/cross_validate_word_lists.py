#!/usr/bin/env python3
"""Cross-validates dropping cue words chosen for their low precision.

usage: cross_validate_word_lists.py GOLD.jsonl PRED.jsonl [--folds K] [--max-precision P]

A rule step that drops every prediction whose cue ends in a word chosen for its
low precision on the training split always gains on that split: the choice is
made on the same data. This script measures the choice the honest way. The
documents are split into K folds; words are chosen on the other folds (at least
two predictions in each of two of them, overlap precision below P in both) and
dropped in the held-out fold only, which is then scored with score.py. A
procedure worth keeping raises the held-out figures in most folds.

rules-0.10.0 took out its word lists after this test: overlap fell in all three
folds (tools/extract/README.md).
"""
import argparse
import collections
import copy
import json
import os
import subprocess
import sys
import tempfile

SCORER_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "eval")


def cue_word(text, attribution):
    words = b" ".join(text[s["begin"]:s["end"]] for s in attribution["cue"]).split()
    return words[-1].decode("utf-8", "replace").lower() if words else ""


def precision_by_word(score_mod, gold, pred, doc_ids):
    """Per cue word of non-direct predictions: [predictions, overlap matches]."""
    counts = collections.defaultdict(lambda: [0, 0])
    for doc_id in doc_ids:
        text = gold[doc_id]["text"].encode("utf-8")
        golds = [score_mod.region(text, a["content"]) for a in gold[doc_id]["attributions"]]
        preds = pred.get(doc_id, {}).get("attributions", [])
        regions = [score_mod.region(text, a.get("content", [])) for a in preds]
        pairs = sorted(
            ((len(g & p) / len(g | p), i, j) for i, g in enumerate(golds)
             for j, p in enumerate(regions) if g and p and g & p and len(g & p) / len(g | p) >= 0.5),
            key=lambda x: (-x[0], x[1], x[2]))
        used_gold, matched = set(), set()
        for _, i, j in pairs:
            if i not in used_gold and j not in matched:
                used_gold.add(i)
                matched.add(j)
        for j, a in enumerate(preds):
            if a.get("kind") != "direct":
                counts[cue_word(text, a)][0] += 1
                counts[cue_word(text, a)][1] += j in matched
    return counts


def score_fold(gold, pred, doc_ids, drop):
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = os.path.join(tmp, "gold.jsonl"), os.path.join(tmp, "pred.jsonl")
        with open(gold_path, "w") as g, open(pred_path, "w") as p:
            for doc_id in doc_ids:
                g.write(json.dumps(gold[doc_id]) + "\n")
                doc = copy.deepcopy(pred.get(doc_id, {"doc_id": doc_id, "attributions": []}))
                text = gold[doc_id]["text"].encode("utf-8")
                doc["attributions"] = [a for a in doc["attributions"]
                                       if a.get("kind") == "direct" or cue_word(text, a) not in drop]
                p.write(json.dumps(doc) + "\n")
        out = subprocess.check_output(
            [sys.executable, os.path.join(SCORER_DIR, "score.py"), gold_path, pred_path, "--json"])
    result = json.loads(out)
    return result["content_overlap"]["all"]["f1"], result["content_exact"]["all"]["f1"]


def main():
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("gold")
    parser.add_argument("pred")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--max-precision", type=float, default=1 / 3)
    args = parser.parse_args()
    sys.path.insert(0, SCORER_DIR)
    import score as score_mod  # the reference scorer's region and load

    gold, pred = score_mod.load(args.gold), score_mod.load(args.pred)
    ids = list(gold)
    folds = [ids[k::args.folds] for k in range(args.folds)]
    for k, held_out in enumerate(folds):
        stats = [precision_by_word(score_mod, gold, pred, f) for i, f in enumerate(folds) if i != k]
        drop = {w for w in set().union(*stats) if w and sum(
            1 for s in stats if s[w][0] >= 2 and s[w][1] / s[w][0] < args.max_precision) >= 2}
        before, after = score_fold(gold, pred, held_out, set()), score_fold(gold, pred, held_out, drop)
        print(f"fold {k}: {len(drop)} words; overlap {before[0]:.4f} -> {after[0]:.4f}, "
              f"exact {before[1]:.4f} -> {after[1]:.4f}")


if __name__ == "__main__":
    main()
