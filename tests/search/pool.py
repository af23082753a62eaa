#!/usr/bin/python3
"""pool.py: pools judging candidates for every query of the search test set (the union of the top 30 of several methods).

usage: pool.py --kehto PATH [--set DIR]   (DIR defaults to this script's directory; writes DIR/pool.tsv)

Methods, each giving at most 30 deeds per query:
  kehto     the current `kehto search --json --limit 30` on a fresh database with the set's deeds imported
  plain     lowercased whole words of the query, OR, ranked by how many times they occur in the deed
  generous  each query word's first 4-5 letters (umlauts folded) as a prefix of any word, OR, ranked by count
  fuzzy     words within edit distance 2 of a query word (umlauts folded), OR, ranked by count
  transl    for Swedish and English queries: the plain match of the query's Finnish translation (TRANSLATIONS below,
            or the set's translations.tsv: query, Finnish words)
pool.tsv has one row per (query, deed): query_id, ref, the methods that found it, and the deed's title.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

TOP = 30
FIELDS = ("title", "summary", "goal", "actions", "results")
WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")

# The Finnish a user of a Swedish or English query means (used for pooling only, never for scoring).
TRANSLATIONS = {
    "hemvård": "kotihoito kotihoidon kotihoidossa kotihoitoon",
    "arbetshälsa": "työhyvinvointi työhyvinvoinnin työhyvinvointia jaksaminen jaksamista",
    "äldreomsorg": "vanhuspalvelut ikäihmiset ikäihmisten ikääntyneiden vanhusten palveluasumisen",
    "chef": "esimies esimiehet esimiesten esihenkilö esihenkilöt esihenkilöiden johtaminen",
    "småbarnspedagogik": "varhaiskasvatus varhaiskasvatuksen päiväkoti päiväkodit päiväkodeissa",
    "bibliotek": "kirjasto kirjaston kirjastot kirjastoauto",
    "rekrytering": "rekrytointi rekrytoinnin rekrytointiin rekrytoitiin",
    "introduktion av nyanställda": "perehdytys perehdyttäminen uusille työntekijöille perehdytyksen",
    "distansarbete": "etätyö etätyötä etänä hybridityö",
    "avfall": "jäte jätteen biojäte sekajäte jätehuolto kierrätys",
    "kundrespons": "asiakaspalaute asiakaspalautetta palaute palautteet",
    "home care": "kotihoito kotihoidon kotihoidossa",
    "wellbeing at work": "työhyvinvointi työhyvinvoinnin jaksaminen työkyky",
    "early childhood education": "varhaiskasvatus varhaiskasvatuksen päiväkoti päiväkodeissa",
    "library": "kirjasto kirjaston kirjastot",
    "recruitment": "rekrytointi rekrytoinnin rekrytointiin",
    "onboarding": "perehdytys perehdyttäminen perehdytyksen perehdytysohjelma",
    "remote work": "etätyö etätyötä etänä hybridityö",
    "customer feedback": "asiakaspalaute asiakaspalautetta palaute palautteet",
    "robotic process automation": "ohjelmistorobotiikka ohjelmistorobotti robotti rpa",
    "elderly care": "vanhuspalvelut ikäihmiset ikääntyneiden vanhusten palveluasuminen",
    "occupational safety": "työturvallisuus työturvallisuuden työsuojelu tapaturmat",
}

FOLD = str.maketrans("äöåÄÖÅ", "aoaAOA")


def words(text, fold=False):
    """Returns the lowercased words of text (umlauts folded when fold)."""
    t = text.lower()
    return WORD.findall(t.translate(FOLD) if fold else t)


def read_deeds(path):
    """Returns [(ref, title, lowercased words of all fields)] from a deeds CSV."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [(r["ref"], r["title"], " ".join(r[k] for k in FIELDS)) for r in csv.DictReader(f)]


def read_queries(path):
    """Returns the rows (tuples) of a TSV with a header row: [(id, class, lang, query)] of a queries.tsv."""
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    return [tuple(r) for r in rows[1:]]


def ranked(deeds, match):
    """Returns the refs of the top TOP deeds by match(text) > 0, highest first, ties by file order."""
    scored = [(match(text), i, ref) for i, (ref, _, text) in enumerate(deeds)]
    return [ref for s, i, ref in sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))[:TOP]]


def plain(deeds, query):
    qw = set(words(query.replace("*", "")))
    return ranked(deeds, lambda t: sum(w in qw for w in words(t)))


def generous(deeds, query):
    stems = [w[:5] if len(w) >= 7 else w[:4] for w in words(query.replace("*", ""), fold=True)]
    return ranked(deeds, lambda t: sum(any(w.startswith(s) for s in stems) for w in words(t, fold=True)))


def within2(a, b):
    """Returns whether the edit distance (with swaps) between a and b is at most 2."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > 2:
            return False
        prev2, prev = prev, cur
    return prev[-1] <= 2


def fuzzy(deeds, query):
    qw = [w for w in words(query.replace("*", ""), fold=True) if len(w) >= 5]
    return ranked(deeds, lambda t: sum(any(within2(w, q) for q in qw) for w in words(t, fold=True)))


def kehto_top(kehto, db, query):
    """Returns the refs the current search shows first for query (at most TOP)."""
    out = subprocess.run([kehto, "search", query, "--db", db, "--json", "--limit", str(TOP)], capture_output=True,
                         text=True, check=True).stdout
    return [h["ref"] for h in json.loads(out)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Pools judging candidates per query.")
    ap.add_argument("--kehto", required=True)
    ap.add_argument("--set", default=here)
    a = ap.parse_args()
    deeds = read_deeds(os.path.join(a.set, "deeds.csv"))
    queries = read_queries(os.path.join(a.set, "queries.tsv"))
    titles = {ref: title for ref, title, _ in deeds}
    translations = dict(TRANSLATIONS)
    tpath = os.path.join(a.set, "translations.tsv")
    if os.path.exists(tpath):
        translations.update(read_queries(tpath))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "pool.db")
        for cmd in (["init", "--db", db], ["import", "deeds", os.path.join(a.set, "deeds.csv"), "--db", db]):
            subprocess.run([a.kehto] + cmd, check=True, capture_output=True)
        with ThreadPoolExecutor(4) as ex:
            engine = list(ex.map(lambda q: kehto_top(a.kehto, db, q[3]), queries))
    rows = []
    for (qid, _, lang, query), eng in zip(queries, engine):
        found = {}
        methods = [("kehto", eng), ("plain", plain(deeds, query)), ("generous", generous(deeds, query)),
                   ("fuzzy", fuzzy(deeds, query))]
        if lang in ("sv", "en"):
            methods.append(("transl", plain(deeds, translations[query])))
        for name, refs in methods:
            for ref in refs:
                found.setdefault(ref, []).append(name)
        rows += [(qid, ref, ",".join(m), titles[ref]) for ref, m in sorted(found.items())]
    with open(os.path.join(a.set, "pool.tsv"), "w", encoding="utf-8") as f:
        f.write("query_id\tref\tmethods\ttitle\n")
        f.writelines("\t".join(r) + "\n" for r in rows)
    print(f"pool.tsv: {len(rows)} candidates for {len(queries)} queries", file=sys.stderr)


if __name__ == "__main__":
    main()
