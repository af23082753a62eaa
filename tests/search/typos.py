#!/usr/bin/python3
"""typos.py: how well deed search withstands typos, by program: one-letter typos of the judged set's words.

usage: typos.py --kehto PATH --db DB [--set DIR] [--check MIN] [--seed N] [--umlauts]

For each one-word query of the set's plain, derivation, compound and synonym classes (6 letters or more), up to six
typos are made with a fixed seed: a letter left out, doubled, swapped with the next, or replaced. Each typo is searched
for (`kehto search - --json --limit 10`, one process) and its top 10 compared with the correct word's: the Jaccard
index of the two sets of deeds (1 when the same, 0 when none in common; two empty lists count as 1). Prints the mean
and the typos whose results share less than half with the word's. With --check MIN it exits 1 when the mean is below
MIN (make check: tests/e2e/test_search_quality.sh).

With --umlauts the typos are the set's deeds' most common words with ä or ö (UMLAUT_WORDS of them, 3 letters or
more, as they stand inflected) typed with a and o instead, each compared with the word as written.

With --prefixes they are unfinished words: the deeds' PREFIX_WORDS most common words of 10 letters or more, as they
stand inflected, cut to 60 % and to 75 % of their letters (5 at least); each start's top 10 is scored by the share of
the word's top 5 in it (a start may rightly find more than its word).
"""
import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys

CLASSES = ("plain", "derivation", "compound", "synonym")
LETTERS = "aeiouklmnprst"
UMLAUT_WORDS = 600
PREFIX_WORDS = 150
FIELDS = ("title", "summary", "goal", "actions", "results")


def typos(word, rng):
    """Up to six distinct one-edit typos of word, never the first letter."""
    out = set()
    for _ in range(6):
        v = list(word)
        i = rng.randrange(1, len(v) - 1)
        op = rng.choice(("swap", "drop", "double", "replace"))
        if op == "swap":
            v[i], v[i + 1] = v[i + 1], v[i]
        elif op == "drop":
            del v[i]
        elif op == "double":
            v.insert(i, v[i])
        else:
            v[i] = rng.choice(LETTERS)
        t = "".join(v)
        if t != word:
            out.add(t)
    return sorted(out)


def deed_words(setdir, keep, n):
    """The set's deeds' n most common words for which keep(word) holds, the most common first (ties by the word)."""
    count = {}
    with open(os.path.join(setdir, "deeds.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for field in FIELDS:
                for w in re.findall(r"[a-zåäö]+", (r.get(field) or "").lower()):
                    if keep(w):
                        count[w] = count.get(w, 0) + 1
    return sorted(count, key=lambda w: (-count[w], w))[:n]


def umlaut_words(setdir):
    """The set's deeds' UMLAUT_WORDS most common words with ä or ö."""
    return deed_words(setdir, lambda w: len(w) >= 3 and ("ä" in w or "ö" in w), UMLAUT_WORDS)


def prefixes(word):
    """The word cut to 60 % and to 75 % of its letters (5 at least), each once."""
    return sorted({word[:max(5, int(len(word) * f))] for f in (0.6, 0.75)})


def main():
    ap = argparse.ArgumentParser(description="search's agreement between words and their typos")
    ap.add_argument("--kehto", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--set", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--check", type=float)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--umlauts", action="store_true", help="words with ä and ö typed with a and o instead")
    ap.add_argument("--prefixes", action="store_true", help="long words cut to 60 and 75 %% of their letters")
    a = ap.parse_args()
    if a.prefixes:
        words = deed_words(a.set, lambda w: len(w) >= 10, PREFIX_WORDS)
        pairs = [(w, p) for w in words for p in prefixes(w)]
        kind = "starts of %d long words" % len(words)
    elif a.umlauts:
        words = umlaut_words(a.set)
        pairs = [(w, w.replace("ä", "a").replace("ö", "o")) for w in words]
        kind = "words typed without ä and ö"
    else:
        with open(os.path.join(a.set, "queries.tsv"), encoding="utf-8") as f:
            words = [r["query"] for r in csv.DictReader(f, delimiter="\t")
                     if r["class"] in CLASSES and " " not in r["query"] and len(r["query"]) >= 6]
        words = sorted(set(words))
        rng = random.Random(a.seed)
        pairs = [(w, t) for w in words for t in typos(w, rng)]
        kind = "typos of %d words" % len(words)
    if not pairs:
        sys.exit("typos.py: no words to make typos of in %s" % a.set)
    queries = words + [t for _, t in pairs]
    p = subprocess.run([a.kehto, "search", "-", "--json", "--limit", "10", "--db", a.db],
                       input="\n".join(queries) + "\n", capture_output=True, text=True)
    lines = p.stdout.strip().split("\n")
    if p.returncode != 0 or len(lines) != len(queries):
        sys.exit("typos.py: kehto search failed (exit %d): %s" % (p.returncode, p.stderr.strip()[:300]))
    shown = [set(h["ref"] for h in json.loads(line)) for line in lines]
    base = dict(zip(words, shown[:len(words)]))
    total, bad = 0.0, []
    ranked = [[h["ref"] for h in json.loads(line)] for line in lines[:len(words)]]
    for (w, t), got in zip(pairs, shown[len(words):]):
        want = base[w]
        if a.prefixes:
            top = set(ranked[words.index(w)][:5])
            j = len(top & got) / len(top) if top else 1.0
        else:
            j = len(want & got) / len(want | got) if want | got else 1.0
        total += j
        if j < 0.5:
            bad.append((w, t, j))
    mean = total / len(pairs)
    what = "share of the word's top 5 in the start's top 10" if a.prefixes else "agreement with the word's top 10"
    print("%d %s: mean %s %.3f" % (len(pairs), kind, what, mean))
    for w, t, j in bad:
        print("  %s -> %s: %.2f" % (t, w, j))
    if a.check is not None and mean < a.check - 1e-9:
        print("typos.py: mean agreement %.3f is below %.3f" % (mean, a.check), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
