#!/usr/bin/python3
# Prints SQL (SQLite and PostgreSQL alike) that fills answers for tests/e2e/test_survey_results.sh and
# bench/survey.sh. Surveys must exist already (imported from JSON): results survey id R, series surveys B (before)
# and A (after).
#   survey_results_data.py fixture R B A   the small exact data set the end-to-end test checks figure by figure
#   survey_results_data.py bench R N B A P  N answers to survey R (random), P pairs in the series
import random
import sys

def response(rid, sid, pseud, role, sector, period=2, via="invite"):
    p = "NULL" if pseud is None else "'%s'" % pseud
    return ("INSERT INTO survey_response(id, survey_id, answered_on, pseudonym, via, ctx_role, ctx_sector, "
            "ctx_period_id) VALUES (%d, %d, '2026-12-01', %s, '%s', '%s', '%s', %d);" % (rid, sid, p, via, role, sector, period))

def answer(rid, q, item, num=None, text=None):
    n = "NULL" if num is None else repr(float(num))
    t = "NULL" if text is None else "'%s'" % text.replace("'", "''")
    return "INSERT INTO survey_answer(response_id, question, item, num, text) VALUES (%d, '%s', '%s', %s, %s);" % (rid, q, item, n, t)

def fixture(r, b, a):
    out = []
    q1 = [5, 4, 4, 3, 5, 2, 4, 4, 5, 1, 3, 4, 5, 4]
    for i in range(14):
        rid = 1000 + i
        role = "johto" if i < 5 else "esihenkilo" if i < 10 else "tyontekija"
        out.append(response(rid, r, None, role, "sote" if i < 9 else "opetus"))
        out.append(answer(rid, "q1", "", q1[i]))
        out.append(answer(rid, "q3", "r1", 1 + i % 7))
        if i < 3: out.append(answer(rid, "q3", "r2", 7))
        if i % 2: out.append(answer(rid, "q4", "a", 1))
        if i % 3 == 0: out.append(answer(rid, "q4", "b", 1))
        if i == 4:
            out.append(answer(rid, "q4", "other", 1))
            out.append(answer(rid, "q4", ".other", text="Kirja"))
        out.append(answer(rid, "q5", "", text="a" if i < 8 else "b" if i < 12 else "other"))
        if i >= 12: out.append(answer(rid, "q5", ".other", text="Joku muu"))
        out.append(answer(rid, "q7", "", i * 1.5))
        if i < 2: out.append(answer(rid, "q8", "", text="Avoin vastaus %d" % i))
    # invitations: delivery 1 invited 8 answered 6, delivery 2 invited 3 answered 2
    for k in range(11):
        out.append("INSERT INTO person(id, email, name) VALUES (%d, 'p%d@example.fi', 'P %d');" % (100 + k, k, k))
        d, ans = (1, k < 6) if k < 8 else (2, k < 10)
        out.append("INSERT INTO survey_invite(survey_id, person_id, nonce, token_hash, delivery_id, invited_at, answered) "
                   "VALUES (%d, %d, 'n%d', 'h%d', %d, '2026-11-01T10:00:00Z', %d);" % (r, 100 + k, k, k, d, 1 if ans else 0))
    # pairs: 12 people in both, 2 only before, 1 only after, 1 by the open link; the matrix row paired 3 times
    before = [2, 3, 3, 4, 1, 2, 5, 3, 2, 4, 1, 3]
    after = [4, 3, 5, 4, 3, 4, 4, 5, 3, 5, 2, 3]
    for i in range(12):
        p = "ps%02d" % (40 - i)
        out.append(response(2000 + i, b, p, "", ""))
        out.append(response(3000 + i, a, p, "", ""))
        out.append(answer(2000 + i, "q1", "", before[i]))
        out.append(answer(3000 + i, "q1", "", after[i]))
        if i < 3:
            out.append(answer(2000 + i, "m", "r1", 2))
            out.append(answer(3000 + i, "m", "r1", 3 + i % 2))
    out.append(response(2100, b, "only-b1", "", "")); out.append(answer(2100, "q1", "", 1))
    out.append(response(2101, b, "only-b2", "", "")); out.append(answer(2101, "q1", "", 1))
    out.append(response(3100, a, "only-a", "", "")); out.append(answer(3100, "q1", "", 5))
    out.append(response(3101, a, None, "", "", via="open")); out.append(answer(3101, "q1", "", 5))
    print("BEGIN;")
    print("\n".join(out))
    print("COMMIT;")

def bench(r, n, b, a, pairs):
    rnd = random.Random(13)
    roles = ["johto", "esihenkilo", "tyontekija", "edustaja"]
    sectors = ["sote", "opetus", "tekninen", "elinkeino"]
    regions = ["FI1B1", "FI1C1", "FI193", "FI194"]
    print("BEGIN;")
    rid = 1
    for i in range(n):
        print("INSERT INTO survey_response(id, survey_id, answered_on, pseudonym, via, ctx_role, ctx_sector, ctx_region, "
              "ctx_period_id) VALUES (%d, %d, '2026-12-01', NULL, 'invite', '%s', '%s', '%s', %d);"
              % (rid, r, rnd.choice(roles), rnd.choice(sectors), rnd.choice(regions), 1 + i % 2))
        vals = [(rid, "q1", "", rnd.randint(1, 5)), (rid, "q2", "", rnd.randint(0, 10)),
                (rid, "q3", "r1", rnd.randint(1, 5)), (rid, "q3", "r2", rnd.randint(1, 5)),
                (rid, "q7", "", rnd.randint(0, 40))]
        print("INSERT INTO survey_answer(response_id, question, item, num) VALUES %s;"
              % ",".join("(%d,'%s','%s',%d)" % v for v in vals))
        print("INSERT INTO survey_answer(response_id, question, item, text) VALUES (%d,'q5','','%s');"
              % (rid, rnd.choice(["a", "b", "c"])))
        rid += 1
    for i in range(pairs):
        p = "%016x" % rnd.getrandbits(64)
        x = rnd.randint(1, 5)
        for sid, v in ((b, x), (a, min(5, max(1, x + rnd.randint(-1, 2))))):
            print("INSERT INTO survey_response(id, survey_id, answered_on, pseudonym, via) VALUES "
                  "(%d, %d, '2026-12-01', '%s', 'invite');" % (rid, sid, p))
            print("INSERT INTO survey_answer(response_id, question, item, num) VALUES (%d,'q1','',%d),(%d,'q3','r1',%d);"
                  % (rid, v, rid, max(1, v - 1)))
            rid += 1
    print("COMMIT;")

if sys.argv[1] == "fixture":
    fixture(*map(int, sys.argv[2:5]))
else:
    bench(*map(int, sys.argv[2:7]))
