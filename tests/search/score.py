#!/usr/bin/python3
"""score.py: scores deed search against the judged test set: recall@10, precision@10 and nDCG@10 per query class.

usage: score.py --kehto PATH --db DBURL [--set DIR] [--check BASELINE.tsv] [--json] [--queries]

The database must hold the set's deeds (`kehto init` + `kehto import deeds DIR/deeds.csv`). Each query of
DIR/queries.tsv runs through `kehto search - --json --limit 10` (queries on stdin; one process per language, with
`--lang sv|en` for Swedish and English queries when the binary takes --lang; a binary without `-` gets a process per
query, a few at a time). Per query, with the relevant deeds those judged 1 or 2:
  recall@10     relevant deeds in the top 10 / min(10, relevant deeds)
  precision@10  relevant deeds in the top 10 / deeds shown (at most 10); a query that shows nothing scores 0
  nDCG@10       DCG of the grades shown (gain = grade, discount log2(rank + 1)) / DCG of the best possible order
Figures are means over the queries of a class; "all" is the mean over every query.
--check fails (exit 1) when a figure is below the baseline's (class, recall, precision, ndcg) minus TOLERANCE.
--queries prints each query's figures and the relevant deeds it missed.
Exit codes: 0 fine, 1 below the baseline, 2 bad usage, a failing kehto or unreadable files.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

K = 10
TOLERANCE = 0.005
FIGURES = ("recall", "precision", "ndcg")


def die(msg):
    print(f"score.py: {msg}", file=sys.stderr)
    sys.exit(2)


def read_tsv(path, ncols):
    """Returns the rows (lists of ncols strings) of a TSV file after its header row; exits 2 naming the line if bad."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        die(f"{path}: {e.strerror}")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != ncols:
            die(f"{path}, line {n}: {len(cols)} columns, expected {ncols}")
        rows.append(cols)
    return rows


def read_set(d):
    """Returns (queries [(id, class, lang, query)], judgments {query id: {ref: grade}}) of the set in folder d."""
    queries = [tuple(r) for r in read_tsv(os.path.join(d, "queries.tsv"), 4)]
    judged = defaultdict(dict)
    path = os.path.join(d, "judgments.tsv")
    ids = {q[0] for q in queries}
    for qid, ref, grade in read_tsv(path, 3):
        if qid not in ids or grade not in ("0", "1", "2"):
            die(f"{path}: bad row {qid} {ref} {grade} (unknown query or grade not 0, 1 or 2)")
        if grade != "0":
            judged[qid][ref] = int(grade)
    for q in queries:
        if not judged[q[0]]:
            die(f"{path}: query {q[0]} ({q[3]}) has no relevant deed")
    return queries, judged


def takes_lang(kehto, db):
    """Returns whether `kehto search` accepts --lang (asked once; a usage error means it does not)."""
    p = subprocess.run([kehto, "search", "kunta", "--db", db, "--json", "--limit", "1", "--lang", "fi"],
                       capture_output=True, text=True)
    return not (p.returncode == 2 and "--lang" in p.stderr)


def search(kehto, db, lang, query):
    """Returns the refs `kehto search` shows first for query (at most K); exits 2 when kehto fails."""
    cmd = [kehto, "search", query, "--db", db, "--json", "--limit", str(K)] + (["--lang", lang] if lang else [])
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        die(f"kehto search {query!r} failed (exit {p.returncode}): {p.stderr.strip()}")
    try:
        return [h["ref"] for h in json.loads(p.stdout)][:K]
    except (ValueError, KeyError, TypeError):
        die(f"kehto search {query!r}: output is not a JSON list of deeds with refs")


def takes_stdin(kehto, db):
    """Returns whether `kehto search -` reads queries from stdin, one JSON array per line (asked once)."""
    p = subprocess.run([kehto, "search", "-", "--db", db, "--json", "--limit", "1"], input="kunta\nkoulu\n",
                       capture_output=True, text=True)
    return p.returncode == 0 and len(p.stdout.splitlines()) == 2


def search_many(kehto, db, lang, qs):
    """Returns the refs shown first for each query of qs (at most K each), by one `kehto search -`."""
    cmd = [kehto, "search", "-", "--db", db, "--json", "--limit", str(K)] + (["--lang", lang] if lang else [])
    p = subprocess.run(cmd, input="".join(q + "\n" for q in qs), capture_output=True, text=True)
    lines = p.stdout.splitlines()
    if p.returncode != 0 or len(lines) != len(qs):
        die(f"kehto search - failed (exit {p.returncode}, {len(lines)} answers to {len(qs)}): {p.stderr.strip()}")
    try:
        return [[h["ref"] for h in json.loads(line)][:K] for line in lines]
    except (ValueError, KeyError, TypeError):
        die("kehto search -: an answer is not a JSON list of deeds with refs")


def search_all(kehto, db, queries, lang):
    """The refs shown for every query: one process per language when kehto reads queries from stdin, else a process
    per query, a few at a time."""
    qlang = [q[2] if lang and q[2] in ("sv", "en") else None for q in queries]
    if takes_stdin(kehto, db):
        shown = [None] * len(queries)
        for l in dict.fromkeys(qlang):
            idx = [i for i, x in enumerate(qlang) if x == l]
            for i, refs in zip(idx, search_many(kehto, db, l, [queries[i][3] for i in idx])):
                shown[i] = refs
        return shown
    with ThreadPoolExecutor(max(2, os.cpu_count() or 2)) as ex:
        return list(ex.map(lambda i: search(kehto, db, qlang[i], queries[i][3]), range(len(queries))))


def dcg(grades):
    return sum(g / math.log2(i + 2) for i, g in enumerate(grades))


def measure(shown, rel):
    """Returns {recall, precision, ndcg} of the refs shown against rel ({ref: grade})."""
    found = sum(r in rel for r in shown)
    ideal = dcg(sorted(rel.values(), reverse=True)[:K])
    return {"recall": found / min(K, len(rel)), "precision": found / len(shown) if shown else 0.0,
            "ndcg": dcg([rel.get(r, 0) for r in shown]) / ideal}


def summarise(queries, per_query):
    """Returns {class: {n, recall, precision, ndcg}} with "all" last, classes in the order they first appear."""
    groups = defaultdict(list)
    for (qid, cls, _, _), m in zip(queries, per_query):
        groups[cls].append(m)
        groups["all"].append(m)
    order = list(dict.fromkeys([q[1] for q in queries])) + ["all"]
    return {c: {"n": len(groups[c]), **{f: sum(m[f] for m in groups[c]) / len(groups[c]) for f in FIGURES}}
            for c in order}


def check(summary, path):
    """Returns the messages for the figures below the baseline at path (minus TOLERANCE)."""
    bad = []
    for row in read_tsv(path, 4):
        cls, base = row[0], dict(zip(FIGURES, row[1:]))
        if cls not in summary:
            bad.append(f"class {cls} of {path} has no queries in the set")
            continue
        for f in FIGURES:
            try:
                b = float(base[f])
            except ValueError:
                die(f"{path}: class {cls}: {f} '{base[f]}' is not a number")
            if summary[cls][f] < b - TOLERANCE:
                bad.append(f"class {cls}: {f}@10 {summary[cls][f]:.3f} is below the baseline {b:.3f}")
    return bad


def print_table(summary, elapsed, nq, lang):
    print(f"{'class':<12}{'n':>4}{'recall@10':>11}{'prec@10':>9}{'nDCG@10':>9}")
    for c, s in summary.items():
        print(f"{c:<12}{s['n']:>4}{s['recall']:>11.3f}{s['precision']:>9.3f}{s['ndcg']:>9.3f}")
    print(f"{nq} queries in {elapsed:.1f} s{'' if lang else ' (kehto search takes no --lang: all queries without it)'}")


def print_queries(queries, judged, shown, per_query):
    for (qid, cls, lang, q), refs, m in zip(queries, shown, per_query):
        missed = sorted(r for r in judged[qid] if r not in refs)
        print(f"{qid} {cls:<10} r={m['recall']:.2f} p={m['precision']:.2f} n={m['ndcg']:.2f} {q!r}: "
              f"shown {' '.join(refs) or '-'}; missed {' '.join(missed) or '-'}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Scores deed search against the judged test set.")
    ap.add_argument("--kehto", required=True, help="the kehto binary")
    ap.add_argument("--db", required=True, help="a database holding the set's deeds (file or postgresql://…)")
    ap.add_argument("--set", default=here, help="folder of deeds.csv, queries.tsv, judgments.tsv (default: here)")
    ap.add_argument("--check", metavar="BASELINE", help="fail when a figure falls below this baseline TSV")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    ap.add_argument("--queries", action="store_true", help="also print each query's figures and missed deeds")
    a = ap.parse_args()
    queries, judged = read_set(a.set)
    start = time.monotonic()
    lang = takes_lang(a.kehto, a.db)
    shown = search_all(a.kehto, a.db, queries, lang)
    elapsed = time.monotonic() - start
    per_query = [measure(refs, judged[q[0]]) for q, refs in zip(queries, shown)]
    summary = summarise(queries, per_query)
    if a.json:
        print(json.dumps({"classes": summary, "seconds": round(elapsed, 2), "lang": lang}, indent=1))
    else:
        print_table(summary, elapsed, len(queries), lang)
    if a.queries:
        print_queries(queries, judged, shown, per_query)
    if a.check:
        bad = check(summary, a.check)
        for m in bad:
            print(f"score.py: {m}", file=sys.stderr)
        if bad:
            sys.exit(1)


if __name__ == "__main__":
    main()
