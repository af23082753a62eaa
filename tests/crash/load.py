"""load.py: keeps a Kehto server busy with deed submissions (each with three themes) until it goes away.

Usage: load.py PORT TAG [THREADS] [MAX_POSTS]. Loopback only. Each thread posts from its own 127.x.y.z source addresses,
five posts per address (the public limit per hour), and stops at the first connection error or after MAX_POSTS. Prints
the number of posts the server answered with 303 (saved) on stdout; the crash test compares the database with what it
finds there, not with this count, since a post may be saved and the server killed before it answers.
"""
import http.client
import secrets
import sys
import threading
import urllib.parse

port, tag = int(sys.argv[1]), sys.argv[2]
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 6
max_posts = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
saved = [0] * threads


def worker(t):
    token = secrets.token_hex(32)  # any 64 hex digits make an anonymous CSRF cookie the server accepts
    for k in range(max_posts):
        addr = "127.%d.%d.%d" % (1 + t, 1 + (k // 5) // 250, 1 + (k // 5) % 250)
        body = urllib.parse.urlencode({
            "csrf": token, "title": "crash %s %d %d" % (tag, t, k), "organisation": "Kaatumiskunta",
            "municipality": "091", "sector": "sote", "year": "2024", "goal": "Tavoite", "results": "Tulos",
            "summary": "Kuormaa", "themes": "kaatuminen-%s, kuorma-%d, teema-%d" % (tag, t, k),
            "contact_name": "Testi Henkilö", "contact_email": "testi@example.fi"})
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(addr, 0))
            c.request("POST", "/tekot/uusi", body, {
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": "kehto_csrf=" + token})
            r = c.getresponse()
            r.read()
            c.close()
        except (OSError, http.client.HTTPException):
            return  # the server is gone
        if r.status == 303:
            saved[t] += 1


ts = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print(sum(saved))
