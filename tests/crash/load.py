"""load.py: keeps a Kehto server busy with deed submissions (each with three themes) until it goes away.

Usage: load.py PORT TAG [THREADS] [MAX_POSTS]. Loopback only. Each thread posts from its own 127.x.y.z source addresses,
five posts per address (the public limit per hour), and stops at the first connection error or after MAX_POSTS. Prints
the title of each post the server answered with 303 (saved), one a line: each must be in the database after the kill.
A post may also be saved and the server killed before it answers; the crash test checks those by their themes.
"""
import http.client
import secrets
import sys
import threading
import urllib.parse

port, tag = int(sys.argv[1]), sys.argv[2]
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 6
max_posts = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
saved = [[] for _ in range(threads)]


def worker(t):
    token = secrets.token_hex(32)  # any 64 hex digits make an anonymous CSRF cookie the server accepts
    for k in range(max_posts):
        addr = "127.%d.%d.%d" % (1 + t, 1 + (k // 5) // 250, 1 + (k // 5) % 250)
        title = "crash %s %d %d" % (tag, t, k)
        body = urllib.parse.urlencode({
            "csrf": token, "title": title, "organisation": "Kaatumiskunta",
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
            saved[t].append(title)


ts = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
for x in ts:
    x.start()
for x in ts:
    x.join()
for titles in saved:
    for title in titles:
        print(title)
